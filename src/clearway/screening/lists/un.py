"""UN Security Council consolidated list XML (CONSOLIDATED_LIST / INDIVIDUALS / INDIVIDUAL and
ENTITIES / ENTITY), streamed element by element.

Names: FIRST_NAME .. FOURTH_NAME joined in order is the primary name, with `given` = FIRST_NAME and
`family` = the remaining parts (UN does not mark a family name; this is the usual reading). Alias quality
"Good"/"a.k.a." → strong, "Low" → weak, "f.k.a." → former; NAME_ORIGINAL_SCRIPT is a strong alias.
Countries are the nationalities, then the address countries (entities have no nationality). LISTED_ON is
kept as `first_seen`."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
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
from clearway.screening.lists.dates import iso_date_prefix, year_span
from clearway.screening.lists.errors import ListFormatError
from clearway.screening.lists.names import clean, unique, unique_names
from clearway.screening.lists.xmlsafe import iter_elements, refuse_doctype

DEFAULT_LIST_NAME = "un-consolidated"
ROOT_TAG = "CONSOLIDATED_LIST"
_RECORD_TAGS = {"INDIVIDUAL": EntrySchema.PERSON, "ENTITY": EntrySchema.ORGANIZATION}
_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_QUALITY = {
    "good": AliasQuality.STRONG,
    "a.k.a.": AliasQuality.STRONG,
    "": AliasQuality.STRONG,
    "low": AliasQuality.WEAK,
    "f.k.a.": AliasQuality.FORMER,
}
_DOCUMENT_KINDS = {
    "passport": "passport",
    "numéro de passeport": "passport",
    "número de pasaporte": "passport",
    "national identification number": "national_id",
}


def load_un(path: str | Path, list_name: str = DEFAULT_LIST_NAME) -> Iterator[ListEntry]:
    """Individuals then entities, in file order."""
    path = Path(path)
    root = refuse_doctype(path)
    if root != ROOT_TAG:
        raise ListFormatError(path, "line 1", None, f"root element is <{root}>, expected <{ROOT_TAG}>")
    for ordinal, element in enumerate(iter_elements(path, set(_RECORD_TAGS)), start=1):
        yield _entry(path, ordinal, element, list_name)


def _entry(path: Path, ordinal: int, element: ET.Element, list_name: str) -> ListEntry:
    reference = _text(element, "REFERENCE_NUMBER")
    record = f"{element.tag} #{ordinal}" + (f" ({reference})" if reference else "")
    if not reference:
        raise ListFormatError(path, record, "REFERENCE_NUMBER", "required value is missing")
    schema = _RECORD_TAGS[element.tag]
    prefix = element.tag  # INDIVIDUAL_ALIAS / ENTITY_ALIAS, INDIVIDUAL_ADDRESS / ENTITY_ADDRESS
    addresses = unique(_address(address) for address in element.findall(f"{prefix}_ADDRESS"))
    return ListEntry(
        entry_id=f"un:{reference}",
        list_name=list_name,
        schema=schema,
        names=_names(path, record, element, prefix),
        birth_dates=unique(_birth_dates(element)),
        birth_places=unique(_place(place) for place in element.findall("INDIVIDUAL_PLACE_OF_BIRTH")),
        countries=unique(
            [
                *(country_code(clean(value.text)) for value in element.findall("NATIONALITY/VALUE")),
                *(address.country for address in addresses),
            ]
        ),
        gender=_text(element, "GENDER").lower() or None,
        identifiers=unique(_document(document) for document in element.findall("INDIVIDUAL_DOCUMENT")),
        addresses=addresses,
        programs=unique([_text(element, "UN_LIST_TYPE")]),
        remarks=_text(element, "COMMENTS1") or None,
        first_seen=iso_date_prefix(_text(element, "LISTED_ON")),
    )


def _names(path: Path, record: str, element: ET.Element, prefix: str) -> tuple[EntryName, ...]:
    parts = [_text(element, tag) for tag in _NAME_PARTS]
    full = " ".join(part for part in parts if part)
    if not full:
        raise ListFormatError(path, record, "FIRST_NAME", "required value is missing")
    rest = " ".join(part for part in parts[1:] if part)
    # Only people have name parts, and only when both a first name and further names are given.
    has_parts = prefix == "INDIVIDUAL" and bool(parts[0]) and bool(rest)
    primary = EntryName(
        full, AliasQuality.PRIMARY, parts[0] if has_parts else None, rest if has_parts else None
    )
    aliases = [
        EntryName(
            _text(alias, "ALIAS_NAME"), _QUALITY.get(_text(alias, "QUALITY").lower(), AliasQuality.STRONG)
        )
        for alias in element.findall(f"{prefix}_ALIAS")
    ]
    original = [EntryName(_text(element, "NAME_ORIGINAL_SCRIPT"), AliasQuality.STRONG)]
    return unique_names([primary, *aliases, *original])


def _birth_dates(element: ET.Element) -> list[str]:
    found: list[str] = []
    for birth in element.findall("INDIVIDUAL_DATE_OF_BIRTH"):
        start, end = _text(birth, "FROM_YEAR"), _text(birth, "TO_YEAR")
        if start.isdigit() and end.isdigit():
            found.extend(year_span(int(start), int(end)))
        elif date := iso_date_prefix(_text(birth, "DATE")) or iso_date_prefix(_text(birth, "YEAR")):
            found.append(date)
    # A date of birth attached to one alias (the identity that alias used) is still a date of birth.
    found.extend(
        filter(
            None,
            (iso_date_prefix(_text(alias, "DATE_OF_BIRTH")) for alias in element.findall("INDIVIDUAL_ALIAS")),
        )
    )
    return found


def _document(document: ET.Element) -> EntryIdentifier | None:
    number = _text(document, "NUMBER")
    if not number:
        return None
    kind = _DOCUMENT_KINDS.get(_text(document, "TYPE_OF_DOCUMENT").lower(), "other")
    country = country_code(_text(document, "ISSUING_COUNTRY") or _text(document, "COUNTRY_OF_ISSUE"))
    return EntryIdentifier(kind, number, country)


def _address(address: ET.Element) -> EntryAddress | None:
    parts = [_text(address, tag) for tag in ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")]
    full = ", ".join(part for part in parts if part)
    if not full:
        return None
    return EntryAddress(full, _text(address, "CITY") or None, country_code(_text(address, "COUNTRY")))


def _place(place: ET.Element) -> str | None:
    parts = [_text(place, tag) for tag in ("CITY", "STATE_PROVINCE", "COUNTRY")]
    return ", ".join(part for part in parts if part) or None


def _text(element: ET.Element, path: str) -> str:
    return clean(element.findtext(path))
