"""Acceptance: `kill -9` of a `clearway worker` mid-run, on PostgreSQL, with two workers sharing the queue.

The run is made slow and deterministic by an EXTERNAL step whose endpoint (a loopback HTTP server in this
test) takes SLOW_SECONDS to answer: a worker is killed only once it holds a job (the job row names its
pid) *and* the endpoint is serving that job's request, so the kill lands inside the execution's
transaction. What must hold afterwards: nothing lost (every execution leaves IN_PROGRESS, its job is
finished), nothing doubled (one set of results, one completion event per execution)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import func, select

from clearway.audit.models import AuditEvent
from clearway.audit.service import verify_chain
from clearway.db import Database
from clearway.screening.service import ScreeningService
from clearway.verification import queue
from clearway.verification import service as verification
from clearway.verification.catalog import import_definition
from clearway.verification.definitions import parse_text
from clearway.verification.models import Execution, ProcessResult, VerificationJob
from tests.support.databases import POSTGRES_ENV, migrated_database_url, postgres_admin_url
from tests.support.factories import TEST_MASTER_KEY, make_account
from tests.support.server import clearway_executable
from tests.verification.helpers import ACTOR, add_person, snapshot

# SKIP LOCKED, leases across processes and a dropped connection rolling back a transaction are what is
# under test; SQLite's single writer would not show them. CI sets the variable, so this runs there (and
# fails, through `migrated_database_url`, if the server it names is unreachable).
pytestmark = pytest.mark.skipif(postgres_admin_url() is None, reason=f"needs PostgreSQL ({POSTGRES_ENV})")

SLOW_SECONDS = 1.5  # the endpoint's answer time: the window in which a worker is killed
LEASE_SECONDS = 3.0  # short, so that a dead worker's job is taken again quickly; renewed every second
POLL_SECONDS = 0.1
EXECUTIONS = 6
WORKFLOW = "SLOW_VENDOR"
STEPS_PER_RUN = 3  # START, VENDOR, FINISH
DEADLINE_SECONDS = 60.0  # generous (start-up is seconds on a busy machine): every wait polls, returns at once

T = TypeVar("T")


# --- the slow endpoint -------------------------------------------------------------------------------------


@dataclass
class VendorLog:
    """What the endpoint saw: entity ids in arrival order, and those whose answer is still being prepared."""

    calls: list[str] = field(default_factory=list)
    serving: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def arrived(self, entity_id: str) -> None:
        with self.lock:
            self.calls.append(entity_id)
            self.serving.add(entity_id)

    def answered(self, entity_id: str) -> None:
        with self.lock:
            self.serving.discard(entity_id)

    def is_serving(self, entity_id: str) -> bool:
        with self.lock:
            return entity_id in self.serving

    def calls_for(self, entity_id: str) -> int:
        with self.lock:
            return self.calls.count(entity_id)


class _SlowVendor(BaseHTTPRequestHandler):
    log: VendorLog

    def do_POST(self) -> None:
        entity_id = json.loads(self.rfile.read(int(self.headers["Content-Length"])))["entityId"]
        self.log.arrived(entity_id)
        try:
            time.sleep(SLOW_SECONDS)
            body = json.dumps({"result": "PASS"}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass  # the caller was killed: nobody reads this answer
        finally:
            self.log.answered(entity_id)

    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def slow_vendor() -> Iterator[tuple[str, VendorLog]]:
    log = VendorLog()
    handler = type("SlowVendor", (_SlowVendor,), {"log": log})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/check", log
    finally:
        server.shutdown()
        server.server_close()


# --- `clearway worker` processes ---------------------------------------------------------------------------


@dataclass
class Workers:
    processes: list[subprocess.Popen[bytes]]
    log_paths: list[Path]

    @property
    def pids(self) -> set[int]:
        return {process.pid for process in self.processes}

    def by_pid(self, pid: int) -> subprocess.Popen[bytes]:
        return next(process for process in self.processes if process.pid == pid)

    def other_than(self, pid: int) -> subprocess.Popen[bytes]:
        return next(process for process in self.processes if process.pid != pid)

    def logs(self) -> str:
        return "\n".join(f"--- {path.name}\n{path.read_text(errors='replace')}" for path in self.log_paths)


@contextmanager
def clearway_workers(database_url: str, data_dir: Path, count: int = 2) -> Iterator[Workers]:
    """`count` real `clearway worker` processes (one thread each) on the database; any still running at
    the end is killed."""
    env = {
        **os.environ,
        "CLEARWAY_DATABASE_URL": database_url,
        "CLEARWAY_DATA_DIR": str(data_dir),
        "CLEARWAY_LOG_LEVEL": "warning",
        "CLEARWAY_MASTER_KEY": TEST_MASTER_KEY,
    }
    command = [
        *clearway_executable(),
        "worker",
        "--concurrency",
        "1",
        "--lease-seconds",
        str(LEASE_SECONDS),
        "--poll-interval",
        str(POLL_SECONDS),
    ]
    data_dir.mkdir(parents=True, exist_ok=True)
    workers = Workers([], [])
    with ExitStack() as files:
        try:
            for index in range(count):
                path = data_dir / f"worker-{index}.log"
                log = files.enter_context(path.open("wb"))
                workers.log_paths.append(path)
                workers.processes.append(
                    subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
                )
            yield workers
        finally:
            for process in workers.processes:
                if process.poll() is None:
                    process.kill()
                process.wait()


def pid_of(worker_id: str | None) -> int | None:
    """Worker ids are `host:pid:thread-index`."""
    if not worker_id:
        return None
    return int(worker_id.rsplit(":", 2)[1])


# --- database set-up and queries ---------------------------------------------------------------------------


@pytest.fixture
def own_database(tmp_path: Path) -> Iterator[Database]:
    """A database of its own: the workers of this test must see no other test's jobs, nor run them."""
    with migrated_database_url(tmp_path / "db") as url:
        db = Database(url)
        try:
            yield db
        finally:
            db.dispose()


def slow_vendor_workflow(database: Database, account_id: str, url: str) -> None:
    # One attempt per call and a timeout well above the answer time: every call the endpoint counts is
    # one run of the step, so a second call for an entity means the job was really run again.
    text = f"""
name: {WORKFLOW}
entityType: INDIVIDUAL
steps:
  - type: START
  - type: EXTERNAL
    name: VENDOR
    settings: {{url: "{url}", retries: 0, timeoutSeconds: 15}}
  - type: FINISH
"""
    with database.transaction() as session:
        import_definition(session, account_id, parse_text(text), ACTOR)


def people(database: Database, account_id: str, count: int) -> list[str]:
    return [
        add_person(database, account_id, first_name=f"Worker{i}", email=f"w{i}@example.com", tax_id=None)
        for i in range(count)
    ]


def queue_executions(
    database: Database, account_id: str, entity_ids: list[str], max_attempts: int = queue.DEFAULT_MAX_ATTEMPTS
) -> list[str]:
    """Background executions, queued as the API queues them (the execution and its job in one commit)."""
    account = snapshot(database, account_id)
    job_queue = queue.ExecutionQueue(max_attempts)
    with database.transaction() as session:
        return [
            verification.submit_workflow(
                session,
                account,
                verification.Subject(entity_id, "INDIVIDUAL"),
                "KYC",
                WORKFLOW,
                request_id=f"req-kill-{index}",
                actor=ACTOR,
                screening=ScreeningService(database),
                queue=job_queue,
            ).id
            for index, entity_id in enumerate(entity_ids)
        ]


@dataclass(frozen=True)
class HeldJob:
    job_id: int
    execution_id: str
    entity_id: str
    pid: int


def running_jobs(database: Database) -> list[HeldJob]:
    with database.transaction() as session:
        rows = session.execute(
            select(VerificationJob.id, Execution.id, Execution.entity_id, VerificationJob.worker_id)
            .join(Execution, Execution.id == VerificationJob.execution_id)
            .where(VerificationJob.state == queue.RUNNING)
        ).all()
    return [
        HeldJob(job_id, execution_id, entity, pid_of(worker) or 0)
        for job_id, execution_id, entity, worker in rows
    ]


def settled(database: Database, execution_ids: list[str]) -> bool:
    """No job left to run and no execution left IN_PROGRESS."""
    with database.transaction() as session:
        in_progress = session.scalar(
            select(func.count())
            .select_from(Execution)
            .where(Execution.id.in_(execution_ids), Execution.state == "IN_PROGRESS")
        )
        return queue.pending(session) == 0 and in_progress == 0


def executions(database: Database, execution_ids: list[str]) -> dict[str, Execution]:
    with database.transaction() as session:
        rows = session.scalars(select(Execution).where(Execution.id.in_(execution_ids))).all()
        return {row.id: row for row in rows}


def jobs(database: Database, execution_ids: list[str]) -> dict[str, VerificationJob]:
    with database.transaction() as session:
        rows = session.scalars(
            select(VerificationJob).where(VerificationJob.execution_id.in_(execution_ids))
        ).all()
        assert len(rows) == len(execution_ids), "one job per execution"
        return {row.execution_id: row for row in rows}


def process_results_per_execution(database: Database, execution_ids: list[str]) -> dict[str, int]:
    with database.transaction() as session:
        rows = session.execute(
            select(ProcessResult.execution_id, func.count())
            .where(ProcessResult.execution_id.in_(execution_ids))
            .group_by(ProcessResult.execution_id)
        ).all()
    return {execution_id: count for execution_id, count in rows}


def audit_actions(database: Database, execution_id: str) -> list[str]:
    with database.transaction() as session:
        return list(
            session.scalars(
                select(AuditEvent.action).where(AuditEvent.entity_id == execution_id).order_by(AuditEvent.id)
            )
        )


def chain_intact(database: Database, account_id: str) -> bool:
    with database.transaction() as session:
        return verify_chain(session, account_id).intact


# --- waiting and killing -----------------------------------------------------------------------------------


def wait_for(condition: Callable[[], T | None], what: str, workers: Workers) -> T:
    """Poll until `condition` gives something truthy; fail with the workers' logs after the deadline."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}\n{workers.logs()}")


def kill_mid_run(database: Database, vendor: VendorLog, workers: Workers) -> HeldJob:
    """SIGKILL the first worker seen holding a job whose endpoint call is under way; return that job."""

    def job_in_flight() -> HeldJob | None:
        for held in running_jobs(database):
            if held.pid in workers.pids and vendor.is_serving(held.entity_id):
                return held
        return None

    held = wait_for(job_in_flight, "a worker to be mid-run", workers)
    victim = workers.by_pid(held.pid)
    os.kill(victim.pid, signal.SIGKILL)
    assert victim.wait(timeout=10) == -signal.SIGKILL
    return held


def stop_gracefully(process: subprocess.Popen[bytes], workers: Workers) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        code = process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"worker {process.pid} ignored SIGTERM\n{workers.logs()}") from None
    assert code == 0, workers.logs()


# --- the tests ---------------------------------------------------------------------------------------------


def test_killed_worker_loses_nothing_and_doubles_nothing(own_database: Database, tmp_path: Path) -> None:
    database = own_database
    account_id = make_account(database).account_id
    with slow_vendor() as (url, vendor), clearway_workers(database.url, tmp_path / "workers") as workers:
        slow_vendor_workflow(database, account_id, url)
        entity_ids = people(database, account_id, EXECUTIONS)
        execution_ids = queue_executions(database, account_id, entity_ids)

        killed = kill_mid_run(database, vendor, workers)
        survivor = workers.other_than(killed.pid)
        # What the killed worker committed before it died is its own; everything after is the survivor's.
        finished_by_victim = {
            job.id
            for job in jobs(database, execution_ids).values()
            if job.state == queue.DONE and pid_of(job.worker_id) == killed.pid
        }

        wait_for(lambda: settled(database, execution_ids), "the queue to drain", workers)
        stop_gracefully(survivor, workers)

    runs, queued = executions(database, execution_ids), jobs(database, execution_ids)
    # Nothing lost: every execution completed and every job is done.
    # (COMPLETE: the engine's result for a workflow without a DECISION step.)
    assert {(run.state, run.result) for run in runs.values()} == {("COMPLETED", "COMPLETE")}
    assert {job.state for job in queued.values()} == {queue.DONE}
    # The killed run was run again, by the survivor, and counted as a second attempt.
    assert runs[killed.execution_id].attempts >= 2
    assert queued[killed.execution_id].attempts == runs[killed.execution_id].attempts
    assert pid_of(queued[killed.execution_id].worker_id) == survivor.pid
    assert vendor.calls_for(killed.entity_id) >= 2
    assert all(
        pid_of(job.worker_id) == survivor.pid for job in queued.values() if job.id not in finished_by_victim
    )
    # Nothing doubled: one set of results and one completion event per execution, whatever the attempts.
    assert process_results_per_execution(database, execution_ids) == {
        execution_id: 1 for execution_id in execution_ids
    }
    assert all(len(run.step_results) == STEPS_PER_RUN for run in runs.values())
    for execution_id in execution_ids:
        assert audit_actions(database, execution_id) == ["WORKFLOW_SUBMIT", "WORKFLOW_EXECUTE"]
    assert chain_intact(database, account_id)


def test_killed_worker_out_of_attempts_ends_error_not_in_progress(
    own_database: Database, tmp_path: Path
) -> None:
    database = own_database
    account_id = make_account(database).account_id
    with slow_vendor() as (url, vendor), clearway_workers(database.url, tmp_path / "workers") as workers:
        slow_vendor_workflow(database, account_id, url)
        [entity_id] = people(database, account_id, 1)
        [execution_id] = queue_executions(database, account_id, [entity_id], max_attempts=1)

        killed = kill_mid_run(database, vendor, workers)
        wait_for(lambda: settled(database, [execution_id]), "the job to be given up", workers)
        stop_gracefully(workers.other_than(killed.pid), workers)

    run, job = (
        executions(database, [execution_id])[execution_id],
        jobs(database, [execution_id])[execution_id],
    )
    assert (run.state, run.result, run.status) == ("ERROR", "INCOMPLETE", "INCOMPLETE")
    assert run.error is not None and "gave up after 1 attempts" in run.error["message"]
    assert (job.state, job.attempts) == (queue.FAILED, 1)
    # Given up, not run again: the endpoint was called once, and no result was written.
    assert vendor.calls_for(entity_id) == 1
    assert process_results_per_execution(database, [execution_id]) == {}
    assert audit_actions(database, execution_id) == ["WORKFLOW_SUBMIT", "WORKFLOW_EXECUTION_ERROR"]
    assert chain_intact(database, account_id)
