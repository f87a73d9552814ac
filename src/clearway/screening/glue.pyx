# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled form of `glue.py` (read its docstrings): the same test on the same fields, with the other
name's token shapes copied into C arrays once and each run compared with them in C.

Loaded in place of `glue.py` by `clearway.screening.compiled` while this file has the hash the compiled
copy was built from.
"""

cdef enum:
    _MAX_BITS = 64

RUN_FIELDS = 6
TOKEN_FIELDS = 2
LONGEST = 15


def token_shape(latin):
    return ord(latin[0]) & 63, min(len(latin), LONGEST)


def run_shape(start, end, glued, has_symbol, gap):
    if has_symbol:
        return start, end, 1, 0, 0, 0
    lowest, highest = len(glued) - gap, len(glued) + gap
    return start, end, 0, ord(glued[0]) & 63, min(lowest, LONGEST), min(highest, LONGEST)


def glue_cover(tuple runs, tuple tokens):
    cdef Py_ssize_t run_count = len(runs) // RUN_FIELDS, token_count = len(tokens) // TOKEN_FIELDS
    cdef Py_ssize_t number, base, j
    cdef long start, end, initial, lowest, highest, longest_end = 0
    for number in range(run_count):
        end = runs[number * RUN_FIELDS + 1]
        if end > longest_end:
            longest_end = end
    if token_count > _MAX_BITS or longest_end >= _MAX_BITS:
        return _glue_cover_any_length(runs, tokens)  # more tokens than bits of a C integer
    cdef long initials[_MAX_BITS]
    cdef long lengths[_MAX_BITS]
    for j in range(token_count):
        initials[j] = tokens[2 * j]
        lengths[j] = tokens[2 * j + 1]
    cdef unsigned long long everything = (1ULL << token_count) - 1 if token_count < _MAX_BITS else ~0ULL
    cdef unsigned long long reached, inside = 0, met = 0
    cdef list meeting = []
    for number in range(run_count):
        base = number * RUN_FIELDS
        start, end = runs[base], runs[base + 1]
        if runs[base + 2]:
            reached = everything
        else:
            initial, lowest, highest = runs[base + 3], runs[base + 4], runs[base + 5]
            reached = 0
            for j in range(token_count):
                if initials[j] == initial and lowest <= lengths[j] <= highest:
                    reached |= 1ULL << j
            if not reached:
                continue
        meeting.append((number, int(reached)))
        inside |= ((1ULL << (end - start + 1)) - 1) << start
        met |= reached
    return meeting, int(inside), int(met)


def _glue_cover_any_length(runs, tokens):
    meeting = []
    inside = met = 0
    token_count = len(tokens) // TOKEN_FIELDS
    for number in range(len(runs) // RUN_FIELDS):
        base = number * RUN_FIELDS
        start, end, has_symbol, initial, lowest, highest = (
            runs[base], runs[base + 1], runs[base + 2], runs[base + 3], runs[base + 4], runs[base + 5]
        )
        if has_symbol:
            reached = (1 << token_count) - 1
        else:
            reached = 0
            for j in range(token_count):
                if tokens[2 * j] == initial and lowest <= tokens[2 * j + 1] <= highest:
                    reached |= 1 << j
            if not reached:
                continue
        meeting.append((number, reached))
        inside |= ((1 << (end - start + 1)) - 1) << start
        met |= reached
    return meeting, inside, met
