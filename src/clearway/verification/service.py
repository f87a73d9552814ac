"""The verification service: what the dialects call. Plain functions over a `Session`; the caller owns
the transaction (DESIGN rule 4), these only flush.

An execution is atomic: its evidence is collected and the whole workflow evaluated in memory first
(`collect` then the pure `engine.run`); only then are its results written. A step that fails leaves the
execution in ERROR naming the step, with no process results — never half of them."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, Update, bindparam, func, insert, inspect, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, make_transient, make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from clearway.audit.service import Actor, append_event
from clearway.db.base import utcnow
from clearway.errors import InvalidInput, NotFound
from clearway.parties.models import Organization, Person
from clearway.screening.service import ScreeningService
from clearway.tenancy.models import AccountLike
from clearway.verification import engine, matchlists
from clearway.verification.catalog import (
    DefinitionRef,
    definition_lookup,
    find_definition_ref,
    list_definitions,
    plan_by_id,
    plan_of_ref,
)
from clearway.verification.collect import Context, collect, load_facts
from clearway.verification.definitions import Plan
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
    key = {"account_id": account.id, "entity_id": subject.entity_id, "service_name": service_name}
    profile_id = session.connection().execute(_PROFILE_ID, key).scalar()
    if profile_id is None:
        profile_id = _create_service_profile(session, account, subject, service_name, actor)
    profile = session.get(ServiceProfile, profile_id)
    assert profile is not None
    return profile


# The statements of the execution path, built once (see catalog._FIND): Core on the tables, bound
# parameters, compiled once per dialect and taken from SQLAlchemy's cache afterwards.
_PROFILES: Table = ServiceProfile.__table__  # type: ignore[assignment]
_PROCESS_RESULTS: Table = ProcessResult.__table__  # type: ignore[assignment]
_EXECUTIONS: Table = Execution.__table__  # type: ignore[assignment]
_PROFILE_ID = select(_PROFILES.c.id).where(
    _PROFILES.c.account_id == bindparam("account_id"),
    _PROFILES.c.entity_id == bindparam("entity_id"),
    _PROFILES.c.service_name == bindparam("service_name"),
)
# A concurrent first use creates the profile too: the unique constraint decides, and the loser reads the
# winner's row (no savepoint needed).
_CREATE_PROFILE = {
    dialect.dialect.name: dialect.insert(_PROFILES)
    .on_conflict_do_nothing(index_elements=["account_id", "entity_id", "service_name"])
    .execution_options(preserve_rowcount=True)  # an INSERT's rowcount is not kept by default
    for dialect in (postgresql, sqlite)
}
_ENTITY_TABLES: dict[str, Table] = {
    EntityType.ORGANIZATION.value: Organization.__table__,  # type: ignore[dict-item]
    EntityType.INDIVIDUAL.value: Person.__table__,  # type: ignore[dict-item]
}
# Starting an execution needs the definition, the entity's account and the service profile's id: one
# round trip. The entity is looked up by its unique id alone and its account compared after, so that no
# planner can pick the account's index and filter its rows instead (as PostgreSQL does on a table it has
# no statistics of yet).
_START = {
    kind: definition_lookup(
        select(table.c.account_id)
        .where(table.c.entity_id == bindparam("entity_id"))
        .scalar_subquery()
        .label("entity_account"),
        _PROFILE_ID.scalar_subquery().label("profile_id"),
    )
    for kind, table in _ENTITY_TABLES.items()
}
_INSERT_RESULTS = insert(_PROCESS_RESULTS)
_INSERT_EXECUTION = insert(_EXECUTIONS)
_EXECUTION_COLUMNS = tuple(column.key for column in _EXECUTIONS.columns)


def _create_service_profile(
    session: Session, account: AccountLike, subject: Subject, service_name: str, actor: Actor
) -> str:
    """The entity's first use of the service: its profile, audited; returns its id (a concurrent first
    use's when that one won)."""
    connection = session.connection()
    key = {"account_id": account.id, "entity_id": subject.entity_id, "service_name": service_name}
    profile_id = str(uuid.uuid4())
    created = connection.execute(
        _CREATE_PROFILE[connection.dialect.name],
        {
            **key,
            "id": profile_id,
            "entity_type": subject.entity_type,
            "state": "INIT",
            "monitoring_types": [],
            "updated_by": actor.username,
        },
    )
    if created.rowcount != 1:
        return str(connection.execute(_PROFILE_ID, key).scalar_one())
    append_event(
        session,
        account.id,
        actor,
        "SERVICE_PROFILE_CREATE",
        "SERVICE_PROFILE",
        profile_id,
        None,
        {"entityId": subject.entity_id, "serviceName": service_name, "state": "INIT"},
    )
    return profile_id


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
    execution, definition = _start(
        session, account, subject, service_name, workflow_name, request_id, actor, comment
    )
    _complete(session, execution, plan_of_ref(session, definition), screening, actor, None)
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
    execution, _ = _start(session, account, subject, service_name, workflow_name, request_id, actor, comment)
    _write_execution(session, execution)
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
) -> tuple[Execution, DefinitionRef]:
    """The new execution, IN_PROGRESS, added to the session (written by the next flush: with its results
    when run now, with its job when queued)."""
    if subject.entity_type not in ENTITY_TYPES:
        raise InvalidInput("entityType", f"must be one of {', '.join(sorted(ENTITY_TYPES))}")
    # The look-ups below are Core statements, which do not autoflush: the caller's pending changes (an
    # entity created or edited in the same transaction) must be in the database first.
    session.flush()
    definition, found = find_definition_ref(
        session,
        account.id,
        workflow_name,
        _START[subject.entity_type],
        {"entity_id": subject.entity_id, "service_name": service_name},
    )
    if found.entity_account != account.id:  # another account's entity answers exactly like a missing one
        raise NotFound("Entity", subject.entity_id, "entityId")
    if definition.entity_type != subject.entity_type:
        raise InvalidInput(
            "workflowName", f"workflow {workflow_name} runs on {definition.entity_type} entities"
        )
    profile_id = found.profile_id or _create_service_profile(session, account, subject, service_name, actor)
    now = utcnow()
    execution = Execution(
        id=new_ulid(),
        account_id=account.id,
        service_profile_id=profile_id,
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
    return execution, definition


def complete_execution(
    session: Session,
    execution: Execution,
    screening: ScreeningService,
    actor: Actor,
    today: date | None = None,
    plan: Plan | None = None,
) -> None:
    """Collect, evaluate, write: the execution leaves IN_PROGRESS here, COMPLETED or ERROR. `plan`: its
    definition's, when the caller has it already (definition rows never change)."""
    if session.new or session.deleted or any(other is not execution for other in session.dirty):
        session.flush()  # the caller's other pending changes, before the Core reads (see `_start`)
    if plan is None:
        plan = plan_by_id(session, execution.definition_id)
    _complete(session, execution, plan, screening, actor, today)


def _complete(
    session: Session,
    execution: Execution,
    plan: Plan,
    screening: ScreeningService,
    actor: Actor,
    today: date | None,
) -> None:
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


def _write_execution(session: Session, execution: Execution) -> None:
    """Write the execution's row with one Core statement, then mark the object as in step with it: the
    ORM's unit of work costs several times the statement, and this runs once per execution.

    A new execution (run now: `_start` only added it) is INSERTed with the attributes set, as the unit of
    work would (unset columns take their defaults), and joins the session as if loaded. One read back
    (queued: the worker loaded it) gets an UPDATE of the attributes changed, guarded by its optimistic
    `version` exactly like the ORM's (StaleDataError when another writer bumped it first)."""
    state = inspect(execution)
    connection = session.connection()
    if state.pending:
        values = {key: state.dict[key] for key in _EXECUTION_COLUMNS if key in state.dict}
        inserted = connection.execute(_INSERT_EXECUTION, values).last_inserted_params()
        assert isinstance(inserted, Mapping)  # one row
        for key in _EXECUTION_COLUMNS:
            if key not in values:  # defaults (version, …) and NULLs: known, nothing left to load
                set_committed_value(execution, key, inserted.get(key))
        _as_loaded(session, execution)
        return
    changed = tuple(key for key in _EXECUTION_COLUMNS if key in state.committed_state)
    if not changed or "version" in changed or "version" not in state.dict:
        session.flush()  # nothing to write, or not the shape this shortcut handles: the ORM decides
        return
    version = state.dict["version"]
    params = {f"new_{key}": state.dict[key] for key in changed}
    params.update(execution_id=execution.id, old_version=version, new_version=version + 1)
    result = connection.execute(_update_execution(changed), params)
    if result.rowcount != 1:
        raise StaleDataError(
            f"UPDATE statement on table '{_EXECUTIONS.name}' expected to update 1 row(s); "
            f"{result.rowcount} were matched."
        )
    set_committed_value(execution, "version", version + 1)
    _as_loaded(session, execution)


def _as_loaded(session: Session, execution: Execution) -> None:
    """Make the object persistent and clean, as if just loaded with its current attributes (so that the
    next flush finds nothing to do, quickly: a merely "modified" object costs that flush a full pass)."""
    session.expunge(execution)
    if inspect(execution).key is not None:
        make_transient(execution)
    make_transient_to_detached(execution)
    session.add(execution)


_UPDATES: dict[tuple[str, ...], Update] = {}


def _update_execution(keys: tuple[str, ...]) -> Update:
    """The UPDATE of these columns, built once per set of columns (completing and failing differ)."""
    statement = _UPDATES.get(keys)
    if statement is None:
        values: dict[str, Any] = {key: bindparam(f"new_{key}") for key in keys}
        values["version"] = bindparam("new_version")
        statement = _UPDATES[keys] = (
            update(_EXECUTIONS)
            .where(
                _EXECUTIONS.c.id == bindparam("execution_id"),
                _EXECUTIONS.c.version == bindparam("old_version"),
            )
            .values(values)
        )
    return statement


def _fail(session: Session, execution: Execution, actor: Actor, step_name: str, message: str) -> None:
    now = utcnow()
    execution.state = ExecutionState.ERROR.value
    execution.result = Status.INCOMPLETE.value
    execution.status = Status.INCOMPLETE.value
    execution.error = {"stepName": step_name, "message": message[:1000]}
    execution.ended_at = now
    execution.updated_at = now
    _write_execution(session, execution)
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
    rows: list[dict[str, Any]] = []
    for record in outcome.records:
        ids = []
        for finding in record.outcome.findings:
            result_id = str(uuid.uuid4())
            ids.append(result_id)
            details = dict(finding.details)
            details.setdefault("screenedEntityId", finding.entity_id)
            rows.append(
                {
                    "id": result_id,
                    "account_id": execution.account_id,
                    "entity_id": execution.entity_id,
                    "execution_id": execution.id,
                    "step_name": record.name,
                    "object_type": finding.object_type,
                    "result": finding.result,
                    "system_status": "VALID",
                    "match_key": finding.match_key,
                    "match_digest": finding.match_digest,
                    "details": details,
                    "created_at": now,
                    "updated_at": now,
                }
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
    _write_execution(session, execution)  # first: the results point at it
    if rows:  # one executemany; the results are not needed as ORM objects here
        session.connection().execute(_INSERT_RESULTS, rows)
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
