"""`workflow.update` throughput and latency through a real `clearway serve`, on SQLite and PostgreSQL,
against the same server's trivial `/livez` endpoint as the ceiling. Prints figures; asserts nothing.

    .venv/bin/python -m bench.bench_api [--duration 10] [--connections 16] [--backends sqlite,postgresql]

Needs `wrk` (Debian package `wrk`) as the load generator: it is written in C, so the Python server, not
the client, is what gets measured. Requests use KSig1 minimal mode (the signature covers the API key),
so static headers are valid for every request while each body names another workflow.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from tests.support.databases import temporary_postgres_database
from tests.support.factories import make_account
from tests.support.server import running_server

from clearway.applications import service as applications
from clearway.client import Signer
from clearway.db import Database
from clearway.db.migrate import upgrade
from clearway.tenancy.service import get_account

DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
WORKFLOWS = 2000

LUA = """
local ids = {%(ids)s}
local headers = {%(headers)s}
local counter = 0
request = function()
  counter = counter + 1
  local id = ids[(counter %% #ids) + 1]
  local body = '{"workflow_id":"' .. id .. '","workflow":{"details":{"referrer_value":"r' .. counter ..
    '","applying_user":{"first_name":"n' .. counter .. '"}}}}'
  return wrk.format("POST", "/workflow.update", headers, body)
end
"""


@dataclass
class Figures:
    backend: str
    workers: int
    endpoint: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    non_2xx: int


@contextmanager
def database_url(backend: str, directory: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{(directory / 'bench.db').as_posix()}"
    else:
        with temporary_postgres_database(
            os.environ.get("CLEARWAY_BENCH_POSTGRES_URL", DEFAULT_POSTGRES)
        ) as url:
            yield url


def seed(url: str) -> tuple[dict[str, str], list[str]]:
    """A migrated database with one account and WORKFLOWS business applications in state CREATED."""
    upgrade(url)
    db = Database(url)
    account = make_account(db)
    with db.transaction() as session:
        owner = get_account(session, account.account_id)
        ids = [
            applications.create_application(
                session,
                owner,
                applications.BUSINESS_APPLICATION,
                "CREATED",
                None,
                {"applying_user": {"email": f"user{i}@example.com"}},
            ).id
            for i in range(WORKFLOWS)
        ]
    db.dispose()
    creds = account.credentials
    headers = Signer(creds.api_key, creds.secret_key, creds.auth_token, "minimal").headers(
        "POST", "/workflow.update", b""
    )
    return headers, ids


def run_wrk(
    url: str, script: Path | None, duration: int, connections: int
) -> tuple[float, float, float, int]:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url]
    if script is not None:
        command[1:1] = ["-s", str(script)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p50 = _latency(output, "50%")
    p99 = _latency(output, "99%")
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rps, p50, p99, int(non_2xx.group(1)) if non_2xx else 0


def _latency(output: str, percentile: str) -> float:
    match = re.search(rf"{re.escape(percentile)}\s+([\d.]+)(us|ms|s)\b", output)
    assert match, output
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def bench_backend(backend: str, workers: int, duration: int, connections: int) -> list[Figures]:
    with tempfile.TemporaryDirectory() as tmp, database_url(backend, Path(tmp)) as url:
        headers, ids = seed(url)
        script = Path(tmp) / "update.lua"
        script.write_text(
            LUA
            % {
                "ids": ",".join(f'"{i}"' for i in ids),
                "headers": ",".join(f'["{k}"]="{v}"' for k, v in headers.items()),
            }
        )
        with running_server(url, Path(tmp) / "data", workers=workers) as base:
            run_wrk(f"{base}/livez", None, 2, connections)  # warm-up
            ceiling = run_wrk(f"{base}/livez", None, duration, connections)
            run_wrk(base, script, 2, connections)  # warm-up
            update = run_wrk(base, script, duration, connections)
    return [
        Figures(backend, workers, "GET /livez (ceiling)", *ceiling),
        Figures(backend, workers, "POST /workflow.update", *update),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--backends", default="sqlite:1,sqlite:2,postgresql:2", help="backend:workers pairs")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is required (apt-get install wrk)")
    results: list[Figures] = []
    for item in args.backends.split(","):
        backend, _, workers = item.partition(":")
        results.extend(bench_backend(backend, int(workers or 1), args.duration, args.connections))
    print(
        f"{'backend':<11}{'workers':>8}  {'endpoint':<24}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'non-2xx':>9}{'% ceiling':>11}"
    )
    for ceiling, update in zip(results[::2], results[1::2], strict=True):
        for figures in (ceiling, update):
            ratio = 100 * figures.requests_per_second / ceiling.requests_per_second
            print(
                f"{figures.backend:<11}{figures.workers:>8}  {figures.endpoint:<24}"
                f"{figures.requests_per_second:>9.0f}{figures.p50_ms:>9.2f}{figures.p99_ms:>9.2f}"
                f"{figures.non_2xx:>9}{ratio:>10.0f}%"
            )
    print(json.dumps([asdict(r) for r in results]))


if __name__ == "__main__":
    main()
