"""The index's blocking scores against a plain-Python reference of their definition: per query token (and the
glued keys), the best gain among the keys a name shares with it, summed over the tokens in order; common keys
only re-rank names that rarer keys found, unless there are none (then the rarest common key finds them)."""

from __future__ import annotations

import math
import random
import threading
from pathlib import Path

import numpy as np
import pytest

from clearway.screening import blocking
from clearway.screening.compare import Party, prepare_party
from clearway.screening.entry import EntrySchema, ListEntry
from clearway.screening.index import (
    KEY_QUALITY,
    ScreeningIndex,
    _query_readings,
    glued_keys,
    looked_up_as,
    only_particles,
)
from clearway.screening.lists.load import SAMPLES_DIR, load_entries
from clearway.screening.normalize import NameKind, PreparedName
from tests.screening.matching.conftest import entry
from tests.screening.matching.variants import ORGANIZATION_VARIANTS, PERSON_VARIANTS

# Enough "Muhammad"s and "Ali"s for their keys to be common (posted for more than `_common_df` names).
COMMON = [
    entry(f"c:{number}", EntrySchema.PERSON, f"Muhammad {surname} {number}", list_name=f"l{number % 2}")
    for number in range(60)
    for surname in ("Ali", "Hassan")
]
_Group = tuple[dict[int, float], list[tuple[set[int], float, bool, int]]]


def _reference_group(index: ScreeningIndex, keys: list[str], weight: float) -> _Group:
    best: dict[int, float] = {}
    common: list[tuple[set[int], float, bool, int]] = []
    for key in keys:
        number = index._keys.get(key)
        if number is None:
            continue
        ids = index._ids[index._offsets[number] : index._offsets[number + 1]].tolist()
        gain = KEY_QUALITY[key[0]] * weight * math.log(index._idf_base / len(ids))
        if len(ids) > index._common_df or key[0] == "i":
            common.append((set(ids), gain, key[0] == "i", len(ids)))
        else:
            for name_id in ids:
                best[name_id] = max(best.get(name_id, 0.0), gain)
    return best, common


def _reference_scores(index: ScreeningIndex, name: PreparedName, kind: NameKind) -> dict[int, float]:
    keyed = only_particles(name)
    groups = [
        _reference_group(index, index._keys_worth_looking_up(t, kind, keyed), t.weight) for t in name.tokens
    ]
    groups.append(_reference_group(index, glued_keys(name), 1.0))
    found = {name_id for best, _common in groups for name_id in best}
    if not found:
        finders = [
            (size, group, members, gain)
            for group, (_best, common) in enumerate(groups)
            for members, gain, is_initial, size in common
            if gain > 0.0 and not is_initial
        ]
        if not finders:
            return {}
        _size, finder_group, members, gain = min(finders, key=lambda finder: finder[0])
        found = members
        groups[finder_group] = (dict.fromkeys(members, gain), groups[finder_group][1])
    scores: dict[int, float] = {}
    for name_id in found:
        total = 0.0
        for best, common in groups:
            gain = best.get(name_id, 0.0)
            for members, common_gain, _is_initial, _size in common:
                if name_id in members:
                    gain = max(gain, common_gain)
            total += gain
        scores[name_id] = total
    return scores


def _queries(entries: list[ListEntry], seed: int) -> list[Party]:
    rng = random.Random(seed)
    parties = [
        Party("Muhammad Ali", "Person"),
        Party("Muhammad", "LegalEntity"),
        Party("Ali Hassan", "Person"),
    ]
    for listed in rng.sample(entries, min(40, len(entries))):
        variants = PERSON_VARIANTS if listed.schema == EntrySchema.PERSON else ORGANIZATION_VARIANTS
        for make in variants.values():
            text = make(listed.caption, rng)
            if text:
                parties.append(Party(text, rng.choice([listed.schema.value, "LegalEntity"])))
    return parties


@pytest.fixture(scope="module")
def entries() -> list[ListEntry]:
    return [
        *load_entries(SAMPLES_DIR / "ofac"),
        *load_entries(SAMPLES_DIR / "un" / "sample.xml"),
        *load_entries(SAMPLES_DIR / "ftm" / "entities.ftm.json"),
        *COMMON,
    ]


@pytest.fixture(scope="module")
def index(entries: list[ListEntry]) -> ScreeningIndex:
    return ScreeningIndex(entries)


def test_blocking_scores_match_the_reference(index: ScreeningIndex, entries: list[ListEntry]) -> None:
    compared = 0
    for party in _queries(entries, seed=3):
        query = prepare_party(party)
        for kinds, names in _query_readings(query):
            kind = looked_up_as(kinds)
            for name in names:
                ids, scores = index._collect(name, kind)
                assert dict(zip(ids.tolist(), scores.tolist(), strict=True)) == _reference_scores(
                    index, name, kind
                ), party
                assert len(set(ids.tolist())) == ids.size
                compared += 1
    assert compared > 100


def test_common_tokens_alone_still_find_candidates(index: ScreeningIndex) -> None:
    query = prepare_party(Party("Muhammad Ali", "Person"))
    looked_up = [index._token_lookup(token, query.kind) for token in _query_readings(query)[0][1][0].tokens]
    assert all(not selective for selective, _common in looked_up)  # only common keys
    found = index.candidates(query)
    assert sum(len(names) for names in found.values()) == index.candidate_limit


def test_the_best_ranked_names_are_those_of_a_full_sort_ties_included() -> None:
    """`blocking.best_ranked` against a full sort: kinds filtered, ranks lowered per token of length
    difference, and among equal ranks (many here) the higher id first, whatever the cut."""
    rng = np.random.default_rng(5)
    name_kinds = rng.integers(0, 4, 10_000).astype(np.int8)
    name_sizes = rng.integers(1, 6, 10_000).astype(np.float64)
    for size in (0, 1, 15, 16, 64, 65, 200, 3000):
        ids = rng.permutation(size * 3)[:size].astype(np.intp)
        scores = np.round(rng.random(size) * 4, 1)  # many equal scores
        for wanted in ((0,), (1, 2), (0, 1, 2, 3)):
            table = np.isin(np.arange(4), wanted)
            for limit in (1, 15, 100):
                ranks = [
                    (score - 0.01 * abs(name_sizes[i] - 3), int(i))
                    for i, score in zip(ids, scores, strict=True)
                    if name_kinds[i] in wanted
                ]
                ranked = sorted(ranks, reverse=True)
                expected = [i for _rank, i in ranked[:limit]]
                got = blocking.best_ranked(ids, scores, name_kinds, table, name_sizes, 3, 0.01, limit)
                assert got == expected, (size, wanted, limit)


def test_concurrent_queries_answer_as_sequential_ones(
    index: ScreeningIndex, entries: list[ListEntry]
) -> None:
    queries = [prepare_party(party) for party in _queries(entries, seed=4)]
    expected = [list(index.candidates(query).items()) for query in queries]
    index._lookups.clear()
    answers: dict[int, list[list[tuple[int, list[int]]]]] = {}

    def run(worker: int) -> None:
        answers[worker] = [list(index.candidates(query).items()) for query in queries]

    threads = [threading.Thread(target=run, args=(worker,)) for worker in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == {0: expected, 1: expected}


def test_saved_index_leaves_out_what_loading_derives(index: ScreeningIndex, tmp_path: Path) -> None:
    state = index.__getstate__()
    assert not {"_log_idf", "_common_bit", "_common_bits"} & set(state)
    path = tmp_path / "index.pickle"
    index.save(path)
    loaded = ScreeningIndex.load(path)
    for party in (Party("Muhammad Ali", "Person"), Party("Muhammad Hassan 7", "Person")):
        query = prepare_party(party)
        assert loaded.candidates(query, ["l1"]) == index.candidates(query, ["l1"])
        assert list(loaded.candidates(query).items()) == list(index.candidates(query).items())
