"""`clearway serve` and `clearway db upgrade`."""

from __future__ import annotations

import os
from typing import Annotated

import typer
import uvicorn

from clearway.cli.common import fail, load_settings, open_database
from clearway.db.base import utcnow
from clearway.settings import Environment, Settings
from clearway.tenancy.service import has_live_accounts, purge_expired_nonces

# A process's first screening builds the name-analysis tables in native code holding the GIL for
# seconds; uvicorn's default 5 s health check would take the busy worker for dead and kill it.
WORKER_HEALTHCHECK_SECONDS = 120

db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)


def serve(
    host: Annotated[
        str | None, typer.Option(help="Interface to bind [env CLEARWAY_HOST, 127.0.0.1].")
    ] = None,
    port: Annotated[
        int | None, typer.Option(help="Port [env CLEARWAY_PORT, 8000].", min=1, max=65535)
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes [env CLEARWAY_WORKERS, 1].", min=1)
    ] = None,
) -> None:
    """Apply pending migrations, then serve the API (both dialects, /docs, /healthz)."""
    settings = load_settings()
    overrides = {"CLEARWAY_HOST": host, "CLEARWAY_PORT": port, "CLEARWAY_WORKERS": workers}
    for name, value in overrides.items():
        if value is not None:
            os.environ[name] = str(value)  # worker processes read their settings from the environment
    settings = load_settings()
    db = open_database(settings)
    with db.transaction() as session:
        live = settings.environment == Environment.LIVE or has_live_accounts(session)
        purge_expired_nonces(session, utcnow())
    db.dispose()
    _refuse_unsafe_live(settings, live)
    uvicorn.run(
        "clearway.app:create_app_from_env",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        log_level=settings.log_level.lower(),
        access_log=False,
        server_header=False,
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
    )


def _refuse_unsafe_live(settings: Settings, live: bool) -> None:
    if live and settings.is_default_master_key:
        fail(
            "refusing to serve live data with the default master key: set CLEARWAY_MASTER_KEY to the base64 "
            'of 32 random bytes (e.g. `python -c "import os,base64;print(base64.b64encode(os.urandom(32))'
            '.decode())"`)'
        )


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply pending migrations to the configured database."""
    settings = load_settings()
    open_database(settings).dispose()
    typer.echo("database is up to date")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(db_app, name="db")
