"""The verification service: what the dialects call. Plain functions over a `Session`; the caller owns
the transaction (DESIGN rule 4), these only flush.

An execution is atomic: its evidence is collected and the whole workflow evaluated in memory first
(`collect` then the pure `engine.run`); only then are its results written. A step that fails leaves the
execution in ERROR naming the step, with no process results — never half of them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clearway.audit.service import Actor, append_event
from clearway.db.base import utcnow
from clearway.errors import InvalidInput, NotFound
from clearway.parties.models import Organization, Person
from clearway.screening.service import ScreeningService
from clearway.tenancy.models import AccountLike
from clearway.verification import engine, matchlists
from clearway.verification.catalog import find_definition, list_definitions, plan_for
from clearway.verification.collect import Context, collect, load_facts
from clearway.verification.engine import Outcome
from clearway.verification.ids import new_ulid
from clearway.verification.models import (
    Execution,
    MatchlistEntry,
    ProcessResult,
    ServiceProfile,
    WorkflowDefinitionRecord,
)
from clearway.verification.queue import ExecutionQueue
from clearway.verification.statuses import EntityType, ExecutionState, Status
from clearway.verification.steps.base import StepFailure

ENTITY_TYPES = {EntityType.INDIVIDUAL.value, EntityType.ORGANIZATION.value}
SYSTEM_ACTOR = Actor(credential_id=None, username="system", channel="system")


@dataclass(frozen=True)
class Subject:
    entity_id: str
    entity_type: str  # "INDIVIDUAL" | "ORGANIZATION"


# --- service profiles -------------------------------------------------------------------------------------


def get_or_create_service_profile(
    session: Session, account: AccountLike, subject: Subject, service_name: str, actor: Actor
) -> ServiceProfile:
    profile = _find_profile(session, account.id, subject.entity_id, service_name)
    if profile is not None:
        return profile
    profile = ServiceProfile(
        id=str(uuid.uuid4()),
        account_id=account.id,
        entity_id=subject.entity_id,
        entity_type=subject.entity_type,
        service_name=service_name,
        state="INIT",
        monitoring_types=[],
        updated_by=actor.username,
    )
    try:
        with session.begin_nested():  # a concurrent first use creates it too: the constraint decides
            session.add(profile)
    except IntegrityError:
        existing = _find_profile(session, account.id, subject.entity_id, service_name)
        assert existing is not None
        return existing
    append_event(
        session,
        account.id,
        actor,
        "SERVICE_PROFILE_CREATE",
        "SERVICE_PROFILE",
        profile.id,
        None,
        {"entityId": subject.entity_id, "serviceName": service_name, "state": profile.state},
    )
    return profile


def _find_profile(
    session: Session, account_id: str, entity_id: str, service_name: str
) -> ServiceProfile | None:
    return session.scalar(
        select(ServiceProfile).where(
            ServiceProfile.account_id == account_id,
            ServiceProfile.entity_id == entity_id,
            ServiceProfile.service_name == service_name,
        )
    )


# --- executing --------------------------------------------------------------------------------------------


def execute_workflow(
    session: Session,
    account: AccountLike,
    subject: Subject,
    service_name: str,
    workflow_name: str,
    *,
    request_id: str,
    actor: Actor,
    screening: ScreeningService,
    comment: dict[str, Any] | None = None,
) -> Execution:
    """Run a workflow now, in the caller's transaction: COMPLETED with every result, or ERROR naming the
    failing step."""
    execution = _start(session, account, subject, service_name, workflow_name, request_id, actor, comment)
    complete_execution(session, execution, screening, actor)
    return execution


def submit_workflow(
    session: Session,
    account: AccountLike,
    subject: Subject,
    service_name: str,
    workflow_name: str,
    *,
    request_id: str,
    actor: Actor,
    screening: ScreeningService,
    queue: ExecutionQueue,
    comment: dict[str, Any] | None = None,
) -> Execution:
    """Create the execution IN_PROGRESS and queue it; a worker completes it once the caller committed.
    (`screening` is accepted for symmetry with `execute_workflow`: the worker uses its own.)"""
    execution = _start(session, account, subject, service_name, workflow_name, request_id, actor, comment)
    queue.enqueue(session, execution, {"serviceName": service_name, "actor": _actor_dict(actor)})
    append_event(
        session,
        account.id,
        actor,
        "WORKFLOW_SUBMIT",
        "WORKFLOW_EXECUTION",
        execution.id,
        None,
        {"entityId": subject.entity_id, "workflowName": workflow_name, "serviceName": service_name},
    )
    return execution


def _actor_dict(actor: Actor) -> dict[str, Any]:
    return {
        "credentialId": actor.credential_id,
        "username": actor.username,
        "channel": actor.channel,
        "requestId": actor.request_id,
    }


def _start(
    session: Session,
    account: AccountLike,
    subject: Subject,
    service_name: str,
    workflow_name: str,
    request_id: str,
    actor: Actor,
    comment: dict[str, Any] | None,
) -> Execution:
    if subject.entity_type not in ENTITY_TYPES:
        raise InvalidInput("entityType", f"must be one of {', '.join(sorted(ENTITY_TYPES))}")
    definition = find_definition(session, account.id, workflow_name)
    _require_entity(session, account.id, subject)
    if definition.entity_type != subject.entity_type:
        raise InvalidInput(
            "workflowName", f"workflow {workflow_name} runs on {definition.entity_type} entities"
        )
    profile = get_or_create_service_profile(session, account, subject, service_name, actor)
    now = utcnow()
    execution = Execution(
        id=new_ulid(),
        account_id=account.id,
        service_profile_id=profile.id,
        entity_id=subject.entity_id,
        entity_type=subject.entity_type,
        workflow_name=definition.name,
        definition_id=definition.id,
        lifecycle_phase=definition.lifecycle_phase,
        state=ExecutionState.IN_PROGRESS.value,
        result=Status.IN_PROGRESS.value,
        status=Status.IN_PROGRESS.value,
        risk_factors=[],
        steps={},
        step_results=[],
        issues=[],
        request_id=request_id,
        channel=actor.channel[:64] if actor.channel else None,
        comment=comment,
        attempts=0,
        started_at=now,
        created_at=now,
        updated_at=now,
        updated_by=actor.username,
    )
    session.add(execution)
    session.flush()
    return execution


def _require_entity(session: Session, account_id: str, subject: Subject) -> None:
    model = Organization if subject.entity_type == EntityType.ORGANIZATION.value else Person
    found = session.scalar(
        select(model.id).where(model.account_id == account_id, model.entity_id == subject.entity_id)
    )
    if found is None:
        raise NotFound("Entity", subject.entity_id, "entityId")


def complete_execution(
    session: Session,
    execution: Execution,
    screening: ScreeningService,
    actor: Actor,
    today: date | None = None,
) -> None:
    """Collect, evaluate, write: the execution leaves IN_PROGRESS here, COMPLETED or ERROR."""
    record = session.get(WorkflowDefinitionRecord, execution.definition_id)
    assert record is not None  # a foreign key
    plan = plan_for(record)
    try:
        facts = load_facts(
            session,
            execution.account_id,
            execution.entity_id,
            execution.entity_type,
            execution.channel,
            today or utcnow().date(),
        )
        evidence = collect(
            Context(session, execution.account_id, facts, screening, execution.request_id), plan
        )
        outcome = engine.run(plan, facts, evidence)
    except StepFailure as failure:
        _fail(session, execution, actor, failure.step_name, failure.message)
        return
    except NotFound:  # the entity was deleted while the execution waited in the queue
        _fail(session, execution, actor, plan.steps[0].name, "the entity no longer exists")
        return
    _write_outcome(session, execution, outcome, actor)


def _fail(session: Session, execution: Execution, actor: Actor, step_name: str, message: str) -> None:
    now = utcnow()
    execution.state = ExecutionState.ERROR.value
    execution.result = Status.INCOMPLETE.value
    execution.status = Status.INCOMPLETE.value
    execution.error = {"stepName": step_name, "message": message[:1000]}
    execution.ended_at = now
    execution.updated_at = now
    session.flush()
    append_event(
        session,
        execution.account_id,
        actor,
        "WORKFLOW_EXECUTION_ERROR",
        "WORKFLOW_EXECUTION",
        execution.id,
        None,
        {"entityId": execution.entity_id, "workflowName": execution.workflow_name, "error": execution.error},
    )


def _write_outcome(session: Session, execution: Execution, outcome: Outcome, actor: Actor) -> None:
    now = utcnow()
    step_results = []
    rows = []
    for record in outcome.records:
        ids = []
        for finding in record.outcome.findings:
            result_id = str(uuid.uuid4())
            ids.append(result_id)
            details = dict(finding.details)
            details.setdefault("screenedEntityId", finding.entity_id)
            rows.append(
                ProcessResult(
                    id=result_id,
                    account_id=execution.account_id,
                    entity_id=execution.entity_id,
                    execution_id=execution.id,
                    step_name=record.name,
                    object_type=finding.object_type,
                    result=finding.result,
                    system_status="VALID",
                    match_key=finding.match_key,
                    match_digest=finding.match_digest,
                    details=details,
                    created_at=now,
                    updated_at=now,
                )
            )
        step_results.append(
            {
                "stepResultId": str(uuid.uuid4()),
                "stepName": record.name,
                "stepType": record.type,
                "result": record.outcome.result.value,
                "summary": record.outcome.summary,
                "processResults": ids,
                "issues": [issue.to_dict() for issue in record.outcome.issues],
                "riskFactors": [factor.to_dict(record.name) for factor in record.outcome.risk_factors],
            }
        )
    session.add_all(rows)
    execution.state = ExecutionState.COMPLETED.value
    execution.result = outcome.result.value
    execution.status = outcome.result.value
    execution.risk_score = outcome.risk.score if outcome.risk else None
    execution.risk_level = outcome.risk.level.value if outcome.risk else None
    execution.risk_factors = list(outcome.risk_factors)
    execution.steps = outcome.steps
    execution.step_results = step_results
    execution.issues = [issue.to_dict() for issue in outcome.issues]
    execution.ended_at = now
    execution.updated_at = now
    session.flush()
    append_event(
        session,
        execution.account_id,
        actor,
        "WORKFLOW_EXECUTE",
        "WORKFLOW_EXECUTION",
        execution.id,
        None,
        {
            "entityId": execution.entity_id,
            "workflowName": execution.workflow_name,
            "result": execution.result,
            "riskLevel": execution.risk_level,
            "processResults": len(rows),
        },
    )


# --- queries ----------------------------------------------------------------------------------------------


def list_workflow_definitions(session: Session, account_id: str) -> list[WorkflowDefinitionRecord]:
    """Built-ins and the account's own, latest version of each name."""
    return list_definitions(session, account_id)


def list_executions(
    session: Session,
    account_id: str,
    entity_id: str,
    service_name: str,
    workflow_name: str | None = None,
    *,
    results: list[str] | None = None,
    states: list[str] | None = None,
    started_before: datetime | None = None,
    started_after: datetime | None = None,
    page: int = 1,
    limit: int = 20,
) -> tuple[list[Execution], int]:
    """Executions newest first, and how many match. `results` filters on the current `status` (what the
    client sees as the outcome, overrides included)."""
    query = (
        select(Execution)
        .join(ServiceProfile, ServiceProfile.id == Execution.service_profile_id)
        .where(
            Execution.account_id == account_id,
            Execution.entity_id == entity_id,
            ServiceProfile.service_name == service_name,
        )
    )
    if workflow_name is not None:
        query = query.where(Execution.workflow_name == workflow_name)
    if results:
        query = query.where(Execution.status.in_(results))
    if states:
        query = query.where(Execution.state.in_(states))
    if started_before is not None:
        query = query.where(Execution.started_at < started_before)
    if started_after is not None:
        query = query.where(Execution.started_at > started_after)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page, limit = max(page, 1), max(1, min(limit, 100))
    rows = session.scalars(
        query.order_by(Execution.started_at.desc(), Execution.id.desc())
        .offset((page - 1) * limit)
        .limit(limit)
    )
    return list(rows), total


def get_execution(session: Session, account_id: str, execution_id: str) -> Execution:
    execution = session.get(Execution, execution_id)
    if execution is None or execution.account_id != account_id:
        raise NotFound("Execution", execution_id, "workflowExecutionId")
    return execution


def list_process_results(session: Session, account_id: str, entity_id: str) -> list[ProcessResult]:
    return list(
        session.scalars(
            select(ProcessResult)
            .where(ProcessResult.account_id == account_id, ProcessResult.entity_id == entity_id)
            .order_by(ProcessResult.created_at, ProcessResult.id)
        )
    )


def add_matchlist_entry(
    session: Session,
    account_id: str,
    list_name: str,
    action: str,
    attribute: str,
    value: str,
    reason: str | None = None,
    actor: Actor = SYSTEM_ACTOR,
) -> MatchlistEntry:
    """An account's block/allow list entry (the list made on first use), stored with the normal form the
    MATCHLIST step compares. See `matchlists` for the rest of list management."""
    matchlist = matchlists.open_matchlist(session, account_id, list_name, action, actor)
    return matchlists.add_entry(session, matchlist, matchlists.NewEntry(attribute, value, reason), actor)
