"""The FollowTheMoney loader: the shipped full export (cut from OpenSanctions' public test fixtures plus a
few written records) and the shipped delta chain."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearway.screening.entry import AliasQuality, EntryIdentifier, EntryName, EntrySchema, ListEntry
from clearway.screening.lists.errors import ListFormatError
from clearway.screening.lists.ftm import DeltaFile, delta_files, load_ftm, read_delta


@pytest.fixture
def entries(samples: Path) -> dict[str, ListEntry]:
    return {entry.entry_id: entry for entry in load_ftm(samples / "ftm" / "entities.ftm.json")}


def test_only_things_become_entries(entries: dict[str, ListEntry]) -> None:
    assert sorted(entries) == [
        "NK-2GdmHtZTeNXjNVrBGEXZNj",
        "NK-2Ka3UvopqbpZmVDFjWd4LA",
        "NK-2KeUB68qUJtykm3BuAcazG",
        "NK-2Mht2rqBeravCTdyQAWc4o",
        "NK-2Myxbs6wX9xFKGoQn3sLaY",
        "NK-2PacmNpiLUmoz4XD2mSt7A",
        "NK-2Tbri3s6GgNtAwsSXh4qpL",
        "NK-DSxJ9ZzHxBBMyEMnnTBhai",
        "NK-aU5ybkbRFJucf8YMwsJvDw",
        "cw-sample-airplane-1",
        "cw-sample-vessel-1",
    ]  # no Address, Sanction, Ownership or Passport records
    assert entries["cw-sample-airplane-1"].schema is EntrySchema.AIRCRAFT
    assert entries["NK-DSxJ9ZzHxBBMyEMnnTBhai"].schema is EntrySchema.ORGANIZATION  # a Company


def test_person_fields(entries: dict[str, ListEntry]) -> None:
    kuzmenko = entries["NK-2Ka3UvopqbpZmVDFjWd4LA"]
    assert kuzmenko.names == (
        EntryName("Vitaly Yurievich KUZMENKO", AliasQuality.PRIMARY, given="Vitaly", family="KUZMENKO"),
        EntryName("Vitalij Kuzmenko", AliasQuality.STRONG),
        EntryName("Виталий Юрьевич КУЗЬМЕНКО", AliasQuality.STRONG),
    )
    assert kuzmenko.birth_dates == ("1971-01-22",)
    assert kuzmenko.countries == ("RU",)
    assert kuzmenko.gender == "male"
    # taxNumber on the entity, and a separate Passport record whose holder it is
    assert kuzmenko.identifiers == (
        EntryIdentifier("tax_id", "366510784303"),
        EntryIdentifier("passport", "750123456", "RU"),
    )
    assert kuzmenko.topics == ("sanction",)
    assert (kuzmenko.first_seen, kuzmenko.last_seen) == ("2024-02-26T16:57:25", "2024-06-01T10:57:03")


def test_a_name_also_listed_as_previous_name_keeps_the_better_quality(entries: dict[str, ListEntry]) -> None:
    osetrova = entries["NK-2Tbri3s6GgNtAwsSXh4qpL"]
    # previousName "Maria Aleksandrovna Zakharova" repeats the name "Maria Aleksandrovna ZAKHAROVA"
    assert [name for name in osetrova.names if name.full.casefold() == "maria aleksandrovna zakharova"] == [
        EntryName("Maria Aleksandrovna ZAKHAROVA", AliasQuality.STRONG)
    ]
    assert len(osetrova.names) == 12
    assert osetrova.birth_places == ("Russia", "Izhevsk")
    assert osetrova.programs == ("UA-SA1644", "US-RUSHAR", "GB-RUS")
    assert osetrova.source_url == (
        "https://find-and-update.company-information.service.gov.uk/disqualified-officers/natural/"
        "ujZQM0vwzknOOVjrqsL98DDfzCk"
    )
    assert osetrova.identifiers == (
        EntryIdentifier("national_id", "183116181362"),
        EntryIdentifier("tax_id", "183116181362"),
    )


def test_sanction_records_add_their_program(entries: dict[str, ListEntry]) -> None:
    assert entries["cw-sample-vessel-1"].programs == ("CW-VESSELS",)  # the Sanction's programId
    assert entries["NK-2Ka3UvopqbpZmVDFjWd4LA"].programs == ("Sample Regulations 2025",)  # no id: its program
    # the entity's own programId values come first; a Sanction repeating one adds nothing
    assert entries["NK-aU5ybkbRFJucf8YMwsJvDw"].programs == (
        "UA-SA1644",
        "US-RUSHAR",
        "NZ-RSA2022",
        "SECO-UKRAINE",
        "GB-RUS",
        "EU-UKR",
    )


def test_vessel_fields(entries: dict[str, ListEntry]) -> None:
    vessel = entries["cw-sample-vessel-1"]
    assert vessel.schema is EntrySchema.VESSEL
    assert vessel.names == (
        EntryName("SEA PHANTOM", AliasQuality.PRIMARY),
        EntryName("OCEAN GLORY", AliasQuality.FORMER),
    )
    assert vessel.identifiers == (EntryIdentifier("imo", "9123456"),)
    assert vessel.countries == ("PA",)


def test_delta_index_lists_files_oldest_first(samples: Path) -> None:
    folder = samples / "ftm" / "delta"
    keys = ["20250101060000-aaa", "20250102060000-bbb", "20250103060000-ccc"]
    expected = [DeltaFile(key, folder / key / "entities.delta.json") for key in keys]
    assert delta_files(folder) == expected
    assert delta_files(folder / "delta.json") == expected
    single = folder / keys[1] / "entities.delta.json"
    assert delta_files(single) == [DeltaFile(keys[1], single)]


def test_delta_operations(samples: Path) -> None:
    folder = samples / "ftm" / "delta"
    first = list(read_delta(folder / "20250101060000-aaa" / "entities.delta.json"))
    assert [(op.op, op.entry_id, op.entry.caption if op.entry else None) for op in first] == [
        ("ADD", "cw-delta-person-1", "Ivan Petrovich SIDOROV"),
        ("ADD", "cw-delta-org-1", "Northwind Trading LLC"),
        ("ADD", "cw-delta-sanction-1", None),  # not a thing: nothing to screen
    ]
    last = list(read_delta(folder / "20250103060000-ccc" / "entities.delta.json"))
    assert [(op.op, op.entry_id, op.entry) for op in last] == [
        ("DEL", "cw-delta-person-1", None),
        ("DEL", "NK-2KeUB68qUJtykm3BuAcazG", None),
    ]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}\n{"id": "b", "schema": \n',
            "line 2: invalid JSON: Expecting value",
        ),
        (
            '\n\n{"schema": "Person", "properties": {"name": ["A"]}}\n',
            "line 3, field 'id': required value is missing",
        ),
        ('{"id": "a", "properties": {}}\n', "line 1, field 'schema': required value is missing"),
        (
            '{"id": "a", "schema": "Person", "properties": {"name": "A", "alias": 3}}\n',
            "line 1, field 'properties': expected an object of property → list of values",
        ),
        (
            '{"id": "a", "schema": "Person", "properties": {"birthDate": ["1970"]}}\n',
            "line 1 (a), field 'name': the entity has no name",
        ),
        ("[1, 2]\n", "line 1: expected a JSON object"),
    ],
)
def test_bad_full_export_names_line_and_field(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, "entities.ftm.json", text)
    with pytest.raises(ListFormatError) as caught:
        list(load_ftm(path))
    assert str(caught.value).startswith(f"{path}, {message}")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"op": "UPSERT", "entity": {"id": "a"}}\n',
            "line 1, field 'op': expected one of ADD, MOD, DEL, got 'UPSERT'",
        ),
        ('{"op": "DEL", "entity": {}}\n', "line 1, field 'entity.id': required value is missing"),
        (
            '{"op": "ADD", "entity": {"id": "a", "schema": "Person", "properties": {"name": [""]}}}\n',
            "line 1 (a), field 'name': the entity has no name",
        ),
    ],
)
def test_bad_delta_names_line_and_field(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, "entities.delta.json", text)
    with pytest.raises(ListFormatError) as caught:
        list(read_delta(path))
    assert str(caught.value) == f"{path}, {message}"


def test_delta_index_naming_a_missing_file(tmp_path: Path) -> None:
    index = _write(tmp_path, "delta.json", '{"versions": {"20250101060000-x": "https://example.org/x"}}')
    with pytest.raises(ListFormatError) as caught:
        delta_files(tmp_path)
    assert str(caught.value) == (
        f"{index}, version 20250101060000-x, field 'versions': "
        "delta file 20250101060000-x/entities.delta.json not found"
    )


def test_unnamed_entity_falls_back_to_its_caption(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "entities.delta.json",
        '{"op": "ADD", "entity": {"id": "x", "caption": "AL-QAIDA IN IRAQ", "schema": "Organization",'
        ' "properties": {"name": [""], "alias": ["AQI"]}}}\n',
    )
    [operation] = read_delta(path)
    assert operation.entry is not None
    assert operation.entry.names == (
        EntryName("AL-QAIDA IN IRAQ", AliasQuality.PRIMARY),
        EntryName("AQI", AliasQuality.STRONG),
    )
