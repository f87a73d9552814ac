# Declarations that the compiled build (setup.py) reads beside compare.py: the loop over the pairs of names
# of a query and an entry reads their fields as C struct members (`PreparedName`, normalize.pxd) and
# calls the aligner as a C function (align.pxd), where it went through Python calls and generic
# attribute lookups. Plain Python ignores this file.

cimport cython

from clearway.screening.align cimport align_above
from clearway.screening.normalize cimport PreparedName

@cython.locals(query_name=PreparedName, entry_name=PreparedName, best_score=double, beat=double,
               score=double, weak=bint, from_wade_giles=bint, indexes=tuple, names=tuple,
               weak_names=tuple, respelled=dict)
cpdef _best_names(query, entry, name_indexes, double floor)
@cython.locals(notes=list)
cpdef _explain(alignment, PreparedName query_name, PreparedName entry_name, double name_score, bint weak,
               list effects, tuple extra_notes=*)
