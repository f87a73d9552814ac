"""`clearway matchlists add|list|remove`: an account's own block and allow lists (what the MATCHLIST step
of its workflows checks). The same rules as the API's `/v2/matchlists`: a list is made by its first
entry and keeps its action; removing an entry marks it DELETED; every change is audited."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlalchemy.orm import Session

from clearway.cli.common import fail, load_settings, open_database, print_json
from clearway.cli.workflows import CLI_ACTOR
from clearway.errors import DomainError
from clearway.tenancy.models import Account
from clearway.verification import matchlists
from clearway.verification.models import ACTIVE_ENTRY, MatchlistEntry


class Action(StrEnum):
    block = "block"
    allow = "allow"


class Attribute(StrEnum):
    name = "name"
    email = "email"
    phone = "phone"
    identifier = "identifier"


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        name="matchlists",
        help="An account's block and allow lists: add, list and remove entries.",
        no_args_is_help=True,
    )
    group.command("add")(add_command)
    group.command("list")(list_command)
    group.command("remove")(remove_command)
    app.add_typer(group, name="matchlists")


def add_command(
    value: str = typer.Argument(..., help="The name, email, phone or identifier to match."),
    account: str = typer.Option(..., "--account", help="The account whose list it is."),
    list_name: str = typer.Option(..., "--list", help="The list (made with this action if new)."),
    action: Action = typer.Option(..., "--action", help="What a match does: block, or allow (explains)."),
    attribute: Attribute = typer.Option(..., "--attribute", help="What the value is."),
    reason: str | None = typer.Option(None, "--reason", help="Why (shown with every hit)."),
    as_json: bool = typer.Option(False, "--json", help="Print the entry as JSON."),
) -> None:
    """Add an entry; a BLOCK list's entries block matching parties, an ALLOW list's only explain."""
    database = open_database(load_settings())
    try:
        with database.transaction() as session:
            _require_account(session, account)
            matchlist = matchlists.open_matchlist(
                session, account, list_name, action.value.upper(), CLI_ACTOR
            )
            entry = matchlists.add_entry(
                session,
                matchlist,
                matchlists.NewEntry(attribute.value.upper(), value, reason),
                CLI_ACTOR,
            )
            shown = _entry_json(entry)
    except DomainError as exc:
        fail(escape(exc.message))
    finally:
        database.dispose()
    if as_json:
        print_json(shown)
    else:
        typer.echo(f"added {shown['entry_id']} to {shown['action']} list {shown['list']}")


def list_command(
    account: str = typer.Option(..., "--account", help="The account whose entries to show."),
    list_name: str | None = typer.Option(None, "--list", help="Only this list."),
    include_removed: bool = typer.Option(False, "--all", help="Also expired and removed entries."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """The account's matchlist entries, oldest first (active ones unless --all)."""
    states = matchlists.STATES if include_removed else (ACTIVE_ENTRY,)
    database = open_database(load_settings())
    try:
        with database.transaction() as session:
            _require_account(session, account)
            if list_name is not None:
                matchlists.get_matchlist(session, account, list_name)
            shown = [_entry_json(row) for row in _all_entries(session, account, list_name, states)]
    except DomainError as exc:
        fail(escape(exc.message))
    finally:
        database.dispose()
    if as_json:
        print_json(shown)
    else:
        _print_table(shown)


def remove_command(
    entry_id: str = typer.Argument(..., help="The entry's id (as `add` and `list` show it)."),
    account: str = typer.Option(..., "--account", help="The account whose entry it is."),
) -> None:
    """Remove an entry: it is marked DELETED and no longer matches (kept for past results)."""
    database = open_database(load_settings())
    try:
        with database.transaction() as session:
            _require_account(session, account)
            entry = matchlists.get_entry(session, account, entry_id.strip().lower())
            matchlists.remove_entry(session, entry, CLI_ACTOR)
            list_name = entry.list_name
    except DomainError as exc:
        fail(escape(exc.message))
    finally:
        database.dispose()
    typer.echo(f"removed {entry_id} from list {list_name}")


def _require_account(session: Session, account_id: str) -> None:
    if session.get(Account, account_id) is None:
        fail(f"no account {escape(account_id)}")


PAGE = 500


def _all_entries(
    session: Session, account_id: str, list_name: str | None, states: tuple[str, ...]
) -> list[MatchlistEntry]:
    found: list[MatchlistEntry] = []
    page = 1
    while True:
        query = matchlists.EntryQuery(list_name=list_name, states=states, page=page, limit=PAGE)
        rows, total = matchlists.query_entries(session, account_id, query)
        found.extend(rows)
        if not rows or len(found) >= total:
            return found
        page += 1


def _entry_json(entry: MatchlistEntry) -> dict[str, Any]:
    return {
        "entry_id": entry.entry_id,
        "list": entry.list_name,
        "action": entry.action,
        "attribute": entry.attribute,
        "value": entry.value,
        "normalized_value": entry.normalized_value,
        "reason": entry.reason,
        "state": entry.state,
        "created_at": entry.created_at.isoformat(),
        "created_by": entry.created_by,
    }


def _print_table(entries: list[dict[str, Any]]) -> None:
    if not entries:
        typer.echo("no matchlist entries: add one with `clearway matchlists add`")
        return
    table = Table("entry id", "list", "action", "attribute", "value", "state", "reason", "created at")
    for item in entries:
        table.add_row(
            item["entry_id"],
            escape(item["list"]),
            item["action"],
            item["attribute"],
            escape(item["value"]),
            item["state"],
            escape(item["reason"] or "-"),
            item["created_at"][:19],
        )
    # Off a terminal Rich would squeeze the table into 80 columns; a wide console keeps rows on one line.
    Console(width=None if sys.stdout.isatty() else 200).print(table)
