"""The UN consolidated XML loader on the shipped sample (7 individuals, 3 entities cut from the public
list), and its refusal of malformed or dangerous XML."""

from __future__ import annotations

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
from clearway.screening.lists.un import load_un


@pytest.fixture
def entries(samples: Path) -> dict[str, ListEntry]:
    return {entry.entry_id: entry for entry in load_un(samples / "un" / "sample.xml")}


def test_individuals_then_entities(samples: Path) -> None:
    loaded = list(load_un(samples / "un" / "sample.xml"))
    assert [entry.entry_id for entry in loaded] == [
        "un:CDi.030",
        "un:CFi.002",
        "un:IQi.001",
        "un:KPi.016",
        "un:QDi.012",
        "un:QDi.356",
        "un:TAi.011",
        "un:CDe.001",
        "un:KPe.002",
        "un:QDe.002",
    ]
    assert [entry.schema for entry in loaded].count(EntrySchema.PERSON) == 7
    assert {entry.list_name for entry in loaded} == {"un-consolidated"}


def test_individual_with_everything(entries: dict[str, ListEntry]) -> None:
    adam = entries["un:CFi.002"]
    assert adam.names[0] == EntryName(
        "NOURREDINE ADAM", AliasQuality.PRIMARY, given="NOURREDINE", family="ADAM"
    )
    assert [name.full for name in adam.names[1:]] == [
        "Nureldine Adam",
        "Nourreldine Adam",
        "Nourreddine Adam",
        "Mahamat Nouradine Adam",
        "Mohamed Adam Brema Abdallah",
    ]
    assert adam.birth_dates == ("1970", "1969", "1971", "1970-01-01", "1971-01-01")
    assert adam.countries == ("CF", "SD")
    assert adam.identifiers == (
        EntryIdentifier("passport", "D00001184", "CF"),
        EntryIdentifier("passport", "P04838205", None),
        EntryIdentifier("national_id", "20227088368", "SD"),
    )
    assert adam.addresses == (
        EntryAddress("Birao, Central African Republic", "Birao", "CF"),
        EntryAddress("Sudan", None, "SD"),
    )
    assert adam.birth_places == ("Ndele, Central African Republic", "Algenana, Sudan")
    assert adam.programs == ("CAR",)
    assert adam.first_seen == "2014-05-09"


def test_low_quality_alias_is_weak_and_original_script_is_an_alias(entries: dict[str, ListEntry]) -> None:
    assert entries["un:IQi.001"].names == (
        EntryName(
            "SADDAM HUSSEIN AL-TIKRITI", AliasQuality.PRIMARY, given="SADDAM", family="HUSSEIN AL-TIKRITI"
        ),
        EntryName("Abu Ali", AliasQuality.WEAK),
        EntryName("صدام حسين التكريتي", AliasQuality.STRONG),
    )


def test_dates_of_birth_between_years_and_on_aliases(entries: dict[str, ListEntry]) -> None:
    assert entries["un:CDi.030"].birth_dates == ("1973", "1974")  # FROM_YEAR 1973 .. TO_YEAR 1974
    assert entries["un:KPi.016"].birth_dates == ("1957-04-15", "1958-02-22")  # the second is an alias's


def test_gender_and_passport_country(entries: dict[str, ListEntry]) -> None:
    aqsa = entries["un:QDi.356"]
    assert aqsa.gender == "female"
    assert aqsa.identifiers == (EntryIdentifier("passport", "720134834", "GB"),)
    assert aqsa.countries == ("GB", "SY")  # nationality, then the other address country
    assert entries["un:CFi.002"].gender is None


def test_entities(entries: dict[str, ListEntry]) -> None:
    adf = entries["un:CDe.001"]
    assert adf.schema is EntrySchema.ORGANIZATION
    assert [(name.full, name.quality) for name in adf.names] == [
        ("ADF", AliasQuality.PRIMARY),
        ("Allied Democratic Forces", AliasQuality.STRONG),
        ("Forces Démocratiques Alliées-Armée Nationale de Libération de l’Ouganda", AliasQuality.FORMER),
        ("ADF/NALU", AliasQuality.FORMER),
        ("NALU", AliasQuality.FORMER),
    ]
    assert adf.countries == ("CD",)
    assert entries["un:KPe.002"].addresses[0] == EntryAddress(
        "Pot’onggang District, Pyongyang, Democratic People's Republic of Korea", "Pyongyang", "KP"
    )
    assert entries["un:QDe.002"].names[1] == EntryName("الاتحاد الاسلامي", AliasQuality.STRONG)


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "list.xml"
    path.write_text(body, encoding="utf-8")
    return path


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE CONSOLIDATED_LIST [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&lol3;</FIRST_NAME>
<REFERENCE_NUMBER>X</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY secret SYSTEM "secret-entity.txt">]>
<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&secret;</FIRST_NAME>
<REFERENCE_NUMBER>X</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>"""


@pytest.mark.parametrize("body", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_doctype_is_refused_before_any_entity_is_expanded(tmp_path: Path, body: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(ListFormatError) as caught:
        list(load_un(path))
    assert str(caught.value) == (
        f"{path}, line 2: DOCTYPE 'CONSOLIDATED_LIST' refused (document type declarations are not allowed)"
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>A</FIRST_NAME></INDIVIDUAL>"
            "</INDIVIDUALS></CONSOLIDATED_LIST>",
            "INDIVIDUAL #1, field 'REFERENCE_NUMBER': required value is missing",
        ),
        (
            "<CONSOLIDATED_LIST><ENTITIES><ENTITY><REFERENCE_NUMBER>QDe.9</REFERENCE_NUMBER></ENTITY>"
            "</ENTITIES></CONSOLIDATED_LIST>",
            "ENTITY #1 (QDe.9), field 'FIRST_NAME': required value is missing",
        ),
        ("<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n</INDIVIDUALS>", "line 4: malformed XML"),
        ("<sdnList></sdnList>", "line 1: root element is <sdnList>, expected <CONSOLIDATED_LIST>"),
        ("", "line 1: malformed XML: no element found"),
    ],
)
def test_bad_xml_names_the_record_and_field(tmp_path: Path, body: str, message: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(ListFormatError) as caught:
        list(load_un(path))
    assert str(caught.value).startswith(f"{path}, {message}")
