"""Other names written inside one name: split off by `written_names`, compared and screened as aliases."""

from __future__ import annotations

import pytest

from clearway.screening.compare import Party, compare_names, prepare_entry, prepare_party
from clearway.screening.entry import EntryName, EntrySchema, ListEntry
from clearway.screening.normalize import NameKind
from clearway.screening.written_names import WrittenNames, written_names

SPLIT = [
    ("ADRIAN DARYA 1 (ex-GRACE 1)", WrittenNames("ADRIAN DARYA 1", ("GRACE 1",))),
    ("Adrian Darya 1 (ex GRACE 1)", WrittenNames("Adrian Darya 1", ("GRACE 1",))),
    ("Bank X (formerly: Bank Y)", WrittenNames("Bank X", ("Bank Y",))),
    ("Bank X [previously Bank Y]", WrittenNames("Bank X", ("Bank Y",))),
    ("Acme Ltd (a.k.a. Acme Trading)", WrittenNames("Acme Ltd", ("Acme Trading",))),
    (
        "Sberbank Europe AG f/k/a Volksbank International AG",
        WrittenNames("Sberbank Europe AG", ("Volksbank International AG",)),
    ),
    ("Acme Ltd aka Acme Trading", WrittenNames("Acme Ltd", ("Acme Trading",))),
    ("John Smith (also known as Johnny)", WrittenNames("John Smith", ("Johnny",))),
    ("Abubakar (original script: Абубакар)", WrittenNames("Abubakar", ("Абубакар",))),
    ("حسن غول (Hassan Ghul; Hasan Gul)", WrittenNames("حسن غول", ("Hassan Ghul", "Hasan Gul"))),
    ("Hassan Ghul (حسن غول)", WrittenNames("Hassan Ghul", ("حسن غول",))),
    ("Ismael 'El Mayo' ZAMBADA", WrittenNames("Ismael ZAMBADA", ("El Mayo",))),
    ("Joaquín “El Chapo” Guzmán", WrittenNames("Joaquín Guzmán", ("El Chapo",))),
    # Ayns written with single quotes; the nickname is in double ones.
    ("'Abd al-'Aziz \"Abu Ali\" Hassan", WrittenNames("'Abd al-'Aziz Hassan", ("Abu Ali",))),
]

KEPT_WHOLE = [
    ("an apostrophe inside a word", "Sean O'Brien", True),
    ("an apostrophe ending a word", "Kurdistan Workers' Party", True),
    ("an ayn written as an apostrophe", "Muhammad 'Abd al-'Aziz", True),
    ("ayns written as quotes", "'Abd al-Rahman Khalaf 'Ubayd Juday' AL-'ANIZI", True),
    ("ayns written as typographic quotes", "‘ABD AL-RAHMAN KHALAF ‘UBAYD JUAY’ AL-‘ANIZI", True),
    ("a company's name in quotes", 'AO "Kontsern Radioelektronnye Tekhnologii"', True),
    ("guillemets around a company's name", "ОАО «Авиакомпания «Белавиа»»", True),
    ("brackets without an alias marker", "VTB Bank (Europe) SE", True),
    ("brackets in the same script, diacritics aside", "Grupo Ñandú (Paraguay)", True),
    ("a word that begins like a marker", "Exxon (Extraction) Ltd", True),
    ("quotes in a company's name", 'Grupo "Alfa" Holding', False),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT)
def test_names_written_inside_a_name_are_split_off(text: str, expected: WrittenNames) -> None:
    assert written_names(text, nicknames=True) == expected


@pytest.mark.parametrize(("case", "text", "nicknames"), KEPT_WHOLE)
def test_a_name_with_nothing_written_inside_stays_whole(case: str, text: str, nicknames: bool) -> None:
    assert written_names(text, nicknames) == WrittenNames(text), case


def test_a_former_name_compares_as_an_alias() -> None:
    assert compare_names("ADRIAN DARYA 1", "Adrian Darya 1 (ex-GRACE 1)", "Vessel").score == 1.0
    match = compare_names("Grace 1", "Adrian Darya 1 (ex-GRACE 1)", "Vessel")
    assert match.score == 1.0
    assert match.explanation.matched_name == "GRACE 1"
    # Without the split, the former name's words counted against the current one.
    assert compare_names("Adrian Darya 1", "Adrian Darya 1 ex GRACE 1", "Vessel").score < 0.8


def test_a_nickname_in_quotes_compares_apart_from_the_name() -> None:
    match = compare_names("Ismael ZAMBADA GARCÍA", "Ismael 'El Mayo' ZAMBADA", "Person")
    assert match.score >= 0.8
    assert match.explanation.matched_name == "Ismael ZAMBADA"


def test_a_split_never_loses_the_name_as_written() -> None:
    """The words in quotes may be part of the name: as written, it still compares."""
    assert compare_names('Tom "T" Jones', 'Tom "T" Jones', "Person").score == 1.0


def test_a_screened_party_is_screened_under_the_names_written_in_its_name() -> None:
    party = prepare_party(Party("Ismael 'El Mayo' ZAMBADA", "Person"))
    originals = [name.original for name in party.names_for(NameKind.PERSON)]
    assert originals == ["Ismael 'El Mayo' ZAMBADA", "Ismael ZAMBADA", "El Mayo"]
    company = prepare_party(Party('Grupo "Alfa" Holding (formerly Beta Holding)', "Company"))
    originals = [name.original for name in company.names_for(NameKind.ORGANIZATION)]
    assert originals == [
        'Grupo "Alfa" Holding (formerly Beta Holding)',
        'Grupo "Alfa" Holding',
        "Beta Holding",
    ]


def test_a_list_entry_is_indexed_under_the_names_written_in_its_names() -> None:
    entry = ListEntry(
        entry_id="un:1",
        list_name="un",
        schema=EntrySchema.PERSON,
        names=(EntryName("Aslan BYUTUKAEV"), EntryName("Abubakar (original script: Абубакар)")),
    )
    originals = [name.original for name in prepare_entry(entry).names]
    # Абубакар reads "abubakar" as Abubakar does: one name to compare, as any two aliases alike.
    assert originals == ["Aslan BYUTUKAEV", "Abubakar (original script: Абубакар)", "Abubakar"]
