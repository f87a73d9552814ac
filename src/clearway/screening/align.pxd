# Declarations that the compiled build (setup.py) reads beside align.py: the functions that compare two
# tokens take them as `Token`, the extension type of normalize.pxd, so that their fields are read as C
# struct members, and calls between these functions are C calls. Plain Python ignores this file.

cimport cython

from clearway.screening.normalize cimport Token

cpdef token_similarity(Token a, Token b, kind)
cpdef _token_similarity(Token a, Token b, kind)
cpdef _written_similarity(Token a, Token b, kind)
cpdef _western_name_in_cyrillic(Token a, Token b)
cpdef _written_letter_replaced(Token a, Token b)
cpdef _letter_runs(Token a, Token b)
cpdef _masculine_and_feminine(Token a, Token b)
cpdef _other_known_names(Token a, Token b)
cpdef _read_in_latin(Token token)
cpdef _letter_for_letter(Token token)
cpdef _known_name(Token token)
cpdef _initial_similarity(Token a, Token b, kind)
cpdef _fuzzy_similarity(Token a, Token b)
cpdef _written_alike(Token a, Token b)
cpdef _hebrew_and_latin(Token a, Token b)
cpdef _in_hebrew(Token token)


# The memo of token similarities: rows made and filled from C, their fields read as struct members.
cdef class _Row(set):
    cdef public dict positive
    cdef public object similar

cdef class _Memo:
    cdef public tuple rows
    cdef public Py_ssize_t size
    cpdef _Row row(self, Token a, Py_ssize_t code)
    cpdef fill(self, _Row row, Token a, list others, kind)
    cpdef clear(self)

@cython.locals(
    a=Token, b=Token, i=Py_ssize_t, j=Py_ssize_t, memo=_Memo, row=_Row, rows=dict, found=dict,
    c_positions=dict, c_tokens=tuple, weight=double, pairs=list,
)
cpdef list _single_pairs(query, candidate, kind)
