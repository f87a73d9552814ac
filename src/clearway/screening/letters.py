"""Edit budgets, and the letter-set test that rules out most pairs of tokens before any rule is tried.

The aligner memoises token similarities per query token (`align._Memo`): filling a row compares the query
token with candidate tokens it has not met, and most of those pairs share too few letters for any edit,
spelling fold or sound to bridge them. `fill_row` runs that test on two ints per token and asks the
rules (`align._token_similarity`) only about the pairs it cannot rule out.

This is the plain form; `letters.pyx` is its typed twin, compiled at install (see `compiled`), with the
same results: the test reads the same fields and is decided by the same integer arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, MutableSet

from clearway.screening.normalize import NameKind, Script, Token

Similarity = Callable[[Token, Token, NameKind], tuple[float, str]]

_ABJAD = Script.ABJAD


def edit_budget(shorter: int, longer: int, cross_script: bool, vowelless: bool = False) -> int:
    """Edits tolerated between two tokens: none between short tokens of one length (Jie/Jia, Min/Jin are
    other names), one for a letter dropped from a five-letter name (Putin/Puin), more for long tokens, and
    for short tokens across scripts (romanisation is lossy). A long token gets one more only against a
    script written without vowels (`vowelless`: Arabic, Hebrew), whose readings guess them: a Cyrillic or
    Greek name is read letter for letter, and one more edit there made other surnames typos of each other
    (Shevchuk / Шевченко, Semin / Сечин, Abramov / Абрамович: seven false alerts in a labelled set, at the
    cost of one match, Πειραιώς / Piraeus)."""
    if shorter <= 4:
        return 1 if (cross_script and shorter >= 3) or (shorter == 4 and longer > 4) else 0
    budget = 1 if shorter <= 5 else 2 if shorter <= 8 else 3
    return budget + 1 if vowelless else budget


# The letter-set limit, 2 * max(edit budget, 1), by the shorter length (up to the length from which it no
# longer changes) and whether the scripts differ: the budget depends on the longer length only where it
# is 0 or 1, which give the same limit.
LETTER_LIMITS = tuple(
    tuple(2 * max(edit_budget(shorter, shorter + 1, cross_script), 1) for shorter in range(10))
    for cross_script in (False, True)
)


def letters_apart(a: Token, b: Token) -> bool:
    """True when the rules would find no match because of the letter-set bound alone: no rule before it
    can match (the Latin and folded forms differ, as their letter sets do; neither is a number or an
    initial; no shared symbol), no vowel-less script is involved, the two are not words of two scripts
    with one sound key (a Cyrillic word may render a Western name by its sound: `western`), and the letter
    sets differ by more than the edit budget allows (each edit changes at most two bits of a set)."""
    if a.special or b.special or a.script == _ABJAD or b.script == _ABJAD:
        return False
    if a.western and a.script != b.script and a.western == b.western:
        return False
    if a.symbols and not a.symbols.isdisjoint(b.symbols):
        return False
    length_a, length_b = len(a.latin), len(b.latin)
    shorter = length_a if length_a < length_b else length_b
    limits = LETTER_LIMITS[a.script != b.script]
    limit = limits[shorter] if shorter < len(limits) else limits[-1]
    return (a.letters ^ b.letters).bit_count() > limit and (
        a.folded_letters ^ b.folded_letters
    ).bit_count() > limit


def fill_row(
    seen: MutableSet[int],
    positive: dict[int, tuple[float, str]],
    a: Token,
    others: Iterable[Token],
    kind: NameKind,
    similarity: Similarity,
) -> None:
    """Compare `a` with each of `others`: every uid goes into `seen`, the similar ones into `positive`."""
    for b in others:
        if not letters_apart(a, b):
            found = similarity(a, b, kind)
            if found[0] > 0.0:
                positive[b.uid] = found
        seen.add(b.uid)
