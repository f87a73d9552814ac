# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled form of `letters.py` (read its docstrings): the same test on the same fields, read directly
off the tokens (`Token` is an extension type in the compiled build: normalize.pxd), and the letter sets
compared as C integers.

Loaded in place of `letters.py` by `clearway.screening.compiled` while this file has the hash the compiled
copy was built from.
"""

from cpython.set cimport PySet_Add

from clearway.screening.normalize import Script

from clearway.screening.normalize cimport Token

cdef extern from *:
    int __builtin_popcountll(unsigned long long) nogil

cdef object _ABJAD = Script.ABJAD
cdef int _LENGTHS = 10
cdef int _LIMITS[2][10]


def edit_budget(shorter, longer, cross_script, vowelless=False):
    if shorter <= 4:
        return 1 if (cross_script and shorter >= 3) or (shorter == 4 and longer > 4) else 0
    budget = 1 if shorter <= 5 else 2 if shorter <= 8 else 3
    return budget + 1 if vowelless else budget


LETTER_LIMITS = tuple(
    tuple(2 * max(edit_budget(shorter, shorter + 1, cross_script), 1) for shorter in range(_LENGTHS))
    for cross_script in (False, True)
)
for _cross in range(2):
    for _shorter in range(_LENGTHS):
        _LIMITS[_cross][_shorter] = LETTER_LIMITS[_cross][_shorter]


cdef bint _apart(Token a, Token b):
    if a.special or b.special:
        return False
    a_script, b_script = a.script, b.script
    if a_script is _ABJAD or b_script is _ABJAD:
        return False
    if a.western and a_script is not b_script and a.western == b.western:
        return False
    if a.symbols and not a.symbols.isdisjoint(b.symbols):
        return False
    cdef Py_ssize_t length = len(b.latin), own = len(a.latin)
    cdef Py_ssize_t shorter = own if own < length else length
    cdef int limit = _LIMITS[a_script is not b_script][shorter if shorter < _LENGTHS else _LENGTHS - 1]
    if __builtin_popcountll(a.letters ^ b.letters) <= limit:
        return False
    return __builtin_popcountll(a.folded_letters ^ b.folded_letters) > limit


def letters_apart(a, b):
    return _apart(a, b)


def fill_row(seen, dict positive, Token a, others, kind, similarity):
    cdef Token b
    for b in others:
        uid = b.uid
        if not _apart(a, b):
            found = similarity(a, b, kind)
            if found[0] > 0.0:
                positive[uid] = found
        PySet_Add(seen, uid)
