"""DUPLICATE: another party of the same account with the same email, phone, identifier, or name and date
of birth. The collector returns candidates found by cheap indexed look-ups; the comparison that decides
is done here, on normalised values, so that formatting differences do not hide a duplicate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar, Literal

from clearway.verification.facts import PartyFacts
from clearway.verification.statuses import Severity, StepResult
from clearway.verification.steps import normal
from clearway.verification.steps.base import Finding, Issue, RunState, Step, StepOutcome, StepSettings

Check = Literal["EMAIL", "PHONE", "IDENTIFIER", "NAME_DOB"]


class DuplicateSettings(StepSettings):
    checks: tuple[Check, ...] = ("EMAIL", "PHONE", "IDENTIFIER", "NAME_DOB")
    severity: Severity = Severity.HIGH


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    entity_id: str
    entity_type: str
    name: str
    date_of_birth: date | None
    email: str | None
    phone: str | None
    identifiers: tuple[str, ...]


def matched_checks(party: PartyFacts, other: DuplicateCandidate, checks: tuple[str, ...]) -> list[str]:
    matched = []
    if (
        "EMAIL" in checks
        and party.email
        and other.email
        and normal.email(party.email) == normal.email(other.email)
    ):
        matched.append("EMAIL")
    if (
        "PHONE" in checks
        and party.phone
        and other.phone
        and normal.phone(party.phone) == normal.phone(other.phone) != ""
    ):
        matched.append("PHONE")
    if "IDENTIFIER" in checks:
        mine = {normal.identifier(ident.value) for ident in party.identifiers} - {""}
        if mine & {normal.identifier(value) for value in other.identifiers}:
            matched.append("IDENTIFIER")
    if "NAME_DOB" in checks and party.name and party.date_of_birth and other.date_of_birth:
        same_name = normal.name(party.name) == normal.name(other.name)
        if same_name and party.date_of_birth == other.date_of_birth:
            matched.append("NAME_DOB")
    return matched


class DuplicateStep(Step[DuplicateSettings, tuple[DuplicateCandidate, ...]]):
    type: ClassVar[str] = "DUPLICATE"
    settings_model = DuplicateSettings

    def evaluate(
        self,
        name: str,
        settings: DuplicateSettings,
        evidence: tuple[DuplicateCandidate, ...],
        run: RunState,
    ) -> StepOutcome:
        party = run.facts.party
        findings: list[Finding] = []
        issues: list[Issue] = []
        for other in sorted(evidence, key=lambda candidate: candidate.entity_id):
            if other.entity_id == party.entity_id:
                continue
            matched = matched_checks(party, other, settings.checks)
            if not matched:
                continue
            findings.append(
                Finding(
                    object_type=party.entity_type,
                    result="MATCH",
                    entity_id=party.entity_id,
                    match_key=f"duplicate:{other.entity_id}",
                    details={"duplicateEntityId": other.entity_id, "matchedOn": matched},
                )
            )
            issues.append(
                Issue(
                    "DUPLICATE", "DUPLICATE_ENTITY", settings.severity, name, party.entity_id, other.entity_id
                )
            )
        result = StepResult.MATCH if findings else StepResult.NO_MATCH
        return StepOutcome(result, {"duplicates": len(findings)}, tuple(findings), tuple(issues))
