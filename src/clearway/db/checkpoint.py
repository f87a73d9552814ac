"""WAL checkpoints of the embedded SQLite database on a thread of their own, off the request path.

SQLite copies its write-ahead log back into the database file (a checkpoint, with an fsync) inside the
commit that crosses `wal_autocheckpoint` pages: one transaction in a hundred paid several milliseconds for
everyone's writes, and that was the p99 of an execution. A server process (and `clearway worker`) runs
this thread instead; the connections' own threshold stays as a backstop
(engine.SQLITE_AUTOCHECKPOINT_PAGES).
"""

from __future__ import annotations

import logging
import sqlite3
import threading

logger = logging.getLogger(__name__)

CHECKPOINT_INTERVAL_SECONDS = 0.25


class WalCheckpointer:
    """PASSIVE checkpoints every interval on a connection of its own: they never wait for, nor block, a
    writer or a reader (what they cannot copy yet is copied next time)."""

    def __init__(
        self, path: str, busy_timeout_ms: int, interval: float = CHECKPOINT_INTERVAL_SECONDS
    ) -> None:
        self._path = path
        self._busy_timeout_ms = busy_timeout_ms
        self._interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="sqlite-checkpoint", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            self._stop.set()
            thread.join()

    def _run(self) -> None:
        connection = sqlite3.connect(self._path, timeout=self._busy_timeout_ms / 1000)
        try:
            while not self._stop.wait(self._interval):
                try:
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error:  # a locked or busy database: the next round tries again
                    logger.debug("WAL checkpoint skipped", exc_info=True)
        finally:
            connection.close()
