"""Non-name evidence: date of birth, country, identifiers, gender and schema raise or lower a name score.

Each check returns a `FeatureEffect` (or None when one side lacks the data, which says nothing). The
deltas are additive and deliberately small next to the name score, except where the evidence is strong:
a different year of birth or a different kind of party (a person is not a company) is close to decisive,
a shared passport number almost confirms a fuzzy name. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from clearway.screening.normalize import NameKind

DELTA_DOB_MATCH = 0.05
DELTA_DOB_MISMATCH = -0.2
DELTA_COUNTRY_MATCH = 0.02
DELTA_COUNTRY_MISMATCH = -0.05
DELTA_IDENTIFIER_MATCH = 0.3
DELTA_GENDER_MISMATCH = -0.15
DELTA_SCHEMA_MISMATCH = -0.4
DELTA_SCHEMA_OBJECT = -0.2
DELTA_LEGAL_FORM_MISMATCH = -0.03
# An identifier confirms a name that is already plausible; it does not make "John" match "Acme Ltd".
MIN_NAME_SCORE_FOR_IDENTIFIER = 0.5

_NOT_ALNUM = re.compile(r"[^0-9A-Z]")


@dataclass(frozen=True, slots=True)
class FeatureEffect:
    feature: str  # "birth_date", "country", "identifier", "gender", "schema", "name"
    delta: float  # added to the score (negative lowers it)
    detail: str

    def __reduce__(self) -> tuple[type[FeatureEffect], tuple[str, float, str]]:
        return FeatureEffect, (self.feature, self.delta, self.detail)  # see PartMatch.__reduce__

    @property
    def effect(self) -> str:
        return "raised" if self.delta > 0 else "lowered" if self.delta < 0 else "neutral"


def max_raise(birth_dates: Iterable[str], countries: Iterable[str], identifiers: Iterable[str]) -> float:
    """The most the features can add to the name score of a query with these facts: each raises it only
    when the query has one (a name-only query: nothing)."""
    return (
        (DELTA_DOB_MATCH if any(birth_dates) else 0.0)
        + (DELTA_COUNTRY_MATCH if any(countries) else 0.0)
        + (DELTA_IDENTIFIER_MATCH if any(identifiers) else 0.0)
    )


def birth_date_effect(query: Iterable[str], candidate: Iterable[str]) -> FeatureEffect | None:
    """Dates are ISO prefixes ("1965", "1965-03", "1965-03-12"); compared at their common precision."""
    query_dates = [d for d in query if d]
    candidate_dates = [d for d in candidate if d]
    if not query_dates or not candidate_dates:
        return None
    for q in query_dates:
        for c in candidate_dates:
            common = min(len(q), len(c))
            if q[:common] == c[:common]:
                return FeatureEffect("birth_date", DELTA_DOB_MATCH, f"{q} matches {c}")
    for q in query_dates:
        for c in candidate_dates:
            if q[:4] == c[:4]:
                return FeatureEffect("birth_date", 0.0, f"{q} has the year of {c} but differs")
    listed = ", ".join(candidate_dates[:3])
    return FeatureEffect("birth_date", DELTA_DOB_MISMATCH, f"{query_dates[0]} differs from {listed}")


def country_effect(query: Iterable[str], candidate: Iterable[str]) -> FeatureEffect | None:
    query_set = {c.upper() for c in query if c}
    candidate_set = {c.upper() for c in candidate if c}
    if not query_set or not candidate_set:
        return None
    shared = query_set & candidate_set
    if shared:
        return FeatureEffect("country", DELTA_COUNTRY_MATCH, f"shared {', '.join(sorted(shared))}")
    detail = f"{', '.join(sorted(query_set))} not in {', '.join(sorted(candidate_set))}"
    return FeatureEffect("country", DELTA_COUNTRY_MISMATCH, detail)


def normalize_identifier(value: str) -> str:
    """Compare identifiers on their letters and digits: "AB 123-456" = "ab123456"."""
    return _NOT_ALNUM.sub("", value.upper())


def identifier_effect(
    query: Iterable[str], candidate: Iterable[str], name_score: float
) -> FeatureEffect | None:
    query_ids = {normalize_identifier(v) for v in query} - {""}
    if not query_ids or name_score < MIN_NAME_SCORE_FOR_IDENTIFIER:
        return None
    shared = query_ids & {normalize_identifier(v) for v in candidate}
    shared = {value for value in shared if len(value) >= 4}  # "1" or "A2" identify nothing
    if not shared:
        return None
    return FeatureEffect("identifier", DELTA_IDENTIFIER_MATCH, f"shared identifier {sorted(shared)[0]}")


def gender_effect(query: str | None, candidate: str | None) -> FeatureEffect | None:
    if not query or not candidate or query.lower() == candidate.lower():
        return None
    return FeatureEffect("gender", DELTA_GENDER_MISMATCH, f"{query.lower()} vs {candidate.lower()}")


def schema_effect(query: NameKind, candidate: NameKind) -> FeatureEffect | None:
    if NameKind.GENERIC in (query, candidate) or query == candidate:
        return None
    delta = DELTA_SCHEMA_MISMATCH if NameKind.PERSON in (query, candidate) else DELTA_SCHEMA_OBJECT
    return FeatureEffect("schema", delta, f"query is a {query.value}, entry a {candidate.value}")


def legal_form_effect(query: tuple[str, ...], candidate: tuple[str, ...]) -> FeatureEffect | None:
    """Legal forms barely identify a company ("LLC" vs "Ltd" is often a translation), so a small effect."""
    if not query or not candidate or not set(query).isdisjoint(candidate):
        return None
    detail = f"{'/'.join(query)} vs {'/'.join(candidate)}"
    return FeatureEffect("legal_form", DELTA_LEGAL_FORM_MISMATCH, detail)
