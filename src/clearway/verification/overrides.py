"""Human decisions on verification results: overriding an execution's status (with the optional
four-eyes rule), resolving process results, overriding risk, toggling monitoring, archiving a service
profile. Each change writes its audit event in the caller's transaction; nothing here commits.

An override changes `status`, never `result` (the engine's outcome stays as evidence). Concurrent
overrides of one execution meet on its optimistic `version`: the later writer's flush fails with
`StaleDataError` and the edge re-runs it on fresh data, so no update is lost."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearway.audit.service import Actor, append_event
from clearway.db.base import utcnow
from clearway.errors import DomainError, FieldIssue, InvalidInput, NotFound, RuleViolation
from clearway.tenancy.models import AccountLike
from clearway.verification.models import Execution, ProcessResult, ServiceProfile
from clearway.verification.statuses import ExecutionState, ManualStatus, RiskLevel, Status

# Four-eyes: leaving one of these for one of those needs a second user's confirmation.
GUARDED_FROM = frozenset({Status.FAIL, Status.BLOCKED, Status.REJECTED})
GUARDED_TO = frozenset({Status.PASS, Status.APPROVED})
SETTABLE_PROFILE_STATES = frozenset({"ARCHIVED", "INACTIVE"})
MONITORING_TYPES = frozenset({"AML", "ACTIVITY"})
# Which manual statuses each resolvable step accepts (the vendor's enums per results endpoint).
MANUAL_STATUSES: dict[str, frozenset[str]] = {
    "AML": frozenset(ManualStatus),
    "MATCHLIST": frozenset({"FALSE_POSITIVE", "TRUE_POSITIVE_REJECT"}),
    "DUPLICATE": frozenset({"FALSE_POSITIVE", "TRUE_POSITIVE_ACCEPT", "TRUE_POSITIVE_REJECT"}),
}


@dataclass(frozen=True)
class ExecutionPath:
    """An execution as a path names it: every part must agree, or it is not found."""

    entity_id: str
    service_name: str
    workflow_name: str
    execution_id: str


def find_profile(session: Session, account_id: str, entity_id: str, service_name: str) -> ServiceProfile:
    query = select(ServiceProfile).where(
        ServiceProfile.account_id == account_id,
        ServiceProfile.entity_id == entity_id,
        ServiceProfile.service_name == service_name,
    )
    profile = session.scalars(query).one_or_none()
    if profile is None:
        raise NotFound("ServiceProfile", service_name, "serviceName")
    return profile


def find_execution(session: Session, account_id: str, path: ExecutionPath) -> Execution:
    profile = find_profile(session, account_id, path.entity_id, path.service_name)
    execution = session.get(Execution, path.execution_id)
    if (
        execution is None
        or execution.account_id != account_id
        or execution.service_profile_id != profile.id
        or execution.workflow_name != path.workflow_name
    ):
        raise NotFound("WorkflowExecution", path.execution_id, "workflowExecutionId")
    return execution


# --- status overrides --------------------------------------------------------------------------------


def override_status(
    session: Session,
    account: AccountLike,
    execution: Execution,
    status: str,
    comment: dict[str, Any] | None,
    actor: Actor,
) -> Execution:
    """Set the execution's status (any of the 14). Under the account's four-eyes rule, a guarded change
    first parks the execution at NEEDS_APPROVAL; the same change by a different user then applies it."""
    new_status = _status(status)
    if execution.state == ExecutionState.IN_PROGRESS:
        raise RuleViolation("EXECUTION_IN_PROGRESS", "the execution is still running", "WorkflowExecution")
    pending = execution.pending_approval
    # While an approval is pending the execution shows NEEDS_APPROVAL; the guard looks at what it was.
    base = Status(pending["fromStatus"]) if pending else Status(execution.status)
    before = _status_view(execution)
    if account.four_eyes_overrides and base in GUARDED_FROM and new_status in GUARDED_TO:
        _require_username(actor)
        if pending is not None and pending["status"] == new_status:
            if pending["requestedBy"] == actor.username:
                raise RuleViolation(
                    "FOUR_EYES_SAME_USER",
                    "the override must be confirmed by a different user than the one who requested it",
                    "WorkflowExecution",
                )
            _apply(execution, new_status, actor, approval=None)
            event = {"fourEyes": "CONFIRMED", "requestedBy": pending["requestedBy"]}
        else:
            request = _approval_request(base, new_status, comment, actor)
            _apply(execution, Status.NEEDS_APPROVAL, actor, approval=request)
            event = {"fourEyes": "REQUESTED", "requestedStatus": new_status.value}
    else:
        _apply(execution, new_status, actor, approval=None)
        event = {}
    _touch_profile(session, execution.service_profile_id, actor)
    session.flush()  # the optimistic version check happens here, before the event is written
    after = {**_status_view(execution), "comment": comment, **event}
    append_event(
        session,
        execution.account_id,
        actor,
        "WORKFLOW_STATUS_CHANGE",
        execution.entity_type,
        execution.entity_id,
        before,
        after,
    )
    return execution


def _status(value: str) -> Status:
    try:
        return Status(value)
    except ValueError:
        raise InvalidInput("status", f"'{value}' is not one of {', '.join(Status)}") from None


def _require_username(actor: Actor) -> None:
    if not actor.username:
        raise DomainError(
            "this account's overrides to PASS/APPROVED need a named user (X-Frankie-Username)",
            "BAD_REQUEST",
            details=[FieldIssue("X-Frankie-Username", "required by the four-eyes rule")],
        )


def _approval_request(
    base: Status, status: Status, comment: dict[str, Any] | None, actor: Actor
) -> dict[str, Any]:
    return {
        "status": status.value,
        "fromStatus": base.value,
        "requestedBy": actor.username,
        "requestedAt": utcnow().isoformat(),
        "requestId": actor.request_id,
        "comment": comment,
    }


def _apply(execution: Execution, status: Status, actor: Actor, approval: dict[str, Any] | None) -> None:
    now = utcnow()
    execution.status = status.value
    execution.pending_approval = approval
    execution.status_override_at = now
    execution.status_override_request_id = actor.request_id
    execution.status_override_by = actor.username
    execution.updated_at = now
    execution.updated_by = actor.username


def _status_view(execution: Execution) -> dict[str, Any]:
    return {
        "workflowExecutionId": execution.id,
        "serviceProfileId": execution.service_profile_id,
        "workflowName": execution.workflow_name,
        "status": execution.status,
        "result": execution.result,
        "pendingApproval": execution.pending_approval,
    }


def _touch_profile(session: Session, profile_id: str, actor: Actor) -> None:
    profile = session.get(ServiceProfile, profile_id)
    if profile is not None:
        profile.updated_at = utcnow()
        profile.updated_by = actor.username


# --- process results ---------------------------------------------------------------------------------


def resolve_process_results(
    session: Session,
    account_id: str,
    entity_id: str,
    step_name: str,
    ids: Sequence[str],
    manual_status: str,
    comment: dict[str, Any] | None,
    actor: Actor,
) -> list[ProcessResult]:
    """Mark hits of one step as true/false positives. All ids must be this entity's results of that
    step, or nothing changes."""
    allowed = MANUAL_STATUSES.get(step_name)
    if allowed is None:
        raise InvalidInput("resultType", f"results of {step_name} cannot be resolved")
    if manual_status not in allowed:
        raise InvalidInput("manualStatus", f"must be one of {', '.join(sorted(allowed))}")
    if not ids:
        raise InvalidInput("processResults", "name at least one process result")
    results = _results_of(session, account_id, entity_id, step_name, ids)
    before = {result.id: result.manual_status for result in results}
    resolution = {
        "comment": comment,
        "by": actor.username,
        "at": utcnow().isoformat(),
        "requestId": actor.request_id,
    }
    for result in results:
        result.manual_status = manual_status
        result.resolution = resolution
        result.updated_at = utcnow()
    session.flush()
    append_event(
        session,
        account_id,
        actor,
        "ENTITY_RESULT_UPDATE",
        "ENTITY",
        entity_id,
        {"stepName": step_name, "manualStatuses": before},
        {
            "stepName": step_name,
            "manualStatus": manual_status,
            "processResults": list(before),
            "comment": comment,
        },
    )
    return results


def _results_of(
    session: Session, account_id: str, entity_id: str, step_name: str, ids: Sequence[str]
) -> list[ProcessResult]:
    wanted = list(dict.fromkeys(ids))
    query = select(ProcessResult).where(
        ProcessResult.id.in_(wanted),
        ProcessResult.account_id == account_id,
        ProcessResult.entity_id == entity_id,
        ProcessResult.step_name == step_name,
    )
    found = {result.id: result for result in session.scalars(query)}
    missing = [value for value in wanted if value not in found]
    if missing:
        raise NotFound("ProcessResult", missing[0], "processResults")
    return [found[value] for value in wanted]


# --- service profiles --------------------------------------------------------------------------------


def latest_execution(session: Session, profile: ServiceProfile) -> Execution | None:
    query = (
        select(Execution)
        .where(Execution.service_profile_id == profile.id)
        .order_by(Execution.started_at.desc(), Execution.id.desc())
        .limit(1)
    )
    return session.scalars(query).first()


def override_risk(
    session: Session, profile: ServiceProfile, risk_level: str, comment: dict[str, Any] | None, actor: Actor
) -> Execution:
    """Set the profile's risk level by hand (does not re-run anything). Needs an assessment to override."""
    if risk_level not in set(RiskLevel):
        raise InvalidInput("riskLevel", f"must be one of {', '.join(RiskLevel)}")
    execution = latest_execution(session, profile)
    if execution is None:
        raise DomainError("there is no risk assessment to override yet", "NO_RISK_ASSESSMENT")
    before = {"riskLevel": profile.risk_level_override or execution.risk_level}
    profile.risk_level_override = risk_level
    profile.risk_override = {
        "comment": comment,
        "by": actor.username,
        "at": utcnow().isoformat(),
        "requestId": actor.request_id,
        "workflowExecutionId": execution.id,
    }
    _touch(profile, actor)
    session.flush()
    after = {"riskLevel": risk_level, "serviceProfileId": profile.id, "comment": comment}
    append_event(
        session,
        profile.account_id,
        actor,
        "RISK_OVERRIDE",
        profile.entity_type,
        profile.entity_id,
        before,
        after,
    )
    return execution


def set_profile_state(
    session: Session, profile: ServiceProfile, state: str, comment: dict[str, Any] | None, actor: Actor
) -> ServiceProfile:
    if state not in SETTABLE_PROFILE_STATES:
        raise InvalidInput("serviceProfile.state", "only ARCHIVED or INACTIVE can be set")
    before = {"state": profile.state, "serviceProfileId": profile.id}
    profile.state = state
    _touch(profile, actor)
    session.flush()
    append_event(
        session,
        profile.account_id,
        actor,
        "SERVICE_PROFILE_STATE_CHANGE",
        profile.entity_type,
        profile.entity_id,
        before,
        {"state": state, "serviceProfileId": profile.id, "comment": comment},
    )
    return profile


def set_monitoring(
    session: Session,
    account_id: str,
    entity_id: str,
    enabled: bool,
    types: Sequence[str] | None,
    comment: dict[str, Any] | None,
    actor: Actor,
) -> list[ServiceProfile]:
    """Turn ongoing monitoring on or off on every service profile of the entity (all types when none
    are named)."""
    chosen = set(types) if types else set(MONITORING_TYPES)
    unknown = chosen - MONITORING_TYPES
    if unknown:
        raise InvalidInput("monitoringTypes", f"unknown type {sorted(unknown)[0]}")
    query = select(ServiceProfile).where(
        ServiceProfile.account_id == account_id, ServiceProfile.entity_id == entity_id
    )
    profiles = list(session.scalars(query))
    if not profiles:
        raise RuleViolation("NO_SERVICE_PROFILE", "the entity has no service profile yet: execute a workflow")
    for profile in profiles:
        before = {
            "monitoringEnabled": profile.monitoring_enabled,
            "monitoringTypes": profile.monitoring_types,
        }
        current = set(profile.monitoring_types or [])
        profile.monitoring_types = sorted(current | chosen if enabled else current - chosen)
        profile.monitoring_enabled = bool(profile.monitoring_types)
        _touch(profile, actor)
        session.flush()
        after = {
            "monitoringEnabled": profile.monitoring_enabled,
            "monitoringTypes": profile.monitoring_types,
            "serviceProfileId": profile.id,
            "comment": comment,
        }
        append_event(
            session,
            account_id,
            actor,
            "SERVICE_PROFILE_UPDATE",
            profile.entity_type,
            entity_id,
            before,
            after,
        )
    return profiles


def _touch(profile: ServiceProfile, actor: Actor) -> None:
    profile.updated_at = utcnow()
    profile.updated_by = actor.username
