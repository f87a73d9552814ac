"""Validating what clients send to screening: dates of birth, country codes, schemas, batch rows."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

import pycountry

from clearway.errors import InvalidInput
from clearway.screening.compare import Party

SCHEMAS = ("Person", "Organization", "Company", "LegalEntity", "Vessel", "Aircraft")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_birth_date(text: str, field_name: str = "date_of_birth") -> str:
    """ "1965", "1965-03" or "1965-03-12" (a real date), returned as given."""
    value = text.strip()
    found = _DATE.match(value)
    if not found:
        raise InvalidInput(field_name, f"{text!r} is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in found.groups())
    assert year is not None
    try:
        date(year, month or 1, day or 1)
    except ValueError as exc:
        raise InvalidInput(field_name, f"{text!r} is not a valid date: {exc}") from exc
    return value


def parse_country(text: str, field_name: str = "country") -> str:
    """An ISO 3166-1 alpha-2 (or alpha-3) code → alpha-2, upper case."""
    value = text.strip().upper()
    record = None
    if len(value) == 2:
        record = pycountry.countries.get(alpha_2=value)
    elif len(value) == 3:
        record = pycountry.countries.get(alpha_3=value)
    if record is None and value not in ("XK",):  # Kosovo: user-assigned, used by the lists
        raise InvalidInput(field_name, f"{text!r} is not an ISO 3166-1 country code")
    return record.alpha_2 if record is not None else value


def parse_schema(text: str | None, field_name: str = "schema") -> str:
    """A known schema name (case-insensitive); empty means unknown (LegalEntity)."""
    value = (text or "").strip()
    if not value:
        return "LegalEntity"
    for schema in SCHEMAS:
        if schema.lower() == value.lower():
            return schema
    raise InvalidInput(field_name, f"{text!r} is not one of {', '.join(SCHEMAS)}")


def party_from_row(row: Mapping[str, str | None]) -> Party:
    """A batch row (columns full_name, optional date_of_birth, nationality, schema) as a `Party`."""
    name = (row.get("full_name") or "").strip()
    if not name:
        raise InvalidInput("full_name", "is empty")
    birth = (row.get("date_of_birth") or "").strip()
    nationality = (row.get("nationality") or "").strip()
    return Party(
        name=name,
        schema=parse_schema(row.get("schema")),
        birth_dates=(parse_birth_date(birth),) if birth else (),
        countries=tuple(
            parse_country(code, "nationality") for code in re.split(r"[;,]\s*", nationality) if code
        ),
    )
