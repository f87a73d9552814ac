"""`clearway lists import PATH` and `clearway lists list`: screening lists as versioned snapshots."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from clearway.cli.common import err_console, fail, load_settings, open_database, print_json
from clearway.errors import DomainError
from clearway.screening.lists.detect import ListFormat
from clearway.screening.lists.service import (
    ImportProgress,
    ImportReport,
    ListSummary,
    import_list,
    list_lists,
)

_STAGE_LABELS = {"parse": "reading entries", "write": "writing snapshot"}


def register(app: typer.Typer) -> None:
    """Attach the `lists` command group to the root command."""
    group = typer.Typer(
        name="lists", help="Screening lists: import versioned snapshots and show them.", no_args_is_help=True
    )
    group.command("import")(import_command)
    group.command("list")(list_command)
    app.add_typer(group, name="lists")


def import_command(
    path: Path = typer.Argument(
        ..., help="A list file, or the folder of OFAC's four CSV files / an FtM delta index."
    ),
    fmt: ListFormat | None = typer.Option(None, "--format", help="The list format (detected when omitted)."),
    name: str | None = typer.Option(None, "--name", help="List name (default per format, e.g. ofac-sdn)."),
    account: str | None = typer.Option(None, "--account", help="Import as this account's own list."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Import a list as a new version (nothing changes when the content is the same as the active one)."""
    database = open_database(load_settings())
    try:
        with _progress_bar(enabled=err_console.is_terminal) as progress, database.transaction() as session:
            report = import_list(session, path, fmt, name, account, progress)
    except DomainError as exc:
        fail(escape(exc.message))
    finally:
        database.dispose()
    if as_json:
        print_json(asdict(report))
    else:
        typer.echo(_describe(report))


def list_command(
    account: str | None = typer.Option(None, "--account", help="Also show this account's own lists."),
    as_json: bool = typer.Option(False, "--json", help="Print the lists as JSON."),
) -> None:
    """Show the screening lists with their active version."""
    database = open_database(load_settings())
    try:
        with database.transaction() as session:
            summaries = list_lists(session, account)
    finally:
        database.dispose()
    if as_json:
        print_json([_summary_json(summary) for summary in summaries])
    else:
        _print_table(summaries)


def _describe(report: ImportReport) -> str:
    if report.unchanged:
        return (
            f"{report.list_name}: unchanged, version {report.active_version} stays active "
            f"({report.total} entries)"
        )
    return (
        f"{report.list_name}: version {report.version} imported, {report.total} entries "
        f"({report.added} added, {report.changed} changed, {report.removed} removed)"
    )


def _summary_json(summary: ListSummary) -> dict[str, object]:
    data = asdict(summary)
    data["imported_at"] = summary.imported_at.isoformat() if summary.imported_at else None
    return data


def _print_table(summaries: list[ListSummary]) -> None:
    if not summaries:
        typer.echo("no screening lists yet: import one with `clearway lists import PATH`")
        return
    table = Table("name", "format", "account", "version", "entries", "imported at", "source")
    for summary in summaries:
        table.add_row(
            summary.name,
            summary.format,
            summary.account_id or "(global)",
            str(summary.active_version or "-"),
            str(summary.entries),
            summary.imported_at.isoformat(timespec="seconds") if summary.imported_at else "-",
            summary.source_name or "-",
        )
    # Off a terminal Rich would squeeze the table into 80 columns; a wide console keeps rows on one line.
    Console(width=None if sys.stdout.isatty() else 200).print(table)


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[ImportProgress | None]:
    """A Rich progress bar on stderr (interactive terminals only, so pipes and --json stay clean)."""
    if not enabled:
        yield None
        return
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task(_STAGE_LABELS["parse"], total=None)

        def update(stage: str, done: int, total: int | None) -> None:
            bar.update(task, description=_STAGE_LABELS.get(stage, stage), completed=done, total=total)

        yield update
