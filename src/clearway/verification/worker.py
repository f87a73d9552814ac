"""Workers that run queued executions: a loop per thread (`Worker`), a pool of them in-process
(`WorkerPool`, for the embedded SQLite default or inside `clearway worker`)."""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable
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


HEARTBEAT_IDLE_SECONDS = 30.0  # a heartbeat thread without a job for this long ends (the next job starts one)


class _Heartbeat:
    """Renews the lease of the job its worker runs: one interval after the job started, then every
    interval until it is released, and never again once a renewal finds the claim lost. The thread
    sleeps at most one interval at a time, so that holding and releasing never need to wake it.

    One thread serves job after job: starting a thread per job cost a fifth of a millisecond of CPU, and
    up to a millisecond of waiting on a busy machine. It ends after HEARTBEAT_IDLE_SECONDS without a job."""

    def __init__(self, renew: Callable[[Claim], bool], interval: float, name: str) -> None:
        self._renew = renew
        self._interval = interval
        self._name = name
        self._changed = threading.Condition()
        self._renewing = threading.Lock()  # held while a renewal runs
        self._held: Claim | None = None
        self._since = time.monotonic()  # the last hold, renewal or release
        self._thread: threading.Thread | None = None

    def hold(self, held: Claim) -> None:
        # No notify: the thread never sleeps longer than one interval, so it wakes before this job's first
        # renewal is due and then sleeps until exactly then. Waking it on every job cost a thread switch
        # (half a millisecond on a busy machine) twice per job.
        with self._changed:
            self._held, self._since = held, time.monotonic()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                self._thread.start()

    def release(self) -> None:
        """Stop renewing; returns once a renewal in flight is over (nothing renews a finished job later)."""
        with self._changed:
            self._held, self._since = None, time.monotonic()
        with self._renewing:
            pass

    def _run(self) -> None:
        while True:
            with self._changed:
                held = self._due()
                if held is None:
                    self._thread = None
                    return
                self._renewing.acquire()  # before letting go of the condition: `release` waits for it
            try:
                if not self._renew(held):
                    self._drop(held)
            except Exception:
                logger.exception("job %s: heartbeat failed", held.job_id)
            finally:
                self._renewing.release()

    def _due(self) -> Claim | None:
        """(With the condition held.) The job to renew once its interval has passed; None once idle for
        HEARTBEAT_IDLE_SECONDS."""
        while True:
            held, now = self._held, time.monotonic()
            if held is None:
                if now - self._since >= HEARTBEAT_IDLE_SECONDS:
                    return None
                self._changed.wait(self._interval)  # a job held meanwhile is seen within one interval
                continue
            deadline = self._since + self._interval
            if now >= deadline:
                self._since = now
                return held
            self._changed.wait(deadline - now)

    def _drop(self, held: Claim) -> None:
        """The claim was lost (the lease expired and another worker took the job): stop renewing it."""
        with self._changed:
            if self._held is held:
                self._held, self._since = None, time.monotonic()


@dataclass
class Worker:
    database: Database
    screening: ScreeningService
    ident: str = field(default_factory=worker_id)
    lease_seconds: float = queue.DEFAULT_LEASE_SECONDS
    retry_backoff_seconds: float = 1.0
    # Plans by definition row id: rows never change and ids are unique within the worker's one database.
    _plans: dict[int, Plan] = field(default_factory=dict, init=False, repr=False)
    _heartbeat: _Heartbeat = field(init=False, repr=False)
    # The next job, claimed in the transaction that finished the previous one: a claim of its own was a
    # transaction per job (begin, select, update, commit), a fifth of a worker's time on PostgreSQL.
    _next: Claim | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        interval = max(self.lease_seconds / 3, 0.05)
        self._heartbeat = _Heartbeat(self._renew, interval, f"{self.ident}:heartbeat")

    def run_one(self) -> bool:
        """Run the next job (claimed with the previous one's results, or claimed now); False when there was
        nothing to do."""
        held, self._next = self._next, None
        if held is None:
            with self.database.transaction() as session:
                held = queue.claim(session, self.ident, self.lease_seconds)
            if held is None:
                return False
        self._heartbeat.hold(held)
        try:
            self._execute(held)
        except LostClaim:
            logger.warning("job %s: claim lost, attempt %s discarded", held.job_id, held.attempt)
        except Exception as exc:
            logger.exception("job %s: attempt %s failed", held.job_id, held.attempt)
            with self.database.transaction() as session:
                queue.release(session, held, f"{type(exc).__name__}: {exc}", self.retry_backoff_seconds)
        finally:
            self._heartbeat.release()
        return True

    def give_back(self) -> None:
        """Return the job claimed ahead, if any, to the queue (the worker stops before running it)."""
        held, self._next = self._next, None
        if held is not None:
            with self.database.transaction() as session:
                queue.unclaim(session, held)

    def _execute(self, held: Claim) -> None:
        following: Claim | None = None
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
            following = queue.claim(session, self.ident, self.lease_seconds)
        self._next = following  # only once committed: a rolled-back claim is no claim

    def _renew(self, held: Claim) -> bool:
        with self.database.transaction() as session:
            return queue.renew(session, held, self.lease_seconds)

    def run(
        self, stop: threading.Event, wake: threading.Event, poll_interval: float, burst: bool = False
    ) -> None:
        """Run jobs until `stop` is set (or, with `burst`, until the queue is empty)."""
        try:
            self._loop(stop, wake, poll_interval, burst)
        finally:
            try:
                self.give_back()
            except Exception:  # its lease expires and another worker takes it
                logger.exception("worker %s: could not give back its next job", self.ident)

    def _loop(self, stop: threading.Event, wake: threading.Event, poll_interval: float, burst: bool) -> None:
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
