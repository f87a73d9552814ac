"""Read-side queries of the dialect's lists (paging, filters, newest first)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from clearway.audit.models import AuditEvent
from clearway.verification.models import (
    GLOBAL_SCOPE,
    Execution,
    ProcessResult,
    ServiceProfile,
    WorkflowDefinitionRecord,
)

T = TypeVar("T")


def page_of(session: Session, query: Select[T], page: int, limit: int) -> tuple[list[T], int]:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    items = list(session.scalars(query.offset((page - 1) * limit).limit(limit)))
    return items, int(total)


def workflow_definitions(session: Session, account_id: str) -> list[WorkflowDefinitionRecord]:
    """The newest version of each definition the account can run (its own shadow built-ins)."""
    query = (
        select(WorkflowDefinitionRecord)
        .where(WorkflowDefinitionRecord.scope.in_([GLOBAL_SCOPE, account_id]))
        .order_by(WorkflowDefinitionRecord.name, WorkflowDefinitionRecord.version.desc())
    )
    newest: dict[str, WorkflowDefinitionRecord] = {}
    for record in session.scalars(query):
        current = newest.get(record.name)
        if current is None or (current.scope == GLOBAL_SCOPE and record.scope == account_id):
            newest[record.name] = record
    return list(newest.values())


def process_results(
    session: Session, account_id: str, entity_id: str, step_names: Sequence[str] | None, page: int, limit: int
) -> tuple[list[ProcessResult], int]:
    query = select(ProcessResult).where(
        ProcessResult.account_id == account_id, ProcessResult.entity_id == entity_id
    )
    if step_names:
        query = query.where(ProcessResult.step_name.in_(list(step_names)))
    query = query.order_by(ProcessResult.created_at.desc(), ProcessResult.id)
    return page_of(session, query, page, limit)


def search_profiles(
    session: Session,
    account_id: str,
    filters: dict[str, Any],
    entity_ids: Sequence[str] | None,
    page: int,
    limit: int,
) -> tuple[list[ServiceProfile], int]:
    query = select(ServiceProfile).where(ServiceProfile.account_id == account_id)
    if entity_ids is not None:
        query = query.where(ServiceProfile.entity_id.in_(list(entity_ids)))
    if filters.get("entityTypes"):
        query = query.where(ServiceProfile.entity_type.in_(filters["entityTypes"]))
    if filters.get("states"):
        query = query.where(ServiceProfile.state.in_(filters["states"]))
    if filters.get("createdAtBefore"):
        query = query.where(ServiceProfile.created_at < filters["createdAtBefore"])
    if filters.get("createdAtAfter"):
        query = query.where(ServiceProfile.created_at > filters["createdAtAfter"])
    query = query.order_by(ServiceProfile.created_at.desc(), ServiceProfile.id)
    return page_of(session, query, page, limit)


def audit_events(
    session: Session,
    account_id: str,
    *,
    entity_id: str | None,
    request_id: str | None,
    channels: Sequence[str] | None,
    after: datetime | None,
    before: datetime | None,
    ascending: bool,
    page: int,
    limit: int,
) -> tuple[list[AuditEvent], int]:
    query = select(AuditEvent).where(AuditEvent.account_id == account_id)
    if entity_id:
        query = query.where(AuditEvent.entity_id == entity_id)
    if request_id:
        query = query.where(AuditEvent.request_id == request_id)
    if channels:
        wanted = [channel.lower() for channel in channels]
        clauses = [func.lower(AuditEvent.channel).in_(wanted)]
        if "api" in wanted:  # calls without a channel header count as API
            clauses.append(AuditEvent.channel.is_(None))
        query = query.where(or_(*clauses))
    if after:
        query = query.where(AuditEvent.occurred_at > after)
    if before:
        query = query.where(AuditEvent.occurred_at < before)
    order = AuditEvent.id.asc() if ascending else AuditEvent.id.desc()
    return page_of(session, query.order_by(order), page, limit)


def executions(
    session: Session,
    profile: ServiceProfile,
    workflow_name: str,
    *,
    results: Sequence[str] | None,
    states: Sequence[str] | None,
    started_before: datetime | None,
    started_after: datetime | None,
    page: int,
    limit: int,
) -> tuple[list[Execution], int]:
    query = select(Execution).where(
        Execution.service_profile_id == profile.id, Execution.workflow_name == workflow_name
    )
    if results:
        query = query.where(Execution.result.in_(list(results)))
    if states:
        query = query.where(Execution.state.in_(list(states)))
    if started_before:
        query = query.where(Execution.started_at < started_before)
    if started_after:
        query = query.where(Execution.started_at > started_after)
    query = query.order_by(Execution.started_at.desc(), Execution.id.desc())
    return page_of(session, query, page, limit)
