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

import heapq
import math
import os
import pickle
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

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


# Per query token: name id → best gain among its selective keys; (members, gain, is_initial) of its
# common keys.
_Lookup = tuple[dict[int, float], tuple[tuple[frozenset[int], float, bool], ...]]
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
    """Immutable index over list entries; build a new one when the lists change."""

    def __init__(self, entries: Iterable[ListEntry], candidate_limit: int = CANDIDATE_LIMIT) -> None:
        self.candidate_limit = candidate_limit
        self.entries: list[PreparedEntry] = []
        self._name_entry: list[int] = []  # name id → entry position
        self._name_index: list[int] = []  # name id → index of the name within its entry
        self._name_kind: list[NameKind] = []
        self._name_list: list[str] = []
        self._name_size: list[int] = []  # name id → token count
        postings: dict[str, list[int]] = defaultdict(list)
        for entry in entries:
            self._add(prepare_entry(entry), postings)
        self._postings = {key: tuple(ids) for key, ids in postings.items()}
        self._common_df = max(50, int(COMMON_KEY_SHARE * len(self._name_entry)))
        self._common_sets = {
            key: frozenset(ids)
            for key, ids in self._postings.items()
            if len(ids) > self._common_df or key.startswith("i:")
        }
        self._idf_base = len(self._name_entry) + 1
        self._lookups: dict[tuple[int, NameKind], _Lookup] = {}
        # Per query kind, one byte per name: may a query of that kind match it (a cheap filter per name).
        self._kind_masks = {
            kind: bytes(name_kind in allowed for name_kind in self._name_kind)
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
        return len(self._name_entry)

    @property
    def key_count(self) -> int:
        return len(self._postings)

    def _add(self, entry: PreparedEntry, postings: dict[str, list[int]]) -> None:
        position = len(self.entries)
        self.entries.append(entry)
        for index, name in enumerate(entry.names):
            name_id = len(self._name_entry)
            self._name_entry.append(position)
            self._name_index.append(index)
            self._name_kind.append(entry.kind)
            self._name_list.append(entry.entry.list_name)
            self._name_size.append(len(name.tokens))
            keys = {key for token in name.tokens for key in token_keys(token, entry.kind)}
            keys.update(glued_keys(name))
            for key in keys:
                postings[key].append(name_id)

    def candidates(self, query: PreparedParty, lists: Sequence[str] | None = None) -> dict[int, list[int]]:
        """Entry position → indexes of its names worth comparing, for the best `candidate_limit` names."""
        scores: dict[int, float] = {}
        names = _query_names(query)
        for name in names:
            self._collect(name, scores, query.kind)
        size = len(names[0].tokens) if names else 0
        allowed = self._kind_masks[query.kind]
        sizes = self._name_size
        if lists is not None:
            allowed_lists = frozenset(lists)
            name_lists = self._name_list
            allowed = bytes(ok and name_lists[i] in allowed_lists for i, ok in enumerate(allowed))
        eligible = [
            (score - LENGTH_TIE_BREAK * abs(sizes[name_id] - size), name_id)
            for name_id, score in scores.items()
            if allowed[name_id]
        ]
        grouped: dict[int, list[int]] = {}
        for _score, name_id in heapq.nlargest(self.candidate_limit, eligible):
            grouped.setdefault(self._name_entry[name_id], []).append(self._name_index[name_id])
        return grouped

    def _collect(self, name: PreparedName, scores: dict[int, float], kind: NameKind) -> None:
        """Add each name's best shared key per query token to `scores` (name id → blocking score)."""
        looked_up = [self._token_lookup(token, kind) for token in name.tokens]
        looked_up.append(self._lookup(glued_keys(name), 1.0))
        # Copies: the merging below writes into them, the cached originals must stay as they are.
        per_group = [dict(best) for best, _deferred in looked_up]
        deferred = [
            (group, members, gain, is_initial)
            for group, (_best, items) in enumerate(looked_up)
            for members, gain, is_initial in items
        ]
        found: set[int] = set().union(*per_group)
        finders = [item for item in deferred if item[2] > 0.0 and not item[3]]
        if not found and finders:
            # Only common tokens ("Muhammad Ali"): let the rarest of them find candidates after all.
            group, members, gain, _initial = min(finders, key=lambda item: len(item[1]))
            per_group[group].update(dict.fromkeys(members, gain))
            found = set(members)
        for group, members, gain, _initial in deferred:
            # Too common to find candidates on its own: only strengthens names found by rarer keys.
            best = per_group[group]
            for name_id in found & members if len(found) < len(members) else members & found:
                if best.get(name_id, 0.0) < gain:
                    best[name_id] = gain
        for best in per_group:
            for name_id, gain in best.items():
                scores[name_id] = scores.get(name_id, 0.0) + gain

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
        found_keys: list[tuple[float, tuple[int, ...]]] = []
        deferred: list[tuple[frozenset[int], float, bool]] = []
        for key in keys:
            ids = self._postings.get(key)
            if not ids:
                continue
            gain = KEY_QUALITY[key[0]] * weight * math.log(self._idf_base / len(ids))
            is_initial = key[0] == "i"
            if len(ids) > self._common_df or is_initial:  # initials only ever re-rank
                deferred.append((self._common_sets[key], gain, is_initial))
            else:
                found_keys.append((gain, ids))
        return _best_gains(found_keys), tuple(deferred)

    def _keys_worth_looking_up(self, token: Token, kind: NameKind) -> list[str]:
        keys = token_keys(token, kind)
        if f"t:{token.latin}" in self._postings:
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


def _best_gains(found_keys: list[tuple[float, tuple[int, ...]]]) -> dict[int, float]:
    """Name id → the best gain among the keys that found it (merged in C: best keys applied last)."""
    best: dict[int, float] = {}
    for gain, ids in sorted(found_keys, key=lambda item: item[0]):
        best.update(dict.fromkeys(ids, gain))
    return best


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
