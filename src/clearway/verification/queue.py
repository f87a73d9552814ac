"""The background execution queue, on a table (`verification_jobs`) in the application's own database.

Why a table and not a queue library: the job must commit with the execution it runs (a job marked done
without its results, or results without the job marked done, is exactly the "lost" or "recorded twice"
this exists to prevent), and one table serves both the embedded SQLite default and PostgreSQL.

- enqueue: in the caller's transaction, with the IN_PROGRESS execution (both or neither).
- claim: `SELECT … FOR UPDATE SKIP LOCKED` (PostgreSQL: concurrent workers on several machines each take
  a different job without waiting; SQLite has one writer at a time anyway) and a lease. `attempts` is
  incremented on every claim and fences the claim: only the holder of the current attempt can finish or
  renew the job.
- a worker that dies (kill -9) stops renewing its lease; its uncommitted execution transaction is rolled
  back by the database; once the lease expires the job is claimed again, up to `max_attempts`, after which
  the execution is marked ERROR. It is never left IN_PROGRESS and never recorded twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import and_, event, or_, select, update
from sqlalchemy.orm import Session

from clearway.audit.service import Actor, append_event
from clearway.db.base import utcnow
from clearway.verification.models import Execution, VerificationJob
from clearway.verification.statuses import ExecutionState, Status

QUEUED, RUNNING, DONE, FAILED = "QUEUED", "RUNNING", "DONE", "FAILED"
DEFAULT_MAX_ATTEMPTS = 3
DEFAULT_LEASE_SECONDS = 30.0


class ExecutionQueue:
    """Queues executions; `wake` (optional) is called after the enqueuing transaction commits, so that
    in-process workers start at once instead of at their next poll."""

    def __init__(
        self, max_attempts: int = DEFAULT_MAX_ATTEMPTS, wake: Callable[[], None] | None = None
    ) -> None:
        self.max_attempts = max_attempts
        self.wake = wake

    def enqueue(self, session: Session, execution: Execution, payload: dict[str, Any]) -> VerificationJob:
        job = VerificationJob(
            execution_id=execution.id,
            account_id=execution.account_id,
            state=QUEUED,
            payload=payload,
            attempts=0,
            max_attempts=self.max_attempts,
            run_after=utcnow(),
        )
        session.add(job)
        session.flush()
        wake = self.wake
        if wake is not None:
            event.listen(session, "after_commit", lambda _session: wake(), once=True)
        return job


@dataclass(frozen=True)
class Claim:
    job_id: int
    execution_id: str
    attempt: int
    worker_id: str
    payload: dict[str, Any]


def _fenced(claim: Claim) -> Any:
    return and_(
        VerificationJob.id == claim.job_id,
        VerificationJob.worker_id == claim.worker_id,
        VerificationJob.attempts == claim.attempt,
        VerificationJob.state == RUNNING,
    )


def claim(session: Session, worker_id: str, lease_seconds: float = DEFAULT_LEASE_SECONDS) -> Claim | None:
    """Take the oldest runnable job: queued and due, or running with an expired lease (its worker died).
    A job that already used all its attempts is given up here: its execution becomes ERROR."""
    while True:
        now = utcnow()
        job = session.scalars(
            select(VerificationJob)
            .where(
                or_(
                    and_(VerificationJob.state == QUEUED, VerificationJob.run_after <= now),
                    and_(VerificationJob.state == RUNNING, VerificationJob.lease_expires_at < now),
                )
            )
            .order_by(VerificationJob.id)
            .limit(1)
            .with_for_update(skip_locked=True)
        ).first()
        if job is None:
            return None
        if job.attempts >= job.max_attempts:
            give_up(session, job, job.last_error or f"worker lost after {job.attempts} attempts")
            continue
        job.state = RUNNING
        job.attempts += 1
        job.worker_id = worker_id
        job.lease_expires_at = now + timedelta(seconds=lease_seconds)
        job.updated_at = now
        session.flush()
        return Claim(job.id, job.execution_id, job.attempts, worker_id, dict(job.payload))


def give_up(session: Session, job: VerificationJob, reason: str) -> None:
    """The job is out of attempts: FAILED, and its execution ERROR if it is still in progress."""
    now = utcnow()
    job.state = FAILED
    job.last_error = reason[:1000]
    job.lease_expires_at = None
    job.updated_at = now
    execution = session.scalars(
        select(Execution).where(Execution.id == job.execution_id).with_for_update()
    ).one()
    if execution.state == ExecutionState.IN_PROGRESS.value:
        execution.state = ExecutionState.ERROR.value
        execution.result = Status.INCOMPLETE.value
        execution.status = Status.INCOMPLETE.value
        execution.error = {
            "stepName": None,
            "message": f"gave up after {job.attempts} attempts: {reason}"[:1000],
        }
        execution.attempts = job.attempts
        execution.ended_at = now
        execution.updated_at = now
        session.flush()
        # Audited like an attempt that failed in a step (service._fail): every change of an execution
        # has its event, in the same transaction.
        append_event(
            session,
            execution.account_id,
            _submitter(job),
            "WORKFLOW_EXECUTION_ERROR",
            "WORKFLOW_EXECUTION",
            execution.id,
            None,
            {
                "entityId": execution.entity_id,
                "workflowName": execution.workflow_name,
                "error": execution.error,
            },
        )
    session.flush()


def _submitter(job: VerificationJob) -> Actor:
    """The job runs on behalf of whoever queued it (the payload's actor, as the worker's runs record it)."""
    return actor_from_dict(job.payload.get("actor") or {})


def actor_from_dict(data: dict[str, Any]) -> Actor:
    """The actor a job's payload carries (written by `service._actor_dict`)."""
    return Actor(data.get("credentialId"), data.get("username"), data.get("channel"), data.get("requestId"))


def renew(session: Session, held: Claim, lease_seconds: float) -> bool:
    """Extend the lease; False when the job is no longer ours (the lease expired and another took it)."""
    result = session.execute(
        update(VerificationJob)
        .where(_fenced(held))
        .values(lease_expires_at=utcnow() + timedelta(seconds=lease_seconds))
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


def finish(session: Session, held: Claim) -> bool:
    """Mark the job done in the transaction that wrote the execution's results; False when the claim
    was lost (the caller must then roll back, leaving the results to the job's current holder)."""
    result = session.execute(
        update(VerificationJob)
        .where(_fenced(held))
        .values(state=DONE, lease_expires_at=None, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


def release(session: Session, held: Claim, error: str, backoff_seconds: float) -> None:
    """An attempt failed with an unexpected error: queue the job again later, or give up."""
    job = session.scalars(select(VerificationJob).where(_fenced(held)).with_for_update()).first()
    if job is None:
        return  # no longer ours
    if job.attempts >= job.max_attempts:
        give_up(session, job, error)
        return
    job.state = QUEUED
    job.last_error = error[:1000]
    job.lease_expires_at = None
    job.run_after = utcnow() + timedelta(seconds=backoff_seconds * 2 ** (job.attempts - 1))
    session.flush()


def pending(session: Session) -> int:
    """Jobs not finished yet (queued or running)."""
    return len(
        session.scalars(select(VerificationJob.id).where(VerificationJob.state.in_([QUEUED, RUNNING]))).all()
    )
