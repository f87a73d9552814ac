"""In-memory screening index: blocking keys → candidate names → scored hits.

Every prepared name of every entry is posted under blocking keys derived from its tokens:

- ``t:`` the Latin form, also for adjacent tokens glued together ("abdul"+"rahman" → "abdulrahman"),
- ``d:`` the Latin form with one letter deleted (a symmetric-deletion key: two tokens one edit apart
  share one; catches typos),
- ``f:`` the folded romanisation, ``p:`` the metaphone, ``s:`` the consonant skeleton (for Arabic and
  Hebrew queries) and ``l:`` its loose form (`loose_skeleton`: Persian وحیدی = Vahidi), ``y:`` rigour's
  name-variant symbols (Muhammad = محمد),
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
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from clearway.screening import blocking
from clearway.screening.align import forget_prefilled, prefill
from clearway.screening.blocking import BIT_MASKS, scratch_slots
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
    loose_skeleton,
    reserve_token_ids,
    skeleton,
    written_as_company,
)

if TYPE_CHECKING:  # plain aliases: `blocking`'s compiled form does not define them
    from clearway.screening.blocking import Common, Lookup, Scored

CANDIDATE_LIMIT = 15
# A key posted for more than this share of all names is too common to add candidates on its own.
COMMON_KEY_SHARE = 0.02
MIN_DELETION_LENGTH = 3
MAX_GLUED = 3

# Quality of each kind of shared key: an exact token says more than a shared phonetic code.
KEY_QUALITY = {"t": 1.0, "y": 0.9, "f": 0.9, "s": 0.7, "p": 0.7, "d": 0.6, "l": 0.5, "i": 0.3}
# The symbols that are keys: names' (Muhammad = محمد) and abbreviations' (St = Saint, Md = Muhammad).
# Not a given name's other forms (Giuseppe = Joseph = Yusuf, `vocabulary.OTHER_FORM_PREFIX`): a group's
# key posts every Ivan, Juan, Jean and Hans, and as keys they made ordinary customers' queries 5 % slower
# while the surname finds the name anyway.
_KEYED_SYMBOLS = ("NAME:", "ABBR:")
# Among names the keys score alike, prefer those with as many tokens as the query.
LENGTH_TIE_BREAK = 0.01

# The kinds of list names a query of a known kind is compared with (an unknown kind: `_query_readings`).
_COMPATIBLE_KINDS = {
    NameKind.PERSON: (NameKind.PERSON,),
    NameKind.ORGANIZATION: (NameKind.ORGANIZATION, NameKind.OBJECT),
    NameKind.OBJECT: (NameKind.OBJECT, NameKind.ORGANIZATION),
}
_KIND_NUMBER = {kind: number for number, kind in enumerate(NameKind)}
# Enum members read per token or query, as module constants: reading one through its class goes through
# the enum's metaclass.
_PARTICLE, _INITIAL = TokenRole.PARTICLE, TokenRole.INITIAL
_LATIN, _ABJAD = Script.LATIN, Script.ABJAD
_ORGANIZATION, _GENERIC = NameKind.ORGANIZATION, NameKind.GENERIC


_NO_IDS: NDArray[np.intp] = np.zeros(0, dtype=np.intp)
_NO_GAINS: NDArray[np.float64] = np.zeros(0, dtype=np.float64)
_LOOKUP_CACHE_LIMIT = 50_000
# Computed from the saved state on build and load, never saved.
_DERIVED = ("_log_idf", "_common_bit", "_common_bits", "_offset_ints")


@dataclass(frozen=True, slots=True)
class IndexHit:
    entry: PreparedEntry
    match: Match
    position: int  # of the entry in `ScreeningIndex.entries`


def token_keys(token: Token, kind: NameKind, particles_keyed: bool = False) -> list[str]:
    """Blocking keys of one token (both the index and queries use this). Particles have none, unless
    `particles_keyed` (see `only_particles`)."""
    return _token_keys(token, kind, True, particles_keyed)


def _western_keys(western: str) -> list[str]:
    """A Cyrillic word's sound as a Western name's (`Token.western`) as Latin words' metaphone keys: its
    first vowel stands for any (Остин "ASTN" is Austin's key, Ostin's would be "OSTN")."""
    if western[0] != "A":
        return [f"p:{western}"]
    return [f"p:{vowel}{western[1:]}" for vowel in "AEIOU"]


def only_particles(name: PreparedName) -> bool:
    """A name made of particles alone ("MIT", an OFAC alias, is also German "with"): its particles are
    all there is to find it by, so they get keys."""
    return all(token.role == _PARTICLE for token in name.tokens)


def _token_keys(token: Token, kind: NameKind, deletions: bool, particles_keyed: bool) -> list[str]:
    """`token_keys`, without the deletion keys (but the token's own "d:") unless `deletions`."""
    role = token.role
    if role == _PARTICLE and not particles_keyed:
        return []
    latin = token.latin
    initial = [f"i:{latin[0]}"] if kind != _ORGANIZATION and latin[0].isalpha() else []
    if role == _INITIAL:
        return initial
    keys = [f"t:{latin}", f"f:{token.folded}"]
    if token.phonetic:
        keys.append(f"p:{token.phonetic}")
    script = token.script
    if token.western and script != _LATIN:
        keys.extend(_western_keys(token.western))
    if len(token.skeleton) >= 2 and script in (_ABJAD, _LATIN):
        keys.append(f"s:{token.skeleton}")
        loose = loose_skeleton(token.skeleton)
        if len(loose) >= 3 and loose != token.skeleton:
            keys.append(f"l:{loose}")
    if token.symbols:
        keys.extend([f"y:{symbol}" for symbol in token.symbols if symbol.startswith(_KEYED_SYMBOLS)])
    keys.append(f"d:{latin}")
    if deletions and len(latin) >= MIN_DELETION_LENGTH:
        keys.extend([f"d:{latin[:i]}{latin[i + 1 :]}" for i in range(len(latin))])
    return keys + initial


def _reading_size(name: PreparedName) -> int:
    """The number of words a list is likely to write `name` in, for the length tie-break: a name in
    Arabic script with a compound Latin writes as one word (عبد الرحمن, Abdurrahman; حزب الله, HIZBALLAH)
    one word fewer."""
    size = len(name.tokens)
    return size - 1 if size > 1 and name.consonant_runs else size


def glued_keys(name: PreparedName) -> list[str]:
    """Keys of 2-3 adjacent tokens glued together, for names written split or joined ("P-633" / "P633");
    also as a deletion key, so that a glued query with a typo still meets it; and a run in Arabic or
    Hebrew script by its consonant skeleton, as its Latin spellings write it in one word (حزب الله
    "hzb allh" is HIZBALLAH, both "hzblh"): without it, only the entry's other names that share a word
    with the run ("ANSAR ALLAH") were retrieved and scored."""
    keys: list[str] = []
    for start, end, glued, _symbols in name.glued:
        if end - start < MAX_GLUED:
            keys.extend((f"t:{glued}", f"d:{glued}"))
            if name.tokens[start].script == _ABJAD:
                keys.append(f"s:{skeleton(glued, True)}")
    return keys


class ScreeningIndex:
    """Immutable index over list entries; build a new one when the lists change.

    Postings live in one int32 array (`_ids`, sliced by `_offsets` per key): compact in memory and on
    disk. Blocking scores are computed with numpy over the names the query's selective keys found (a few
    hundred), whatever the number of query tokens and keys; common keys are tested per found name with a
    bit each (`_common_bits`), so a query with very common tokens ("Muhammad Abd al-Rahman") costs about
    what a rare one does."""

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
        self._derive()
        self._lookups: dict[tuple[int, NameKind, bool], Lookup] = {}
        self._name_size = np.array(columns.sizes, dtype=np.float64)
        self._list_names = sorted(set(columns.lists))
        list_number = {name: number for number, name in enumerate(self._list_names)}
        self._name_list = np.array([list_number[name] for name in columns.lists], dtype=np.int32)
        # Per name, its kind (`_KIND_NUMBER`): a query filters the names it found by kind with one look-up.
        self._name_kind = np.array([_KIND_NUMBER[kind] for kind in columns.kinds], dtype=np.int8)

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
        for name in _DERIVED:  # rebuilt on load, not saved (their layout is not part of INDEX_FORMAT)
            del state[name]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._derive()
        highest = max((t.uid for e in self.entries for n in e.names for t in n.tokens), default=0)
        reserve_token_ids(highest)

    def _derive(self) -> None:
        """Lookup aids computed from the postings (tens of milliseconds), not saved: see `_DERIVED`."""
        sizes = np.diff(self._offsets)
        # Read per key by every query: a memoryview yields Python ints, where indexing the array yields
        # numpy scalars whose arithmetic costs ten times as much.
        self._offset_ints = self._offsets.data
        self._log_idf = _log_idf_table(self._idf_base, int(sizes.max(initial=0)))
        # The common keys (initials, and keys of more than `_common_df` names) only re-rank the names that
        # rarer keys found: a bit per common key and name tells whether a found name has it, without going
        # through the key's long posting.
        initials = [number for key, number in self._keys.items() if key[0] == "i"]
        common = sorted({*initials, *np.flatnonzero(sizes > self._common_df).tolist()})
        self._common_bit = {number: bit for bit, number in enumerate(common)}
        bits = np.zeros((self._name_count, len(common) // 8 + 1), dtype=np.uint8)
        for bit, number in enumerate(common):
            bits[self._ids[self._offsets[number] : self._offsets[number + 1]], bit >> 3] |= BIT_MASKS[bit & 7]
        self._common_bits = bits

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
            keyed = only_particles(name)
            keys = {key for token in name.tokens for key in token_keys(token, entry.kind, keyed)}
            keys.update(glued_keys(name))
            for key in keys:
                postings[key].append(name_id)

    def candidates(self, query: PreparedParty, lists: Sequence[str] | None = None) -> dict[int, list[int]]:
        """Entry position → indexes of its names worth comparing: the best `candidate_limit` names for each
        reading of the query (one, unless its kind is unknown, see `_query_readings`)."""
        grouped: dict[int, list[int]] = {}
        for kinds, names in _query_readings(query):
            for name_id in self._best_names(names, kinds, lists):
                grouped.setdefault(self._name_entry[name_id], []).append(self._name_index[name_id])
        return grouped

    def _best_names(
        self, names: Sequence[PreparedName], kinds: tuple[NameKind, ...], lists: Sequence[str] | None
    ) -> list[int]:
        """The ids of the best `candidate_limit` names of `kinds` for the query `names`."""
        kind = looked_up_as(kinds)
        if self.candidate_limit <= 0:
            return []
        found = [self._collect(name, kind) for name in names]
        scored, scores = _merge(found, scratch_slots(self._name_count))
        if lists is not None:
            chosen = set(lists)
            wanted = np.array([name in chosen for name in self._list_names], dtype=bool)
            keep = wanted[self._name_list[scored]]
            scored, scores = scored[keep], scores[keep]
        size = _reading_size(names[0]) if names else 0
        return blocking.best_ranked(
            scored,
            scores,
            self._name_kind,
            _kinds_table(kinds),
            self._name_size,
            size,
            LENGTH_TIE_BREAK,
            self.candidate_limit,
        )

    def _collect(self, name: PreparedName, kind: NameKind) -> Scored:
        """The names found for one query name, with their blocking scores: per query token (a group, the
        glued keys last), the best key each name shares with it, summed over the groups in order."""
        keyed = only_particles(name)
        looked_up = [self._token_lookup(token, kind, keyed) for token in name.tokens]
        looked_up.append(self._lookup(glued_keys(name), 1.0))
        if not any(selective for selective, _common in looked_up):
            looked_up = _with_rarest_selective(looked_up)
        scored = blocking.collect(looked_up, self._ids, scratch_slots(self._name_count), self._common_bits)
        return (_NO_IDS, _NO_GAINS) if scored is None else scored

    def _token_lookup(self, token: Token, kind: NameKind, particles_keyed: bool = False) -> Lookup:
        # Query tokens repeat across queries (Muhammad, Abdul, Trading): their key lookups are the same
        # every time, so they are kept per interned token (uid) and query kind.
        cache_key = (token.uid, kind, particles_keyed)
        found = self._lookups.get(cache_key)
        if found is None:
            if len(self._lookups) >= _LOOKUP_CACHE_LIMIT:
                self._lookups.clear()
            found = self._lookups[cache_key] = self._lookup(
                self._keys_worth_looking_up(token, kind, particles_keyed), token.weight
            )
        return found

    def _lookup(self, keys: list[str], weight: float) -> Lookup:
        """The postings of the selective keys with their gains, and the common keys set aside for re-ranking.
        Not reduced to the best gain per name here: `blocking.collect` does that for all groups at once."""
        selective: list[tuple[int, int, float]] = []
        common: list[Common] = []
        offsets, log_idf = self._offset_ints, self._log_idf
        numbers, common_bit = self._keys, self._common_bit
        for key in keys:
            number = numbers.get(key)
            if number is None:
                continue
            start, end = offsets[number], offsets[number + 1]
            if start == end:
                continue
            # The same arithmetic as KEY_QUALITY * weight * log(idf_base / size), the log taken at build.
            gain = KEY_QUALITY[key[0]] * weight * log_idf[end - start]
            bit = common_bit.get(number)
            if bit is None:
                selective.append((start, end, gain))
            else:  # initials and keys of many names only ever re-rank
                common.append((start, end, gain, key[0] == "i", bit))
        return tuple(selective), tuple(common)

    def _keys_worth_looking_up(
        self, token: Token, kind: NameKind, particles_keyed: bool = False
    ) -> list[str]:
        # A token the lists contain as such is no typo of theirs: its deletion keys would only pull in the
        # neighbours of a known token (folded and phonetic keys still catch spelling variants).
        keys = _token_keys(token, kind, f"t:{token.latin}" not in self._keys, particles_keyed)
        if token.script == _ABJAD:
            return keys
        # The loose skeleton is there for a name in Arabic script to find its Latin spellings: Latin
        # queries have their own keys, and theirs would only pull in names that merely share consonants.
        return [key for key in keys if key[0] != "l"]

    def search(
        self, party: Party | PreparedParty, threshold: float, lists: Sequence[str] | None = None
    ) -> list[IndexHit]:
        """Entries scoring at or above `threshold`, best first."""
        query = party if isinstance(party, PreparedParty) else prepare_party(party)
        hits: list[IndexHit] = []
        found = self.candidates(query, lists)
        self._compare_tokens_at_once(query, found)
        for position, name_indexes in found.items():
            entry = self.entries[position]
            match = compare_prepared_above(query, entry, name_indexes, threshold)
            if match is not None:
                hits.append(IndexHit(entry, match, position))
        hits.sort(key=lambda hit: (-hit.match.score, hit.entry.entry.entry_id))
        return hits

    def _compare_tokens_at_once(self, query: PreparedParty, found: dict[int, list[int]]) -> None:
        """The token similarities the alignments of the query with the found names will look up, computed
        per query token for all those names at once (`align.prefill`): the scores are the same."""
        forget_prefilled()
        by_kind: dict[NameKind, list[PreparedName]] = {}
        for position, name_indexes in found.items():
            entry = self.entries[position]
            by_kind.setdefault(entry.kind, []).extend(entry.names[index] for index in name_indexes)
        for kind, names in by_kind.items():
            for query_name in query.names_for(kind):
                prefill(query_name, names)


@dataclass(slots=True)
class _NameColumns:
    """Per-name facts gathered while building, turned into arrays at the end."""

    kinds: list[NameKind]
    lists: list[str]
    sizes: list[int]


def _merge(found: list[Scored], slots: NDArray[np.intp]) -> Scored:
    """Sum the blocking scores of several query names (aliases, or a name's other readings); `slots` is
    scratch space with a slot per name id (`blocking.scratch_slots`)."""
    if len(found) == 1:
        return found[0]
    if not found:
        return _NO_IDS, _NO_GAINS
    # Sorted, then duplicates dropped: numpy 2's `np.unique` took 20 times as long on a few thousand ids.
    ids = np.sort(np.concatenate([name_ids for name_ids, _scores in found]))
    if ids.size > 1:
        ids = ids[np.concatenate(([True], ids[1:] != ids[:-1]))]
    slots[ids] = np.arange(ids.size)
    totals = np.zeros(ids.size, dtype=np.float64)
    for name_ids, scores in found:
        totals[slots[name_ids]] += scores
    return ids, totals


def _log_idf_table(idf_base: int, largest: int) -> list[float]:
    """log(idf_base / size) for every posting size up to `largest` (index 0 unused), with `math.log`
    as the query used to take it per key, so that gains stay bit-identical."""
    return [0.0, *(math.log(idf_base / size) for size in range(1, largest + 1))]


def _with_rarest_selective(looked_up: list[Lookup]) -> list[Lookup]:
    """Only common tokens ("Muhammad Ali"): the least common non-initial key among them finds candidates
    after all, as if it were selective (it stays among its group's common keys too, which changes nothing:
    it raises its members to the gain they already have)."""
    finders = [
        (group, start, end, gain)
        for group, (_selective, common) in enumerate(looked_up)
        for start, end, gain, is_initial, _bit in common
        if gain > 0.0 and not is_initial
    ]
    if not finders:
        return looked_up
    group, start, end, gain = min(finders, key=lambda item: item[2] - item[1])
    promoted = list(looked_up)
    promoted[group] = (((start, end, gain),), looked_up[group][1])
    return promoted


@lru_cache(maxsize=16)
def _kinds_table(kinds: tuple[NameKind, ...]) -> NDArray[np.bool_]:
    """Indexed by a name's kind number: whether it is one of `kinds`."""
    table = np.zeros(len(_KIND_NUMBER), dtype=bool)
    table[[_KIND_NUMBER[kind] for kind in kinds]] = True
    table.flags.writeable = False  # shared by every query
    return table


def looked_up_as(kinds: tuple[NameKind, ...]) -> NameKind:
    """The kind a query name's keys are derived as, to find names of `kinds`."""
    return kinds[0] if len(kinds) == 1 else _GENERIC


def _query_readings(query: PreparedParty) -> list[tuple[tuple[NameKind, ...], tuple[PreparedName, ...]]]:
    """The query's names, with the kinds of list names they find candidates among.

    A query of unknown kind finds person entries as a person name (titles stripped), and organisations,
    vessels and aircraft as a company name (legal forms set aside), as a query known to be an organisation
    does. Each distinct reading finds its own candidates among the names of its kinds: ranked together,
    one reading's many partial matches pushed another's exact ones out ("Hajj Ibrahim" read as a company,
    "hajj ibrahim", outranked the listed person "Hajj Ibrahim", "ibrahim", in the fifteen).

    Candidates are still scored with the reading of their own kind (`PreparedParty.names_for`): a vessel
    with the object reading. That reading is prepared only when a vessel or an aircraft is among the
    candidates (for one unknown-kind query in eight): preparing it for every query cost ≈ 3 % of their
    time, its words being ones the lists' vessels seldom have (a token is made once per kind).

    A query written as only a company's name is ("Al-Arabi Trading Company Limited", "Grupo Marino, S.A.
    de C.V.": `written_as_company`) is read as a company only: compared with people, its words would all
    count as name parts. Of 1,715 such queries (among 12,000 variants and customers), none found a person
    at the default threshold that way (at 0.70 two did: the people two Colombian companies are named
    after). The person's reading cost a query of unknown schema half its time."""
    if query.kind != _GENERIC:
        return [(_COMPATIBLE_KINDS[query.kind], query.names_for(query.kind))]
    companies = query.names_for(NameKind.ORGANIZATION)
    if companies and all(written_as_company(name) for name in companies):
        return [(_COMPATIBLE_KINDS[NameKind.ORGANIZATION], companies)]
    readings: dict[tuple[str, ...], tuple[list[NameKind], tuple[PreparedName, ...]]] = {}
    for kind in (NameKind.PERSON, NameKind.ORGANIZATION):
        names = query.names_for(kind)
        kinds, _names = readings.setdefault(tuple(n.bag_key for n in names), ([], names))
        kinds.extend(_COMPATIBLE_KINDS[kind])
    return [(tuple(kinds), names) for kinds, names in readings.values()]
