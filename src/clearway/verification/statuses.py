"""The vocabularies of the verification domain (the FrankieOne-style enums, dialect-neutral here)."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Workflow-Execution-ResultEnum: an execution's `result` and `status`."""

    UNCHECKED = "UNCHECKED"
    IN_PROGRESS = "IN_PROGRESS"
    REVIEW = "REVIEW"
    PASS = "PASS"  # noqa: S105 - a status, not a password
    FAIL = "FAIL"
    COMPLETE = "COMPLETE"
    INCOMPLETE = "INCOMPLETE"
    NEEDS_APPROVAL = "NEEDS_APPROVAL"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    BLOCKED = "BLOCKED"
    CLEAR = "CLEAR"
    URGENT = "URGENT"
    MONITOR = "MONITOR"


class ExecutionState(StrEnum):
    IN_PROGRESS = "IN_PROGRESS"
    COMPLETED = "COMPLETED"
    ERROR = "ERROR"
    CANCELED = "CANCELED"
    TERMINATED = "TERMINATED"
    TIMEOUT = "TIMEOUT"


class StepResult(StrEnum):
    """Workflow-Step-ResultEnum."""

    UNCHECKED = "UNCHECKED"
    SKIPPED = "SKIPPED"
    MISSING_DATA = "MISSING_DATA"
    PASS = "PASS"  # noqa: S105 - a status, not a password
    FAIL = "FAIL"
    COMPLETE = "COMPLETE"
    INCOMPLETE = "INCOMPLETE"
    MATCH = "MATCH"
    NO_MATCH = "NO_MATCH"
    PARTIAL = "PARTIAL"
    CLEAR = "CLEAR"
    HIT = "HIT"
    CLEARED = "CLEARED"
    EXPIRED = "EXPIRED"
    CLEAR_REVIEW = "CLEAR_REVIEW"
    HIT_ACCEPTED = "HIT_ACCEPTED"
    HIT_REJECTED = "HIT_REJECTED"
    NOT_APPLICABLE = "NOT_APPLICABLE"
    ERROR = "ERROR"


class EntityType(StrEnum):
    INDIVIDUAL = "INDIVIDUAL"
    ORGANIZATION = "ORGANIZATION"


class LifecyclePhase(StrEnum):
    ONBOARDING = "ONBOARDING"
    MONITORING = "MONITORING"
    OTHER = "OTHER"


class RiskLevel(StrEnum):
    UNKNOWN = "UNKNOWN"
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    UNACCEPTABLE = "UNACCEPTABLE"


RISK_ORDER = {level: rank for rank, level in enumerate(RiskLevel)}


class Severity(StrEnum):
    """Issue severities, mildest first; BLOCK is a blocking issue (the DECISION step's strongest input)."""

    INFO = "INFO"
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    BLOCK = "BLOCK"


SEVERITY_ORDER = {severity: rank for rank, severity in enumerate(Severity)}


class ManualStatus(StrEnum):
    """How an analyst resolved an AML hit."""

    TRUE_POSITIVE = "TRUE_POSITIVE"
    FALSE_POSITIVE = "FALSE_POSITIVE"
    TRUE_POSITIVE_ACCEPT = "TRUE_POSITIVE_ACCEPT"
    TRUE_POSITIVE_REJECT = "TRUE_POSITIVE_REJECT"
    UNKNOWN = "UNKNOWN"
    UNKNOWN_ACCEPT = "UNKNOWN_ACCEPT"
    UNKNOWN_REJECT = "UNKNOWN_REJECT"


# A hit resolved to one of these is settled in the entity's favour: not raised again.
CLEARING_RESOLUTIONS = frozenset(
    {ManualStatus.FALSE_POSITIVE, ManualStatus.TRUE_POSITIVE_ACCEPT, ManualStatus.UNKNOWN_ACCEPT}
)
# Settled against the entity: not raised again as "to review", but the decision sees a confirmed hit.
CONFIRMING_RESOLUTIONS = frozenset(
    {ManualStatus.TRUE_POSITIVE, ManualStatus.TRUE_POSITIVE_REJECT, ManualStatus.UNKNOWN_REJECT}
)
# (UNKNOWN leaves the hit open: an analyst who could not tell has not resolved anything.)
