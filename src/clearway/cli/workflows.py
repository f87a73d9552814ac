"""`clearway workflows list|show NAME|import FILE --account ID`: workflow definitions."""

from __future__ import annotations

from pathlib import Path

import typer
import yaml

from clearway.audit.service import Actor
from clearway.cli.common import fail, load_settings, open_database, print_json
from clearway.errors import DomainError
from clearway.tenancy.models import Account
from clearway.verification.catalog import find_definition, import_definition, list_definitions
from clearway.verification.definitions import parse_text
from clearway.verification.models import GLOBAL_SCOPE

CLI_ACTOR = Actor(credential_id=None, username="cli", channel="cli")


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        name="workflows", help="Workflow definitions: list, show, import.", no_args_is_help=True
    )
    group.command("list")(list_command)
    group.command("show")(show_command)
    group.command("import")(import_command)
    app.add_typer(group, name="workflows")


def list_command(
    account: str = typer.Option("", "--account", help="Include this account's own definitions."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Built-in definitions (and an account's), latest version of each name."""
    database = open_database(load_settings())
    with database.transaction() as session:
        rows = [
            {
                "name": r.name,
                "version": r.version,
                "entityType": r.entity_type,
                "lifecyclePhase": r.lifecycle_phase,
                "scope": "built-in" if r.scope == GLOBAL_SCOPE else r.scope,
            }
            for r in list_definitions(session, account)
        ]
    if as_json:
        print_json(rows)
        return
    for row in rows:
        typer.echo(
            f"{row['name']}\tv{row['version']}\t{row['entityType']}\t{row['lifecyclePhase']}\t{row['scope']}"
        )


def show_command(
    name: str = typer.Argument(..., help="Workflow name."),
    account: str = typer.Option("", "--account", help="Resolve the name for this account."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of YAML."),
) -> None:
    """The definition document that runs for this name."""
    database = open_database(load_settings())
    try:
        with database.transaction() as session:
            document = find_definition(session, account, name).document
    except DomainError as exc:
        fail(exc.message)
    if as_json:
        print_json(document)
    else:
        typer.echo(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), nl=False)


def import_command(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, help="A YAML or JSON definition."),
    account: str = typer.Option(..., "--account", help="The account the definition belongs to."),
) -> None:
    """Validate a definition and store it as the account's (a new name, or a new version)."""
    database = open_database(load_settings())
    try:
        document = parse_text(path.read_text("utf-8"), path.name)
        with database.transaction() as session:
            if session.get(Account, account) is None:
                fail(f"no account {account}")
            record = import_definition(session, account, document, CLI_ACTOR)
            typer.echo(f"imported {record.name} v{record.version} for {account}")
    except DomainError as exc:
        fail(exc.message)
