"""Workflow definitions in the database: built-ins seeded idempotently (scope ""), accounts' own
imported as new versions, and the lookup an execution starts with. The caller owns the transaction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, Table, bindparam, case, select
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

# Definition rows never change once written, so their plans (parsed settings) are cached, by what makes a
# row unique (scope, name, version) rather than its id: ids repeat across databases (tests, several URLs)
# while an account's scope does not, and built-in versions are bumped whenever their content changes.
_PLANS: dict[tuple[str, str, int], Plan] = {}


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


@dataclass(frozen=True, slots=True)
class DefinitionRef:
    """What starting an execution needs of a definition row (its document is read once, by `plan_of_ref`)."""

    id: int
    scope: str
    name: str
    version: int
    entity_type: str
    lifecycle_phase: str


def find_definition_ref(
    session: Session,
    account_id: str,
    name: str,
    lookup: Select[Any] | None = None,
    params: dict[str, Any] | None = None,
) -> tuple[DefinitionRef, Row[Any]]:
    """`find_definition` without loading the row as an ORM object (every execution starts with it), and
    the row itself: `lookup` (made by `definition_lookup`) may carry the caller's other look-ups in the
    same round trip, `params` their parameters."""
    statement = _FIND_REF if lookup is None else lookup
    values = {"account_id": account_id, "name": name, **(params or {})}
    row = session.connection().execute(statement, values).first()
    if row is None and name in BUILTIN_NAMES:
        seed_builtins(session)
        row = session.connection().execute(statement, values).first()
    if row is None:
        raise NotFound("Workflow", name, "workflowName")
    return DefinitionRef(*row[: len(_REF_COLUMNS)]), row


def definition_lookup(*columns: ColumnElement[Any]) -> Select[Any]:
    """The statement of `find_definition_ref` with more columns (scalar subqueries, labelled) after the
    definition's: other look-ups riding along in its round trip. Bound parameters `account_id` and `name`
    are the definition's; the subqueries may use them too."""
    return select(*_REF_COLUMNS, *columns).where(*_WHERE).order_by(*_ORDER).limit(1)


# Statements built once: the account's newest version of the name if it has one, else the global one.
_DEFINITIONS: Table = WorkflowDefinitionRecord.__table__  # type: ignore[assignment]
_ORDER = (
    case((_DEFINITIONS.c.scope == GLOBAL_SCOPE, 1), else_=0),
    _DEFINITIONS.c.version.desc(),
)
_WHERE = (
    _DEFINITIONS.c.scope.in_([bindparam("account_id"), GLOBAL_SCOPE]),
    _DEFINITIONS.c.name == bindparam("name"),
)
_FIND = select(WorkflowDefinitionRecord).where(*_WHERE).order_by(*_ORDER).limit(1)
_REF_COLUMNS = (
    _DEFINITIONS.c.id,
    _DEFINITIONS.c.scope,
    _DEFINITIONS.c.name,
    _DEFINITIONS.c.version,
    _DEFINITIONS.c.entity_type,
    _DEFINITIONS.c.lifecycle_phase,
)
_FIND_REF = definition_lookup()
_REF_BY_ID = select(*_REF_COLUMNS).where(_DEFINITIONS.c.id == bindparam("id"))
_DOCUMENT = select(_DEFINITIONS.c.document).where(_DEFINITIONS.c.id == bindparam("id"))


def _find(session: Session, account_id: str, name: str) -> WorkflowDefinitionRecord | None:
    found: WorkflowDefinitionRecord | None = session.scalars(
        _FIND, {"account_id": account_id, "name": name}
    ).first()
    return found


def plan_of_ref(session: Session, ref: DefinitionRef) -> Plan:
    """The definition's plan; its document is read (and parsed) only the first time."""
    key = (ref.scope, ref.name, ref.version)
    plan = _PLANS.get(key)
    if plan is None:
        document = session.connection().execute(_DOCUMENT, {"id": ref.id}).scalar_one()
        plan = _PLANS[key] = plan_of(document)
    return plan


def plan_by_id(session: Session, definition_id: int) -> Plan:
    row = session.connection().execute(_REF_BY_ID, {"id": definition_id}).one()
    return plan_of_ref(session, DefinitionRef(*row))
