"""Field rules of party data (`clearway.parties.rules`), table-driven."""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo

import pytest

from clearway.parties import rules


@pytest.mark.parametrize("value", ["123456789", "000000000", "987654321"])
def test_tax_id_accepts_nine_digits(value: str) -> None:
    assert rules.check_tax_id(value) == value


@pytest.mark.parametrize(
    "value",
    [
        "12345678",
        "1234567890",
        "12-3456789",
        "123 456 789",
        "12345678a",
        "",
        "１２３４５６７８９",
        "123456789\n",
    ],
)
def test_tax_id_rejects_anything_but_nine_ascii_digits(value: str) -> None:
    with pytest.raises(ValueError, match="must be exactly 9 digits"):
        rules.check_tax_id(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025550143", "2025550143"),
        ("(202) 555-0143", "2025550143"),
        ("202-555-0143", "2025550143"),
        ("202.555.0143", "2025550143"),
        ("+1 202 555 0143", "2025550143"),
        ("12025550143", "2025550143"),
        ("4165550199", "4165550199"),  # Toronto: NANP, not only the US
    ],
)
def test_na_phone_is_normalised_to_ten_digits(value: str, expected: str) -> None:
    assert rules.normalise_na_phone(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "202555014",  # 9 digits
        "20255501430",  # 11 digits not starting with 1
        "1202555014",  # 10 digits starting with 1: area code cannot start with 1
        "0225550143",  # area code cannot start with 0
        "2021550143",  # exchange cannot start with 1
        "2020550143",  # exchange cannot start with 0
        "+44 20 7946 0958",  # UK
        "202-555-01a3",
        "202５550143",  # a full-width digit
        "",
    ],
)
def test_na_phone_rejects_non_nanp_numbers(value: str) -> None:
    with pytest.raises(ValueError, match="must be a 10-digit North American phone number"):
        rules.normalise_na_phone(value)


@pytest.mark.parametrize(("value", "expected"), [("US", "US"), ("us", "US"), ("CA", "CA"), ("de", "DE")])
def test_country_accepts_iso_alpha_2(value: str, expected: str) -> None:
    assert rules.check_country(value) == expected


@pytest.mark.parametrize("value", ["USA", "U", "", "ZZ", "XX", "840", "U1"])
def test_country_rejects_anything_else(value: str) -> None:
    with pytest.raises(ValueError, match="must be an ISO 3166-1 alpha-2 country code"):
        rules.check_country(value)


@pytest.mark.parametrize(("value", "expected"), [("CA", "CA"), ("ny", "NY"), ("Tx", "TX")])
def test_state_accepts_two_letters(value: str, expected: str) -> None:
    assert rules.check_state(value) == expected


@pytest.mark.parametrize("value", ["C", "CAL", "C1", "", "12", "CA\n", "ß", "ﬀ"])
def test_state_rejects_anything_else(value: str) -> None:
    with pytest.raises(ValueError, match="must be a 2-letter state code"):
        rules.check_state(value)


TODAY = date(2024, 6, 15)


@pytest.mark.parametrize(
    "value",
    [
        TODAY,  # born today: not in the future
        date(1894, 6, 15),  # exactly 130 years ago
        date(1990, 1, 1),
    ],
)
def test_date_of_birth_within_bounds(value: date) -> None:
    assert rules.check_date_of_birth(value, today=TODAY) == value


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (date(2024, 6, 16), "must not be in the future"),
        (date(2100, 1, 1), "must not be in the future"),
        (date(1894, 6, 14), "must be at most 130 years ago"),
        (date(1800, 1, 1), "must be at most 130 years ago"),
    ],
)
def test_date_of_birth_out_of_bounds(value: date, message: str) -> None:
    with pytest.raises(ValueError) as raised:
        rules.check_date_of_birth(value, today=TODAY)
    assert str(raised.value) == message


def test_date_of_birth_130_years_before_29_february() -> None:
    leap_day = date(2024, 2, 29)
    assert rules.check_date_of_birth(date(1894, 2, 28), today=leap_day) == date(1894, 2, 28)
    with pytest.raises(ValueError, match="must be at most 130 years ago"):
        rules.check_date_of_birth(date(1894, 2, 27), today=leap_day)


def test_date_of_birth_defaults_to_the_real_today() -> None:
    with pytest.raises(ValueError, match="must not be in the future"):
        rules.check_date_of_birth(date(date.today().year + 1, 1, 1))


def test_born_today_where_the_day_is_latest_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    """At 10:30 UTC on 31 December it is already 1 January at UTC+14: a birth that day is real."""

    class Clock(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> Clock:
            return cls(2025, 12, 31, 10, 30, tzinfo=UTC)

    monkeypatch.setattr(rules, "datetime", Clock)
    assert rules.latest_date_anywhere() == date(2026, 1, 1)
    assert rules.check_date_of_birth(date(2026, 1, 1)) == date(2026, 1, 1)
    assert rules.check_year_month("2026-01") == "2026-01"
    with pytest.raises(ValueError, match="must not be in the future"):
        rules.check_date_of_birth(date(2026, 1, 2))
    with pytest.raises(ValueError, match="must not be in the future"):
        rules.check_year_month("2026-02")


@pytest.mark.parametrize("value", ["2020-01", "1999-12", "2024-06"])
def test_year_month_accepts_past_months(value: str) -> None:
    assert rules.check_year_month(value) == value


def test_year_month_accepts_the_current_month() -> None:
    current = date.today().strftime("%Y-%m")
    assert rules.check_year_month(current) == current


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2020-13", "must be YYYY-MM"),
        ("2020-00", "must be YYYY-MM"),
        ("2020-1", "must be YYYY-MM"),
        ("202001", "must be YYYY-MM"),
        ("2020-01\n", "must be YYYY-MM"),
        ("２０２０-01", "must be YYYY-MM"),
        ("2020-01-01", "must be YYYY-MM"),
        ("9999-12", "must not be in the future"),
    ],
)
def test_year_month_rejects(value: str, message: str) -> None:
    with pytest.raises(ValueError) as raised:
        rules.check_year_month(value)
    assert str(raised.value) == message


@pytest.mark.parametrize("value", [0, 1, 50, 100])
def test_percentage_accepts_0_to_100(value: int) -> None:
    assert rules.check_percentage(value) == value


@pytest.mark.parametrize("value", [-1, 101, 1000])
def test_percentage_rejects_outside_0_to_100(value: int) -> None:
    with pytest.raises(ValueError, match="must be between 0 and 100"):
        rules.check_percentage(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("joe@example.com", "joe@example.com"),
        ("  joe@example.com ", "joe@example.com"),
        ("Joe.Fette@EXAMPLE.COM", "Joe.Fette@example.com"),  # the domain is case-folded, the local part kept
        ("joe+kyc@sub.example.org", "joe+kyc@sub.example.org"),
    ],
)
def test_email_normalisation(value: str, expected: str) -> None:
    assert rules.normalise_email(value) == expected


@pytest.mark.parametrize(
    "value", ["joe", "joe@", "@example.com", "joe@@example.com", "joe@example", "a b@c.com"]
)
def test_email_rejects_malformed_addresses(value: str) -> None:
    with pytest.raises(ValueError) as raised:
        rules.normalise_email(value)
    assert str(raised.value).startswith("not a valid email address: ")


def test_email_key_compares_case_insensitively() -> None:
    assert rules.email_key("Joe.Fette@example.com") == rules.email_key("joe.fette@example.com")
    assert rules.email_key("Joe.Fette@example.com") == "joe.fette@example.com"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("123456789", "*****6789"), ("987654321", "*****4321"), ("1234", "1234"), (None, None)],
)
def test_mask_tax_id(value: str | None, expected: str | None) -> None:
    assert rules.mask_tax_id(value) == expected


@pytest.mark.parametrize(
    ("birth", "day", "age"),
    [
        (date(2000, 6, 15), date(2018, 6, 15), 18),
        (date(2000, 6, 15), date(2018, 6, 14), 17),
        (date(2000, 2, 29), date(2018, 2, 28), 17),
        (date(2000, 2, 29), date(2018, 3, 1), 18),
    ],
)
def test_age_on(birth: date, day: date, age: int) -> None:
    assert rules.age_on(birth, day) == age
