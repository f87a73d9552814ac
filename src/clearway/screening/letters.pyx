# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled form of `letters.py` (read its docstrings): the same test on the same fields, with the query
token's fields read once per row instead of once per pair, and the letter sets compared as C integers.

Loaded in place of `letters.py` by `clearway.screening.compiled` while this file has the hash the compiled
copy was built from.
"""

from cpython.set cimport PySet_Add

from clearway.screening.normalize import Script

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


cdef class _QueryToken:
    """The fields of the row's token that the test reads, read once."""

    cdef bint never_apart  # a number, an initial, or a vowel-less script: the rules decide every pair
    cdef object western  # its sound key across scripts (`Token.western`), None when it has none
    cdef object symbols  # None when the token has no symbol
    cdef object script
    cdef unsigned long long letters, folded_letters
    cdef Py_ssize_t length

    def __init__(self, a):
        self.never_apart = bool(a.special) or a.script is _ABJAD
        self.symbols = a.symbols if a.symbols else None
        self.script = a.script
        self.western = a.western if a.western else None
        self.letters = a.letters
        self.folded_letters = a.folded_letters
        self.length = len(<str>a.latin)


cdef bint _apart(_QueryToken a, object b):
    if a.never_apart or b.special:
        return False
    b_script = b.script
    if b_script is _ABJAD:
        return False
    if a.western is not None and a.script is not b_script and a.western == b.western:
        return False
    if a.symbols is not None and not a.symbols.isdisjoint(b.symbols):
        return False
    cdef Py_ssize_t length = len(<str>b.latin)
    cdef Py_ssize_t shorter = a.length if a.length < length else length
    cdef int limit = _LIMITS[a.script is not b_script][shorter if shorter < _LENGTHS else _LENGTHS - 1]
    cdef unsigned long long letters = b.letters
    if __builtin_popcountll(a.letters ^ letters) <= limit:
        return False
    cdef unsigned long long folded = b.folded_letters
    return __builtin_popcountll(a.folded_letters ^ folded) > limit


def letters_apart(a, b):
    return _apart(_QueryToken(a), b)


def fill_row(seen, dict positive, a, others, kind, similarity):
    cdef _QueryToken query = _QueryToken(a)
    for b in others:
        uid = b.uid
        if not _apart(query, b):
            found = similarity(a, b, kind)
            if found[0] > 0.0:
                positive[uid] = found
        PySet_Add(seen, uid)
