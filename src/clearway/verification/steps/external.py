"""EXTERNAL: a configured HTTP endpoint (a vendor, or the customer's own check) judges the party.

The call itself (signed POST, timeout, retries with backoff) is the collector's (`verification/http.py`);
here the answer's `result` is mapped to a step result. An answer that cannot be mapped is a step failure,
not a guess."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import Field, HttpUrl

from clearway.verification.statuses import Severity, StepResult
from clearway.verification.steps.base import (
    Finding,
    Issue,
    RunState,
    Step,
    StepFailure,
    StepOutcome,
    StepSettings,
)

DEFAULT_RESULT_MAP = {
    "PASS": StepResult.PASS,
    "FAIL": StepResult.FAIL,
    "CLEAR": StepResult.CLEAR,
    "HIT": StepResult.HIT,
    "MATCH": StepResult.MATCH,
    "NO_MATCH": StepResult.NO_MATCH,
    "MISSING_DATA": StepResult.MISSING_DATA,
}
SIGNATURE_HEADER = "X-Clearway-Signature"


class ExternalSettings(StepSettings):
    url: HttpUrl
    # The HMAC key: `secretEnv` names an environment variable holding it (kept out of the stored
    # definition); `secret` is accepted for tests and local set-ups and is stored with the definition.
    secret: str | None = None
    secret_env: str | None = None
    timeout_seconds: float = Field(default=5.0, gt=0, le=60)
    retries: int = Field(default=2, ge=0, le=10)
    backoff_seconds: float = Field(default=0.2, ge=0, le=30)
    result_map: dict[str, StepResult] = Field(default_factory=lambda: dict(DEFAULT_RESULT_MAP))
    fail_severity: Severity = Severity.HIGH  # severity of the issue raised when the answer is FAIL or HIT


@dataclass(frozen=True, slots=True)
class ExternalAnswer:
    status_code: int
    body: dict[str, Any]
    attempts: int


class ExternalStep(Step[ExternalSettings, ExternalAnswer]):
    type: ClassVar[str] = "EXTERNAL"
    settings_model = ExternalSettings

    def evaluate(
        self, name: str, settings: ExternalSettings, evidence: ExternalAnswer, run: RunState
    ) -> StepOutcome:
        answer = evidence.body.get("result")
        if not isinstance(answer, str) or answer.upper() not in settings.result_map:
            raise StepFailure(name, f"the endpoint answered an unknown result {answer!r}")
        result = settings.result_map[answer.upper()]
        party = run.facts.party
        details = {
            "response": evidence.body,
            "statusCode": evidence.status_code,
            "attempts": evidence.attempts,
        }
        finding = Finding("EXTERNAL", result.value, party.entity_id, details=details)
        issues: tuple[Issue, ...] = ()
        if result in (StepResult.FAIL, StepResult.HIT):
            reason = evidence.body.get("reason")
            issues = (
                Issue(
                    "EXTERNAL",
                    f"EXTERNAL_{result.value}",
                    settings.fail_severity,
                    name,
                    party.entity_id,
                    str(reason) if reason else None,
                ),
            )
        summary = {"url": str(settings.url), "answer": answer, "attempts": evidence.attempts}
        return StepOutcome(result, summary, (finding,), issues)
