"""START and FINISH: bookends of a workflow, recorded so that the steps summary reads like the vendor's."""

from __future__ import annotations

from typing import ClassVar

from clearway.verification.statuses import StepResult
from clearway.verification.steps.base import RunState, Step, StepOutcome, StepSettings


class MarkerSettings(StepSettings):
    pass


class StartStep(Step[MarkerSettings, None]):
    type: ClassVar[str] = "START"
    settings_model = MarkerSettings

    def evaluate(self, name: str, settings: MarkerSettings, evidence: None, run: RunState) -> StepOutcome:
        return StepOutcome(StepResult.PASS, {"entityId": run.facts.party.entity_id})


class FinishStep(Step[MarkerSettings, None]):
    type: ClassVar[str] = "FINISH"
    settings_model = MarkerSettings

    def evaluate(self, name: str, settings: MarkerSettings, evidence: None, run: RunState) -> StepOutcome:
        return StepOutcome(StepResult.COMPLETE, {"issues": len(run.issues)})
