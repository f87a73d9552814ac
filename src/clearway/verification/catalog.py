"""Workflow definitions in the database: built-ins seeded idempotently (scope ""), accounts' own
imported as new versions, and the lookup an execution starts with. The caller owns the transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, case, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clearway.audit.service import Actor, append_event
from clearway.errors import Conflict, NotFound
from clearway.verification.definitions import (
    BUILTIN_NAMES,
    Plan,
    WorkflowDocument,
    builtin_documents,
    plan_of,
)
from clearway.verification.models import GLOBAL_SCOPE, WorkflowDefinitionRecord

# Definition rows never change once written, so their plans (parsed settings) are cached by row id.
_PLANS: dict[int, Plan] = {}


def _document_of(document: WorkflowDocument) -> dict[str, Any]:
    return document.model_dump(mode="json", by_alias=True, exclude_none=True)


def seed_builtins(session: Session) -> int:
    """Insert the shipped definitions missing from the database; returns how many were added. Concurrent
    seeders (several processes starting) collide on the unique constraint, inside a savepoint."""
    added = 0
    for document in builtin_documents():
        exists = session.scalar(
            select(WorkflowDefinitionRecord.id).where(
                WorkflowDefinitionRecord.scope == GLOBAL_SCOPE,
                WorkflowDefinitionRecord.name == document.name,
                WorkflowDefinitionRecord.version == document.version,
            )
        )
        if exists is not None:
            continue
        try:
            with session.begin_nested():
                session.add(_record(document, GLOBAL_SCOPE, None))
            added += 1
        except IntegrityError:
            continue  # another process seeded it first
    return added


def _record(document: WorkflowDocument, scope: str, account_id: str | None) -> WorkflowDefinitionRecord:
    return WorkflowDefinitionRecord(
        scope=scope,
        account_id=account_id,
        name=document.name,
        version=document.version,
        entity_type=document.entity_type.value,
        lifecycle_phase=document.lifecycle_phase.value,
        document=_document_of(document),
    )


def import_definition(
    session: Session, account_id: str, document: WorkflowDocument, actor: Actor
) -> WorkflowDefinitionRecord:
    """Store an account's definition. Re-importing the same version with the same content is a no-op;
    a version that exists with other content is refused (versions are immutable: bump `version`)."""
    existing = session.scalar(
        select(WorkflowDefinitionRecord).where(
            WorkflowDefinitionRecord.scope == account_id,
            WorkflowDefinitionRecord.name == document.name,
            WorkflowDefinitionRecord.version == document.version,
        )
    )
    content = _document_of(document)
    if existing is not None:
        if existing.document == content:
            return existing
        raise Conflict("Workflow", f"{document.name} version {document.version} exists with other content")
    record = _record(document, account_id, account_id)
    session.add(record)
    session.flush()
    append_event(
        session, account_id, actor, "WORKFLOW_DEFINITION_IMPORT", "WORKFLOW", document.name, None, content
    )
    return record


def _latest(records: list[WorkflowDefinitionRecord]) -> dict[str, WorkflowDefinitionRecord]:
    """Latest version per name; an account's definition shadows a built-in of the same name."""
    chosen: dict[str, WorkflowDefinitionRecord] = {}
    for record in records:
        current = chosen.get(record.name)
        rank = (record.scope != GLOBAL_SCOPE, record.version)
        if current is None or rank > (current.scope != GLOBAL_SCOPE, current.version):
            chosen[record.name] = record
    return chosen


def list_definitions(session: Session, account_id: str) -> list[WorkflowDefinitionRecord]:
    seed_builtins(session)
    records = list(
        session.scalars(
            select(WorkflowDefinitionRecord).where(
                WorkflowDefinitionRecord.scope.in_([GLOBAL_SCOPE, account_id])
            )
        )
    )
    return sorted(_latest(records).values(), key=lambda record: record.name)


def find_definition(session: Session, account_id: str, name: str) -> WorkflowDefinitionRecord:
    record = _find(session, account_id, name)
    if record is None and name in BUILTIN_NAMES:
        # Seeded lazily (and in the caller's transaction, so a rollback cannot leave a stale "seeded"
        # flag behind): the first execution of a fresh database writes them.
        seed_builtins(session)
        record = _find(session, account_id, name)
    if record is None:
        raise NotFound("Workflow", name, "workflowName")
    return record


# One statement, built once: the account's newest version of the name if it has one, else the global one.
_FIND = (
    select(WorkflowDefinitionRecord)
    .where(
        WorkflowDefinitionRecord.scope.in_([bindparam("account_id"), GLOBAL_SCOPE]),
        WorkflowDefinitionRecord.name == bindparam("name"),
    )
    .order_by(
        case((WorkflowDefinitionRecord.scope == GLOBAL_SCOPE, 1), else_=0),
        WorkflowDefinitionRecord.version.desc(),
    )
    .limit(1)
)


def _find(session: Session, account_id: str, name: str) -> WorkflowDefinitionRecord | None:
    found: WorkflowDefinitionRecord | None = session.scalars(
        _FIND, {"account_id": account_id, "name": name}
    ).first()
    return found


def plan_for(record: WorkflowDefinitionRecord) -> Plan:
    plan = _PLANS.get(record.id)
    if plan is None:
        plan = _PLANS[record.id] = plan_of(record.document)
    return plan
