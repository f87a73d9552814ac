"""The one interface every step implements, and what steps produce.

A step has two halves. Collecting its evidence (database look-ups, screening, an HTTP call) is I/O and
lives in the service layer (`verification/collect.py`); evaluating that evidence with the step's settings
is pure and lives here, so that the engine can run a whole workflow without touching anything outside it.
"""

from __future__ import annotations

import builtins
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, TypeVar, cast

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel

from clearway.verification.facts import SubjectFacts
from clearway.verification.statuses import RiskLevel, Severity, Status, StepResult


class StepSettings(BaseModel):
    """Base of every step's settings: camelCase in documents, unknown keys refused (a typo in a
    definition must fail validation, not silently fall back to a default)."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid", frozen=True)


@dataclass(frozen=True, slots=True)
class Issue:
    category: str  # MATCHLIST, DUPLICATE, DATA, AML, RISK, EXTERNAL, …
    issue: str  # a stable code, e.g. BLOCKLIST_MATCH, INVALID_EMAIL
    severity: Severity
    step_name: str = ""
    entity_id: str | None = None
    detail: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "category": self.category,
            "issue": self.issue,
            "severity": self.severity.value,
            "stepName": self.step_name,
        }
        if self.entity_id:
            data["entityId"] = self.entity_id
        if self.detail:
            data["detail"] = self.detail
        return data


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of evidence, persisted as a `ProcessResult`."""

    object_type: str
    result: str
    entity_id: str  # the party it is about (an owner's id for a KYB owner's hit)
    match_key: str | None = None
    match_digest: str | None = None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RiskFactor:
    factor: str
    value: str
    score: float
    description: str = ""

    def to_dict(self, step_name: str) -> dict[str, Any]:
        return {
            "factor": self.factor,
            "value": self.value,
            "score": self.score,
            "description": self.description,
            "stepName": step_name,
        }


@dataclass(frozen=True, slots=True)
class HitSignal:
    """A screening hit as later steps see it: OPEN (to review) or CONFIRMED (resolved as a true match)."""

    state: str  # OPEN | CONFIRMED
    entity_id: str
    match_key: str
    topics: tuple[str, ...]

    @property
    def is_sanction(self) -> bool:
        return any(topic.startswith("sanction") for topic in self.topics) or not self.topics

    @property
    def is_pep(self) -> bool:
        return any(topic.startswith("role.pep") for topic in self.topics)


@dataclass(frozen=True, slots=True)
class RiskAssessment:
    score: float
    level: RiskLevel


@dataclass(frozen=True, slots=True)
class StepOutcome:
    result: StepResult
    summary: dict[str, Any] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    issues: tuple[Issue, ...] = ()
    risk_factors: tuple[RiskFactor, ...] = ()
    hits: tuple[HitSignal, ...] = ()
    risk: RiskAssessment | None = None  # set by RISK
    decision: Status | None = None  # set by DECISION


@dataclass
class RunState:
    """What the steps evaluated so far produced, for the steps after them (RISK and DECISION read it)."""

    facts: SubjectFacts
    entity_type: str
    lifecycle_phase: str
    issues: list[Issue] = field(default_factory=list)
    hits: list[HitSignal] = field(default_factory=list)
    risk_factors: list[RiskFactor] = field(default_factory=list)
    step_results: dict[str, StepResult] = field(default_factory=dict)
    risk: RiskAssessment | None = None


S = TypeVar("S", bound=StepSettings)
E = TypeVar("E")


class Step(ABC, Generic[S, E]):
    """A step type: its settings model and its pure evaluation. The collector of its evidence (if it
    needs any) is registered by the service layer under the same `type`."""

    type: ClassVar[str]
    settings_model: ClassVar[builtins.type[StepSettings]]

    def parse_settings(self, raw: dict[str, Any]) -> S:
        return cast(S, self.settings_model.model_validate(raw))  # settings_model is S's class

    @abstractmethod
    def evaluate(self, name: str, settings: S, evidence: E, run: RunState) -> StepOutcome:
        """Pure: the step's outcome from its settings, its evidence, and what earlier steps produced."""


class StepFailure(Exception):
    """A step could not produce a result (its evidence could not be collected, or it made no sense): the
    execution ends in ERROR naming the step, with none of its results written."""

    def __init__(self, step_name: str, message: str) -> None:
        super().__init__(f"step {step_name}: {message}")
        self.step_name = step_name
        self.message = message
