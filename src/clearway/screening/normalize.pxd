# Declarations that the compiled build (setup.py) reads beside normalize.py: with them, `Token` is compiled
# as an extension type whose fields C code reads directly. letters.pyx and align.py (through align.pxd)
# declare their tokens of this type, so that reading a field is a load, not a generic attribute lookup
# (a quarter of the aligner's instructions before). Plain Python ignores this file.

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
    cdef readonly Py_ssize_t uid
    cdef readonly bint generic
    cdef readonly bint special
    cdef readonly unsigned long long letters
    cdef readonly unsigned long long folded_letters
    cdef readonly object signature
    cdef readonly str western
