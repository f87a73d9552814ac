"""Verification throughput: KYC_AML executions per second on the full OFAC + UN lists.

    python bench/bench_verification.py [--database-url URL] [--executions N] [--workers 1 2] [--no-sync]

Setup: a fresh database (a temporary SQLite file unless `--database-url`), both lists imported, N persons;
1 in 10 carries the name (and date of birth) of an individual on the lists, so their executions find hits,
write process results and end in review. On PostgreSQL the tables are analysed after the bulk load (what
autovacuum does soon after on a live database).

Sync: N executions one after another in this process, each in its own transaction (the request path),
after one warm-up execution (index build); prints executions/s, p50/p99 of the execute call (with its
commit) and the CPU time per execution of this process (`time.process_time`: less sensitive to a loaded
machine than wall time) and, on a local PostgreSQL, of the database server's processes (/proc).

Background (PostgreSQL only): for each worker count, that many `clearway worker` processes are started
and warmed up first: a job is submitted for each until every process has completed one (start-up, name
tables and index build: printed separately). Then N executions of the same persons are submitted in one
transaction and timed from its commit until the last job is done (the jobs' `updated_at`, written in
the transaction that completes the execution); the CPU time per execution of the worker processes and
of the database server comes from /proc.
Prints figures, asserts nothing."""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select, text

from clearway.audit.service import Actor
from clearway.db import Database
from clearway.db.base import utcnow
from clearway.db.migrate import upgrade
from clearway.ids import new_id
from clearway.parties.models import Person
from clearway.screening.entry import EntrySchema, ListEntry
from clearway.screening.lists.service import active_entries, import_list
from clearway.screening.service import ScreeningService
from clearway.tenancy import service as tenancy
from clearway.tenancy.models import AccountSnapshot
from clearway.verification import service as verification
from clearway.verification.models import VerificationJob
from clearway.verification.queue import DONE, ExecutionQueue

LISTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "lists"
ACTOR = Actor(credential_id=None, username="bench", channel="api")
FIRST = ["Maria", "John", "Ahmed", "Wei", "Olga", "Carlos", "Fatima", "Ivan", "Sarah", "Omar"]
LAST = ["Garcia", "Smith", "Hassan", "Chen", "Petrova", "Lopez", "Khan", "Ivanov", "Brown", "Nasrallah"]
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _listed_people(entries: list[ListEntry]) -> list[tuple[str, str, date | None]]:
    """(first name, last name, date of birth) of listed individuals with a plain two-part name or more."""
    people = []
    for entry in entries:
        if entry.schema is not EntrySchema.PERSON:
            continue
        parts = entry.caption.split()
        if len(parts) < 2 or not all(part.isalpha() for part in parts):
            continue
        born = next((d for d in entry.birth_dates if len(d) == 10), None)
        people.append((" ".join(parts[:-1]), parts[-1], date.fromisoformat(born) if born else None))
    return people


def setup(database: Database, count: int) -> tuple[AccountSnapshot, list[str]]:
    with database.transaction() as session:
        for source in (LISTS / "ofac", LISTS / "un" / "UN_consolidated.xml"):
            import_list(session, source)
        listed = _listed_people(active_entries(session))
        account = tenancy.create_account(session, "Bench")
        snapshot = AccountSnapshot.of(account)
        entities = []
        for i in range(count):
            first, last = FIRST[i % 10], LAST[i // 10 % 10]
            born: date | None = date(1960 + i % 40, 1 + i % 12, 1 + i % 28)
            if i % 10 == 9:  # one in ten is on the lists
                first, last, born = listed[(i * 7919) % len(listed)]
            person = Person(
                id=new_id("p"),
                account_id=account.id,
                first_name=first,
                last_name=last,
                date_of_birth=born,
                email=f"user{i}@example.com",
                phone_number=f"+1415555{i % 10000:04d}",
                citizenship="US",
                addresses=[],
                profile={},
            )
            session.add(person)
            session.flush()
            entities.append(person.entity_id)
    if not database.is_sqlite:
        with database.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
    return snapshot, entities


def _execute(database: Database, screening: ScreeningService, account: AccountSnapshot, entity: str) -> str:
    with database.transaction() as session:
        execution = verification.execute_workflow(
            session,
            account,
            verification.Subject(entity, "INDIVIDUAL"),
            "KYC",
            "KYC_AML",
            request_id="bench",
            actor=ACTOR,
            screening=screening,
        )
        return execution.result


def bench_sync(database: Database, account: AccountSnapshot, entities: list[str]) -> None:
    database.start_background_checkpoints()  # as the server does (SQLite; a no-op on PostgreSQL)
    screening = ScreeningService(database)
    t0 = time.perf_counter()
    _execute(database, screening, account, entities[0])  # warm-up: name tables, index build
    print(f"sync warm-up (first execution: name tables and index build): {time.perf_counter() - t0:.1f}s")
    latencies = []
    results: dict[str, int] = {}
    server = None if database.is_sqlite else _server_cpu_seconds()
    cpu = time.process_time()
    started = time.perf_counter()
    for entity in entities:
        t0 = time.perf_counter()
        result = _execute(database, screening, account, entity)
        latencies.append(time.perf_counter() - t0)
        results[result] = results.get(result, 0) + 1
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu
    server_after = None if database.is_sqlite else _server_cpu_seconds()
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    print(
        f"sync: {len(entities)} executions in {elapsed:.2f}s = {len(entities) / elapsed:.0f}/s; "
        f"p50 {statistics.median(latencies) * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms; "
        f"CPU {cpu / len(entities) * 1000:.2f} ms/execution (database server: "
        f"{_per_execution(server, server_after, len(entities))}); results {dict(sorted(results.items()))}"
    )


def _submit(database: Database, account: AccountSnapshot, entities: list[str], request_id: str) -> datetime:
    """Queue one execution per entity in one transaction; returns the time it committed."""
    queue = ExecutionQueue()
    screening = ScreeningService(database)  # not used to submit (see submit_workflow)
    with database.transaction() as session:
        for entity in entities:
            verification.submit_workflow(
                session,
                account,
                verification.Subject(entity, "INDIVIDUAL"),
                "KYC",
                "KYC_AML",
                request_id=request_id,
                actor=ACTOR,
                screening=screening,
                queue=queue,
            )
    return utcnow()


def _done_by_pid(database: Database, since_id: int) -> dict[int, int]:
    """Jobs done since `since_id`, by the pid of the worker process that ran them."""
    with database.transaction() as session:
        rows = session.execute(
            select(VerificationJob.worker_id, func.count())
            .where(VerificationJob.id > since_id, VerificationJob.state == DONE)
            .group_by(VerificationJob.worker_id)
        ).all()
    done: dict[int, int] = {}
    for worker_id, count in rows:
        pid = int(str(worker_id).split(":")[1])
        done[pid] = done.get(pid, 0) + count
    return done


def _pending(database: Database, since_id: int) -> int:
    with database.transaction() as session:
        return (
            session.scalar(
                select(func.count())
                .select_from(VerificationJob)
                .where(VerificationJob.id > since_id, VerificationJob.state != DONE)
            )
            or 0
        )


def _last_job_id(database: Database) -> int:
    with database.transaction() as session:
        return session.scalar(select(func.max(VerificationJob.id))) or 0


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def _server_cpu_seconds() -> float | None:
    """CPU time of the local PostgreSQL server's processes (Linux /proc; None when there are none to
    see). Backends that exit during a run take their share with them: runs keep their connections."""
    total, found = 0.0, False
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if stat[stat.index("(") + 1 : stat.rindex(")")].startswith("postgres"):
            fields = stat.rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICKS
            found = True
    return total if found else None


def _per_execution(before: float | None, after: float | None, count: int) -> str:
    if before is None or after is None:
        return "n/a"
    return f"{(after - before) / count * 1000:.2f} ms/execution"


def bench_background(
    database: Database, url: str, account: AccountSnapshot, entities: list[str], workers: int
) -> None:
    env = dict(os.environ, CLEARWAY_DATABASE_URL=url)
    command = [sys.executable, "-c", "from clearway.cli import main; main()"]
    command += ["worker", "--poll-interval", "0.05"]
    since = _last_job_id(database)
    started = time.perf_counter()
    processes = [subprocess.Popen(command, env=env) for _ in range(workers)]
    try:
        # Warm-up: keep one job queued per worker process that has not completed one yet.
        ready: dict[int, int] = {}
        warm = 0
        while len(ready) < workers:
            if _pending(database, since) == 0:
                missing = workers - len(ready)
                _submit(database, account, entities[warm : warm + missing], "bench-warm")
                warm += missing
            time.sleep(0.2)
            ready = {pid: n for pid, n in _done_by_pid(database, since).items() if n}
            if any(process.poll() is not None for process in processes):
                raise RuntimeError("a worker process exited during warm-up")
        print(
            f"background, {workers} worker process(es): start-up until each completed a first job "
            f"(imports, name tables, index build): {time.perf_counter() - started:.1f}s"
        )
        since = _last_job_id(database)
        cpu_before = sum(_cpu_seconds(process.pid) for process in processes)
        t0 = time.perf_counter()
        committed = _submit(database, account, entities, "bench-bg")
        submitted = time.perf_counter() - t0
        server = _server_cpu_seconds()  # from here: the workers' share (they started at the commit)
        while _pending(database, since):
            time.sleep(0.05)
        cpu = sum(_cpu_seconds(process.pid) for process in processes) - cpu_before
        server_after = _server_cpu_seconds()
        with database.transaction() as session:
            last = session.scalar(
                select(func.max(VerificationJob.updated_at)).where(VerificationJob.id > since)
            )
        assert last is not None
        elapsed = (last - committed).total_seconds()
        shares = sorted(_done_by_pid(database, since).values(), reverse=True)
        print(
            f"background, {workers} worker process(es): {len(entities)} executions drained in {elapsed:.2f}s "
            f"= {len(entities) / elapsed:.0f}/s (from the submitting commit to the last job done; "
            f"submitting took {submitted:.2f}s); CPU: workers {cpu / len(entities) * 1000:.2f} ms/execution, "
            f"database server {_per_execution(server, server_after, len(entities))}; "
            f"jobs per process {shares}"
        )
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            process.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--database-url", default=None, help="PostgreSQL URL (default: a temporary SQLite file)"
    )
    parser.add_argument("--executions", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--no-sync", action="store_true", help="skip the sync run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:  # the SQLite file's, removed afterwards
        url = args.database_url or f"sqlite:///{scratch}/bench.db"
        upgrade(url)
        database = Database(url)
        t0 = time.perf_counter()
        account, entities = setup(database, args.executions)
        print(f"setup (full OFAC + UN import, {len(entities)} persons): {time.perf_counter() - t0:.1f}s")
        if not args.no_sync:
            bench_sync(database, account, entities)
        if not database.is_sqlite:
            for workers in args.workers:
                bench_background(database, url, account, entities, workers)
        database.dispose()


if __name__ == "__main__":
    main()
