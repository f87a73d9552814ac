"""A worker claims its next job in the transaction that finishes the current one, and gives it back
(queued again, the attempt not counted) when it stops before running it."""

from __future__ import annotations

import threading

from sqlalchemy import select

from clearway.db import Database
from clearway.screening.service import ScreeningService
from clearway.tenancy import service as tenancy
from clearway.verification import service as verification
from clearway.verification.models import Execution, VerificationJob
from clearway.verification.queue import DONE, QUEUED, RUNNING, ExecutionQueue
from clearway.verification.worker import Worker
from tests.verification.helpers import ACTOR, add_person, snapshot


def queued_executions(database: Database, count: int) -> list[str]:
    with database.transaction() as session:
        account_id = tenancy.create_account(session, "Prefetch").id
    people = [
        add_person(database, account_id, first_name=f"Pre{i}", email=f"pre{i}@example.com", tax_id=None)
        for i in range(count)
    ]
    account = snapshot(database, account_id)
    ids = []
    with database.transaction() as session:
        for entity_id in people:
            execution = verification.submit_workflow(
                session,
                account,
                verification.Subject(entity_id, "INDIVIDUAL"),
                "KYC",
                "KYC_AML",
                request_id="req-prefetch",
                actor=ACTOR,
                screening=ScreeningService(database),
                queue=ExecutionQueue(),
            )
            ids.append(execution.id)
    return ids


def job_states(database: Database, execution_ids: list[str]) -> list[tuple[str, int]]:
    with database.transaction() as session:
        jobs = {
            job.execution_id: job
            for job in session.scalars(
                select(VerificationJob).where(VerificationJob.execution_id.in_(execution_ids))
            )
        }
    return [(jobs[i].state, jobs[i].attempts) for i in execution_ids]


def test_next_job_is_claimed_with_the_finished_one_and_run_next(fresh_database: Database) -> None:
    ids = queued_executions(fresh_database, 3)
    worker = Worker(fresh_database, ScreeningService(fresh_database))
    assert worker.run_one()
    assert job_states(fresh_database, ids) == [(DONE, 1), (RUNNING, 1), (QUEUED, 0)]
    assert worker.run_one() and worker.run_one()
    assert not worker.run_one()
    assert job_states(fresh_database, ids) == [(DONE, 1)] * 3
    with fresh_database.transaction() as session:
        executions = session.scalars(select(Execution).where(Execution.id.in_(ids))).all()
    assert sorted((e.state, e.attempts) for e in executions) == [("COMPLETED", 1)] * 3


def test_a_stopping_worker_gives_its_next_job_back(fresh_database: Database) -> None:
    ids = queued_executions(fresh_database, 2)
    worker = Worker(fresh_database, ScreeningService(fresh_database))
    assert worker.run_one()  # runs the first, claims the second
    stop = threading.Event()
    stop.set()
    worker.run(stop, threading.Event(), poll_interval=0.01)  # stops at once: the second was not run
    assert job_states(fresh_database, ids) == [(DONE, 1), (QUEUED, 0)]
    other = Worker(fresh_database, ScreeningService(fresh_database), ident="other")
    assert other.run_one() and not other.run_one()
    assert job_states(fresh_database, ids) == [(DONE, 1), (DONE, 1)]
