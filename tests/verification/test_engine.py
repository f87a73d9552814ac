"""The pure engine and steps, table-driven: no database."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from clearway.verification import engine
from clearway.verification.definitions import builtin_documents, parse_text, plan_of
from clearway.verification.facts import Identifier, PartyFacts, SubjectFacts
from clearway.verification.steps.aml import AmlEvidence, PriorResolution, ScreenedParty, ScreeningHit
from clearway.verification.steps.duplicate import DuplicateCandidate
from clearway.verification.steps.kyc import KycSettings, check_party
from clearway.verification.steps.matchlist import MatchlistCandidate
from clearway.verification.steps.normal import matchlist_value

TODAY = date(2026, 1, 15)
PLANS = {doc.name: plan_of(doc.model_dump(mode="json", by_alias=True)) for doc in builtin_documents()}


def person(**fields: Any) -> PartyFacts:
    values: dict[str, Any] = {
        "entity_id": "e1",
        "entity_type": "INDIVIDUAL",
        "name": "Jane Citizen",
        "given_name": "Jane",
        "family_name": "Citizen",
        "date_of_birth": date(1985, 4, 12),
        "email": "jane@example.com",
        "phone": "+14155552671",
        "identifiers": (Identifier("SSN", "536-90-4399", "US"),),
        "countries": ("US",),
    }
    values.update(fields)
    return PartyFacts(**values)


def hit(key: str = "ofac-sdn:1", digest: str = "d1", topics: tuple[str, ...] = ("sanction",)) -> ScreeningHit:
    return ScreeningHit(key, digest, 0.93, topics, {"score": 0.93})


def aml(
    *hits: ScreeningHit, resolutions: dict[tuple[str, str], PriorResolution] | None = None
) -> AmlEvidence:
    return AmlEvidence((ScreenedParty("e1", "INDIVIDUAL", None, hits),), resolutions or {})


BLOCK = MatchlistCandidate(1, "internal", "BLOCK", "EMAIL", "JANE@example.com", "jane@example.com")
ALLOW = MatchlistCandidate(2, "vip", "ALLOW", "NAME", "Citizen Jane", "citizen jane")
DUP = DuplicateCandidate("e2", "INDIVIDUAL", "Other Person", None, "Jane@Example.com", None, ())


@pytest.mark.parametrize(
    ("party", "evidence", "result", "failed"),
    [
        (person(), {}, "PASS", []),
        (person(), {"MATCHLIST": (BLOCK,)}, "BLOCKED", ["MATCHLIST"]),
        (person(), {"MATCHLIST": (ALLOW,)}, "PASS", []),
        (person(), {"DUPLICATE": (DUP,)}, "REVIEW", ["DUPLICATE"]),
        (person(), {"AML": aml(hit())}, "REVIEW", ["AML"]),
        (
            person(),
            {
                "AML": aml(
                    hit(), resolutions={("e1", "ofac-sdn:1"): PriorResolution("p1", "FALSE_POSITIVE", "d1")}
                )
            },
            "PASS",
            [],
        ),
        (
            person(),
            {
                "AML": aml(
                    hit(), resolutions={("e1", "ofac-sdn:1"): PriorResolution("p1", "FALSE_POSITIVE", "old")}
                )
            },
            "REVIEW",
            ["AML"],
        ),
        (
            person(),
            {
                "AML": aml(
                    hit(), resolutions={("e1", "ofac-sdn:1"): PriorResolution("p1", "TRUE_POSITIVE", "d1")}
                )
            },
            "FAIL",
            ["AML"],
        ),
        (person(countries=("IR",)), {}, "FAIL", []),  # country risk 100 → UNACCEPTABLE
        (person(countries=("MM",)), {}, "NEEDS_APPROVAL", []),  # 60 → HIGH
        (person(email="not-an-email"), {}, "FAIL", ["KYC"]),
        (person(date_of_birth=None), {}, "INCOMPLETE", []),
        # A name in a script the screening engine cannot read was not screened: neither clear nor a hit.
        (person(), {"AML": AmlEvidence((ScreenedParty("e1", "INDIVIDUAL", None, (), True),))}, "REVIEW", []),
    ],
)
def test_kyc_aml_outcomes(
    party: PartyFacts, evidence: dict[str, Any], result: str, failed: list[str]
) -> None:
    base: dict[str, Any] = {"MATCHLIST": (), "DUPLICATE": (), "AML": aml()}
    base.update(evidence)
    outcome = engine.run(PLANS["KYC_AML"], SubjectFacts(party, today=TODAY), base)
    assert outcome.result.value == result
    assert [name for name in outcome.steps["failed"] if name != "DECISION"] == failed
    assert outcome.steps["order"] == [
        "START",
        "MATCHLIST",
        "DUPLICATE",
        "KYC",
        "AML",
        "RISK",
        "DECISION",
        "FINISH",
    ]


@pytest.mark.parametrize(
    ("topics", "resolution", "result"),
    [
        ((), None, "CLEAR"),
        (("sanction",), None, "URGENT"),
        (("role.pep",), None, "MONITOR"),
        (("sanction",), "FALSE_POSITIVE", "CLEAR"),
    ],
)
def test_monitoring_outcomes(topics: tuple[str, ...], resolution: str | None, result: str) -> None:
    evidence = aml() if not topics else aml(hit(topics=topics))
    if resolution:
        evidence = aml(
            hit(topics=topics), resolutions={("e1", "ofac-sdn:1"): PriorResolution("p", resolution, "d1")}
        )
    outcome = engine.run(
        PLANS["AML_MONITORING"], SubjectFacts(person(), today=TODAY), {"MATCHLIST": (), "AML": evidence}
    )
    assert outcome.result.value == result


def test_an_unscreened_name_is_reported_and_not_clear() -> None:
    unread = AmlEvidence((ScreenedParty("e1", "INDIVIDUAL", None, (), True),))
    monitored = engine.run(
        PLANS["AML_MONITORING"], SubjectFacts(person(), today=TODAY), {"MATCHLIST": (), "AML": unread}
    )
    assert monitored.result.value == "MONITOR"
    onboarded = engine.run(
        PLANS["KYC_AML"],
        SubjectFacts(person(), today=TODAY),
        {"MATCHLIST": (), "DUPLICATE": (), "AML": unread},
    )
    assert onboarded.result.value == "REVIEW"
    assert "AML" in onboarded.steps["incomplete"]
    assert "AML" not in onboarded.steps["passed"]
    assert [(i.category, i.issue, i.entity_id) for i in onboarded.issues] == [
        ("AML", "NAME_NOT_SCREENED", "e1")
    ]
    aml_step = next(r for r in onboarded.records if r.name == "AML")
    assert aml_step.outcome.summary["screened"] == [
        {"entityId": "e1", "role": None, "hits": 0, "unreadable": True}
    ]


@pytest.mark.parametrize(
    ("fields", "problems"),
    [
        ({}, []),
        ({"identifiers": (Identifier("SSN", "000-12-3456", "US"),)}, ["identifier"]),
        ({"identifiers": (Identifier("TFN", "123 456 782", "AU"),)}, []),
        ({"identifiers": (Identifier("TFN", "123 456 789", "AU"),)}, ["identifier"]),
        ({"identifiers": (Identifier("UTR", "1955839661", "GB"),)}, []),
        ({"phone": "+1 555"}, ["phone"]),
        ({"phone": "(415) 555-2671"}, []),  # national format, region from the country
        ({"email": "jane@@example"}, ["email"]),
        ({"countries": ("XX",)}, ["country"]),
        ({"countries": ("AUS",)}, []),
        ({"date_of_birth": date(2030, 1, 1)}, ["dateOfBirth"]),
        ({"date_of_birth": date(2012, 1, 1)}, ["dateOfBirth"]),
        ({"date_of_birth": date(1880, 1, 1)}, ["dateOfBirth"]),
        ({"family_name": None}, ["familyName"]),
    ],
)
def test_kyc_checks(fields: dict[str, Any], problems: list[str]) -> None:
    found = check_party(person(**fields), KycSettings(), TODAY)
    assert [check for check, _, _ in found] == problems


def test_kyb_checks_owners_too() -> None:
    organization = PartyFacts(
        "o1",
        "ORGANIZATION",
        "Acme LLC",
        identifiers=(Identifier("EIN", "04-2103594", "US"),),
        countries=("US",),
    )
    minor = person(entity_id="e9", date_of_birth=date(2015, 1, 1), role="OWNER")
    outcome = engine.run(
        PLANS["KYB_AML"],
        SubjectFacts(organization, (minor,), today=TODAY),
        {"MATCHLIST": (), "DUPLICATE": (), "AML": AmlEvidence(())},
    )
    assert [(i.issue, i.entity_id) for i in outcome.issues] == [("INVALID_DATEOFBIRTH", "e9")]
    assert outcome.result.value == "FAIL"


@pytest.mark.parametrize(
    ("attribute", "value", "normal"),
    [
        ("NAME", "Dóe, JOHN", "doe john"),
        ("EMAIL", " John@Example.COM ", "john@example.com"),
        ("PHONE", "+1 (415) 555-2671", "14155552671"),
        ("PHONE", "0044 20 7946 0958", "442079460958"),
        ("IDENTIFIER", "536-90-4399", "536904399"),
    ],
)
def test_matchlist_normal_forms(attribute: str, value: str, normal: str) -> None:
    assert matchlist_value(attribute, value) == normal


def test_definition_validation_names_the_field() -> None:
    bad = "name: X\nentityType: INDIVIDUAL\nsteps:\n  - type: RISK\n    settings: {thresholds: {hihg: 3}}\n"
    with pytest.raises(Exception) as raised:
        parse_text(bad)
    assert "steps" in str(raised.value)
    with pytest.raises(Exception, match="unknown step type"):
        parse_text("name: X\nentityType: INDIVIDUAL\nsteps: [{type: NOPE}]\n")
