# Declarations that the compiled build (setup.py) reads beside index.py: the blocking keys of a query's
# new words are made from their fields as C struct members (`Token`, normalize.pxd) and typed strings.
# Plain Python ignores this file.

cimport cython

from clearway.screening.normalize cimport PreparedName, Token

@cython.locals(latin=str, keys=list, initial=list, script=object, role=object, loose=str, i=Py_ssize_t)
cpdef list _token_keys(Token token, kind, bint deletions, bint particles_keyed)
