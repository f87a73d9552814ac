"""Screening inside the caller's transaction.

`ScreeningService.screen` checks list freshness in a transaction of its own. Called from inside an
execution's transaction that is a second connection on PostgreSQL and, on SQLite, a deadlock (the
`Database` write lock is not re-entrant). So executions screen through here instead: the active list
versions are read with the execution's own session (one small query, and the hits are then consistent
with what the transaction sees), and the in-memory index is rebuilt from that session only when the
versions changed. Indexes are kept per screening service and account scope, like the service does."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from clearway.screening.compare import Party
from clearway.screening.index import ScreeningIndex
from clearway.screening.lists.service import active_entries, active_versions
from clearway.screening.service import ScreeningResult, ScreeningService, screen_index


@dataclass
class _Cached:
    owner: ScreeningService
    versions: dict[str, int]
    index: ScreeningIndex


_indexes: dict[tuple[int, str | None], _Cached] = {}
_lock = threading.Lock()


def screen_in_session(
    session: Session,
    screening: ScreeningService,
    party: Party,
    lists: Sequence[str] | None,
    threshold: float | None,
    account_id: str | None,
) -> ScreeningResult:
    versions = active_versions(session, account_id)
    key = (id(screening), account_id)
    cached = _indexes.get(key)
    if cached is None or cached.owner is not screening or cached.versions != versions:
        with _lock:
            cached = _indexes.get(key)
            if cached is None or cached.owner is not screening or cached.versions != versions:
                cached = _Cached(
                    screening, versions, ScreeningIndex(active_entries(session, None, account_id))
                )
                _indexes[key] = cached
    return screen_index(cached.index, cached.versions, party, lists, threshold)
