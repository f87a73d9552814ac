"""In-memory screening index: blocking keys → candidate names → scored hits.

Every prepared name of every entry is posted under blocking keys derived from its tokens:

- ``t:`` the Latin form, also for adjacent tokens glued together ("abdul"+"rahman" → "abdulrahman"),
- ``d:`` the Latin form with one letter deleted (a symmetric-deletion key: two tokens one edit apart
  share one; catches typos),
- ``f:`` the folded romanisation, ``p:`` the metaphone, ``s:`` the consonant skeleton (for Arabic and
  Hebrew queries), ``y:`` rigour's name-variant symbols (Muhammad = محمد),
- ``i:`` the initial of a person's name part (common: it only re-ranks, "J. Hassan" prefers Jamil Hassan).

A query derives the same keys. Each name collects, per query token, the best-quality key it shares,
weighted by rarity (inverse document frequency), so a shared "Muhammad" counts for little and a shared
"Zawahiri" for a lot. Keys shared by a large part of the index only re-rank names that rarer keys found.
The best `candidate_limit` names are then scored with the comparison core.
"""

from __future__ import annotations

import math
import os
import pickle
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from clearway.screening.compare import (
    Party,
    PreparedEntry,
    PreparedParty,
    compare_prepared_above,
    prepare_entry,
    prepare_party,
)
from clearway.screening.entry import ListEntry
from clearway.screening.match import Match
from clearway.screening.normalize import (
    NameKind,
    PreparedName,
    Script,
    Token,
    TokenRole,
    reserve_token_ids,
)

CANDIDATE_LIMIT = 15
# A key posted for more than this share of all names is too common to add candidates on its own.
COMMON_KEY_SHARE = 0.02
MIN_DELETION_LENGTH = 3
MAX_GLUED = 3

# Quality of each kind of shared key: an exact token says more than a shared phonetic code.
KEY_QUALITY = {"t": 1.0, "y": 0.9, "f": 0.9, "s": 0.7, "p": 0.7, "d": 0.6, "i": 0.3}
# Among names the keys score alike, prefer those with as many tokens as the query.
LENGTH_TIE_BREAK = 0.01

_COMPATIBLE_KINDS = {
    NameKind.PERSON: frozenset({NameKind.PERSON}),
    NameKind.ORGANIZATION: frozenset({NameKind.ORGANIZATION, NameKind.OBJECT}),
    NameKind.OBJECT: frozenset({NameKind.OBJECT, NameKind.ORGANIZATION}),
    NameKind.GENERIC: frozenset(NameKind),
}


# Per query token: the names its selective keys found with their best gain (ids, gains); and
# (members, gain, is_initial) of its common keys.
_Gains = tuple[NDArray[np.int32], NDArray[np.float64]]
_Lookup = tuple[_Gains, tuple[tuple[NDArray[np.int32], float, bool], ...]]
_Scored = tuple[NDArray[np.int64], NDArray[np.float64]]  # name ids (sorted) and their blocking scores
_NO_IDS: NDArray[np.int32] = np.zeros(0, dtype=np.int32)
_NO_GAINS: NDArray[np.float64] = np.zeros(0, dtype=np.float64)
_LOOKUP_CACHE_LIMIT = 50_000


@dataclass(frozen=True, slots=True)
class IndexHit:
    entry: PreparedEntry
    match: Match


def token_keys(token: Token, kind: NameKind) -> list[str]:
    """Blocking keys of one token (both the index and queries use this)."""
    if token.role == TokenRole.PARTICLE:
        return []
    latin = token.latin
    initial = [f"i:{latin[0]}"] if kind != NameKind.ORGANIZATION and latin[0].isalpha() else []
    if token.role == TokenRole.INITIAL:
        return initial
    keys = [f"t:{latin}", f"f:{token.folded}"]
    if token.phonetic:
        keys.append(f"p:{token.phonetic}")
    if len(token.skeleton) >= 2 and (token.script == Script.ABJAD or token.script == Script.LATIN):
        keys.append(f"s:{token.skeleton}")
    keys.extend(f"y:{symbol}" for symbol in token.symbols if symbol.startswith("NAME:"))
    keys.append(f"d:{latin}")
    if len(latin) >= MIN_DELETION_LENGTH:
        keys.extend(f"d:{latin[:i]}{latin[i + 1 :]}" for i in range(len(latin)))
    return keys + initial


def glued_keys(name: PreparedName) -> list[str]:
    """Keys of 2-3 adjacent tokens glued together, for names written split or joined ("P-633" / "P633");
    also as a deletion key, so that a glued query with a typo still meets it."""
    keys: list[str] = []
    for _start, end, glued, _symbols in name.glued:
        if end - _start < MAX_GLUED:
            keys.extend((f"t:{glued}", f"d:{glued}"))
    return keys


class ScreeningIndex:
    """Immutable index over list entries; build a new one when the lists change.

    Postings live in one int32 array (`_ids`, sliced by `_offsets` per key): compact in memory and on
    disk. Blocking scores are summed with numpy over a dense array of all names, so a query with very
    common tokens ("Muhammad Abd al-Rahman") costs about what a rare one does."""

    def __init__(self, entries: Iterable[ListEntry], candidate_limit: int = CANDIDATE_LIMIT) -> None:
        self.candidate_limit = candidate_limit
        self.entries: list[PreparedEntry] = []
        self._name_entry: list[int] = []  # name id → entry position
        self._name_index: list[int] = []  # name id → index of the name within its entry
        columns = _NameColumns([], [], [])
        postings: dict[str, list[int]] = defaultdict(list)
        for entry in entries:
            self._add(prepare_entry(entry), postings, columns)
        self._name_count = len(self._name_entry)
        self._keys = {key: number for number, key in enumerate(postings)}
        lengths = np.fromiter((len(ids) for ids in postings.values()), dtype=np.int64, count=len(postings))
        self._offsets = np.concatenate(([0], np.cumsum(lengths)))
        self._ids = np.fromiter(
            (name_id for ids in postings.values() for name_id in ids),
            dtype=np.int32,
            count=int(lengths.sum()),
        )
        self._common_df = max(50, int(COMMON_KEY_SHARE * self._name_count))
        self._idf_base = self._name_count + 1
        self._lookups: dict[tuple[int, NameKind], _Lookup] = {}
        self._name_size = np.array(columns.sizes, dtype=np.float64)
        self._list_names = sorted(set(columns.lists))
        list_number = {name: number for number, name in enumerate(self._list_names)}
        self._name_list = np.array([list_number[name] for name in columns.lists], dtype=np.int32)
        # Per query kind: may a query of that kind match the name (a cheap filter per name).
        self._kind_masks = {
            kind: np.array([name_kind in allowed for name_kind in columns.kinds], dtype=bool)
            for kind, allowed in _COMPATIBLE_KINDS.items()
        }

    def __len__(self) -> int:
        return len(self.entries)

    def save(self, path: Path) -> None:
        """Write the index to `path` (atomically), so that a restarted process need not rebuild it."""
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        with partial.open("wb") as handle:
            pickle.dump(self, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)

    @classmethod
    def load(cls, path: Path) -> ScreeningIndex:
        """Read an index written by `save`. Only for files this service wrote itself (it is a pickle)."""
        with path.open("rb") as handle:
            index = pickle.load(handle)  # noqa: S301 - our own cache file under the data dir
        if not isinstance(index, cls):
            raise TypeError(f"{path} does not hold a screening index")
        return index

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["_lookups"] = {}  # a cache of query tokens: their uids mean nothing in another process
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        highest = max((t.uid for e in self.entries for n in e.names for t in n.tokens), default=0)
        reserve_token_ids(highest)

    @property
    def name_count(self) -> int:
        return self._name_count

    @property
    def key_count(self) -> int:
        return len(self._keys)

    def _add(self, entry: PreparedEntry, postings: dict[str, list[int]], columns: _NameColumns) -> None:
        position = len(self.entries)
        self.entries.append(entry)
        for index, name in enumerate(entry.names):
            name_id = len(self._name_entry)
            self._name_entry.append(position)
            self._name_index.append(index)
            columns.kinds.append(entry.kind)
            columns.lists.append(entry.entry.list_name)
            columns.sizes.append(len(name.tokens))
            keys = {key for token in name.tokens for key in token_keys(token, entry.kind)}
            keys.update(glued_keys(name))
            for key in keys:
                postings[key].append(name_id)

    def _posting(self, key: str) -> NDArray[np.int32] | None:
        number = self._keys.get(key)
        if number is None:
            return None
        return self._ids[self._offsets[number] : self._offsets[number + 1]]

    def candidates(self, query: PreparedParty, lists: Sequence[str] | None = None) -> dict[int, list[int]]:
        """Entry position → indexes of its names worth comparing, for the best `candidate_limit` names."""
        names = _query_names(query)
        scored, scores = _merge([self._collect(name, query.kind) for name in names])
        size = len(names[0].tokens) if names else 0
        allowed = self._kind_masks[query.kind]
        if lists is not None:
            wanted = [number for number, name in enumerate(self._list_names) if name in set(lists)]
            allowed = allowed & np.isin(self._name_list, wanted)
        keep = allowed[scored]
        scored, scores = scored[keep], scores[keep]
        ranked = scores - LENGTH_TIE_BREAK * np.abs(self._name_size[scored] - size)
        # Best first; among equal scores the higher name id first (a stable, reproducible order).
        order = np.lexsort((scored, ranked))[::-1][: self.candidate_limit]
        grouped: dict[int, list[int]] = {}
        for name_id in scored[order].tolist():
            grouped.setdefault(self._name_entry[name_id], []).append(self._name_index[name_id])
        return grouped

    def _collect(self, name: PreparedName, kind: NameKind) -> _Scored:
        """The names found for one query name, with their blocking scores: per query token, the best
        key each name shares with it."""
        looked_up = [self._token_lookup(token, kind) for token in name.tokens]
        looked_up.append(self._lookup(glued_keys(name), 1.0))
        found = np.zeros(self._name_count, dtype=bool)
        for (ids, _gains), _deferred in looked_up:
            found[ids] = True
        finder = None if found.any() else _rarest_finder(looked_up)
        if finder is not None:
            # Only common tokens ("Muhammad Ali"): the rarest of them finds candidates after all.
            found[finder[1]] = True
        # Only found names can score: work on them alone (a few hundred), at their slots in `found_ids`.
        found_ids = np.flatnonzero(found)
        total = np.zeros(found_ids.size, dtype=np.float64)
        best = np.empty(found_ids.size, dtype=np.float64)
        for group, ((ids, gains), deferred) in enumerate(looked_up):
            best.fill(0.0)
            if ids.size:
                best[np.searchsorted(found_ids, ids)] = gains
            if finder is not None and finder[0] == group:
                best.fill(finder[2])  # the finder's members are exactly the found names
            for members, gain, _is_initial in deferred:
                # Too common to find candidates on its own: only strengthens names found by rarer keys.
                reached = members[found[members]]
                if reached.size:
                    slots = np.searchsorted(found_ids, reached)
                    best[slots] = np.maximum(best[slots], gain)
            total += best
        return found_ids, total

    def _token_lookup(self, token: Token, kind: NameKind) -> _Lookup:
        # Query tokens repeat across queries (Muhammad, Abdul, Trading): their key lookups and merged
        # postings are the same every time, so they are kept per interned token (uid) and query kind.
        cache_key = (token.uid, kind)
        found = self._lookups.get(cache_key)
        if found is None:
            if len(self._lookups) >= _LOOKUP_CACHE_LIMIT:
                self._lookups.clear()
            found = self._lookups[cache_key] = self._lookup(
                self._keys_worth_looking_up(token, kind), token.weight
            )
        return found

    def _lookup(self, keys: list[str], weight: float) -> _Lookup:
        """The best gain per name among the selective keys, and the common keys set aside for re-ranking."""
        found_keys: list[tuple[float, NDArray[np.int32]]] = []
        deferred: list[tuple[NDArray[np.int32], float, bool]] = []
        for key in keys:
            ids = self._posting(key)
            if ids is None or not ids.size:
                continue
            gain = KEY_QUALITY[key[0]] * weight * math.log(self._idf_base / len(ids))
            is_initial = key[0] == "i"
            if len(ids) > self._common_df or is_initial:  # initials only ever re-rank
                deferred.append((ids, gain, is_initial))
            else:
                found_keys.append((gain, ids))
        return self._best_gains(found_keys), tuple(deferred)

    def _best_gains(self, found_keys: list[tuple[float, NDArray[np.int32]]]) -> _Gains:
        """Name ids (sorted) and, for each, the best gain among the keys that found it."""
        if not found_keys:
            return _NO_IDS, _NO_GAINS
        ranked = sorted(found_keys, key=lambda item: -item[0])  # best first: np.unique keeps the first
        ids = np.concatenate([posting for _gain, posting in ranked])
        gains = np.repeat([gain for gain, _posting in ranked], [len(posting) for _gain, posting in ranked])
        unique, first = np.unique(ids, return_index=True)
        return unique.astype(np.int32), gains[first]

    def _keys_worth_looking_up(self, token: Token, kind: NameKind) -> list[str]:
        keys = token_keys(token, kind)
        if f"t:{token.latin}" in self._keys:
            # A token the lists contain as such is no typo of theirs: its deletion keys would only pull
            # in the neighbours of a known token (folded and phonetic keys still catch spelling variants).
            own = f"d:{token.latin}"
            keys = [key for key in keys if key[0] != "d" or key == own]
        return keys

    def search(
        self, party: Party | PreparedParty, threshold: float, lists: Sequence[str] | None = None
    ) -> list[IndexHit]:
        """Entries scoring at or above `threshold`, best first."""
        query = party if isinstance(party, PreparedParty) else prepare_party(party)
        hits: list[IndexHit] = []
        for position, name_indexes in self.candidates(query, lists).items():
            entry = self.entries[position]
            match = compare_prepared_above(query, entry, name_indexes, threshold)
            if match is not None:
                hits.append(IndexHit(entry, match))
        hits.sort(key=lambda hit: (-hit.match.score, hit.entry.entry.entry_id))
        return hits


@dataclass(slots=True)
class _NameColumns:
    """Per-name facts gathered while building, turned into arrays at the end."""

    kinds: list[NameKind]
    lists: list[str]
    sizes: list[int]


def _merge(found: list[_Scored]) -> _Scored:
    """Sum the blocking scores of several query names (aliases, or both readings of an unknown kind)."""
    if len(found) == 1:
        return found[0]
    if not found:
        return np.zeros(0, dtype=np.int64), _NO_GAINS
    ids = np.unique(np.concatenate([name_ids for name_ids, _scores in found]))
    totals = np.zeros(ids.size, dtype=np.float64)
    for name_ids, scores in found:
        totals[np.searchsorted(ids, name_ids)] += scores
    return ids, totals


def _rarest_finder(looked_up: list[_Lookup]) -> tuple[int, NDArray[np.int32], float] | None:
    """(group, members, gain) of the least common non-initial key among the common ones, if any."""
    finders = [
        (group, members, gain)
        for group, (_best, deferred) in enumerate(looked_up)
        for members, gain, is_initial in deferred
        if gain > 0.0 and not is_initial
    ]
    return min(finders, key=lambda item: len(item[1])) if finders else None


def _query_names(query: PreparedParty) -> list[PreparedName]:
    if query.kind != NameKind.GENERIC:
        return list(query.names_for(query.kind))
    # Unknown kind: block with both readings (person titles stripped; company legal forms set aside),
    # or one of them when they have the same tokens.
    as_person = query.names_for(NameKind.PERSON)
    as_org = query.names_for(NameKind.ORGANIZATION)
    if [n.bag_key for n in as_person] == [n.bag_key for n in as_org]:
        return list(as_person)
    return [*as_person, *as_org]
