"""KYC: data checks on the party (and, for an organization, its owners and officers) with real
validators: identifiers by country, phone numbers, email syntax, countries, dates and ages, and the
completeness of the fields the settings require. Absent required data → MISSING_DATA; invalid data → FAIL."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar, Literal

from clearway.verification.facts import PartyFacts
from clearway.verification.statuses import Severity, StepResult
from clearway.verification.steps import validators
from clearway.verification.steps.base import Finding, Issue, RunState, Step, StepOutcome, StepSettings

Field = Literal["name", "givenName", "familyName", "dateOfBirth", "email", "phone", "identifier", "country"]


class KycSettings(StepSettings):
    required_individual: tuple[Field, ...] = ("givenName", "familyName", "dateOfBirth")
    required_organization: tuple[Field, ...] = ("name", "identifier", "country")
    minimum_age: int = 18
    maximum_age: int = 120
    check_related: bool = True
    invalid_severity: Severity = Severity.HIGH
    missing_severity: Severity = Severity.MEDIUM


def _present(party: PartyFacts, field: str) -> bool:
    values: dict[str, Any] = {
        "name": party.name,
        "givenName": party.given_name,
        "familyName": party.family_name,
        "dateOfBirth": party.date_of_birth,
        "email": party.email,
        "phone": party.phone,
        "identifier": party.identifiers,
        "country": party.countries,
    }
    return bool(values[field])


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def check_party(party: PartyFacts, settings: KycSettings, today: date) -> list[tuple[str, str, str]]:
    """(check, MISSING_DATA | FAIL, message) for every problem of one party."""
    problems: list[tuple[str, str, str]] = []
    required = settings.required_individual if party.is_individual else settings.required_organization
    problems += [
        (field, "MISSING_DATA", f"{field} is required") for field in required if not _present(party, field)
    ]
    countries = []
    for raw in party.countries:
        code = validators.country_alpha2(raw)
        if code is None:
            problems.append(("country", "FAIL", f"unknown country {raw!r}"))
        else:
            countries.append(code)
    region = countries[0] if countries else None
    if party.email and (reason := validators.email_problem(party.email)):
        problems.append(("email", "FAIL", reason))
    if party.phone and (reason := validators.phone_problem(party.phone, region)):
        problems.append(("phone", "FAIL", reason))
    for ident in party.identifiers:
        reason = validators.identifier_problem(ident.kind, ident.value, ident.country or region)
        if reason:
            problems.append(("identifier", "FAIL", reason))
    born = party.date_of_birth
    if born is not None:
        if born > today:
            problems.append(("dateOfBirth", "FAIL", "date is in the future"))
        elif party.is_individual:
            age = _age(born, today)
            if age < settings.minimum_age:
                problems.append(("dateOfBirth", "FAIL", f"younger than {settings.minimum_age}"))
            elif age > settings.maximum_age:
                problems.append(("dateOfBirth", "FAIL", f"older than {settings.maximum_age}: implausible"))
    return problems


class KycStep(Step[KycSettings, None]):
    type: ClassVar[str] = "KYC"
    settings_model = KycSettings

    def evaluate(self, name: str, settings: KycSettings, evidence: None, run: RunState) -> StepOutcome:
        facts = run.facts
        parties = facts.parties if settings.check_related else (facts.party,)
        findings: list[Finding] = []
        issues: list[Issue] = []
        checked: list[dict[str, Any]] = []
        for party in parties:
            problems = check_party(party, settings, facts.today)
            checked.append({"entityId": party.entity_id, "problems": len(problems)})
            for check, result, message in problems:
                findings.append(
                    Finding(
                        check.upper(), result, party.entity_id, details={"check": check, "message": message}
                    )
                )
                missing = result == "MISSING_DATA"
                issues.append(
                    Issue(
                        "DATA",
                        f"MISSING_{check.upper()}" if missing else f"INVALID_{check.upper()}",
                        settings.missing_severity if missing else settings.invalid_severity,
                        name,
                        party.entity_id,
                        message,
                    )
                )
        results = {finding.result for finding in findings}
        if "FAIL" in results:
            result = StepResult.FAIL
        elif results:
            result = StepResult.MISSING_DATA
        else:
            result = StepResult.PASS
        return StepOutcome(result, {"parties": checked}, tuple(findings), tuple(issues))
