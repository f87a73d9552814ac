"""Workflow steps: each type's settings model and pure evaluation, by type name."""

from __future__ import annotations

from typing import Any

from clearway.verification.steps.aml import AmlStep
from clearway.verification.steps.base import Step
from clearway.verification.steps.decision import DecisionStep
from clearway.verification.steps.duplicate import DuplicateStep
from clearway.verification.steps.external import ExternalStep
from clearway.verification.steps.kyc import KycStep
from clearway.verification.steps.markers import FinishStep, StartStep
from clearway.verification.steps.matchlist import MatchlistStep
from clearway.verification.steps.risk import RiskStep

STEPS: dict[str, Step[Any, Any]] = {
    step.type: step
    for step in (
        StartStep(),
        MatchlistStep(),
        DuplicateStep(),
        KycStep(),
        AmlStep(),
        RiskStep(),
        DecisionStep(),
        FinishStep(),
        ExternalStep(),
    )
}

__all__ = ["STEPS"]
