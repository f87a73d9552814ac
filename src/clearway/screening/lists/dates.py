"""Dates of birth as ISO prefixes ("1965", "1965-03", "1965-03-12"), the precision the source gives.

Ranges ("1960 to 1965", UN FROM_YEAR..TO_YEAR) become every year of the range, so that a matcher comparing
prefixes needs no notion of ranges; "circa 1965" keeps the year (the matcher owns any tolerance)."""

from __future__ import annotations

import re
from datetime import date

# Beyond this span a "range" is a data error or meaningless for matching: keep only its two ends.
MAX_RANGE_YEARS = 20

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")
_OFAC_DATE = re.compile(r"^(?:(\d{1,2}) )?(?:([A-Za-z]{3})[a-z]*\.? )?(\d{4})$")
_RANGE = re.compile(r"^(.+?)\s*(?: to |-)\s*(.+)$")


def iso_date_prefix(text: str | None) -> str | None:
    """ "1965-03-12" / "1965-03" / "1965" (a trailing time is dropped); None when not a valid date."""
    match = _ISO.match((text or "").strip())
    if not match:
        return None
    year, month, day = match.groups()
    return _checked(int(year), int(month) if month else None, int(day) if day else None)


def year_span(start: int, end: int) -> list[str]:
    if start > end:
        start, end = end, start
    if end - start > MAX_RANGE_YEARS:
        return [str(start), str(end)]
    return [str(year) for year in range(start, end + 1)]


def ofac_date(text: str) -> str | None:
    """OFAC's "12 Mar 1965", "Mar 1965" or "1965" as an ISO prefix."""
    match = _OFAC_DATE.match(text.strip())
    if not match:
        return None
    day, month_name, year = match.groups()
    month = _MONTHS.get(month_name.lower()) if month_name else None
    if month_name and month is None:
        return None
    return _checked(int(year), month, int(day) if day else None)


def ofac_birth_dates(body: str) -> list[str]:
    """The value of one OFAC "DOB ..." remark: a date, "circa <date>" or "<date> to <date>"."""
    text = body.strip().rstrip(".").strip()
    if text.lower().startswith("circa "):
        text = text[6:]
    single = ofac_date(text)
    if single:
        return [single]
    match = _RANGE.match(text)
    if not match:
        return []
    start, end = ofac_date(match.group(1)), ofac_date(match.group(2))
    if not start or not end:
        return []
    if start[:4] == end[:4]:
        return [start] if start == end else [start[:4]]
    return year_span(int(start[:4]), int(end[:4]))


def _checked(year: int, month: int | None, day: int | None) -> str | None:
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    if day is not None and month is not None:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if month is not None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"
