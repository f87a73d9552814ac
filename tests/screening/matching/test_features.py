"""Evidence beyond the name, one row per rule: what it does to the score of a fixed name match."""

from __future__ import annotations

import pytest

from clearway.screening import features
from clearway.screening.compare import DEFAULT_THRESHOLD, Party, compare
from clearway.screening.entry import AliasQuality, EntryIdentifier, EntryName, EntrySchema, ListEntry
from clearway.screening.normalize import NameKind
from tests.screening.matching.conftest import entry

PUTIN = entry(
    "t:1",
    EntrySchema.PERSON,
    "Vladimir Vladimirovich PUTIN",
    birth_dates=("1952-10-07",),
    countries=("RU",),
    gender="male",
    identifiers=(EntryIdentifier("passport", "AB 123-456", "RU"),),
)
# The name alone scores the same in every row; only the other evidence differs.
NAME_ONLY = compare(Party("Vladimir Putin", "Person"), PUTIN).score

EFFECTS = [
    # rule, party, expected direction (+1 raised, -1 lowered), feature name
    ("dob same day", Party("Vladimir Putin", "Person", birth_dates=("1952-10-07",)), +1, "birth_date"),
    ("dob same year only given", Party("Vladimir Putin", "Person", birth_dates=("1952",)), +1, "birth_date"),
    ("dob other year", Party("Vladimir Putin", "Person", birth_dates=("1970-01-01",)), -1, "birth_date"),
    ("country shared", Party("Vladimir Putin", "Person", countries=("RU",)), +1, "country"),
    ("country differs", Party("Vladimir Putin", "Person", countries=("FR",)), -1, "country"),
    ("identifier shared", Party("Vladimir Puttin", "Person", identifiers=("ab123456",)), +1, "identifier"),
    ("gender differs", Party("Vladimir Putin", "Person", gender="female"), -1, "gender"),
    ("schema differs", Party("Vladimir Putin", "Company"), -1, "schema"),
]


@pytest.mark.parametrize(("rule", "party", "direction", "feature"), EFFECTS, ids=[row[0] for row in EFFECTS])
def test_feature_effect(rule: str, party: Party, direction: int, feature: str) -> None:
    match = compare(party, PUTIN)
    name_only = compare(Party(party.name, "Person"), PUTIN).score
    effects = {f.feature: f for f in match.explanation.features}
    assert effects[feature].effect == ("raised" if direction > 0 else "lowered")
    if direction > 0:
        assert match.score > name_only or match.score == 1.0
    else:
        assert match.score < name_only


def test_no_evidence_no_effect() -> None:
    match = compare(Party("Vladimir Putin", "Person"), PUTIN)
    assert match.explanation.features == ()
    assert match.score == NAME_ONLY


def test_dob_mismatch_turns_a_name_match_into_no_match() -> None:
    assert NAME_ONLY >= DEFAULT_THRESHOLD
    assert compare(Party("Vladimir Putin", "Person", birth_dates=("1980",)), PUTIN).score < DEFAULT_THRESHOLD


def test_identifier_does_not_rescue_an_unrelated_name() -> None:
    match = compare(Party("Acme Holdings", "Company", identifiers=("AB123456",)), PUTIN)
    assert "identifier" not in {f.feature for f in match.explanation.features}


def test_unknown_schema_is_compatible_with_everything() -> None:
    assert features.schema_effect(NameKind.GENERIC, NameKind.PERSON) is None
    assert features.schema_effect(NameKind.ORGANIZATION, NameKind.GENERIC) is None


def test_best_alias_is_reported() -> None:
    bank = entry("t:2", EntrySchema.ORGANIZATION, "BANCO NACIONAL DE CUBA", "NATIONAL BANK OF CUBA", "BNC")
    match = compare(Party("National Bank of Cuba", "Company"), bank)
    assert match.matched_name == "NATIONAL BANK OF CUBA"
    assert match.score == 1.0


def test_weak_alias_scores_lower() -> None:
    strong = entry("t:3", EntrySchema.PERSON, "Abu Yasir Hassan")
    weak = ListEntry(
        "t:4", "test-list", EntrySchema.PERSON, (EntryName("Abu Yasir Hassan", AliasQuality.WEAK),)
    )
    query = Party("Abu Yasir Hassan", "Person")
    assert compare(query, weak).score < compare(query, strong).score


def test_birth_date_effect_values() -> None:
    assert features.birth_date_effect([], ["1960"]) is None
    match = features.birth_date_effect(["1960-08-31"], ["1953-08-31", "1960-08-31"])
    assert match is not None and match.delta == features.DELTA_DOB_MATCH
    near = features.birth_date_effect(["1960-08-30"], ["1960-08-31"])
    assert near is not None and near.delta == 0.0
    other = features.birth_date_effect(["1961"], ["1960"])
    assert other is not None and other.delta == features.DELTA_DOB_MISMATCH


def test_identifiers_normalised() -> None:
    assert features.normalize_identifier("ab-12 34/56") == "AB123456"
