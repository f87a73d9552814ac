"""Business applications meet verification: starting an application runs the account's KYB workflow on
its business (and, through KYB_AML, on the business's owners); the latest run is the application's
verification summary and, at completion, the decision its underwriting workflow carries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearway.audit.service import Actor
from clearway.parties.models import Organization
from clearway.screening.service import ScreeningService
from clearway.tenancy.models import AccountLike
from clearway.verification import service
from clearway.verification.models import Execution
from clearway.verification.queue import ExecutionQueue
from clearway.verification.statuses import ExecutionState

KYB_SERVICE = "KYB"
KYB_WORKFLOW = "KYB_AML"
PENDING = "PENDING"


@dataclass(frozen=True)
class Engine:
    """What running workflows needs, wired once per process by the application."""

    screening: ScreeningService
    queue: ExecutionQueue


def business_of(session: Session, account_id: str, subject_record_id: str) -> Organization | None:
    query = select(Organization).where(
        Organization.account_id == account_id, Organization.subject_record_id == subject_record_id
    )
    return session.scalars(query).one_or_none()


def start_kyb(
    session: Session, engine: Engine, account: AccountLike, subject_record_id: str, actor: Actor
) -> Execution | None:
    """Queue the KYB workflow on the subject record's business (None when it has no business yet)."""
    business = business_of(session, account.id, subject_record_id)
    if business is None:
        return None
    subject = service.Subject(business.entity_id, "ORGANIZATION")
    return service.submit_workflow(
        session,
        account,
        subject,
        KYB_SERVICE,
        KYB_WORKFLOW,
        request_id=actor.request_id or "",
        actor=actor,
        screening=engine.screening,
        queue=engine.queue,
    )


def latest_kyb(session: Session, account_id: str, subject_record_id: str) -> Execution | None:
    business = business_of(session, account_id, subject_record_id)
    if business is None:
        return None
    rows, _total = service.list_executions(
        session, account_id, business.entity_id, KYB_SERVICE, KYB_WORKFLOW, page=1, limit=1
    )
    return rows[0] if rows else None


def summary(execution: Execution | None) -> dict[str, Any] | None:
    """The verification summary an application shows (None before any run)."""
    if execution is None:
        return None
    return {
        "workflow_execution_id": execution.id,
        "workflow_name": execution.workflow_name,
        "entity_id": execution.entity_id,
        "state": execution.state,
        "result": execution.result,
        "status": execution.status,
        "risk_level": execution.risk_level,
    }


def decision(execution: Execution | None) -> str:
    """The underwriting decision: the latest KYB run's status (overrides included) once it completed."""
    if execution is None or execution.state != ExecutionState.COMPLETED:
        return PENDING
    return execution.status
