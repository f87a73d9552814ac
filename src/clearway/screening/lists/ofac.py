"""OFAC legacy SDN CSV: sdn.csv (one row per entry), alt.csv (aliases), add.csv (addresses) and
sdn_comments.csv (continuations of Remarks cut at the column limit). "-0-" means empty.

Names: individuals are published "LAST, First"; the entry's names are in natural order ("First LAST"),
with `given`/`family` set (see `names.inverted_person_name`). Alias quality: alt.csv "aka" and remark
"n.k.a." are strong, "fka"/"f.k.a." former, and "a.k.a. '…'" phrases in Remarks are OFAC's weak a.k.a.s
(they never appear in alt.csv)."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from clearway.screening.entry import (
    AliasQuality,
    EntryAddress,
    EntryIdentifier,
    EntryName,
    EntrySchema,
    ListEntry,
)
from clearway.screening.lists.countries import country_code
from clearway.screening.lists.errors import ListFormatError
from clearway.screening.lists.names import clean, inverted_person_name, unique, unique_names
from clearway.screening.lists.ofac_remarks import RemarkFacts, parse_remarks
from clearway.screening.lists.source import read_text

DEFAULT_LIST_NAME = "ofac-sdn"
EMPTY = "-0-"
SDN_FILE, ALT_FILE, ADD_FILE, COMMENTS_FILE = "sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"

SDN_COLUMNS = (
    "ent_num",
    "SDN_Name",
    "SDN_Type",
    "Program",
    "Title",
    "Call_Sign",
    "Vess_type",
    "Tonnage",
    "GRT",
    "Vess_flag",
    "Vess_owner",
    "Remarks",
)
ALT_COLUMNS = ("ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks")
ADD_COLUMNS = ("ent_num", "add_num", "address", "city_state_zip", "country", "add_remarks")
COMMENTS_COLUMNS = ("ent_num", "remarks_extension")

_SCHEMAS = {
    "individual": EntrySchema.PERSON,
    "vessel": EntrySchema.VESSEL,
    "aircraft": EntrySchema.AIRCRAFT,
    "": EntrySchema.ORGANIZATION,
}
_ALT_QUALITY = {"aka": AliasQuality.STRONG, "nka": AliasQuality.STRONG, "fka": AliasQuality.FORMER}


@dataclass(frozen=True)
class _Row:
    path: Path
    line: int
    values: dict[str, str]

    def error(self, column: str, message: str) -> ListFormatError:
        return ListFormatError(self.path, f"line {self.line}", column, message)

    def ent_num(self) -> int:
        text = self.values["ent_num"]
        if not text.isdigit():
            raise self.error(
                "ent_num", f"expected a number, got {text!r}" if text else "required value is missing"
            )
        return int(text)


def sdn_folder(path: Path) -> Path:
    """The folder holding sdn.csv, whether given the folder or sdn.csv itself."""
    folder = path if path.is_dir() else path.parent
    if not (folder / SDN_FILE).is_file():
        raise ListFormatError(
            path,
            None,
            None,
            f"no {SDN_FILE} found (OFAC needs sdn.csv, optionally {ALT_FILE}, {ADD_FILE}, {COMMENTS_FILE})",
        )
    return folder


def load_ofac(path: str | Path, list_name: str = DEFAULT_LIST_NAME) -> Iterator[ListEntry]:
    """Entries of the SDN list in `path` (the folder, or its sdn.csv), in sdn.csv order."""
    folder = sdn_folder(Path(path))
    comments = _comments(folder / COMMENTS_FILE)
    aliases = _aliases(folder / ALT_FILE)
    addresses = _addresses(folder / ADD_FILE)
    for row in _rows(folder / SDN_FILE, SDN_COLUMNS, raw_columns={"Remarks"}):
        ent_num = row.ent_num()
        yield _entry(
            row, list_name, comments.get(ent_num, ""), aliases.get(ent_num, []), addresses.get(ent_num, [])
        )


def _entry(
    row: _Row,
    list_name: str,
    continuation: str,
    aliases: list[tuple[str, str]],
    addresses: list[EntryAddress],
) -> ListEntry:
    values = row.values
    if not values["SDN_Name"]:
        raise row.error("SDN_Name", "required value is missing")
    kind = values["SDN_Type"].lower()
    if kind not in _SCHEMAS:
        raise row.error(
            "SDN_Type", f"unknown type {values['SDN_Type']!r} (individual, vessel, aircraft, -0-)"
        )
    schema = _SCHEMAS[kind]
    remarks = clean(values["Remarks"] + continuation)
    facts = parse_remarks(remarks)
    return ListEntry(
        entry_id=f"ofac-sdn:{row.ent_num()}",
        list_name=list_name,
        schema=schema,
        names=_names(schema, values["SDN_Name"], aliases, facts),
        birth_dates=unique(facts.birth_dates),
        birth_places=unique(facts.birth_places),
        countries=unique(
            [*facts.countries, country_code(values["Vess_flag"]), *(address.country for address in addresses)]
        ),
        gender=facts.gender,
        identifiers=unique([*facts.identifiers, *_vessel_identifiers(values)]),
        addresses=unique(addresses),
        programs=unique(program.strip("[] ") for program in values["Program"].split("] [")),
        remarks=_remarks(values["Title"], remarks),
    )


def _names(
    schema: EntrySchema, primary: str, aliases: list[tuple[str, str]], facts: RemarkFacts
) -> tuple[EntryName, ...]:
    def name(text: str, quality: AliasQuality) -> EntryName:
        if schema is EntrySchema.PERSON:
            return inverted_person_name(text, quality)
        return EntryName(clean(text), quality)

    return unique_names(
        [
            name(primary, AliasQuality.PRIMARY),
            *(name(text, _ALT_QUALITY.get(alt_type, AliasQuality.STRONG)) for alt_type, text in aliases),
            *(name(text, AliasQuality.STRONG) for text in facts.strong_aliases),
            *(name(text, AliasQuality.WEAK) for text in facts.weak_aliases),
            *(name(text, AliasQuality.FORMER) for text in facts.former_names),
        ]
    )


def _vessel_identifiers(values: dict[str, str]) -> list[EntryIdentifier]:
    call_sign = values["Call_Sign"]
    return [EntryIdentifier("call_sign", call_sign, country_code(values["Vess_flag"]))] if call_sign else []


def _remarks(title: str, remarks: str) -> str | None:
    parts = [f"Title: {title}" if title else "", remarks]
    return "; ".join(part for part in parts if part) or None


def _comments(path: Path) -> dict[int, str]:
    """Remarks continuations by ent_num, concatenated as they come (OFAC cuts mid-word)."""
    found: dict[int, str] = defaultdict(str)
    for row in _rows(path, COMMENTS_COLUMNS, optional=True, raw_columns={"remarks_extension"}):
        found[row.ent_num()] += row.values["remarks_extension"]
    return found


def _aliases(path: Path) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for row in _rows(path, ALT_COLUMNS, optional=True):
        if not row.values["alt_name"]:
            raise row.error("alt_name", "required value is missing")
        found[row.ent_num()].append((row.values["alt_type"].lower(), row.values["alt_name"]))
    return found


def _addresses(path: Path) -> dict[int, list[EntryAddress]]:
    found: dict[int, list[EntryAddress]] = defaultdict(list)
    for row in _rows(path, ADD_COLUMNS, optional=True):
        values = row.values
        full = ", ".join(
            part for part in (values["address"], values["city_state_zip"], values["country"]) if part
        )
        if full:
            found[row.ent_num()].append(EntryAddress(full, None, country_code(values["country"])))
    return found


def _rows(
    path: Path, columns: tuple[str, ...], optional: bool = False, raw_columns: set[str] | None = None
) -> Iterator[_Row]:
    """Rows as column → value. `raw_columns` keep their spaces: Remarks are cut mid-text by OFAC, and
    the space at the cut belongs between the two halves."""
    if optional and not path.exists():
        return
    reader = csv.reader(io.StringIO(read_text(path), newline=""), strict=True)
    try:
        for record in reader:
            if not any(value.strip() for value in record):
                continue
            if len(record) < len(columns):
                raise ListFormatError(
                    path,
                    f"line {reader.line_num}",
                    columns[len(record)],
                    f"expected {len(columns)} columns, found {len(record)}",
                )
            values = {
                column: _value(raw, column in (raw_columns or ()))
                for column, raw in zip(columns, record, strict=False)
            }
            yield _Row(path, reader.line_num, values)
    except csv.Error as exc:
        raise ListFormatError(path, f"line {reader.line_num}", None, f"malformed CSV: {exc}") from exc


def _value(raw: str, keep_spaces: bool) -> str:
    """ "-0-" (often with a trailing space) is OFAC's empty value."""
    stripped = raw.strip()
    if stripped in (EMPTY, "-0"):
        return ""
    return raw if keep_spaces else clean(stripped)
