# Declarations that the compiled build (setup.py) reads beside normalize.py: with them, `Token` and
# `PreparedName` are compiled as extension types whose fields C code reads directly. letters.pyx and
# align.py (through align.pxd) declare their tokens and names of these types, so that reading a field is
# a load, not a generic attribute lookup (a quarter of the aligner's instructions before). Plain Python
# ignores this file.

cimport cython

ctypedef unsigned long long u64

cdef class Token:
    cdef readonly str text
    cdef readonly str latin
    cdef readonly str phonetic
    cdef readonly str folded
    cdef readonly str skeleton
    cdef readonly frozenset symbols
    cdef readonly object script
    cdef readonly object role
    cdef readonly double weight
    # An object, not a C integer: read as the same int object every time, a dict or set holding it
    # finds it by identity, where an int made per read was compared by value (and allocated).
    cdef readonly object uid
    cdef readonly bint generic
    cdef readonly bint special
    cdef readonly unsigned long long letters
    cdef readonly unsigned long long folded_letters
    cdef readonly object signature
    cdef readonly str western


cdef class PreparedName:
    cdef readonly str original
    cdef readonly object kind
    cdef readonly tuple tokens
    cdef readonly tuple phrases
    cdef readonly tuple legal_forms
    cdef readonly tuple removed
    cdef readonly str bag_key
    cdef readonly double total_weight
    cdef readonly tuple glued
    cdef readonly object token_signatures
    cdef readonly object glue_reach
    cdef readonly tuple glued_symbol_runs
    cdef readonly tuple consonant_runs
    cdef readonly tuple run_shapes
    cdef readonly tuple token_shapes
    cdef readonly tuple weights
    cdef readonly tuple conflict_weights
    cdef readonly double total_conflict
    cdef readonly frozenset uids
    cdef readonly dict positions_by_uid


# Loops over the letters of a word, made for each new token: compiled as C loops over characters.
@cython.locals(length=Py_ssize_t, position=Py_ssize_t, following=Py_ssize_t)
cpdef str _collapse_doubles(str text)
@cython.locals(bits=u64, one=u64, ch=Py_UCS4)
cpdef u64 letter_set(str text)

# A word's folded form and consonant skeletons, made for each new token and blocking key: typed strings,
# so that their `in`, `replace` and slices are direct calls rather than method lookups.
@cython.locals(old=str, new=str)
cpdef str _with_skeleton_rules(str text)
cpdef str _latin_word_end(str text)
@cython.locals(text=str)
cpdef str skeleton(str latin, bint abjad)
@cython.locals(text=str)
cpdef str loose_skeleton(str skeleton)
@cython.locals(folded=str, old=str, new=str)
cpdef str fold(str latin)
