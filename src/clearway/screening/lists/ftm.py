"""OpenSanctions FollowTheMoney (FtM) JSON lines: full exports (`entities.ftm.json`, one entity a line)
and delta files (`entities.delta.json`, one `{"op": "ADD"|"MOD"|"DEL", "entity": {...}}` a line) with the
`delta.json` index that lists a dataset's delta versions.

Only "thing" schemata become entries (Person, Company, Organization, LegalEntity, PublicBody, Vessel,
Airplane). In full exports, Sanction records add their program ids to the sanctioned entity; other
schemata (Ownership, Address, Family, …) are skipped. The primary name is the record's `caption`."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from clearway.screening.entry import (
    AliasQuality,
    EntryAddress,
    EntryIdentifier,
    EntryName,
    EntrySchema,
    ListEntry,
)
from clearway.screening.lists.dates import iso_date_prefix
from clearway.screening.lists.errors import ListFormatError
from clearway.screening.lists.names import clean, unique, unique_names

DEFAULT_LIST_NAME = "opensanctions"
FULL_EXPORT_FILE = "entities.ftm.json"
DELTA_FILE = "entities.delta.json"
DELTA_INDEX_FILE = "delta.json"

THING_SCHEMAS = {
    "Person": EntrySchema.PERSON,
    "Company": EntrySchema.ORGANIZATION,
    "Organization": EntrySchema.ORGANIZATION,
    "LegalEntity": EntrySchema.ORGANIZATION,
    "PublicBody": EntrySchema.ORGANIZATION,
    "Vessel": EntrySchema.VESSEL,
    "Airplane": EntrySchema.AIRCRAFT,
}
DELTA_OPS = ("ADD", "MOD", "DEL")
# Identity documents are separate FtM records pointing at their holder.
_DOCUMENT_SCHEMAS = {"Passport": "passport", "Identification": "national_id"}

_ALIAS_PROPERTIES = (
    ("name", AliasQuality.STRONG),
    ("alias", AliasQuality.STRONG),
    ("previousName", AliasQuality.FORMER),
    ("weakAlias", AliasQuality.WEAK),
    ("abbreviation", AliasQuality.WEAK),
)
_COUNTRY_PROPERTIES = ("nationality", "citizenship", "country", "jurisdiction", "flag")
_IDENTIFIER_PROPERTIES = {
    "passportNumber": "passport",
    "idNumber": "national_id",
    "taxNumber": "tax_id",
    "innCode": "tax_id",
    "vatCode": "tax_id",
    "registrationNumber": "registration",
    "ogrnCode": "registration",
    "imoNumber": "imo",
    "mmsi": "mmsi",
    "swiftBic": "swift",
    "leiCode": "lei",
    "dunsCode": "duns",
    "callSign": "call_sign",
}
# Delta versions are named "<UTC timestamp>-<suffix>", e.g. "20240527194702-wnk": sortable as text.
_VERSION_KEY = re.compile(r"^\d{14}")


@dataclass(frozen=True)
class DeltaOp:
    """One delta line. `entry` is None for DEL, and for ADD/MOD of a record that is not a screenable
    thing (the entity, if we had it, is no longer one)."""

    op: str
    entry_id: str
    entry: ListEntry | None


@dataclass(frozen=True)
class DeltaFile:
    key: str | None  # the delta version ("20240527194702-wnk") when the folder name is one
    path: Path


def is_delta_source(path: Path) -> bool:
    if path.is_dir():
        return (path / DELTA_INDEX_FILE).is_file() or (path / DELTA_FILE).is_file()
    return path.name == DELTA_INDEX_FILE or path.name.endswith(".delta.json")


def full_export_file(path: Path) -> Path:
    """The export file itself, or `entities.ftm.json` inside a folder."""
    if path.is_dir():
        path = path / FULL_EXPORT_FILE
    if not path.is_file():
        raise ListFormatError(path, None, None, "file not found")
    return path


def load_ftm(path: str | Path, list_name: str = DEFAULT_LIST_NAME) -> Iterator[ListEntry]:
    """Things of a full export, in file order, with the programs of the Sanctions that target them."""
    source = full_export_file(Path(path))
    # Sanctions and documents may come before or after the entity they point at: collect, then attach.
    things: list[ListEntry] = []
    programs: dict[str, list[str]] = defaultdict(list)
    documents: dict[str, list[EntryIdentifier]] = defaultdict(list)
    for line, record in _records(source):
        schema = record["schema"]
        if schema in THING_SCHEMAS:
            things.append(_entry(source, line, record, list_name))
        elif schema == "Sanction":
            for entity_id in _values(record, "entity"):
                programs[entity_id].extend(_values(record, "programId") or _values(record, "program"))
        elif schema in _DOCUMENT_SCHEMAS:
            for holder in _values(record, "holder"):
                documents[holder].extend(_documents(record))
    for entry in things:
        extra_programs, extra_documents = programs.get(entry.entry_id), documents.get(entry.entry_id)
        if extra_programs or extra_documents:
            entry = replace(
                entry,
                programs=unique([*entry.programs, *(extra_programs or ())]),
                identifiers=unique([*entry.identifiers, *(extra_documents or ())]),
            )
        yield entry


def read_delta(path: str | Path, list_name: str = DEFAULT_LIST_NAME) -> Iterator[DeltaOp]:
    """The operations of one `entities.delta.json` file, in file order."""
    path = Path(path)
    for line, record in _lines(path):
        op = record.get("op")
        if op not in DELTA_OPS:
            raise ListFormatError(
                path, f"line {line}", "op", f"expected one of {', '.join(DELTA_OPS)}, got {op!r}"
            )
        entity = record.get("entity")
        if not isinstance(entity, dict) or not isinstance(entity.get("id"), str) or not entity["id"]:
            raise ListFormatError(path, f"line {line}", "entity.id", "required value is missing")
        if op != "DEL" and entity.get("schema") in THING_SCHEMAS:
            _check_entity(path, line, entity)
            yield DeltaOp(op, entity["id"], _entry(path, line, entity, list_name))
        else:
            yield DeltaOp(op, entity["id"], None)


def delta_files(path: Path) -> list[DeltaFile]:
    """The delta files to apply, oldest first: those listed by a `delta.json` index (a folder holding it,
    or the index itself; each version's file is looked up next to the index as
    `<version>/entities.delta.json`), or one delta file."""
    index = path / DELTA_INDEX_FILE if path.is_dir() else path
    if index.name != DELTA_INDEX_FILE:
        single = path / DELTA_FILE if path.is_dir() else path
        return [DeltaFile(_version_key(single.parent.name), single)]
    files = []
    for key in sorted(_index_versions(index)):
        file = index.parent / key / DELTA_FILE
        if not file.is_file():
            raise ListFormatError(
                index, f"version {key}", "versions", f"delta file {key}/{DELTA_FILE} not found"
            )
        files.append(DeltaFile(_version_key(key), file))
    return files


def _index_versions(index: Path) -> dict[str, Any]:
    try:
        data = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ListFormatError(index, None, None, f"unreadable delta index: {exc}") from exc
    versions = data.get("versions") if isinstance(data, dict) else None
    if not isinstance(versions, dict):
        raise ListFormatError(index, None, "versions", "expected an object of version → URL")
    return versions


def _version_key(name: str) -> str | None:
    return name if _VERSION_KEY.match(name) else None


def _lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) of each non-blank line."""
    try:
        with path.open(encoding="utf-8-sig") as stream:
            for number, text in enumerate(stream, start=1):
                if not text.strip():
                    continue
                try:
                    record = json.loads(text)
                except json.JSONDecodeError as exc:
                    raise ListFormatError(path, f"line {number}", None, f"invalid JSON: {exc.msg}") from exc
                if not isinstance(record, dict):
                    raise ListFormatError(path, f"line {number}", None, "expected a JSON object")
                yield number, record
    except (OSError, UnicodeDecodeError) as exc:
        raise ListFormatError(path, None, None, f"cannot read the file: {exc}") from exc


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    for line, record in _lines(path):
        _check_entity(path, line, record)
        yield line, record


def _check_entity(path: Path, line: int, record: dict[str, Any]) -> None:
    for field in ("id", "schema"):
        if not isinstance(record.get(field), str) or not record[field]:
            raise ListFormatError(path, f"line {line}", field, "required value is missing")
    properties = record.get("properties", {})
    if not isinstance(properties, dict) or not all(isinstance(v, list | str) for v in properties.values()):
        raise ListFormatError(
            path, f"line {line}", "properties", "expected an object of property → list of values"
        )


def _values(record: dict[str, Any], prop: str) -> list[str]:
    raw = record.get("properties", {}).get(prop, [])
    values = [raw] if isinstance(raw, str) else raw
    return [text for text in (clean(str(value)) for value in values if value is not None) if text]


def _entry(path: Path, line: int, record: dict[str, Any], list_name: str) -> ListEntry:
    schema = THING_SCHEMAS[record["schema"]]
    names = _names(record)
    if not names:
        raise ListFormatError(path, f"line {line} ({record['id']})", "name", "the entity has no name")
    return ListEntry(
        entry_id=record["id"],
        list_name=list_name,
        schema=schema,
        names=names,
        birth_dates=unique(iso_date_prefix(value) for value in _values(record, "birthDate")),
        birth_places=unique(_values(record, "birthPlace")),
        countries=unique(_country(value) for prop in _COUNTRY_PROPERTIES for value in _values(record, prop)),
        gender=next(
            (value.lower() for value in _values(record, "gender") if value.lower() in ("male", "female")),
            None,
        ),
        identifiers=unique(
            EntryIdentifier(kind, value)
            for prop, kind in _IDENTIFIER_PROPERTIES.items()
            for value in _values(record, prop)
        ),
        addresses=unique(EntryAddress(value) for value in _values(record, "address")),
        programs=unique(_values(record, "programId")),
        remarks="\n".join(unique(_values(record, "notes"))) or None,
        source_url=next(iter(_values(record, "sourceUrl")), None),
        first_seen=_timestamp(record.get("first_seen")),
        last_seen=_timestamp(record.get("last_seen")),
        topics=unique(_values(record, "topics")),
    )


def _documents(record: dict[str, Any]) -> list[EntryIdentifier]:
    kind = _DOCUMENT_SCHEMAS[record["schema"]]
    country = next((code for code in map(_country, _values(record, "country")) if code), None)
    return [EntryIdentifier(kind, number, country) for number in _values(record, "number")]


def _names(record: dict[str, Any]) -> tuple[EntryName, ...]:
    given_names, family_names = _values(record, "firstName"), _values(record, "lastName")
    caption = clean(record.get("caption")) if isinstance(record.get("caption"), str) else ""
    candidates = [
        EntryName(value, quality) for prop, quality in _ALIAS_PROPERTIES for value in _values(record, prop)
    ]
    if not candidates and given_names and family_names:
        candidates = [EntryName(f"{given_names[0]} {family_names[0]}", AliasQuality.STRONG)]
    primary_text = caption or (candidates[0].full if candidates else "")
    if not primary_text:
        return ()
    given, family = _parts_of(primary_text, given_names, family_names)
    primary = EntryName(primary_text, AliasQuality.PRIMARY, given, family)
    return unique_names([primary, *candidates])


def _parts_of(full: str, given_names: list[str], family_names: list[str]) -> tuple[str | None, str | None]:
    """The firstName/lastName values that are words of this name (FtM lists parts in several scripts)."""
    words = f" {full.casefold()} "
    given = next((value for value in given_names if f" {value.casefold()} " in words), None)
    family = next((value for value in family_names if f" {value.casefold()} " in words), None)
    return (given, family) if given and family else (None, None)


def _country(value: str) -> str | None:
    """FtM country codes are lower-case ISO alpha-2, plus a few of its own ("suhh", "zz"): kept only when
    they are alpha-2."""
    return value.upper() if len(value) == 2 and value.isalpha() and value.lower() != "zz" else None


def _timestamp(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None
