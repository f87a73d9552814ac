"""Field rules of party data, as plain functions raising ValueError with a message fit for the caller.

Wire schemas attach them to fields (so errors name the exact field path); domain services rely on them.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import phonenumbers
import pycountry
from email_validator import EmailNotValidError, validate_email

MAX_AGE_YEARS = 130
# The calendar runs furthest ahead at UTC+14 (Kiribati's Line Islands): someone born there today is born
# "tomorrow" by a server's UTC clock, and must not be refused as born in the future.
EARLIEST_ZONE_AHEAD = timedelta(hours=14)
# ASCII digits only, and the whole value (`$` would also match before a trailing newline).
NINE_DIGITS = re.compile(r"\d{9}", re.ASCII)
YEAR_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])", re.ASCII)
US_STATE = re.compile(r"[A-Z]{2}")


def normalise_email(value: str) -> str:
    """Syntax check only (no DNS: the service must work offline and not leak data); returns the
    normalised form (domain lower-cased, Unicode normalised)."""
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ValueError(f"not a valid email address: {exc}") from exc


def email_key(normalised_email: str) -> str:
    """The comparison form for uniqueness rules: emails are compared case-insensitively."""
    return normalised_email.casefold()


def check_tax_id(value: str) -> str:
    if not NINE_DIGITS.fullmatch(value):
        raise ValueError("must be exactly 9 digits")
    return value


def normalise_na_phone(value: str) -> str:
    """A 10-digit North American (NANP) number; returns the 10 digits."""
    digits = re.sub(r"[\s().+-]", "", value)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if not re.fullmatch(r"[2-9]\d{2}[2-9]\d{6}", digits, re.ASCII):
        raise ValueError("must be a 10-digit North American phone number")
    parsed = phonenumbers.parse(digits, "US")
    if parsed.country_code != 1 or not phonenumbers.is_possible_number(parsed):
        raise ValueError("must be a 10-digit North American phone number")
    return digits


def check_country(value: str) -> str:
    if len(value) != 2 or pycountry.countries.get(alpha_2=value.upper()) is None:
        raise ValueError("must be an ISO 3166-1 alpha-2 country code")
    return value.upper()


def check_state(value: str) -> str:
    if not US_STATE.fullmatch(value.upper()) or not value.isascii():
        raise ValueError("must be a 2-letter state code")
    return value.upper()


def latest_date_anywhere() -> date:
    """Today's date where it is latest on Earth: no real date after it has happened yet."""
    return (datetime.now(UTC) + EARLIEST_ZONE_AHEAD).date()


def check_date_of_birth(value: date, today: date | None = None) -> date:
    """`today`: tests fix it; by default dates up to today's date anywhere on Earth are accepted."""
    latest = today or latest_date_anywhere()
    today = today or datetime.now(UTC).date()
    if value > latest:
        raise ValueError("must not be in the future")
    if value < _years_before(today, MAX_AGE_YEARS):
        raise ValueError(f"must be at most {MAX_AGE_YEARS} years ago")
    return value


def check_year_month(value: str) -> str:
    match = YEAR_MONTH.fullmatch(value)
    if not match:
        raise ValueError("must be YYYY-MM")
    latest = latest_date_anywhere()
    if (int(match.group(1)), int(match.group(2))) > (latest.year, latest.month):
        raise ValueError("must not be in the future")
    return value


def check_percentage(value: int) -> int:
    if not 0 <= value <= 100:
        raise ValueError("must be between 0 and 100")
    return value


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def mask_tax_id(value: str | None) -> str | None:
    """Show only the last four digits, as the vendor does for sensitive data."""
    if value is None:
        return None
    return "*" * (len(value) - 4) + value[-4:]
