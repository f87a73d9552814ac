"""Whether a server process runs the queue itself: the setting, and its default per database."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearway.app import create_app
from clearway.db import Database
from clearway.settings import Settings
from clearway.verification.worker import WorkerPool
from tests.support.factories import TEST_MASTER_KEY


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, True), ("false", False), ("0", False), ("true", True)],
)
def test_setting_decides_whether_sqlite_server_runs_workers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str | None, expected: bool
) -> None:
    monkeypatch.delenv("CLEARWAY_DATABASE_URL", raising=False)  # the embedded SQLite default
    monkeypatch.delenv("CLEARWAY_BACKGROUND_WORKERS", raising=False)
    if value is not None:
        monkeypatch.setenv("CLEARWAY_BACKGROUND_WORKERS", value)
    settings = Settings(data_dir=tmp_path, master_key=TEST_MASTER_KEY)
    database = Database(settings.effective_database_url)
    try:
        app = create_app(settings, database)
        assert isinstance(app.state.workers, WorkerPool) is expected
    finally:
        database.dispose()


def test_explicit_argument_wins_over_the_setting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CLEARWAY_DATABASE_URL", raising=False)
    settings = Settings(data_dir=tmp_path, master_key=TEST_MASTER_KEY, background_workers=True)
    database = Database(settings.effective_database_url)
    try:
        assert create_app(settings, database, background_workers=False).state.workers is None
    finally:
        database.dispose()
