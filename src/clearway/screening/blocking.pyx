# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled form of `blocking.py` (read its docstrings): the same names and bit-identical scores, from
one pass over the postings in C instead of a dozen numpy calls over gathered copies of them.

Loaded in place of `blocking.py` by `clearway.screening.compiled` while this file has the hash the
compiled copy was built from.
"""

import threading

import numpy as np

BIT_MASKS = np.array([1 << bit for bit in range(8)], dtype=np.uint8)
_SCRATCH = threading.local()


def scratch_slots(size):
    slots = getattr(_SCRATCH, "slots", None)
    if slots is None or slots.size < size:
        slots = _SCRATCH.slots = np.empty(size, dtype=np.intp)
    return slots


def collect(
    list looked_up, const int[::1] ids, Py_ssize_t[::1] slots, const unsigned char[:, ::1] common_bits
):
    cdef Py_ssize_t groups = len(looked_up)
    cdef Py_ssize_t group, k, start, end, width = 0, total = 0, cell, name
    cdef double gain
    cdef Py_ssize_t[::1] found
    cdef double[:, ::1] best
    cdef double[::1] totals
    for selective, _common in looked_up:
        for key_start, key_end, _gain in selective:
            total += key_end - key_start
    if total == 0:
        return None
    found_array = np.empty(total, dtype=np.intp)
    found = found_array
    # Distinct names in order of first appearance: a slot is trusted only if it points back at its name
    # (slots are never cleared between queries).
    for selective, _common in looked_up:
        for key_start, key_end, _gain in selective:
            start, end = key_start, key_end
            for k in range(start, end):
                name = ids[k]
                cell = slots[name]
                if cell < 0 or cell >= width or found[cell] != name:
                    slots[name] = width
                    found[width] = name
                    width += 1
    best_array = np.zeros((groups, width), dtype=np.float64)
    best = best_array
    group = 0
    for selective, _common in looked_up:
        for key_start, key_end, key_gain in selective:
            start, end = key_start, key_end
            gain = key_gain
            for k in range(start, end):
                cell = slots[ids[k]]
                if best[group, cell] < gain:
                    best[group, cell] = gain
        group += 1
    _raise_common(looked_up, found, width, best, common_bits)
    totals_array = np.empty(width, dtype=np.float64)
    totals = totals_array
    for cell in range(width):
        totals[cell] = best[0, cell]
    for group in range(1, groups):
        for cell in range(width):
            totals[cell] += best[group, cell]
    return found_array[:width], totals_array


cdef void _raise_common(
    list looked_up, Py_ssize_t[::1] found, Py_ssize_t width, double[:, ::1] best,
    const unsigned char[:, ::1] common_bits,
):
    cdef Py_ssize_t group = 0, cell, byte
    cdef unsigned char mask
    cdef double gain
    cdef long bit
    for _selective, common in looked_up:
        for _start, _end, key_gain, _is_initial, key_bit in common:
            gain = key_gain
            bit = key_bit
            byte = bit >> 3
            mask = <unsigned char>(1 << (bit & 7))
            for cell in range(width):
                if common_bits[found[cell], byte] & mask and best[group, cell] < gain:
                    best[group, cell] = gain
        group += 1


def best_ranked(
    const Py_ssize_t[::1] scored, const double[::1] scores, const signed char[::1] name_kinds,
    wanted_kinds, const double[::1] name_sizes, Py_ssize_t size, double tie_break, Py_ssize_t limit,
):
    # One pass keeping the best `limit` in a small sorted buffer (insertion), instead of a dozen numpy
    # calls: the same ranks, computed with the same two floating-point operations, and the same order.
    cdef const unsigned char[::1] wanted = wanted_kinds.view(np.uint8)
    cdef double[::1] top_rank = np.empty(limit, dtype=np.float64)
    cdef Py_ssize_t[::1] top_id = np.empty(limit, dtype=np.intp)
    cdef Py_ssize_t k, j, name, count = 0
    cdef double rank, gap
    for k in range(scored.shape[0]):
        name = scored[k]
        if not wanted[name_kinds[name]]:
            continue
        gap = name_sizes[name] - size
        if gap < 0:
            gap = -gap
        rank = scores[k] - tie_break * gap
        if count == limit and not _ranks_above(rank, name, top_rank[limit - 1], top_id[limit - 1]):
            continue
        j = count if count < limit else limit - 1
        while j > 0 and _ranks_above(rank, name, top_rank[j - 1], top_id[j - 1]):
            top_rank[j] = top_rank[j - 1]
            top_id[j] = top_id[j - 1]
            j -= 1
        top_rank[j] = rank
        top_id[j] = name
        if count < limit:
            count += 1
    return [top_id[k] for k in range(count)]


cdef inline bint _ranks_above(double rank, Py_ssize_t name, double other_rank, Py_ssize_t other):
    return rank > other_rank or (rank == other_rank and name > other)
