"""Verification throughput: KYC_AML executions per second on the full OFAC + UN lists.

    python bench/bench_verification.py [--database-url URL] [--executions N] [--workers 1 2]

Sync: executions one after another in this process, each in its own transaction (the request path);
prints executions/s and p50/p99 latency. Background (PostgreSQL only): N executions submitted, then
`clearway worker --burst` processes drain the queue; prints executions/s per worker count.
Prints figures, asserts nothing."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from clearway.audit.service import Actor
from clearway.db import Database
from clearway.db.migrate import upgrade
from clearway.ids import new_id
from clearway.parties.models import Person
from clearway.screening.lists.service import import_list
from clearway.screening.service import ScreeningService
from clearway.tenancy import service as tenancy
from clearway.tenancy.models import AccountSnapshot
from clearway.verification import service as verification
from clearway.verification.queue import ExecutionQueue

LISTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "lists"
ACTOR = Actor(credential_id=None, username="bench", channel="api")
FIRST = ["Maria", "John", "Ahmed", "Wei", "Olga", "Carlos", "Fatima", "Ivan", "Sarah", "Omar"]
LAST = ["Garcia", "Smith", "Hassan", "Chen", "Petrova", "Lopez", "Khan", "Ivanov", "Brown", "Nasrallah"]


def setup(database: Database, count: int) -> tuple[AccountSnapshot, list[str]]:
    with database.transaction() as session:
        for source in (LISTS / "ofac", LISTS / "un" / "UN_consolidated.xml"):
            import_list(session, source)
        account = tenancy.create_account(session, "Bench")
        snapshot = AccountSnapshot.of(account)
        entities = []
        for i in range(count):
            person = Person(
                id=new_id("p"),
                account_id=account.id,
                first_name=FIRST[i % 10],
                last_name=f"{LAST[i // 10 % 10]}",
                date_of_birth=date(1960 + i % 40, 1 + i % 12, 1 + i % 28),
                email=f"user{i}@example.com",
                phone_number=f"+1415555{i % 10000:04d}",
                citizenship="US",
                addresses=[],
                profile={},
            )
            session.add(person)
            session.flush()
            entities.append(person.entity_id)
    return snapshot, entities


def bench_sync(database: Database, account: AccountSnapshot, entities: list[str]) -> None:
    screening = ScreeningService(database)
    with database.transaction() as session:  # warm the index (built once per list version)
        verification.execute_workflow(
            session,
            account,
            verification.Subject(entities[0], "INDIVIDUAL"),
            "KYC",
            "KYC_AML",
            request_id="warm",
            actor=ACTOR,
            screening=screening,
        )
    latencies = []
    started = time.perf_counter()
    for entity in entities:
        t0 = time.perf_counter()
        with database.transaction() as session:
            verification.execute_workflow(
                session,
                account,
                verification.Subject(entity, "INDIVIDUAL"),
                "KYC",
                "KYC_AML",
                request_id="bench",
                actor=ACTOR,
                screening=screening,
            )
        latencies.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - started
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    print(
        f"sync: {len(entities)} executions in {elapsed:.2f}s = {len(entities) / elapsed:.0f}/s; "
        f"p50 {statistics.median(latencies) * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms"
    )


def bench_background(
    database: Database, url: str, account: AccountSnapshot, entities: list[str], workers: int
) -> None:
    queue = ExecutionQueue()
    screening = ScreeningService(database)
    with database.transaction() as session:
        for entity in entities:
            verification.submit_workflow(
                session,
                account,
                verification.Subject(entity, "INDIVIDUAL"),
                "KYC",
                "KYC_AML",
                request_id="bg",
                actor=ACTOR,
                screening=screening,
                queue=queue,
            )
    env = dict(os.environ, CLEARWAY_DATABASE_URL=url)
    started = time.perf_counter()
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", "from clearway.cli import main; main()", "worker", "--burst"], env=env
        )
        for _ in range(workers)
    ]
    for process in processes:
        process.wait()
    elapsed = time.perf_counter() - started
    print(
        f"background, {workers} worker process(es): {len(entities)} executions in {elapsed:.2f}s "
        f"= {len(entities) / elapsed:.0f}/s (includes each worker's start-up and index build)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--database-url", default=None, help="PostgreSQL URL (default: a temporary SQLite file)"
    )
    parser.add_argument("--executions", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    upgrade(url)
    database = Database(url)
    t0 = time.perf_counter()
    account, entities = setup(database, args.executions)
    print(f"setup (full OFAC + UN import, {len(entities)} persons): {time.perf_counter() - t0:.1f}s")
    bench_sync(database, account, entities)
    if not database.is_sqlite:
        for workers in args.workers:
            bench_background(database, url, account, entities, workers)


if __name__ == "__main__":
    main()
