"""The simple CSV of an account's own lists (docs/lists.md) on the shipped sample, and its errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearway.screening.entry import AliasQuality, EntryIdentifier, EntryName, EntrySchema, ListEntry
from clearway.screening.lists.custom_csv import load_custom_csv
from clearway.screening.lists.errors import ListFormatError


@pytest.fixture
def entries(samples: Path) -> dict[str, ListEntry]:
    return {entry.entry_id: entry for entry in load_custom_csv(samples / "custom" / "sample.csv")}


def test_every_line_becomes_an_entry_of_the_file_named_list(entries: dict[str, ListEntry]) -> None:
    assert list(entries) == ["B-001", "B-002", "B-003", "B-004", "B-005", "B-006"]
    assert {entry.list_name for entry in entries.values()} == {"sample"}
    assert [entry.schema for entry in entries.values()] == [
        EntrySchema.PERSON,
        EntrySchema.ORGANIZATION,
        EntrySchema.PERSON,
        EntrySchema.VESSEL,
        EntrySchema.PERSON,
        EntrySchema.ORGANIZATION,  # B-005 has no schema: Person; B-006 "Company"
    ]


def test_all_columns(entries: dict[str, ListEntry]) -> None:
    doe = entries["B-001"]
    assert doe.names == (
        EntryName("John Michael Doe", AliasQuality.PRIMARY),
        EntryName("Johnny Doe", AliasQuality.STRONG),
        EntryName("J. M. Doe", AliasQuality.STRONG),
    )
    assert doe.birth_dates == ("1980-04-12",)
    assert doe.countries == ("US", "GB")
    assert doe.identifiers == (
        EntryIdentifier("passport", "123456789", "US"),
        EntryIdentifier("national_id", "AB123456C", "GB"),
    )
    assert doe.programs == ("chargeback-fraud",)
    assert doe.remarks == "Opened three accounts with forged documents"


def test_partial_dates_country_names_and_identifiers_without_country(entries: dict[str, ListEntry]) -> None:
    assert entries["B-003"].birth_dates == ("1975", "1976")
    assert entries["B-003"].countries == ("MX",)  # "Mexico"
    assert entries["B-005"].birth_dates == ("1969-11",)
    assert entries["B-006"].identifiers == (
        EntryIdentifier("registration", "HRB 98765", "DE"),
        EntryIdentifier("tax_id", "DE123456789", None),
    )
    assert entries["B-002"].remarks == "Registered agent address only; no operations"  # quoted ";" stays


def test_explicit_list_name_and_column_order(tmp_path: Path) -> None:
    path = tmp_path / "blocklist.csv"
    path.write_text("Name,ID,Extra\nJane Roe,7,x\n", encoding="utf-8")
    [entry] = load_custom_csv(path, "my-blocklist")
    assert (entry.entry_id, entry.caption, entry.list_name, entry.schema) == (
        "7",
        "Jane Roe",
        "my-blocklist",
        EntrySchema.PERSON,
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "identifier,full_name\n1,A\n",
            "line 1, field 'id': header row must name the columns id, name (found: identifier, full_name)",
        ),
        ("", "line 1, field 'id': header row must name the columns id, name (found: nothing)"),
        ("id,name\n1,A\n2,\n", "line 3, field 'name': required value is missing"),
        ("id,name\n1,A\n,B\n", "line 3, field 'id': required value is missing"),
        ("id,name\n1,A\n1,B\n", "line 3, field 'id': duplicate id '1' (first on line 2)"),
        (
            "id,name,schema\n1,A,Robot\n",
            "line 2, field 'schema': unknown schema 'Robot' (Person, Organization, Vessel, Aircraft)",
        ),
        (
            "id,name,date_of_birth\n1,A,12/03/1965\n",
            "line 2, field 'date_of_birth': '12/03/1965' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
        ),
        (
            "id,name,countries\n1,A,US;Atlantis\n",
            "line 2, field 'countries': 'Atlantis' is not a country (use ISO codes such as RU, or names)",
        ),
        (
            "id,name,identifiers\n1,A,123456\n",
            "line 2, field 'identifiers': '123456' is not kind:value[:country]",
        ),
        (
            "id,name,identifiers\n1,A,passport:123:Atlantis\n",
            "line 2, field 'identifiers': 'Atlantis' in 'passport:123:Atlantis' is not a country",
        ),
        ('id,name\n1,"A\n', "line 2: malformed CSV"),
    ],
)
def test_bad_lines_name_file_line_and_field(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ListFormatError) as caught:
        list(load_custom_csv(path))
    assert str(caught.value).startswith(f"{path}, {message}")
