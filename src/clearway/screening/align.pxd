# Declarations that the compiled build (setup.py) reads beside align.py: the functions that compare two
# tokens take them as `Token`, and the alignment's steps their names as `PreparedName` (the extension
# types of normalize.pxd), so that fields are read as C struct members; the memo's rows are extension
# types too, the scores' sums C doubles, and calls between these functions C calls. Functions declared
# here may hold no generator or closure (Cython's limit), hence a few plain loops in align.py. Plain
# Python ignores this file.

cimport cython

from clearway.screening.normalize cimport PreparedName, Token

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
cpdef _two_chinese_syllables(str a, str b)
cpdef _two_countries(frozenset x, frozenset y)
cpdef _other_han_characters(str x, str y)
cpdef _other_pinyin_syllable(str a, str b)
cpdef _q_written_gh(str a, str b)
cpdef _russian_ending_dropped(str a, str b)
cpdef _plausible_spelling_typo(str a, str b)
cpdef _numeral(str latin)
cpdef _another_initial(str x, str y)
cpdef _slipped_key(str x, str y)
cpdef _skeleton_similarity(str a, str b, loose=*)
cpdef _hebrew_skeleton_similarity(str a, str b)
cpdef _but_a_final_h(str a, str b)
@cython.locals(single=Token)
cpdef double _glued_similarity(str glued, symbols, Token single, by_consonants=*, assimilated=*)


# A pair of the explanation: one made per matched pair of a reported hit, its __init__ then in C.
cdef class PartMatch:
    cdef readonly str query
    cdef readonly str candidate
    cdef readonly str method
    cdef readonly double similarity


# The memo of token similarities: rows made and filled from C, their fields read as struct members.
cdef class _Row(set):
    cdef public dict positive

cdef class _Memo:
    cdef public tuple rows
    cdef public Py_ssize_t size
    cdef public dict complete
    cdef public Py_ssize_t clears
    cpdef _Row row(self, Token a, Py_ssize_t code)
    cpdef fill(self, _Row row, Token a, list others, kind)
    cpdef clear(self)

@cython.locals(
    a=Token, b=Token, i=Py_ssize_t, j=Py_ssize_t, memo=_Memo, row=_Row, rows=dict, found=dict,
    c_positions=dict, c_tokens=tuple, weight=double, pairs=list, similar=list, prefilled=tuple,
    complete=bint, clears=Py_ssize_t,
)
cpdef list _single_pairs(PreparedName query, PreparedName candidate, kind)

# The steps of an alignment after the single pairs: C calls between them, their sums in C doubles.
@cython.locals(single=Token, j=Py_ssize_t, length=Py_ssize_t, memo=dict, pairs=list, tokens=tuple,
               single_tokens=tuple, glued_runs=tuple)
cpdef list _glued_pairs(PreparedName runs, PreparedName singles, flipped, busy, meeting)
@cython.locals(chosen=list, taken_q=set, taken_c=set, pair=tuple)
cpdef list _choose(list candidates)
@cython.locals(matched=double, weighted=double, used_q=double, used_c=double, conflicting_q=double,
               conflicting_c=double, sim=double, mass=double, rest_q=double, rest_c=double,
               conflict=double, extra=double, factor=double, denominator=double, score=double,
               q_weights=tuple, c_weights=tuple, q_conflict=tuple, c_conflict=tuple)
cpdef _score(PreparedName query, PreparedName candidate, list pairs, kind)
@cython.locals(total=double, position=Py_ssize_t)
cpdef double _weight_of(tuple weights, bits)
cpdef double _add_weights(tuple weights, unsigned long long bits, double total, Py_ssize_t position)
@cython.locals(used_q=double, used_c=double, rest_q=double, rest_c=double, fewer=double, more=double,
               matched=double, factor=double)
cpdef double _score_bound(PreparedName query, PreparedName candidate, list pairs, kind, glued_q=*,
                          glued_c=*)
@cython.locals(token=Token, position=Py_ssize_t, found=Py_ssize_t)
cpdef Py_ssize_t _lone_word(PreparedName name)
cpdef _glue_cover(PreparedName runs, PreparedName singles)
# The entry point of an alignment and its steps: names as struct fields, the steps C calls.
@cython.locals(q_lone=Py_ssize_t, c_lone=Py_ssize_t)
cpdef align_above(PreparedName query, PreparedName candidate, double floor)
@cython.locals(candidates=list, chosen=list, singles=list, glued=list, options=list, distinct=bint)
cpdef _align_above(PreparedName query, PreparedName candidate, kind, double floor)
cpdef _best_scored(PreparedName query, PreparedName candidate, list options, kind)
@cython.locals(q_count=Py_ssize_t, c_count=Py_ssize_t)
cpdef bint _glue_may_help(list chosen, Py_ssize_t q_count, Py_ssize_t c_count)
cpdef bint _distinct_tokens(PreparedName name)
@cython.locals(candidate=PreparedName, token=Token, a=Token, row=_Row, memo=_Memo, tokens=dict,
               code=Py_ssize_t, clears=Py_ssize_t)
cpdef prefill(PreparedName query, candidates)

# The readable parts of a reported alignment: plain loops over typed names.
cpdef tuple _parts(PreparedName query, PreparedName candidate, tuple pairs)
@cython.locals(tokens=tuple)
cpdef str _side_text(PreparedName name, tuple side)
@cython.locals(token=Token, position=Py_ssize_t, used=set)
cpdef tuple _unmatched(PreparedName name, tuple pairs, bint query_side)
@cython.locals(scaled=double, below=double)
cpdef double _rounded_3(double value)
