"""Table-driven tests of the pure helpers: OFAC remark phrases, dates of birth, country names."""

from __future__ import annotations

import pytest

from clearway.screening.entry import EntryIdentifier
from clearway.screening.lists.countries import country_code
from clearway.screening.lists.dates import iso_date_prefix, ofac_birth_dates, year_span
from clearway.screening.lists.ofac_remarks import parse_remarks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 Mar 1965", ["1965-03-12"]),
        ("1965", ["1965"]),
        ("circa 1965", ["1965"]),
        ("Mar 1965", ["1965-03"]),
        ("1960 to 1963", ["1960", "1961", "1962", "1963"]),
        ("01 Jan 1953 to 31 Dec 1954", ["1953", "1954"]),
        ("01 Jan 1970 to 31 Dec 1970", ["1970"]),
        ("circa 1965-1966", ["1965", "1966"]),
        ("1900 to 1990", ["1900", "1990"]),  # wider than MAX_RANGE_YEARS: the ends only
        ("31 Feb 1965", []),
        ("unknown", []),
    ],
)
def test_ofac_birth_dates(text: str, expected: list[str]) -> None:
    assert ofac_birth_dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1971-01-22", "1971-01-22"),
        ("1971-01", "1971-01"),
        ("1971", "1971"),
        ("2024-06-01T10:57:03", "2024-06-01"),
        ("1971-13", None),
        ("1971-02-30", None),
        ("22/01/1971", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date_prefix(text: str | None, expected: str | None) -> None:
    assert iso_date_prefix(text) == expected


def test_year_span_orders_its_ends() -> None:
    assert year_span(1975, 1973) == ["1973", "1974", "1975"]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Korea, North", "KP"),
        ("Korea, South", "KR"),
        ("Democratic People's Republic of Korea", "KP"),
        ("Iran (Islamic Republic of)", "IR"),
        ("Bahamas, The", "BS"),
        ("Man, Isle of", "IM"),
        ("Congo, Democratic Republic of the", "CD"),
        ("Türkiye", "TR"),
        ("Burma", "MM"),
        ("Russia", "RU"),
        ("United Kingdom of Great Britain and Northern Ireland", "GB"),
        ("State of Palestine", "PS"),
        ("Mexico.", "MX"),
        ("de", "DE"),
        ("Kosovo", "XK"),
        ("Region: Crimea", None),
        ("undetermined", None),
        ("", None),
        (None, None),
    ],
)
def test_country_names_to_iso(name: str | None, code: str | None) -> None:
    assert country_code(name) == code


def test_remarks_of_a_person() -> None:
    facts = parse_remarks(
        "DOB 17 Apr 1993; alt. DOB circa 1990; POB Russian Federation; nationality Russia; citizen Ukraine; "
        "Gender Male; Passport 2018278055 (Russia) expires 01 Jan 2030; "
        "alt. Passport L 123 issued 01 Feb 2010; Tax ID No. 366110340670 (Russia); "
        "Business Registration Number 0582030 (Connecticut) (United States); "
        "a.k.a. 'LOCKBITSUPP'; f.k.a. 'OLD NAME'; n.k.a. 'NEW NAME'; Linked To: SOMETHING LTD."
    )
    assert facts.birth_dates == ["1993-04-17", "1990"]
    assert facts.birth_places == ["Russian Federation"]
    assert facts.countries == ["RU", "UA"]
    assert facts.gender == "male"
    assert facts.identifiers == [
        EntryIdentifier("passport", "2018278055", "RU"),
        EntryIdentifier("passport", "L 123", None),
        EntryIdentifier("tax_id", "366110340670", "RU"),
        EntryIdentifier("registration", "0582030", "US"),
    ]
    assert (facts.weak_aliases, facts.former_names, facts.strong_aliases) == (
        ["LOCKBITSUPP"],
        ["OLD NAME"],
        ["NEW NAME"],
    )


@pytest.mark.parametrize(
    ("phrase", "identifier"),
    [
        ("Vessel Registration Identification IMO 9486910", EntryIdentifier("imo", "9486910")),
        ("Identification Number IMO 9339301", EntryIdentifier("imo", "9339301")),
        ("Identification Number 123-45 (Colombia)", EntryIdentifier("national_id", "123-45", "CO")),
        ("MMSI 636013272", EntryIdentifier("mmsi", "636013272")),
        ("SWIFT/BIC BNCUCUHH", EntryIdentifier("swift", "BNCUCUHH")),
        ("NIT # 800183713-1 (Colombia)", EntryIdentifier("tax_id", "800183713-1", "CO")),
        ("Registration ID HRB 1234 (Germany)", EntryIdentifier("registration", "HRB 1234", "DE")),
        ("Cedula No. 1.234.567 (Colombia).", EntryIdentifier("national_id", "1.234.567", "CO")),
        (
            "Legal Entity Number 5299007NTWCC3U23WM81 (Czech Republic)",
            EntryIdentifier("lei", "5299007NTWCC3U23WM81", "CZ"),
        ),
    ],
)
def test_identifier_phrases(phrase: str, identifier: EntryIdentifier) -> None:
    assert parse_remarks(phrase).identifiers == [identifier]


@pytest.mark.parametrize(
    "phrase",
    [
        "Email Address info@example.org",
        "Website www.example.org",
        "Linked To: X",
        "Passport",
        "Aircraft Model AN24",
    ],
)
def test_phrases_that_are_not_identifiers(phrase: str) -> None:
    assert parse_remarks(phrase).identifiers == []


def test_alias_with_apostrophes_inside_and_doubled_quotes() -> None:
    facts = parse_remarks("a.k.a. 'ABU-'UMAR'; a.k.a. ''FOOPIE''.")
    assert facts.weak_aliases == ["ABU-'UMAR", "FOOPIE"]
