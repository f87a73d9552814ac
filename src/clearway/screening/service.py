"""Screening parties against the active lists: `ScreeningService.screen(party, lists, threshold)`.

The service keeps one in-memory `ScreeningIndex` per account scope and rebuilds it when the active list
versions change. Checking the versions is one small query; to keep single-query latency in microseconds
it runs at most every `refresh_interval` seconds (and on `refresh()`), not on every call.
"""

from __future__ import annotations

import functools
import hashlib
import json
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Table, bindparam, select
from sqlalchemy.orm import Session

from clearway.db import Database
from clearway.errors import InvalidInput
from clearway.interpreter import freeze_long_lived
from clearway.screening.compare import ALGORITHM_VERSION, DEFAULT_THRESHOLD, Party, prepare_party
from clearway.screening.entry import ListEntry
from clearway.screening.index import IndexHit, ScreeningIndex
from clearway.screening.lists.service import active_entries, active_versions
from clearway.screening.match import Explanation, Match
from clearway.screening.models import GLOBAL_SCOPE, ScreeningList, ScreeningListVersion
from clearway.screening.normalize import warm_up
from clearway.screening.parallel import map_in_order

DEFAULT_REFRESH_INTERVAL = 5.0
INDEX_FORMAT = 12  # bump when the saved index's layout changes


@dataclass(frozen=True, slots=True)
class Hit:
    entry_id: str
    list_name: str
    schema: str
    caption: str  # the entry's primary name
    matched_name: str  # the entry name that matched best
    score: float
    explanation: Explanation
    entry: ListEntry

    @classmethod
    def from_index(cls, hit: IndexHit) -> Hit:
        entry = hit.entry.entry
        return cls(
            entry_id=entry.entry_id,
            list_name=entry.list_name,
            schema=entry.schema.value,
            caption=entry.caption,
            matched_name=hit.match.matched_name,
            score=hit.match.score,
            explanation=hit.match.explanation,
            entry=entry,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "entry_id": self.entry_id,
            "list": self.list_name,
            "schema": self.schema,
            "caption": self.caption,
            "matched_name": self.matched_name,
            "score": self.score,
            "explanation": self.explanation.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    query: Party
    hits: tuple[Hit, ...]  # best first
    threshold: float
    list_versions: Mapping[str, int]  # the list versions the hits were found in
    algorithm_version: str = ALGORITHM_VERSION
    # No name of the query had a word to compare (`PreparedParty.unreadable`): no hit means nothing was
    # compared, not that nothing matched.
    unreadable: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = {
            "query": party_to_dict(self.query),
            "threshold": self.threshold,
            "algorithm_version": self.algorithm_version,
            "list_versions": dict(self.list_versions),
            "hits": [hit.to_dict() for hit in self.hits],
        }
        if self.unreadable:
            data["unreadable"] = True
        return data


def party_to_dict(party: Party) -> dict[str, Any]:
    data: dict[str, Any] = {"name": party.name, "schema": party.schema}
    optional = {
        "aliases": list(party.aliases),
        "birth_dates": list(party.birth_dates),
        "countries": list(party.countries),
        "identifiers": list(party.identifiers),
        "gender": party.gender,
    }
    data.update({key: value for key, value in optional.items() if value})
    return data


def screen_index(
    index: ScreeningIndex,
    versions: Mapping[str, int],
    party: Party,
    lists: Sequence[str] | None = None,
    threshold: float | None = None,
) -> ScreeningResult:
    """Screen one party against an index (no database): the pure part of `ScreeningService.screen`."""
    return screen_checked(index, versions, party, lists, checked_threshold(versions, lists, threshold))


def screen_batch(
    index: ScreeningIndex,
    versions: Mapping[str, int],
    parties: Sequence[Party],
    lists: Sequence[str] | None,
    threshold: float,
    workers: int = 1,
) -> Iterator[ScreeningResult]:
    """`screen_checked` over a batch, in input order, on up to `workers` processes (rigour's tables are
    built before they are forked, to be shared rather than built by each).

    Workers send back only entry positions and matches: they and this process hold the same index (they
    are forked from it), and pickling whole results, list entries included, cost as much as screening on
    the process that unpickles them all (2 workers on 2 cores were no faster than one)."""
    task = functools.partial(_positioned_matches, index, lists, threshold)
    found = map_in_order(task, parties, workers, before_fork=warm_up)
    return (
        ScreeningResult(
            party,
            tuple(_hit(index, *found_hit) for found_hit in matches),
            threshold,
            _used_versions(versions, lists),
            unreadable=unreadable,
        )
        for party, (unreadable, matches) in zip(parties, found, strict=True)
    )


def _positioned_matches(
    index: ScreeningIndex, lists: Sequence[str] | None, threshold: float, party: Party
) -> tuple[bool, tuple[tuple[int, Match], ...]]:
    """Whether the party is unreadable, and its hits as entry positions and matches."""
    prepared = prepare_party(party)
    hits = tuple((hit.position, hit.match) for hit in index.search(prepared, threshold, lists))
    return prepared.unreadable, hits


def _hit(index: ScreeningIndex, position: int, match: Match) -> Hit:
    return Hit.from_index(IndexHit(index.entries[position], match, position))


def _used_versions(versions: Mapping[str, int], lists: Sequence[str] | None) -> dict[str, int]:
    return {name: version for name, version in versions.items() if lists is None or name in lists}


def checked_threshold(
    versions: Mapping[str, int], lists: Sequence[str] | None, threshold: float | None
) -> float:
    """The threshold to screen at, once `lists` and `threshold` are known to be valid (else InvalidInput)."""
    limit = DEFAULT_THRESHOLD if threshold is None else threshold
    if not 0.0 <= limit <= 1.0:
        raise InvalidInput("threshold", f"must be between 0 and 1, got {limit}")
    if lists is not None:
        unknown = sorted(set(lists) - set(versions))
        if unknown:
            raise InvalidInput("lists", f"no active list named {', '.join(unknown)}")
    return limit


def screen_checked(
    index: ScreeningIndex,
    versions: Mapping[str, int],
    party: Party,
    lists: Sequence[str] | None,
    threshold: float,
) -> ScreeningResult:
    """`screen_index` with `lists` and `threshold` already checked (`checked_threshold`)."""
    prepared = prepare_party(party)
    hits = tuple(Hit.from_index(hit) for hit in index.search(prepared, threshold, lists))
    return ScreeningResult(
        party, hits, threshold, _used_versions(versions, lists), unreadable=prepared.unreadable
    )


@dataclass
class _Scope:
    index: ScreeningIndex
    versions: dict[str, int]
    checked_at: float


@dataclass
class ScreeningService:
    """Screens parties against the active lists of a database, keeping an index per account scope."""

    database: Database
    refresh_interval: float = DEFAULT_REFRESH_INTERVAL
    # Where built indexes are kept (e.g. CLEARWAY_DATA_DIR/screening-index): a restarted process loads
    # the index of unchanged list versions instead of rebuilding it. None: always build.
    cache_dir: Path | None = None
    _scopes: dict[str | None, _Scope] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _session_lock: threading.Lock = field(default_factory=threading.Lock)

    def screen(
        self,
        party: Party,
        lists: Sequence[str] | None = None,
        threshold: float | None = None,
        account_id: str | None = None,
    ) -> ScreeningResult:
        scope = self._current(account_id)
        return screen_index(scope.index, scope.versions, party, lists, threshold)

    def screen_many(
        self,
        parties: Iterable[Party],
        lists: Sequence[str] | None = None,
        threshold: float | None = None,
        account_id: str | None = None,
        workers: int = 1,
    ) -> Iterator[ScreeningResult]:
        """Screen a batch against one consistent index (the versions are checked once, up front), in
        input order; with `workers` > 1 on that many processes forked from this one (`parallel`). The
        request is checked, and the workers forked, by this call, before the first result is read."""
        scope = self._current(account_id, force_check=True)
        limit = checked_threshold(scope.versions, lists, threshold)
        return screen_batch(scope.index, scope.versions, list(parties), lists, limit, workers)

    def screen_in(
        self,
        session: Session,
        party: Party,
        account_id: str | None = None,
        lists: Sequence[str] | None = None,
        threshold: float | None = None,
    ) -> ScreeningResult:
        """Screen inside the caller's transaction (a workflow execution's): the active versions are read
        with `session` on every call, so the hits are consistent with what that transaction sees, and
        the index is the one `screen` uses (rebuilt from `session` only when the versions changed).

        `screen` checks freshness in a transaction of its own: from inside another transaction that is
        a second connection on PostgreSQL and, on SQLite, a deadlock (the `Database` write lock is not
        re-entrant). For the same reason this never waits on `_lock` (held by `screen` while it waits
        for the database): builds started here are serialised on `_session_lock` instead."""
        versions = _versions_in(session, account_id)
        scope = self._scopes.get(account_id)
        if scope is None or scope.versions != versions:
            scope = self._build_in(session, account_id, versions)
        return screen_index(scope.index, scope.versions, party, lists, threshold)

    def _build_in(self, session: Session, account_id: str | None, versions: dict[str, int]) -> _Scope:
        with self._session_lock:
            scope = self._scopes.get(account_id)
            if scope is not None and scope.versions == versions:
                return scope  # another execution built it meanwhile
            digests = _version_digests(session, versions)
            index = self._cached_index(account_id, digests)
            if index is None:
                index = ScreeningIndex(active_entries(session, None, account_id))
                self._save_index(account_id, digests, index)
            freeze_long_lived()
            # Not counted as a check for `screen`: the versions were read in the caller's transaction,
            # which may yet roll back (an import in the same transaction); `screen` re-checks first.
            scope = _Scope(index, versions, float("-inf"))
            self._scopes[account_id] = scope
            return scope

    def refresh(self, account_id: str | None = None) -> bool:
        """Check the active versions now; rebuild the index when they changed. True when rebuilt."""
        before = self._scopes.get(account_id)
        return self._current(account_id, force_check=True) is not before

    def index(self, account_id: str | None = None) -> ScreeningIndex:
        return self._current(account_id).index

    def _current(self, account_id: str | None, force_check: bool = False) -> _Scope:
        scope = self._scopes.get(account_id)
        now = time.monotonic()
        if scope is not None and not force_check and now - scope.checked_at < self.refresh_interval:
            return scope
        with self._lock:
            scope = self._scopes.get(account_id)
            with self.database.transaction() as session:
                versions = active_versions(session, account_id)
                if scope is not None and scope.versions == versions:
                    scope.checked_at = now
                    return scope
                index = self._cached_index(account_id, _version_digests(session, versions))
                if index is None:
                    index = ScreeningIndex(active_entries(session, None, account_id))
                    self._save_index(account_id, _version_digests(session, versions), index)
            # The index is a few million long-lived objects: keep the cyclic collector from walking
            # them on every full collection (pauses of tens of ms in the middle of requests).
            freeze_long_lived()
            scope = _Scope(index, versions, now)
            self._scopes[account_id] = scope
            return scope

    def _index_path(self, account_id: str | None, versions: Sequence[object]) -> Path | None:
        if self.cache_dir is None:
            return None
        # The file name says what the index was built from: scope, list versions, algorithm, format.
        # List versions are per database, hence the database URL in the key.
        identity = json.dumps([INDEX_FORMAT, ALGORITHM_VERSION, str(self.database.url), account_id, versions])
        digest = hashlib.sha256(identity.encode()).hexdigest()[:32]
        return self.cache_dir / f"index-{digest}.pickle"

    def _cached_index(self, account_id: str | None, versions: Sequence[object]) -> ScreeningIndex | None:
        path = self._index_path(account_id, versions)
        if path is None or not path.exists():
            return None
        try:
            return ScreeningIndex.load(path)
        except Exception:  # a damaged or outdated cache file is rebuilt, never fatal
            return None

    def _save_index(self, account_id: str | None, versions: Sequence[object], index: ScreeningIndex) -> None:
        path = self._index_path(account_id, versions)
        if path is None:
            return
        try:
            for stale in path.parent.glob("index-*.pickle"):
                stale.unlink(missing_ok=True)  # one file per scope is enough; old versions are useless
            index.save(path)
        except OSError:
            pass  # a read-only or full disk only costs the next process a rebuild


# `lists.service.active_versions` as one statement built once (it runs on every execution's screening).
_LISTS: Table = ScreeningList.__table__  # type: ignore[assignment]
_LIST_VERSIONS: Table = ScreeningListVersion.__table__  # type: ignore[assignment]
_VERSIONS = (
    select(_LISTS.c.name, _LIST_VERSIONS.c.number)
    .join(_LIST_VERSIONS, _LIST_VERSIONS.c.list_id == _LISTS.c.id)
    .where(_LIST_VERSIONS.c.is_active.is_(True), _LISTS.c.scope.in_(bindparam("scopes", expanding=True)))
)


def _versions_in(session: Session, account_id: str | None) -> dict[str, int]:
    scopes = [GLOBAL_SCOPE, account_id] if account_id else [GLOBAL_SCOPE]
    rows = session.connection().execute(_VERSIONS, {"scopes": scopes}).all()
    return {name: number for name, number in rows}


def _version_digests(session: Session, versions: Mapping[str, int]) -> list[tuple[str, int, str]]:
    """What identifies the indexed content: the row id and content digest of every active version (version
    numbers alone restart at 1 in a recreated database)."""
    rows = session.execute(
        select(ScreeningList.name, ScreeningListVersion.id, ScreeningListVersion.digest)
        .join(ScreeningListVersion, ScreeningListVersion.list_id == ScreeningList.id)
        .where(ScreeningListVersion.is_active.is_(True), ScreeningList.name.in_(list(versions)))
    ).all()
    return sorted((name, version_id, digest) for name, version_id, digest in rows)
