"""Workflow definitions: declarative documents (YAML or JSON), validated here, run by the engine.

A document names its steps in order; each step's `settings` are validated by that step type's settings
model, so a definition that would fail at run time is refused when it is imported."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic.alias_generators import to_camel

from clearway.errors import InvalidInput
from clearway.verification.statuses import EntityType, LifecyclePhase
from clearway.verification.steps import STEPS
from clearway.verification.steps.base import StepSettings

BUILTIN_NAMES = ("KYC_AML", "KYB_AML", "AML_MONITORING")
NAME_PATTERN = r"^[A-Za-z0-9_\-]{1,100}$"


class _Document(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")


class StepDocument(_Document):
    type: str
    name: str | None = Field(default=None, pattern=NAME_PATTERN)
    settings: dict[str, Any] = Field(default_factory=dict)

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if value not in STEPS:
            raise ValueError(f"unknown step type {value!r} (known: {', '.join(sorted(STEPS))})")
        return value

    @model_validator(mode="after")
    def _valid_settings(self) -> StepDocument:
        # Validate now, and keep the normalised form (defaults filled in) so that a stored definition
        # says exactly what runs.
        parsed = STEPS[self.type].parse_settings(self.settings)
        self.settings = parsed.model_dump(mode="json", by_alias=True)
        return self

    @property
    def step_name(self) -> str:
        return self.name or self.type


class WorkflowDocument(_Document):
    name: str = Field(pattern=NAME_PATTERN)
    version: int = Field(default=1, ge=1)
    entity_type: EntityType
    lifecycle_phase: LifecyclePhase = LifecyclePhase.ONBOARDING
    description: str = ""
    steps: list[StepDocument] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_step_names(self) -> WorkflowDocument:
        names = [step.step_name for step in self.steps]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"step names must be unique; repeated: {', '.join(duplicates)} (set `name`)")
        return self


@dataclass(frozen=True, slots=True)
class PlannedStep:
    name: str
    type: str
    settings: StepSettings


@dataclass(frozen=True, slots=True)
class Plan:
    """A definition ready to run: its steps with parsed settings."""

    name: str
    version: int
    entity_type: str
    lifecycle_phase: str
    steps: tuple[PlannedStep, ...]


def parse_document(data: Any, source: str = "definition") -> WorkflowDocument:
    """Validate a definition document (already decoded); field errors name the offending path."""
    try:
        return WorkflowDocument.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        location = ".".join(str(part) for part in first["loc"]) or source
        raise InvalidInput(location, first["msg"]) from exc


def parse_text(text: str, source: str = "definition") -> WorkflowDocument:
    """Decode YAML or JSON (JSON is YAML, but json first gives better messages for JSON files)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise InvalidInput(source, f"neither JSON nor YAML: {exc}") from exc
    return parse_document(data, source)


def plan_of(document: dict[str, Any]) -> Plan:
    """A stored (already validated) document → a runnable plan."""
    parsed = WorkflowDocument.model_validate(document)
    steps = tuple(
        PlannedStep(step.step_name, step.type, STEPS[step.type].parse_settings(step.settings))
        for step in parsed.steps
    )
    return Plan(parsed.name, parsed.version, parsed.entity_type.value, parsed.lifecycle_phase.value, steps)


def builtin_documents() -> list[WorkflowDocument]:
    folder = resources.files("clearway.verification") / "builtin"
    return [
        parse_text((folder / f"{name}.yaml").read_text("utf-8"), f"{name}.yaml") for name in BUILTIN_NAMES
    ]
