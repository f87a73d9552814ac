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

from sqlalchemy import Table, and_, bindparam, event, or_, select, update
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


# The statements every job runs, built once (see catalog._FIND): Core on the table, bound parameters.
_JOBS: Table = VerificationJob.__table__  # type: ignore[assignment]
_NEXT = (
    select(_JOBS.c.id, _JOBS.c.execution_id, _JOBS.c.attempts, _JOBS.c.max_attempts, _JOBS.c.payload)
    .where(
        or_(
            and_(_JOBS.c.state == QUEUED, _JOBS.c.run_after <= bindparam("now")),
            and_(_JOBS.c.state == RUNNING, _JOBS.c.lease_expires_at < bindparam("now")),
        )
    )
    .order_by(_JOBS.c.id)
    .limit(1)
    .with_for_update(skip_locked=True)
)
_TAKE = (
    update(_JOBS)
    .where(_JOBS.c.id == bindparam("job_id"))
    .values(
        state=RUNNING,
        attempts=bindparam("job_attempt"),
        worker_id=bindparam("job_worker"),
        lease_expires_at=bindparam("job_lease"),
        updated_at=bindparam("job_now"),
    )
)
# Only the holder of the current attempt may renew or finish a job.
_FENCED = and_(
    _JOBS.c.id == bindparam("job_id"),
    _JOBS.c.worker_id == bindparam("job_worker"),
    _JOBS.c.attempts == bindparam("job_attempt"),
    _JOBS.c.state == RUNNING,
)
_RENEW = update(_JOBS).where(_FENCED).values(lease_expires_at=bindparam("job_lease"))
_FINISH = (
    update(_JOBS).where(_FENCED).values(state=DONE, lease_expires_at=None, updated_at=bindparam("job_now"))
)


def _fence(held: Claim) -> dict[str, Any]:
    return {"job_id": held.job_id, "job_worker": held.worker_id, "job_attempt": held.attempt}


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
    connection = session.connection()
    while True:
        now = utcnow()
        job = connection.execute(_NEXT, {"now": now}).first()
        if job is None:
            return None
        if job.attempts >= job.max_attempts:
            exhausted = session.get(VerificationJob, job.id)
            assert exhausted is not None  # locked above
            give_up(session, exhausted, exhausted.last_error or f"worker lost after {job.attempts} attempts")
            continue
        held = Claim(job.id, job.execution_id, job.attempts + 1, worker_id, dict(job.payload))
        lease = now + timedelta(seconds=lease_seconds)
        connection.execute(_TAKE, {**_fence(held), "job_lease": lease, "job_now": now})
        return held


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
    lease = utcnow() + timedelta(seconds=lease_seconds)
    result = session.connection().execute(_RENEW, {**_fence(held), "job_lease": lease})
    return bool(result.rowcount == 1)


def finish(session: Session, held: Claim) -> bool:
    """Mark the job done in the transaction that wrote the execution's results; False when the claim
    was lost (the caller must then roll back, leaving the results to the job's current holder)."""
    result = session.connection().execute(_FINISH, {**_fence(held), "job_now": utcnow()})
    return bool(result.rowcount == 1)


_UNCLAIM = (
    update(_JOBS)
    .where(_FENCED)
    .values(
        state=QUEUED,
        attempts=_JOBS.c.attempts - 1,
        worker_id=None,
        lease_expires_at=None,
        updated_at=bindparam("job_now"),
    )
)


def unclaim(session: Session, held: Claim) -> bool:
    """Give back a job claimed but not started (a stopping worker's next job): queued again, the claim's
    attempt not counted. False when it was no longer ours."""
    result = session.connection().execute(_UNCLAIM, {**_fence(held), "job_now": utcnow()})
    return bool(result.rowcount == 1)


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
