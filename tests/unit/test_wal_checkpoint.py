"""The embedded database's write-ahead log is copied into the database file by the background
checkpointer, not by a commit that crosses the log's threshold."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import text

from clearway.db import Database


def _write_rows(database: Database, count: int) -> None:
    with database.transaction() as session:
        session.execute(text("CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, body TEXT)"))
        for _ in range(count):
            session.execute(text("INSERT INTO filler (body) VALUES (:body)"), {"body": "x" * 1000})


def test_log_is_checkpointed_in_the_background(tmp_path: Path) -> None:
    path = tmp_path / "clearway.db"
    database = Database(f"sqlite:///{path.as_posix()}")
    try:
        _write_rows(database, 1)
        empty = path.stat().st_size
        _write_rows(database, 1000)  # about 1 MB: far below the commits' own checkpoint threshold
        time.sleep(0.5)
        assert path.stat().st_size == empty  # still only in the log
        database.start_background_checkpoints()
        # The checkpoint writes the pages into the file one after another: wait for all of them, not for
        # the first (a busy machine once caught the file a quarter written).
        deadline = time.monotonic() + 20
        while path.stat().st_size <= 1_000_000:
            assert time.monotonic() < deadline, "the log was never checkpointed into the database file"
            time.sleep(0.05)
    finally:
        database.dispose()


def test_checkpointer_stops_with_the_database(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{(tmp_path / 'clearway.db').as_posix()}")
    database.start_background_checkpoints()
    database.start_background_checkpoints()  # idempotent
    database.dispose()
    assert database._checkpointer is not None and database._checkpointer._thread is None
