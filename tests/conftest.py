"""Shared fixtures. Every test is isolated either by its own fresh account (the tenant boundary) on the
session database, or by `fresh_database` when it needs an empty database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clearway.db import Database
from tests.support.databases import migrated_database_url


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
