"""The OFAC legacy SDN CSV loader on the shipped sample (19 entries cut from the public list)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from clearway.screening.entry import (
    AliasQuality,
    EntryAddress,
    EntryIdentifier,
    EntryName,
    EntrySchema,
    ListEntry,
)
from clearway.screening.lists.errors import ListFormatError
from clearway.screening.lists.ofac import load_ofac


@pytest.fixture
def entries(samples: Path) -> dict[str, ListEntry]:
    return {entry.entry_id: entry for entry in load_ofac(samples / "ofac")}


def test_every_row_becomes_an_entry_with_its_schema(entries: dict[str, ListEntry]) -> None:
    assert len(entries) == 19
    assert Counter(entry.schema for entry in entries.values()) == {
        EntrySchema.PERSON: 13,
        EntrySchema.ORGANIZATION: 3,
        EntrySchema.VESSEL: 2,
        EntrySchema.AIRCRAFT: 1,
    }
    assert {entry.list_name for entry in entries.values()} == {"ofac-sdn"}


def test_people_are_named_in_natural_order_with_parts(entries: dict[str, ListEntry]) -> None:
    names = entries["ofac-sdn:10851"].names
    assert names[0] == EntryName(
        "Feliciano Semborio DELOS REYES Jr.",
        AliasQuality.PRIMARY,
        given="Feliciano Semborio",
        family="DELOS REYES",
    )
    assert names[1] == EntryName(
        "Feliciano DE LOS REYES", AliasQuality.STRONG, given="Feliciano", family="DE LOS REYES"
    )
    assert entries["ofac-sdn:10851"].caption == "Feliciano Semborio DELOS REYES Jr."


def test_organization_names_keep_their_commas(entries: dict[str, ListEntry]) -> None:
    assert entries["ofac-sdn:306"].names == (
        EntryName("BANCO NACIONAL DE CUBA", AliasQuality.PRIMARY),
        EntryName("NATIONAL BANK OF CUBA", AliasQuality.STRONG),  # alt.csv aka
        EntryName("BNC", AliasQuality.WEAK),  # "a.k.a. 'BNC'" in remarks: OFAC's weak a.k.a.
    )


def test_former_names_come_from_alt_fka_and_remark_fka(entries: dict[str, ListEntry]) -> None:
    assert entries["ofac-sdn:4243"].names == (
        EntryName("SAND SWAN", AliasQuality.PRIMARY),
        EntryName("ANA I", AliasQuality.FORMER),
    )
    formers = [name.full for name in entries["ofac-sdn:12478"].names if name.quality is AliasQuality.FORMER]
    assert formers == [
        "ANSAR INSTITUTE",
        "ANSAR AL-MOJAHEDIN NO-INTEREST LOAN INSTITUTE",
        "ANSAR SAVING AND INTEREST FREE-LOANS FUND",
    ]


def test_weak_alias_of_a_person_is_reordered_like_the_name(entries: dict[str, ListEntry]) -> None:
    weak = [name for name in entries["ofac-sdn:11648"].names if name.quality is AliasQuality.WEAK]
    assert weak == [EntryName("JIN SOK KIM", AliasQuality.WEAK, given="JIN SOK", family="KIM")]


@pytest.mark.parametrize(
    ("entry_id", "birth_dates"),
    [
        ("ofac-sdn:10278", ("1963-07-28",)),  # DOB 28 Jul 1963
        ("ofac-sdn:6862", ("1938-09",)),  # DOB Sep 1938.
        ("ofac-sdn:7782", ("1951",)),  # DOB circa 1951
        ("ofac-sdn:15496", ("1929", "1930")),  # DOB 1929 to 1930
        ("ofac-sdn:15960", ("1953", "1954")),  # DOB 01 Jan 1953 to 31 Dec 1954
        ("ofac-sdn:16455", ("1964", "1963", "1965")),  # DOB 1964; alt. DOB 1963 to 1965
        ("ofac-sdn:2686", ("1960-08-31", "1953-08-31", "1955-08-31", "1958-08-31")),
        ("ofac-sdn:306", ()),
    ],
)
def test_dates_of_birth_in_every_form(
    entries: dict[str, ListEntry], entry_id: str, birth_dates: tuple[str, ...]
) -> None:
    assert entries[entry_id].birth_dates == birth_dates


def test_person_details_from_remarks(entries: dict[str, ListEntry]) -> None:
    khan = entries["ofac-sdn:17849"]
    assert khan.gender == "female"
    assert khan.countries == ("MX",)  # citizen Mexico
    assert khan.birth_places == ("Aguililla, Michoacan de Ocampo, Mexico",)
    assert khan.identifiers == (
        EntryIdentifier("tax_id", "FEVM601029EN3", "MX"),
        EntryIdentifier("national_id", "FEVG601029MMNRLD10", "MX"),
        EntryIdentifier("national_id", "FEVG601029MMNRLD02", "MX"),
    )
    assert entries["ofac-sdn:11648"].countries == ("KP",)  # nationality Korea, North
    assert entries["ofac-sdn:10278"].identifiers == (
        EntryIdentifier("passport", "P0017003", "BZ"),
        EntryIdentifier("national_id", "561-77-9011", "US"),
    )


def test_vessel_identifiers_and_flag(entries: dict[str, ListEntry]) -> None:
    ark = entries["ofac-sdn:15037"]
    assert ark.identifiers == (
        EntryIdentifier("imo", "9187655"),
        EntryIdentifier("mmsi", "256842000"),
        EntryIdentifier("call_sign", "9HDQ9", "PA"),
    )
    assert ark.countries == ("PA",)
    assert [name.full for name in ark.names] == ["ARK", "ABADEH", "CRYSTAL", "SUNDIAL"]


def test_remarks_continue_in_sdn_comments(entries: dict[str, ListEntry]) -> None:
    remarks = entries["ofac-sdn:12300"].remarks or ""
    assert "Linked To: PROMO RAIZ S.A.S.;" in remarks  # "PROMO RAI" + "Z S.A.S." across the two files
    assert remarks.endswith("Linked To: R D I S.A.")


def test_addresses_programs_and_title(entries: dict[str, ListEntry]) -> None:
    bank = entries["ofac-sdn:306"]
    assert bank.addresses[0] == EntryAddress("Zweierstrasse 35, Zurich CH-8022, Switzerland", None, "CH")
    assert len(bank.addresses) == 4
    assert bank.countries == ("CH", "ES", "JP", "PA")  # no nationality: the address countries
    assert entries["ofac-sdn:12478"].programs == ("IRAN", "NPWMD", "IFSR")
    assert (entries["ofac-sdn:2686"].remarks or "").startswith("Title: Secretary General of Hizballah; DOB")


def test_loading_sdn_csv_reads_its_sibling_files(samples: Path) -> None:
    from_file = list(load_ofac(samples / "ofac" / "sdn.csv", list_name="sdn-copy"))
    from_folder = list(load_ofac(samples / "ofac", list_name="sdn-copy"))
    assert from_file == from_folder


def test_sdn_csv_alone_is_enough(tmp_path: Path, samples: Path) -> None:
    (tmp_path / "sdn.csv").write_bytes((samples / "ofac" / "sdn.csv").read_bytes())
    bank = {entry.entry_id: entry for entry in load_ofac(tmp_path)}["ofac-sdn:306"]
    assert [name.full for name in bank.names] == ["BANCO NACIONAL DE CUBA", "BNC"]
    assert bank.addresses == ()


def test_windows_1252_files_and_dos_eof_marker_are_read(tmp_path: Path) -> None:
    row = '99,"MUÑOZ, José","individual","SDNT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1970."\r\n'
    (tmp_path / "sdn.csv").write_bytes(row.encode("cp1252") + b"\x1a")
    [entry] = load_ofac(tmp_path)
    assert entry.caption == "José MUÑOZ"
    assert entry.birth_dates == ("1970",)


@pytest.mark.parametrize(
    ("file", "content", "message"),
    [
        (
            "sdn.csv",
            '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
            'x7,"BAD",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n',
            "sdn.csv, line 2, field 'ent_num': expected a number, got 'x7'",
        ),
        (
            "sdn.csv",
            '36,-0- ,-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n',
            "sdn.csv, line 1, field 'SDN_Name': required value is missing",
        ),
        (
            "sdn.csv",
            '36,"X","robot","CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n',
            "sdn.csv, line 1, field 'SDN_Type': unknown type 'robot' (individual, vessel, aircraft, -0-)",
        ),
        (
            "sdn.csv",
            '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"\n',
            "sdn.csv, line 1, field 'Title': expected 12 columns, found 4",
        ),
        (
            "alt.csv",
            '36,12,"aka",-0- ,-0- \n',
            "alt.csv, line 1, field 'alt_name': required value is missing",
        ),
        (
            "add.csv",
            '36,25,-0- ,"Havana,"Cuba",-0- \n',
            "add.csv, line 1: malformed CSV: ',' expected after '\"'",
        ),
    ],
)
def test_bad_rows_name_file_line_and_field(
    tmp_path: Path, samples: Path, file: str, content: str, message: str
) -> None:
    folder = tmp_path / "ofac"
    folder.mkdir()
    (folder / "sdn.csv").write_bytes((samples / "ofac" / "sdn.csv").read_bytes())
    (folder / file).write_text(content, encoding="utf-8")
    with pytest.raises(ListFormatError) as caught:
        list(load_ofac(folder))
    assert str(caught.value) == f"{folder / file}, {message.split(', ', 1)[1]}"


def test_folder_without_sdn_csv_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ListFormatError, match=r"no sdn\.csv found"):
        list(load_ofac(tmp_path))
