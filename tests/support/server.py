"""`clearway serve` as a real subprocess on a free loopback port, for end-to-end and concurrency tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.support.factories import TEST_MASTER_KEY

STARTUP_SECONDS = 120  # start-up builds the screening name tables (seconds on a busy machine)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def clearway_executable() -> list[str]:
    return [sys.executable, "-m", "clearway"]


@contextmanager
def running_server(
    database_url: str, data_dir: Path, workers: int = 1, extra_env: dict[str, str] | None = None
) -> Iterator[str]:
    """Start `clearway serve`, wait for /healthz, yield the base URL, stop it."""
    port = free_port()
    env = {
        **os.environ,
        "CLEARWAY_DATABASE_URL": database_url,
        "CLEARWAY_DATA_DIR": str(data_dir),
        "CLEARWAY_LOG_LEVEL": "warning",
        "CLEARWAY_MASTER_KEY": TEST_MASTER_KEY,
        **(extra_env or {}),
    }
    log_path = data_dir / f"server-{port}.log"
    data_dir.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [*clearway_executable(), "serve", "--port", str(port), "--workers", str(workers)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base_url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(base_url, process, log_path)
            yield base_url
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_healthy(base_url: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"clearway serve exited with {process.returncode}: {log_path.read_text()}")
        try:
            if httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"clearway serve did not become healthy: {log_path.read_text()}")
