"""What every command shares: settings, the database, and failing with a clear message."""

from __future__ import annotations

import json
from typing import Any, NoReturn

import typer
from pydantic import ValidationError
from rich.console import Console

from clearway.db import Database
from clearway.db.migrate import upgrade
from clearway.settings import Settings

err_console = Console(stderr=True, soft_wrap=True)


def fail(message: str, exit_code: int = 2) -> NoReturn:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(exit_code)


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        problems = "; ".join(
            f"CLEARWAY_{'_'.join(map(str, e['loc'])).upper()}: {e['msg']}" for e in exc.errors()
        )
        fail(f"invalid configuration: {problems}")


def open_database(settings: Settings, migrate: bool = True) -> Database:
    """Open the configured database, applying pending migrations first (commands need the schema)."""
    url = settings.effective_database_url
    try:
        database = Database(url, pool_size=settings.db_pool_size)  # creates the data directory
        if migrate:
            upgrade(url)
        return database
    except Exception as exc:
        fail(f"cannot open database {_redact(url)}: {exc}")


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, sort_keys=False, default=str))


def _redact(url: str) -> str:
    head, at, tail = url.rpartition("@")
    if not at:
        return url
    scheme, _, _credentials = head.partition("://")
    return f"{scheme}://***@{tail}"
