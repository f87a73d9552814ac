"""A pooled PostgreSQL connection the server closed while it sat idle (restart, idle timeout) is replaced
before use, not handed to the next transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from clearway.db import Database
from clearway.db import engine as db_engine
from tests.support.databases import POSTGRES_ENV, postgres_admin_url

pytestmark = pytest.mark.skipif(postgres_admin_url() is None, reason=f"needs PostgreSQL ({POSTGRES_ENV})")


def _backend_pid(database: Database) -> int:
    with database.transaction() as session:
        return int(session.execute(text("SELECT pg_backend_pid()")).scalar_one())


def _terminate(database: Database, pid: int) -> None:
    with database.engine.connect() as other:  # another pool's connection ends that backend
        assert other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar_one()
        other.commit()


def test_connection_closed_while_idle_is_replaced(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = Database(database.url, pool_size=1)
    try:
        first = _backend_pid(db)
        _terminate(database, first)
        monkeypatch.setattr(db_engine, "PING_AFTER_IDLE_SECONDS", 0.0)
        second = _backend_pid(db)  # tested at checkout, found closed, replaced: no error
        assert second != first
    finally:
        db.dispose()


def test_connection_reused_at_once_is_not_tested(database: Database) -> None:
    """Back-to-back transactions keep their connection without a test round trip (the point of testing
    only after idleness): the same backend answers."""
    db = Database(database.url, pool_size=1)
    try:
        assert _backend_pid(db) == _backend_pid(db)
    finally:
        db.dispose()
