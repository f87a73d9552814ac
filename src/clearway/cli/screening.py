"""`clearway screen` and `clearway screening …`: screen parties against the active lists, score name pairs."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from clearway.cli.common import err_console, fail, load_settings, open_database, print_json
from clearway.errors import DomainError
from clearway.interpreter import freeze_long_lived
from clearway.screening.compare import DEFAULT_THRESHOLD, Party, compare_names
from clearway.screening.inputs import parse_birth_date, parse_country, parse_schema, party_from_row
from clearway.screening.normalize import warm_up
from clearway.screening.parallel import default_workers, map_in_order
from clearway.screening.service import ScreeningResult, ScreeningService, party_to_dict

T = TypeVar("T")
PAIR_COLUMNS = ("name1", "name2")
BATCH_COLUMNS = ("full_name",)


def register(app: typer.Typer) -> None:
    """Attach `screen` and the `screening` command group to the root command."""
    app.command("screen")(screen_command)
    group = typer.Typer(name="screening", help="Name matching tools.", no_args_is_help=True)
    group.command("compare")(compare_command)
    app.add_typer(group, name="screening")


def compare_command(
    input_path: Path = typer.Option(
        ..., "--input", help="CSV with columns name1,name2[,schema]; others kept."
    ),
    output_path: Path = typer.Option(..., "--output", help="The same rows plus `score` and `match`."),
    threshold: float = typer.Option(DEFAULT_THRESHOLD, help="Score at or above which `match` is true."),
    workers: int = typer.Option(
        default_workers(), "--workers", min=1, help="Processes (default: one per CPU, at most 8)."
    ),
) -> None:
    """Score name pairs with the matcher (the evaluation interface)."""
    fieldnames, rows = _read_csv(input_path, PAIR_COLUMNS)
    with err_console.status("loading name tables…"):
        warm_up()
    freeze_long_lived()
    out_fields = [*fieldnames, *(c for c in ("score", "match") if c not in fieldnames)]
    pairs = [(row.get("name1") or "", row.get("name2") or "", row.get("schema")) for row in rows]
    # The output is opened before the workers start, and they start before the progress bar's thread.
    with _open_output(output_path) as handle:
        scores = map_in_order(_pair_score, pairs, workers)
        with _progress() as progress:
            _write_scores(handle, rows, scores, out_fields, threshold, progress)
    err_console.print(f"scored {len(rows)} pairs → {output_path}", highlight=False)


def _write_scores(
    handle: TextIO,
    rows: list[dict[str, str]],
    scores: Iterator[float],
    out_fields: list[str],
    threshold: float,
    progress: Progress,
) -> None:
    writer = csv.DictWriter(handle, fieldnames=out_fields, extrasaction="ignore")
    writer.writeheader()
    task = progress.add_task("scoring pairs", total=len(rows))
    for row, score in zip(rows, scores, strict=True):
        writer.writerow({**row, "score": f"{score:.4f}", "match": _bool(score >= threshold)})
        progress.advance(task)


def _pair_score(pair: tuple[str, str, str | None]) -> float:
    return compare_names(*pair).score


def screen_command(
    name: str | None = typer.Argument(None, help="The name to screen (or use --batch)."),
    schema: str = typer.Option("LegalEntity", help="Person, Organization, Company, Vessel, LegalEntity."),
    dob: str | None = typer.Option(None, "--dob", help="Date of birth: YYYY, YYYY-MM or YYYY-MM-DD."),
    country: list[str] = typer.Option([], "--country", help="ISO country code (repeatable)."),
    threshold: float = typer.Option(DEFAULT_THRESHOLD, help="Report hits scoring at least this."),
    list_names: list[str] = typer.Option([], "--list", help="Only these lists (repeatable)."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    batch: Path | None = typer.Option(
        None, "--batch", help="CSV: full_name[,date_of_birth,nationality,schema]."
    ),
    output: Path | None = typer.Option(None, "--output", help="With --batch: JSON lines, one per input row."),
    workers: int = typer.Option(
        default_workers(),
        "--workers",
        min=1,
        help="With --batch: processes (default: one per CPU, at most 8).",
    ),
) -> None:
    """Screen a party (or a CSV batch) against the active lists of the configured database."""
    if not 0.0 <= threshold <= 1.0:
        fail(f"--threshold must be between 0 and 1, got {threshold}")
    lists = list_names or None
    if batch is not None:
        if name is not None:
            fail("give either NAME or --batch, not both")
        if output is None:
            fail("--batch needs --output HITS.jsonl")
        _screen_batch(batch, output, lists, threshold, workers)
        return
    if not name or not name.strip():
        fail("give a NAME to screen, or --batch INPUT.csv --output HITS.jsonl")
    party = _party(name, schema, dob, country)
    service = _service()
    # The first screening of a process loads the index and rigour's name tables (seconds): say so, on
    # stderr (stdout may be JSON).
    with err_console.status("loading the lists and name tables…"):
        result = _screened(lambda: service.screen(party, lists, threshold))
    if result.unreadable:
        err_console.print(f"warning: {_UNREADABLE}: not screened", highlight=False)
    if as_json:
        print_json(result.to_dict())
    else:
        _print_hits(result)


def _party(name: str, schema: str, dob: str | None, countries: list[str]) -> Party:
    try:
        return Party(
            name=name.strip(),
            schema=parse_schema(schema, "--schema"),
            birth_dates=(parse_birth_date(dob, "--dob"),) if dob else (),
            countries=tuple(parse_country(code, "--country") for code in countries),
        )
    except DomainError as exc:
        fail(_domain_message(exc))


def _screen_batch(batch: Path, output: Path, lists: list[str] | None, threshold: float, workers: int) -> None:
    _fieldnames, rows = _read_csv(batch, BATCH_COLUMNS)
    parties: list[Party] = []
    for number, row in enumerate(rows, start=1):
        try:
            parties.append(party_from_row(row))
        except DomainError as exc:
            fail(f"{batch}: row {number}: {_domain_message(exc)}")
    service = _service()
    # The output is opened before the workers start, and they start before the progress bar's thread.
    with _open_output(output) as handle:
        results = _screened(lambda: service.screen_many(parties, lists, threshold, workers=workers))
        with _progress() as progress:
            task = progress.add_task("screening", total=len(parties))
            unreadable: list[int] = []
            for number, result in enumerate(_checked(results), start=1):
                line: dict[str, object] = {
                    "row": number,
                    "query": party_to_dict(result.query),
                    "hits": [h.to_dict() for h in result.hits],
                }
                if result.unreadable:
                    line["unreadable"] = True
                    unreadable.append(number)
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
                progress.advance(task)
    err_console.print(f"screened {len(parties)} rows → {output}", highlight=False)
    if unreadable:
        shown = ", ".join(map(str, unreadable[:20])) + (", …" if len(unreadable) > 20 else "")
        err_console.print(
            f'warning: {len(unreadable)} row(s) not screened, {_UNREADABLE} ("unreadable": true): {shown}',
            highlight=False,
        )


# What an unreadable query is (`PreparedParty.unreadable`), as the warnings say it.
_UNREADABLE = "no word of the name is in a script Clearway reads (or it is only punctuation)"


def _checked(results: Iterator[ScreeningResult]) -> Iterator[ScreeningResult]:
    try:
        yield from results
    except DomainError as exc:
        fail(_domain_message(exc))


def _screened(action: Callable[[], T]) -> T:
    try:
        return action()
    except DomainError as exc:
        fail(_domain_message(exc))


def _domain_message(exc: DomainError) -> str:
    details = getattr(exc, "details", None) or []
    field = getattr(details[0], "field", None) if details else None
    return f"{field}: {exc}" if field and field not in str(exc) else str(exc)


def _read_csv(path: Path, required: tuple[str, ...]) -> tuple[list[str], list[dict[str, str]]]:
    """Rows of a CSV file (BOM, quoting and blank lines tolerated); header names are trimmed and
    matched case-insensitively to the required columns, which must be present."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None:
                fail(f"{path}: empty file (expected a header with {', '.join(required)})")
            fieldnames = [_column_name(column, required) for column in header]
            missing = [column for column in required if column not in fieldnames]
            if missing:
                fail(f"{path}: missing column {', '.join(missing)} (header: {', '.join(header)})")
            rows = [
                {fieldnames[i]: value for i, value in enumerate(record) if i < len(fieldnames)}
                for record in reader
                if any(value.strip() for value in record)
            ]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        fail(f"{path}: cannot read CSV: {exc}")
    return fieldnames, rows


def _column_name(column: str, known: tuple[str, ...]) -> str:
    stripped = column.strip()
    lowered = stripped.lower()
    for name in (*known, "schema", "date_of_birth", "nationality"):
        if lowered == name:
            return name
    return stripped


def _open_output(path: Path) -> TextIO:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        fail(f"{path}: cannot write: {exc}")


def _progress() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=False,
    )


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _print_hits(result: ScreeningResult) -> None:
    console = Console()
    versions = ", ".join(f"{name} v{version}" for name, version in sorted(result.list_versions.items()))
    console.print(
        f"{len(result.hits)} hit(s) at ≥ {result.threshold:.2f} in {versions or 'no lists'}", highlight=False
    )
    if not result.hits:
        return
    table = Table("score", "list", "entry", "schema", "caption", "matched name", "why")
    for hit in result.hits:
        table.add_row(
            f"{hit.score:.3f}",
            hit.list_name,
            hit.entry_id,
            hit.schema,
            escape(hit.caption),
            escape(hit.matched_name),
            escape(hit.explanation.summary()),
        )
    console.print(table)


def _service() -> ScreeningService:
    settings = load_settings()
    # The built index is kept under the data dir: the next command with unchanged lists loads it.
    return ScreeningService(open_database(settings), cache_dir=settings.data_dir / "screening-index")
