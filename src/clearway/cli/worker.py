"""`clearway worker`: run queued verification executions (several processes, on several machines, can
share one PostgreSQL database's queue)."""

from __future__ import annotations

import signal
import threading
from types import FrameType

import typer

from clearway.cli.common import load_settings, open_database
from clearway.screening.service import ScreeningService
from clearway.verification.worker import WorkerPool


def register(app: typer.Typer) -> None:
    app.command("worker")(worker_command)


def worker_command(
    concurrency: int = typer.Option(
        1, "--concurrency", min=1, max=64, help="Worker threads in this process."
    ),
    lease_seconds: float = typer.Option(
        30.0, "--lease-seconds", min=0.5, help="A job's lease; renewed while it runs."
    ),
    poll_interval: float = typer.Option(0.2, "--poll-interval", min=0.01, help="Idle wait between polls."),
    burst: bool = typer.Option(False, "--burst", help="Exit once the queue is empty."),
) -> None:
    """Run background workflow executions until stopped (SIGINT/SIGTERM finish the running ones first)."""
    settings = load_settings()
    database = open_database(settings)
    database.start_background_checkpoints()
    pool = WorkerPool(database, ScreeningService(database), concurrency, poll_interval, lease_seconds)
    if burst:
        stop, wake = threading.Event(), threading.Event()
        threads = [
            threading.Thread(target=worker.run, args=(stop, wake, poll_interval, True))
            for worker in pool.workers
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        database.dispose()
        return
    stopped = threading.Event()

    def _stop(_signum: int, _frame: FrameType | None) -> None:
        stopped.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    typer.echo(f"worker started: {concurrency} thread(s)", err=True)
    pool.start()
    stopped.wait()
    pool.stop()
    database.dispose()
