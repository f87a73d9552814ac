"""Workers that run queued executions: a loop per thread (`Worker`), a pool of them in-process
(`WorkerPool`, for the embedded SQLite default or inside `clearway worker`)."""

from __future__ import annotations

import logging
import os
import socket
import threading
from dataclasses import dataclass, field

from sqlalchemy import bindparam, select

from clearway.db import Database
from clearway.screening.service import ScreeningService
from clearway.verification import queue
from clearway.verification.catalog import plan_by_id
from clearway.verification.definitions import Plan
from clearway.verification.models import Execution
from clearway.verification.queue import Claim, actor_from_dict
from clearway.verification.service import complete_execution
from clearway.verification.statuses import ExecutionState

logger = logging.getLogger(__name__)


class LostClaim(Exception):
    """The lease expired and another worker took the job: this attempt's work must not commit."""


# Built once (see catalog._FIND): the execution a job runs, locked for this attempt's transaction.
_LOCK_EXECUTION = select(Execution).where(Execution.id == bindparam("execution_id")).with_for_update()


def worker_id(index: int = 0) -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{index}"


@dataclass
class Worker:
    database: Database
    screening: ScreeningService
    ident: str = field(default_factory=worker_id)
    lease_seconds: float = queue.DEFAULT_LEASE_SECONDS
    retry_backoff_seconds: float = 1.0
    # Plans by definition row id: rows never change and ids are unique within the worker's one database.
    _plans: dict[int, Plan] = field(default_factory=dict, init=False, repr=False)

    def run_one(self) -> bool:
        """Claim one job and run it; False when there was nothing to do."""
        with self.database.transaction() as session:
            held = queue.claim(session, self.ident, self.lease_seconds)
        if held is None:
            return False
        stop = threading.Event()
        beat = threading.Thread(target=self._heartbeat, args=(held, stop), daemon=True)
        beat.start()
        try:
            self._execute(held)
        except LostClaim:
            logger.warning("job %s: claim lost, attempt %s discarded", held.job_id, held.attempt)
        except Exception as exc:
            logger.exception("job %s: attempt %s failed", held.job_id, held.attempt)
            with self.database.transaction() as session:
                queue.release(session, held, f"{type(exc).__name__}: {exc}", self.retry_backoff_seconds)
        finally:
            stop.set()
            beat.join()
        return True

    def _execute(self, held: Claim) -> None:
        with self.database.transaction() as session:
            # The row lock makes a second holder (after a lease expiry) wait for the first to finish,
            # then see COMPLETED and write nothing.
            execution = session.scalars(_LOCK_EXECUTION, {"execution_id": held.execution_id}).one()
            if execution.state == ExecutionState.IN_PROGRESS.value:
                execution.attempts = held.attempt
                actor = actor_from_dict(held.payload.get("actor") or {})
                plan = self._plans.get(execution.definition_id)
                if plan is None:
                    plan = self._plans[execution.definition_id] = plan_by_id(session, execution.definition_id)
                complete_execution(session, execution, self.screening, actor, plan=plan)
            if not queue.finish(session, held):
                raise LostClaim(held.job_id)

    def _heartbeat(self, held: Claim, stop: threading.Event) -> None:
        interval = max(self.lease_seconds / 3, 0.05)
        while not stop.wait(interval):
            try:
                with self.database.transaction() as session:
                    if not queue.renew(session, held, self.lease_seconds):
                        return
            except Exception:
                logger.exception("job %s: heartbeat failed", held.job_id)

    def run(
        self, stop: threading.Event, wake: threading.Event, poll_interval: float, burst: bool = False
    ) -> None:
        """Run jobs until `stop` is set (or, with `burst`, until the queue is empty)."""
        while not stop.is_set():
            try:
                worked = self.run_one()
            except Exception:
                logger.exception("worker %s: claiming failed", self.ident)
                worked = False
            if worked:
                continue
            if burst:
                return
            wake.wait(poll_interval)
            wake.clear()


class WorkerPool:
    """`concurrency` worker threads in this process. `wake()` (the queue's hook) starts idle workers."""

    def __init__(
        self,
        database: Database,
        screening: ScreeningService,
        concurrency: int = 2,
        poll_interval: float = 0.5,
        lease_seconds: float = queue.DEFAULT_LEASE_SECONDS,
    ) -> None:
        self.workers = [
            Worker(database, screening, worker_id(index), lease_seconds) for index in range(concurrency)
        ]
        self.poll_interval = poll_interval
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._threads: list[threading.Thread] = []

    def queue(self, max_attempts: int = queue.DEFAULT_MAX_ATTEMPTS) -> queue.ExecutionQueue:
        return queue.ExecutionQueue(max_attempts, wake=self.wake)

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        self._stop.clear()  # a stopped pool can start again (an app's lifespan may run more than once)
        for worker in self.workers:
            thread = threading.Thread(
                target=worker.run,
                args=(self._stop, self._wake, self.poll_interval),
                name=worker.ident,
                daemon=True,
            )
            thread.start()
            self._threads.append(thread)

    def stop(self, timeout: float | None = None) -> None:
        self._stop.set()
        self._wake.set()
        for thread in self._threads:
            thread.join(timeout)
        self._threads.clear()

    def run_until_empty(self) -> None:
        """Run the queue dry in the calling thread (tests, `clearway worker --burst`)."""
        stop, wake = threading.Event(), threading.Event()
        for worker in self.workers[:1]:
            worker.run(stop, wake, self.poll_interval, burst=True)
