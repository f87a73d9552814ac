"""Shared fixtures. Every test is isolated either by its own fresh account (the tenant boundary) on the
session database, or by `fresh_database` when it needs an empty database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from clearway.app import create_app
from clearway.client import KompliantClient
from clearway.db import Database
from clearway.settings import Settings
from tests.support.databases import migrated_database_url
from tests.support.factories import TEST_MASTER_KEY, SeededAccount, make_account
from tests.support.server import running_server


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with migrated_database_url(tmp_path_factory.mktemp("db")) as url:
        yield url


@pytest.fixture(scope="session")
def database(database_url: str) -> Iterator[Database]:
    db = Database(database_url)
    yield db
    db.dispose()


@pytest.fixture
def fresh_database(tmp_path: Path) -> Iterator[Database]:
    with migrated_database_url(tmp_path / "fresh") as url:
        db = Database(url)
        yield db
        db.dispose()


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory, database_url: str) -> Settings:
    return Settings(
        data_dir=tmp_path_factory.mktemp("data"), database_url=database_url, master_key=TEST_MASTER_KEY
    )


@pytest.fixture(scope="session")
def app(settings: Settings, database: Database) -> FastAPI:
    # No background threads: tests run queued executions themselves (WorkerPool.run_until_empty), so what
    # they observe does not depend on a race with a worker.
    return create_app(settings, database, background_workers=False)


@pytest.fixture
def account(database: Database) -> SeededAccount:
    return make_account(database)


@pytest.fixture
def http(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as client:
        yield client


@pytest.fixture
def client(http: TestClient, account: SeededAccount) -> KompliantClient:
    """A signed client (full mode) of a fresh account, over the real application in-process."""
    creds = account.credentials
    return KompliantClient("http://testserver", creds.api_key, creds.secret_key, creds.auth_token, http=http)


@pytest.fixture(scope="session")
def server_url(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `clearway serve` (two worker processes) on the session database. Without background
    workers: tests on the same database run their queued executions themselves (run_until_empty) and
    check them at once, which a server thread claiming one of their jobs would race."""
    with running_server(
        database_url,
        tmp_path_factory.mktemp("server"),
        workers=2,
        extra_env={"CLEARWAY_BACKGROUND_WORKERS": "false"},
    ) as url:
        yield url
