"""Field types of the dialect: each one runs a rule of `parties.rules` so errors name the exact field."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, PlainSerializer, StrictBool, StrictInt

from clearway.parties import rules

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: Any) -> Any:
    if isinstance(value, str) and not ISO_DATE.match(value):
        raise ValueError("must be a date in the form YYYY-MM-DD")
    if not isinstance(value, str | date):
        raise ValueError("must be a date in the form YYYY-MM-DD")
    return value


Email = Annotated[str, Field(max_length=320), AfterValidator(rules.normalise_email)]
TaxId = Annotated[str, AfterValidator(rules.check_tax_id)]
Phone = Annotated[str, Field(max_length=32), AfterValidator(rules.normalise_na_phone)]
Country = Annotated[str, AfterValidator(rules.check_country)]
State = Annotated[str, AfterValidator(rules.check_state)]
DateOfBirth = Annotated[date, BeforeValidator(_iso_date), AfterValidator(rules.check_date_of_birth)]
YearMonth = Annotated[str, AfterValidator(rules.check_year_month)]
Percentage = Annotated[StrictInt, AfterValidator(rules.check_percentage)]
Name = Annotated[str, Field(min_length=1, max_length=200)]
LongName = Annotated[str, Field(min_length=1, max_length=300)]
Code = Annotated[str, Field(min_length=1, max_length=60)]
EntityId = Annotated[str, Field(min_length=1, max_length=64)]
Flag = StrictBool


def _iso_millis(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


# Responses carry ISO-8601 UTC timestamps with milliseconds, as the vendor's do.
Timestamp = Annotated[datetime, PlainSerializer(_iso_millis, return_type=str, when_used="json")]
