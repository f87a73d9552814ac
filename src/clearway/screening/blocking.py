"""The blocking scores of the names a query's keys found: the numeric core of the index's candidate stage.

`collect` is plain numpy here. `blocking.pyx` computes the same in C with one pass over the postings, and
the install compiles it (see `clearway.screening.compiled`); both give the same names and bit-identical
scores (`tests/screening/matching/test_compiled.py`).
"""

from __future__ import annotations

import threading

import numpy as np
from numpy.typing import NDArray

# Per query token: (start, end, gain) of its selective keys, their postings being `ids[start:end]` of the
# index's one array of postings; and its common keys as (start, end, gain, is_initial, bit), `bit`
# numbering the key among the common ones (see `ScreeningIndex._derive`). Bounds rather than slices: a
# slice is an object to make per key, and the compiled `collect` then converts each to a typed view.
Selective = tuple[tuple[int, int, float], ...]
Common = tuple[int, int, float, bool, int]
Lookup = tuple[Selective, tuple[Common, ...]]
Scored = tuple[NDArray[np.intp], NDArray[np.float64]]  # distinct name ids and their blocking scores

BIT_MASKS = np.array([1 << bit for bit in range(8)], dtype=np.uint8)
_SCRATCH = threading.local()  # per thread: a scratch array (see `scratch_slots`)


def scratch_slots(size: int) -> NDArray[np.intp]:
    """A scratch array of at least `size` slots for the calling thread: allocated once, never cleared
    (`collect` reads only slots it has just written)."""
    slots: NDArray[np.intp] | None = getattr(_SCRATCH, "slots", None)
    if slots is None or slots.size < size:
        slots = _SCRATCH.slots = np.empty(size, dtype=np.intp)
    return slots


def collect(
    looked_up: list[Lookup],
    ids: NDArray[np.int32],
    slots: NDArray[np.intp],
    common_bits: NDArray[np.uint8],
) -> Scored | None:
    """The names found for one query name and their blocking scores, or None if none is found.

    Per group (a query token's keys; the glued keys last), a name's gain is that of the best key of the
    group it has; its score is the sum of those gains, group by group in order. The selective keys find the
    names (the index makes the rarest common key selective when there are none); common keys (bit `bit`
    of `common_bits` per name) only raise the gains of names found so."""
    best = _best_found(looked_up, ids, slots)
    if best is None:
        return None
    found_ids, best_by_group = best
    _add_common(looked_up, found_ids, best_by_group, common_bits)
    # Summed group by group: for every name best of group 0 + best of group 1 …, the same floating-point
    # additions in the same order, so that equal names tie exactly.
    total = best_by_group[0].copy()
    for row in best_by_group[1:]:
        total += row
    return found_ids, total


def _best_found(
    looked_up: list[Lookup], all_ids: NDArray[np.int32], slots: NDArray[np.intp]
) -> tuple[NDArray[np.intp], NDArray[np.float64]] | None:
    """The names the selective keys found, and per group the best gain of each found name (0.0 where the
    group has none), or None if there are no selective keys.

    One pass over all groups, without sorting: `np.maximum.at` takes the best gain whatever the order, so
    the gains are exactly those of the best key per name and group (all gains are positive)."""
    postings: list[NDArray[np.int32]] = []
    gains: list[float] = []
    groups: list[int] = []
    for group, (selective, _common) in enumerate(looked_up):
        for start, end, gain in selective:
            postings.append(all_ids[start:end])
            gains.append(gain)
            groups.append(group)
    if not postings:
        return None
    # As platform integers: numpy would convert any other index array on every use.
    ids = np.concatenate(postings).astype(np.intp)
    sizes = np.array([posting.size for posting in postings])
    # Distinct names: of a name's entries, the one whose number survives in its slot stands for it.
    numbers = np.arange(ids.size)
    slots[ids] = numbers
    found_ids = ids[slots[ids] == numbers]
    width = found_ids.size
    slots[found_ids] = numbers[:width]
    cells = slots[ids]
    cells += np.repeat(np.array(groups) * width, sizes)
    best = np.zeros((len(looked_up), width), dtype=np.float64)
    np.maximum.at(best.reshape(-1), cells, np.repeat(np.array(gains), sizes))
    return found_ids, best


def _add_common(
    looked_up: list[Lookup],
    found_ids: NDArray[np.intp],
    best_by_group: NDArray[np.float64],
    common_bits: NDArray[np.uint8],
) -> None:
    """Raise each found name's best gain per group to that of the group's common keys it has: too
    common to find candidates on their own, they only strengthen names found by rarer keys."""
    common = [
        (group, bit, gain) for group, (_found, keys) in enumerate(looked_up) for _, _, gain, _, bit in keys
    ]
    if not common:
        return
    bits = np.array([bit for _group, bit, _gain in common])
    # Per common key (row) and found name (column): the key's gain if the name has the key, else 0.0
    # (which leaves the best gain as it is: gains are never negative).
    has_key = common_bits[found_ids, bits[:, np.newaxis] >> 3] & BIT_MASKS[bits & 7][:, np.newaxis]
    gains = np.where(has_key, np.array([gain for _group, _bit, gain in common])[:, np.newaxis], 0.0)
    for (group, _bit, _gain), key_gains in zip(common, gains, strict=True):
        np.maximum(best_by_group[group], key_gains, out=best_by_group[group])


# From this many ranked names on, the best are picked by partitioning before sorting.
_PARTITION_FROM = 64


def best_ranked(
    scored: NDArray[np.intp],
    scores: NDArray[np.float64],
    name_kinds: NDArray[np.int8],
    wanted_kinds: NDArray[np.bool_],
    name_sizes: NDArray[np.float64],
    size: int,
    tie_break: float,
    limit: int,
) -> list[int]:
    """The ids of the `limit` (> 0) best of the `scored` names whose kind number is one of `wanted_kinds`,
    best first: ranked by blocking score less `tie_break` per token of length difference with the query's
    `size`; among equal ranks the higher id first (a stable, reproducible order)."""
    keep = wanted_kinds[name_kinds[scored]]
    scored, scores = scored[keep], scores[keep]
    ranked = scores - tie_break * np.abs(name_sizes[scored] - size)
    if ranked.size > max(limit, _PARTITION_FROM):
        # Only names ranked at least the limit-th best can be among the best: sort those alone.
        cut = ranked.size - limit
        near = np.flatnonzero(ranked >= np.partition(ranked, cut)[cut])
        order = near[np.lexsort((scored[near], ranked[near]))[::-1][:limit]]
    else:
        order = np.lexsort((scored, ranked))[::-1][:limit]
    best: list[int] = scored[order].tolist()
    return best
