"""A background thread per server process that seals freshly written audit events into their chains,
moments after their transactions commit. A periodic sweep also seals what any other process (or a
crashed one) left unsealed."""

from __future__ import annotations

import threading

import structlog

from clearway.audit.service import accounts_with_unsealed_events, seal_pending
from clearway.db import Database

log = structlog.get_logger("clearway.audit")


class AuditSealer:
    def __init__(self, db: Database, batch_delay_seconds: float = 0.05, sweep_seconds: float = 5.0) -> None:
        self._db = db
        self._batch_delay = batch_delay_seconds
        self._sweep_seconds = sweep_seconds
        self._pending: set[str] = set()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def notify(self, account_id: str) -> None:
        with self._lock:
            self._pending.add(account_id)
        self._wake.set()

    def start(self) -> None:
        self._stopping.clear()  # a stopped sealer can start again (an app's lifespan may run more than once)
        self._thread = threading.Thread(target=self._run, name="audit-sealer", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self.seal(self._take_pending())  # nothing notified is left behind at shutdown

    def seal(self, account_ids: set[str]) -> int:
        sealed = 0
        for account_id in sorted(account_ids):
            try:
                with self._db.transaction() as session:
                    sealed += seal_pending(session, account_id)
            except Exception:
                log.exception("audit_seal_failed", account=account_id)
        return sealed

    def _take_pending(self) -> set[str]:
        with self._lock:
            pending, self._pending = self._pending, set()
        return pending

    def _run(self) -> None:
        while not self._stopping.is_set():
            woken = self._wake.wait(timeout=self._sweep_seconds)
            self._wake.clear()
            if self._stopping.is_set():
                return
            if woken:
                self._stopping.wait(self._batch_delay)  # let a burst of commits gather into one batch
                self.seal(self._take_pending())
            else:
                self.seal(self._sweep())

    def _sweep(self) -> set[str]:
        try:
            with self._db.transaction() as session:
                return set(accounts_with_unsealed_events(session))
        except Exception:
            log.exception("audit_sweep_failed")
            return set()
