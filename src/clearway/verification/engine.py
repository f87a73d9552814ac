"""The engine: runs a definition's steps, in order, over evidence already collected. PURE: no database,
no I/O, no clock (today's date comes with the facts) — the same plan, facts and evidence always give the
same outcome, which is what the table-driven tests rely on.

Each step sees what the steps before it produced (`RunState`): RISK reads hits and issues, DECISION reads
everything. A step that raises ends the run with `StepFailure` naming it; nothing of the run is kept."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from clearway.verification.definitions import Plan
from clearway.verification.facts import SubjectFacts
from clearway.verification.statuses import RiskLevel, Status, StepResult
from clearway.verification.steps import STEPS
from clearway.verification.steps.base import (
    Finding,
    Issue,
    RiskAssessment,
    RunState,
    StepFailure,
    StepOutcome,
)

# Where a step result lands in the vendor's steps summary {order, passed, failed, incomplete, notApplicable}.
_PASSED = {StepResult.PASS, StepResult.CLEAR, StepResult.NO_MATCH, StepResult.COMPLETE, StepResult.CLEARED}
_FAILED = {StepResult.FAIL, StepResult.HIT, StepResult.MATCH, StepResult.ERROR, StepResult.HIT_REJECTED}
_NOT_APPLICABLE = {StepResult.NOT_APPLICABLE, StepResult.SKIPPED}


@dataclass(frozen=True, slots=True)
class StepRecord:
    name: str
    type: str
    outcome: StepOutcome


@dataclass(frozen=True, slots=True)
class Outcome:
    result: Status
    steps: dict[str, list[str]]
    records: tuple[StepRecord, ...]
    issues: tuple[Issue, ...]
    risk: RiskAssessment | None
    risk_factors: tuple[dict[str, Any], ...]

    @property
    def findings(self) -> list[tuple[str, Finding]]:
        """(step name, finding) for every piece of evidence, in step order."""
        return [(record.name, finding) for record in self.records for finding in record.outcome.findings]


def run(plan: Plan, facts: SubjectFacts, evidence: Mapping[str, Any]) -> Outcome:
    """Evaluate every step of `plan`; `evidence` maps a step name to what its collector gathered."""
    state = RunState(facts=facts, entity_type=plan.entity_type, lifecycle_phase=plan.lifecycle_phase)
    records: list[StepRecord] = []
    factors: list[dict[str, Any]] = []
    decision: Status | None = None
    for step in plan.steps:
        try:
            outcome = STEPS[step.type].evaluate(step.name, step.settings, evidence.get(step.name), state)
        except StepFailure:
            raise
        except Exception as exc:  # a bug or bad data in one step must name the step, not vanish
            raise StepFailure(step.name, f"{type(exc).__name__}: {exc}") from exc
        records.append(StepRecord(step.name, step.type, outcome))
        state.step_results[step.name] = outcome.result
        state.issues.extend(outcome.issues)
        state.hits.extend(outcome.hits)
        state.risk_factors.extend(outcome.risk_factors)
        factors.extend(factor.to_dict(step.name) for factor in outcome.risk_factors)
        if outcome.risk is not None:
            state.risk = outcome.risk
        if outcome.decision is not None:
            decision = outcome.decision
    return Outcome(
        result=decision if decision is not None else _without_decision(records),
        steps=steps_summary(records),
        records=tuple(records),
        issues=tuple(state.issues),
        risk=state.risk,
        risk_factors=tuple(factors),
    )


def _without_decision(records: list[StepRecord]) -> Status:
    """A definition without a DECISION step still ends with a status: COMPLETE when every step passed."""
    return Status.COMPLETE if all(r.outcome.result in _PASSED for r in records) else Status.INCOMPLETE


def steps_summary(records: list[StepRecord]) -> dict[str, list[str]]:
    summary: dict[str, list[str]] = {
        "order": [],
        "passed": [],
        "failed": [],
        "incomplete": [],
        "notApplicable": [],
    }
    for record in records:
        summary["order"].append(record.name)
        result = record.outcome.result
        if result in _PASSED:
            summary["passed"].append(record.name)
        elif result in _FAILED:
            summary["failed"].append(record.name)
        elif result in _NOT_APPLICABLE:
            summary["notApplicable"].append(record.name)
        else:
            summary["incomplete"].append(record.name)
    return summary


def risk_level(outcome: Outcome) -> RiskLevel | None:
    return outcome.risk.level if outcome.risk else None
