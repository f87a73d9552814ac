"""The simple CSV an account uses for its own lists (documented in docs/lists.md).

Header row required; columns `id,name,schema,aliases,date_of_birth,countries,identifiers,programs,remarks`
(any order, case-insensitive; only `id` and `name` are required; extra columns are ignored). Multi-values
are ";"-separated; identifiers are `kind:value[:country]`."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from clearway.screening.entry import AliasQuality, EntryIdentifier, EntryName, EntrySchema, ListEntry
from clearway.screening.lists.countries import country_code
from clearway.screening.lists.dates import iso_date_prefix
from clearway.screening.lists.errors import ListFormatError
from clearway.screening.lists.names import clean, unique, unique_names
from clearway.screening.lists.source import read_text

COLUMNS = (
    "id",
    "name",
    "schema",
    "aliases",
    "date_of_birth",
    "countries",
    "identifiers",
    "programs",
    "remarks",
)
REQUIRED_COLUMNS = ("id", "name")
DEFAULT_SCHEMA = EntrySchema.PERSON
SCHEMAS = {
    "person": EntrySchema.PERSON,
    "individual": EntrySchema.PERSON,
    "organization": EntrySchema.ORGANIZATION,
    "organisation": EntrySchema.ORGANIZATION,
    "company": EntrySchema.ORGANIZATION,
    "legalentity": EntrySchema.ORGANIZATION,
    "vessel": EntrySchema.VESSEL,
    "aircraft": EntrySchema.AIRCRAFT,
    "airplane": EntrySchema.AIRCRAFT,
}


class _Line:
    """One data line, with errors that name the file, the line and the column."""

    def __init__(self, path: Path, number: int, values: dict[str, str]) -> None:
        self.path, self.number, self.values = path, number, values

    def get(self, column: str) -> str:
        return clean(self.values.get(column))

    def many(self, column: str) -> list[str]:
        return [item for item in (clean(part) for part in self.get(column).split(";")) if item]

    def error(self, column: str, message: str) -> ListFormatError:
        return ListFormatError(self.path, f"line {self.number}", column, message)


def default_list_name(path: Path) -> str:
    return path.stem


def load_custom_csv(path: str | Path, list_name: str | None = None) -> Iterator[ListEntry]:
    path = Path(path)
    name = list_name or default_list_name(path)
    seen: dict[str, int] = {}
    for line in _lines(path):
        entry = _entry(line, name)
        if entry.entry_id in seen:
            raise line.error("id", f"duplicate id {entry.entry_id!r} (first on line {seen[entry.entry_id]})")
        seen[entry.entry_id] = line.number
        yield entry


def _lines(path: Path) -> Iterator[_Line]:
    reader = csv.reader(io.StringIO(read_text(path), newline=""), strict=True)
    try:
        header = [column.strip().lower() for column in next(reader, [])]
        missing = [column for column in REQUIRED_COLUMNS if column not in header]
        if missing:
            raise ListFormatError(
                path,
                "line 1",
                missing[0],
                f"header row must name the columns "
                f"{', '.join(REQUIRED_COLUMNS)} (found: {', '.join(header) or 'nothing'})",
            )
        for record in reader:
            if any(value.strip() for value in record):
                yield _Line(path, reader.line_num, dict(zip(header, record, strict=False)))
    except csv.Error as exc:
        raise ListFormatError(path, f"line {reader.line_num}", None, f"malformed CSV: {exc}") from exc


def _entry(line: _Line, list_name: str) -> ListEntry:
    for column in REQUIRED_COLUMNS:
        if not line.get(column):
            raise line.error(column, "required value is missing")
    return ListEntry(
        entry_id=line.get("id"),
        list_name=list_name,
        schema=_schema(line),
        names=unique_names(
            [
                EntryName(line.get("name"), AliasQuality.PRIMARY),
                *(EntryName(alias, AliasQuality.STRONG) for alias in line.many("aliases")),
            ]
        ),
        birth_dates=unique(_date(line, value) for value in line.many("date_of_birth")),
        countries=unique(_country(line, value) for value in line.many("countries")),
        identifiers=unique(_identifier(line, value) for value in line.many("identifiers")),
        programs=unique(line.many("programs")),
        remarks=line.get("remarks") or None,
    )


def _schema(line: _Line) -> EntrySchema:
    text = line.get("schema")
    if not text:
        return DEFAULT_SCHEMA
    schema = SCHEMAS.get(text.lower().replace(" ", ""))
    if schema is None:
        raise line.error("schema", f"unknown schema {text!r} (Person, Organization, Vessel, Aircraft)")
    return schema


def _date(line: _Line, text: str) -> str:
    value = iso_date_prefix(text)
    if value is None or len(text) > 10:
        raise line.error("date_of_birth", f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value


def _country(line: _Line, text: str) -> str:
    code = country_code(text)
    if code is None:
        raise line.error("countries", f"{text!r} is not a country (use ISO codes such as RU, or names)")
    return code


def _identifier(line: _Line, text: str) -> EntryIdentifier:
    kind, colon, rest = text.partition(":")
    value, country = rest.strip(), None
    head, colon2, tail = value.rpartition(":")
    if colon2 and head.strip():
        country = country_code(tail)
        if country is None:
            raise line.error("identifiers", f"{tail.strip()!r} in {text!r} is not a country")
        value = head.strip()
    if not colon or not kind.strip() or not value:
        raise line.error("identifiers", f"{text!r} is not kind:value[:country]")
    return EntryIdentifier(kind.strip().lower(), value, country)
