"""DECISION: ordered rules mapping what the earlier steps found to one of the 14 statuses; the first rule
whose every condition holds wins, else `default`."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from clearway.verification.statuses import (
    RISK_ORDER,
    SEVERITY_ORDER,
    RiskLevel,
    Severity,
    Status,
    StepResult,
)
from clearway.verification.steps.base import HitSignal, RunState, Step, StepOutcome, StepSettings

HitKind = Literal["ANY", "SANCTION", "PEP"]


class StepIs(StepSettings):
    step: str
    result: StepResult


class Condition(StepSettings):
    blocking_issue: bool | None = None
    issue_category: str | None = None
    issue_severity_at_least: Severity | None = None
    unresolved_hits: HitKind | None = None
    confirmed_hits: HitKind | None = None
    risk_level_at_least: RiskLevel | None = None
    step_result: StepIs | None = None


class Rule(StepSettings):
    when: Condition
    status: Status


def _onboarding_rules() -> list[Rule]:
    def rule(status: Status, **when: object) -> Rule:
        return Rule(when=Condition.model_validate(when), status=status)

    return [
        rule(Status.BLOCKED, blocking_issue=True),
        rule(Status.FAIL, confirmed_hits="ANY"),
        rule(Status.FAIL, risk_level_at_least=RiskLevel.UNACCEPTABLE),
        rule(Status.REVIEW, unresolved_hits="ANY"),
        rule(Status.REVIEW, step_result={"step": "AML", "result": StepResult.INCOMPLETE}),  # not screened
        rule(Status.REVIEW, issue_category="DUPLICATE"),
        rule(Status.FAIL, step_result={"step": "KYC", "result": StepResult.FAIL}),
        rule(Status.NEEDS_APPROVAL, risk_level_at_least=RiskLevel.HIGH),
        rule(Status.INCOMPLETE, step_result={"step": "KYC", "result": StepResult.MISSING_DATA}),
    ]


class DecisionSettings(StepSettings):
    rules: list[Rule] = Field(default_factory=_onboarding_rules)
    default: Status = Status.PASS


def _hits(hits: list[HitSignal], state: str, kind: HitKind) -> bool:
    wanted = [h for h in hits if h.state == state]
    if kind == "SANCTION":
        return any(h.is_sanction for h in wanted)
    if kind == "PEP":
        return any(h.is_pep for h in wanted)
    return bool(wanted)


def holds(condition: Condition, run: RunState) -> bool:
    checks: list[bool] = []
    if condition.blocking_issue is not None:
        blocking = any(issue.severity is Severity.BLOCK for issue in run.issues)
        checks.append(blocking == condition.blocking_issue)
    if condition.issue_category is not None or condition.issue_severity_at_least is not None:
        floor = SEVERITY_ORDER[condition.issue_severity_at_least or Severity.INFO]
        checks.append(
            any(
                (condition.issue_category in (None, issue.category))
                and SEVERITY_ORDER[issue.severity] >= floor
                for issue in run.issues
            )
        )
    if condition.unresolved_hits is not None:
        checks.append(_hits(run.hits, "OPEN", condition.unresolved_hits))
    if condition.confirmed_hits is not None:
        checks.append(_hits(run.hits, "CONFIRMED", condition.confirmed_hits))
    if condition.risk_level_at_least is not None:
        level = run.risk.level if run.risk else RiskLevel.UNKNOWN
        checks.append(RISK_ORDER[level] >= RISK_ORDER[condition.risk_level_at_least])
    if condition.step_result is not None:
        checks.append(run.step_results.get(condition.step_result.step) == condition.step_result.result)
    return bool(checks) and all(checks)


_FAVOURABLE = {Status.PASS, Status.CLEAR, Status.APPROVED, Status.COMPLETE}
_UNFAVOURABLE = {Status.FAIL, Status.BLOCKED, Status.REJECTED, Status.URGENT}


class DecisionStep(Step[DecisionSettings, None]):
    type: ClassVar[str] = "DECISION"
    settings_model = DecisionSettings

    def evaluate(self, name: str, settings: DecisionSettings, evidence: None, run: RunState) -> StepOutcome:
        status, matched = settings.default, None
        for index, rule in enumerate(settings.rules):
            if holds(rule.when, run):
                status, matched = rule.status, index
                break
        if status in _FAVOURABLE:
            result = StepResult.PASS
        elif status in _UNFAVOURABLE:
            result = StepResult.FAIL
        else:
            result = StepResult.INCOMPLETE
        summary = {"status": status.value, "matchedRule": matched}
        return StepOutcome(result, summary, decision=status)
