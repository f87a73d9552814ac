"""Engine creation and the unit of work: transactions begin and end here, at the edge (DESIGN rule 4)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

from clearway.db.checkpoint import WalCheckpointer

SQLITE_BUSY_TIMEOUT_MS = 10_000
# Pages of write-ahead log after which a commit checkpoints it itself. SQLite's default is 1,000; with the
# background checkpointer running (see checkpoint.py) commits never get there, and without it (one-off
# commands) fewer, larger checkpoints cost less than frequent ones.
SQLITE_AUTOCHECKPOINT_PAGES = 4_000


def _configure_sqlite(engine: Engine) -> None:
    """WAL, foreign keys, busy timeout, and BEGIN IMMEDIATE so writers queue instead of deadlocking."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (pysqlite quirk)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA wal_autocheckpoint={SQLITE_AUTOCHECKPOINT_PAGES}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


# A pooled connection idle for longer than this is tested before use (see `_ping_after_idle`).
PING_AFTER_IDLE_SECONDS = 2.0


def _ping_after_idle(engine: Engine) -> None:
    """Test a pooled connection before use only when it sat idle: the server may have closed it (restart,
    idle timeout, failover) while it waited, not between two back-to-back transactions.

    SQLAlchemy's `pool_pre_ping` tests every checkout: a round trip per transaction, which was a tenth of a
    worker's time per job. A connection that fails its test is discarded and the pool hands out another
    (DisconnectionError); one that breaks while in use still fails that transaction, as with pre-ping."""

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
            return  # new, or back from a transaction a moment ago
        try:
            cursor = dbapi_connection.cursor()
            try:
                cursor.execute("SELECT 1")
            finally:
                cursor.close()
            if not dbapi_connection.autocommit:
                dbapi_connection.rollback()  # the test opened a transaction: end it
        except Exception as exc:
            raise DisconnectionError(f"pooled connection failed its test: {exc}") from exc


class Database:
    """One engine and session factory per process; `transaction()` is the unit of work."""

    def __init__(self, url: str, pool_size: int = 10) -> None:
        parsed = make_url(url)
        self.url = url
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        if self.is_sqlite:
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            self.engine = create_engine(
                url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
            )
            _configure_sqlite(self.engine)
        else:
            self.engine = create_engine(url, pool_size=pool_size, max_overflow=pool_size)
            _ping_after_idle(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # SQLite admits one writer at a time; threads of this process queue on a lock rather than on
        # SQLite's busy handler, whose sleeps would show up as latency spikes.
        self._write_lock: threading.Lock | None = threading.Lock() if self.is_sqlite else None
        file = parsed.database if self.is_sqlite and parsed.database not in (None, "", ":memory:") else None
        self._checkpointer = WalCheckpointer(file, SQLITE_BUSY_TIMEOUT_MS) if file else None

    def start_background_checkpoints(self) -> None:
        """Embedded SQLite: checkpoint the write-ahead log on a thread of its own (long-running processes:
        the server, `clearway worker`); a no-op on PostgreSQL."""
        if self._checkpointer is not None:
            self._checkpointer.start()

    def stop_background_checkpoints(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Open a session, commit when the block succeeds, roll back when it raises."""
        with self._write_lock if self._write_lock else nullcontext():
            session = self._sessions()
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
            finally:
                session.close()

    def ping(self) -> bool:
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
        except Exception:
            return False

    def dispose(self) -> None:
        self.stop_background_checkpoints()
        self.engine.dispose()
