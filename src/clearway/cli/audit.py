"""`clearway audit verify`: recompute an account's hash chain."""

from __future__ import annotations

from typing import Annotated

import typer

from clearway.audit.service import verify_chain
from clearway.cli.common import fail, load_settings, open_database, print_json

audit_app = typer.Typer(help="The tamper-evident audit trail.", no_args_is_help=True)


@audit_app.command("verify")
def verify(
    account: Annotated[str, typer.Option(help="The account whose chain to verify.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Recompute every event hash; exit 1 and name the first broken event when history was altered."""
    db = open_database(load_settings())
    with db.transaction() as session:
        result = verify_chain(session, account)
    if as_json:
        print_json(result.__dict__)
    if not result.intact:
        fail(
            f"audit chain of {account} is broken at event {result.first_broken_sequence}: {result.reason}", 1
        )
    if not as_json:
        typer.echo(f"audit chain of {account} intact ({result.events} events)")


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app, name="audit")
