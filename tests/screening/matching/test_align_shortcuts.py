"""The aligner's shortcuts agree with the rules they stand in for: a shortcut may only skip work whose
outcome is known, never change a score."""

from __future__ import annotations

import csv
import itertools
import random
from pathlib import Path

import pytest

from clearway.screening import align as align_module
from clearway.screening.align import (
    _NO_MATCH,
    _glue_cover,
    _glued_both_ways,
    _glued_memo,
    _glued_pairs,
    _glued_similarity,
    _memo,
    _rounded_3,
    _Row,
    _token_similarity,
    _weight_of,
    align,
    align_above,
    clear_memo,
    forget_prefilled,
    prefill,
)
from clearway.screening.compare import (
    WEAK_ALIAS_FACTOR,
    Party,
    compare_prepared,
    compare_prepared_above,
    prepare_entry,
    prepare_party,
)
from clearway.screening.glue import glue_cover
from clearway.screening.letters import LETTER_LIMITS, edit_budget, letters_apart
from clearway.screening.lists.load import load_entries
from clearway.screening.normalize import (
    GLUE_LENGTH_GAP,
    NameKind,
    PreparedName,
    glued_by_consonants,
    prepare_name,
)

NAMES = [
    "Vladimir Vladimirovich Putin",
    "Владимир Путин",
    "Muammar Gaddafi",
    "Moammar Qadhafi",
    "Abdul Rahman al-Zawahiri",
    "Abdulrahman Zawahri",
    "خالد شيخ محمد",
    "Khalid Sheikh Mohammed",
    "J. Smith",
    "Xi Jinping",
    "习近平",
    "Gazprom Neft PJSC",
    "Gazprombank",
    "Rosoboronexport",
    "Alpha Trading LLC",
    "Petrova Anna",
    "Hong Pang Mining Company Limited",
    "Vessel 1234",
    "Aleksandra Kozlovskaya",
    "Aleksandr Kozlovsky",
]
SAMPLES = Path(__file__).parents[3] / "src" / "clearway" / "screening" / "samples"
KINDS = (NameKind.PERSON, NameKind.ORGANIZATION, NameKind.GENERIC)


def _names() -> list[PreparedName]:
    return [prepare_name(text, kind) for text in NAMES for kind in KINDS]


def test_letter_limits_follow_the_edit_budget() -> None:
    for cross_script in (False, True):
        limits = LETTER_LIMITS[cross_script]
        for shorter in range(40):
            for longer in range(shorter, 60):
                limit = limits[shorter] if shorter < len(limits) else limits[-1]
                assert limit == 2 * max(edit_budget(shorter, longer, cross_script), 1)


def test_tokens_told_apart_by_letters_never_match() -> None:
    tokens = {token.uid: token for name in _names() for token in name.tokens}.values()
    apart = 0
    for a, b in itertools.product(tokens, repeat=2):
        if letters_apart(a, b):
            apart += 1
            for kind in NameKind:
                assert _token_similarity(a, b, kind) == _NO_MATCH, (a.latin, b.latin, kind)
    assert apart  # the shortcut is taken at all


def test_the_memo_holds_exactly_the_similarities_of_the_rules() -> None:
    """The memo's fill tests the letter-set bound inline: whole rows must equal the rules pair by pair."""
    tokens = list({token.uid: token for name in _names() for token in name.tokens}.values())
    clear_memo()
    for kind in NameKind:
        for a in tokens:
            row = _Row()
            _memo.fill(row, a, tokens, kind)
            expected = {b.uid: found for b in tokens if (found := _token_similarity(a, b, kind))[0] > 0.0}
            assert row.positive == expected, (a.latin, kind)
            assert set(row) == {b.uid for b in tokens}
    clear_memo()


def _scores(pairs: list[tuple[PreparedName, PreparedName]]) -> list[tuple[float, tuple[object, ...]]]:
    return [((found := align(a, b)).score, found.pairs) for a, b in pairs]


def test_alignments_after_a_prefill_are_those_of_a_cold_memo() -> None:
    """`prefill` marks the names whose rows it completed, and their alignments skip the test of the rows:
    the alignments must be those computed from an empty memo, also when the memo is cleared between."""
    names = _names()
    pairs = [(a, b) for a in names[:12] for b in names]
    clear_memo()
    cold = _scores(pairs)
    for clear_between in (False, True):
        clear_memo()
        forget_prefilled()
        for query in names[:12]:
            prefill(query, names)
        assert _memo.complete  # the shortcut is taken at all
        if clear_between:
            clear_memo()
            assert not _memo.complete
        assert _scores(pairs) == cold
    clear_memo()


def test_a_prefill_cut_short_by_a_full_memo_marks_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fill that finds the memo full clears it, and with it the rows of the tokens filled before: the
    names cannot be marked complete."""
    names = _names()
    clear_memo()
    forget_prefilled()
    monkeypatch.setattr(align_module, "_MEMO_LIMIT", 5)
    clears = _memo.clears
    prefill(names[0], names)
    assert _memo.clears > clears
    assert not _memo.complete
    assert _scores([(names[0], b) for b in names]) == _scores_cold([(names[0], b) for b in names])
    clear_memo()


def _scores_cold(pairs: list[tuple[PreparedName, PreparedName]]) -> list[tuple[float, tuple[object, ...]]]:
    clear_memo()
    return _scores(pairs)


def test_glue_reach_never_misses_a_token_a_run_can_meet() -> None:
    names = _names()
    for runs, singles in itertools.product(names, repeat=2):
        meets = any(
            not symbols
            and not glued_by_consonants(list(runs.tokens), start)  # meets any token (see below)
            and glued[0] == token.latin[0]
            and abs(len(glued) - len(token.latin)) <= GLUE_LENGTH_GAP
            for start, _end, glued, symbols in runs.glued
            for token in singles.tokens
        )
        if meets:
            assert runs.glue_reach & singles.token_signatures, (runs.original, singles.original)


def test_the_glue_cover_names_every_run_and_token_a_run_can_meet() -> None:
    """The glued pass tries only the runs `_glue_cover` names, and the score bound counts only the tokens
    it names: checked against the rule itself (a symbol, or the initial and a length within the gap)."""
    names = _names()
    tried = 0
    for runs, singles in itertools.product(names, repeat=2):
        meeting, inside, met = _glue_cover(runs, singles)
        tried += len(meeting)
        reached_by = dict(meeting)
        numbers = [number for number, _reached in meeting]
        expected_numbers, expected_inside, expected_met = [], 0, 0
        for number, (start, end, glued, symbols) in enumerate(runs.glued):
            reached = {
                j
                for j, token in enumerate(singles.tokens)
                if symbols
                or glued_by_consonants(list(runs.tokens), start)  # met by consonants, at any length
                or (glued[0] == token.latin[0] and abs(len(glued) - len(token.latin)) <= GLUE_LENGTH_GAP)
            }
            if reached:
                assert all(reached_by[number] >> j & 1 for j in reached), (runs.original, singles.original)
                expected_numbers.append(number)
                expected_inside |= sum(1 << k for k in range(start, end + 1))
                expected_met |= sum(1 << j for j in reached)
        # Lengths from 15 up count as one: the cover may name more than the rule, never less.
        assert set(expected_numbers) <= set(numbers), (runs.original, singles.original)
        assert expected_inside & ~inside == 0 and expected_met & ~met == 0, (runs.original, singles.original)
        assert numbers == sorted(numbers)
        assert all(reached & ~met == 0 for _number, reached in meeting)
    assert 0 < tried < sum(len(runs.glued) for runs in names) * len(names)  # some runs are left out


def test_the_glue_cover_of_long_names_is_that_of_any_length() -> None:
    """Names of more tokens than a C integer has bits take the long way, with the same kind of answer."""
    words = [f"k{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(70)]  # kaa, kab, ...: 3 letters
    long_name = prepare_name(" ".join(words), NameKind.ORGANIZATION)
    other = prepare_name("Kirkwood Zhu", NameKind.ORGANIZATION)  # 8 letters: meets runs of 2-4 words
    assert len(long_name.tokens) == 70
    meeting, inside, met = glue_cover(long_name.run_shapes, other.token_shapes)
    assert len(meeting) == 69 + 68  # the runs of 2 and 3 words (6 and 9 letters), not those of 4 (12)
    assert {reached for _number, reached in meeting} == {0b01}  # "kirkwood", not "zhu"
    assert inside == (1 << 70) - 1 and met == 0b01
    meeting, inside, met = glue_cover(other.run_shapes, long_name.token_shapes)
    assert meeting == [] and inside == met == 0  # "kirkwoodzhu", 11 letters, meets no 3-letter word


def test_the_glued_pairs_are_those_of_every_run() -> None:
    """Trying only the runs that may meet a token finds the glued pairs a scan of every run finds."""
    names = _names()
    found = 0
    for query, candidate in itertools.product(names, repeat=2):
        for runs, singles, flipped in ((query, candidate, False), (candidate, query, True)):
            every_run = [(number, (1 << len(singles.tokens)) - 1) for number in range(len(runs.glued))]
            expected = _glued_pairs(runs, singles, flipped, set(), every_run)
            assert _glued_pairs(runs, singles, flipped, set(), _glue_cover(runs, singles)[0]) == expected
            found += len(expected)
        assert _glued_both_ways(query, candidate, []) == _glued_both_ways(
            query, candidate, [], _glue_cover(query, candidate)[0], _glue_cover(candidate, query)[0]
        )
    assert found


def test_the_glued_memo_holds_what_the_rule_says() -> None:
    """Glued similarities are memoised by run text, run symbols and token: every remembered value is the
    rule's, and a warm memo finds the glued pairs a cold one finds."""
    names = _names()
    tokens = {token.uid: token for name in names for token in name.tokens}
    cold = []
    for query, candidate in itertools.product(names, repeat=2):
        clear_memo()
        cold.append(_glued_both_ways(query, candidate, []))
    warm = [_glued_both_ways(q, c, []) for q, c in itertools.product(names, repeat=2)]
    assert warm == cold
    assert _glued_memo
    for (glued, symbols, uid, by_consonants, assimilated), similarity in _glued_memo.items():
        expected = _glued_similarity(glued, symbols, tokens[uid], by_consonants, assimilated)
        assert similarity == expected, (glued, tokens[uid].latin)
    clear_memo()
    assert not _glued_memo


EVAL_PAIRS = Path(__file__).parent / "data" / "eval_pairs.csv"


def _labelled_pairs() -> list[tuple[PreparedName, PreparedName]]:
    with EVAL_PAIRS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    pairs = []
    for row in rows:
        for kind in KINDS:
            left, right = prepare_name(row["name1"], kind), prepare_name(row["name2"], kind)
            if not left.is_empty and not right.is_empty:
                pairs.append((left, right))
    return pairs


def test_the_score_bound_never_cuts_a_name_that_reaches_the_floor() -> None:
    """`align_above` may skip a pair only if its full alignment scores below the floor; and where it does
    not skip, the alignment is the full one."""
    pairs = _labelled_pairs() + list(itertools.product(_names(), repeat=2))
    skipped = 0
    for floor in (0.3, 0.5, 0.6, 0.7, 0.8, 0.9):
        for query, candidate in pairs:
            full = align(query, candidate)
            bounded = align_above(query, candidate, floor)
            if bounded is None:
                skipped += 1
                assert full.score < floor, (query.original, candidate.original, floor, full.score)
            else:
                assert (bounded.score, bounded.pairs) == (full.score, full.pairs)
    assert skipped > len(pairs)  # the bound rules out pairs at all


def test_an_entry_scores_as_its_best_name_whatever_the_order_of_its_names() -> None:
    """Once one name of an entry has scored, the others are aligned only to beat it (the bound may rule
    them out): the match must still be that of the best name, weak aliases weighted down, found by
    aligning every name."""
    entries = [
        prepared
        for source in ("ofac", "un/sample.xml")
        for prepared in map(prepare_entry, load_entries(SAMPLES / source))
        if len(prepared.names) > 1
    ]
    assert any(any(p.weak) for p in entries)  # weak aliases are part of what is checked
    queries = [name.original for p in entries for name in p.names]
    checked = 0
    for text in queries:
        query = prepare_party(Party(text))
        for prepared in entries:
            best, best_name = -1.0, ""
            for name, weak in zip(prepared.names, prepared.weak, strict=True):
                for query_name in query.names_for(prepared.kind):
                    score = align(query_name, name).score * (WEAK_ALIAS_FACTOR if weak else 1.0)
                    if score > best:
                        best, best_name = score, name.original
            everything = range(len(prepared.names))
            match = compare_prepared(query, prepared, everything)
            assert (match.explanation.name_score, match.matched_name) == (round(best, 4), best_name)
            above = compare_prepared_above(query, prepared, everything, 0.6)
            assert (above is None) == (match.score < 0.6)
            checked += above is not None
    assert checked > len(queries)  # names of an entry find it, at least


@pytest.mark.parametrize(
    "value",
    [
        0.0, 1.0, 0.5, 0.9999, 0.0005, 0.0015, 0.0025, 0.1235, 0.8445, 0.9995, 0.12345678,
        0.333333333333, 0.6666666666667, 0.8455 + 1e-12, 0.8455 - 1e-12, 0.7125 + 4e-7, 0.7125 - 4e-7,
    ],
)  # fmt: skip
def test_the_parts_similarity_rounds_as_round_does(value: float) -> None:
    """The explanation's part similarities skip `round`'s decimal conversion away from a tie: the same
    float, ties included (they go to `round` itself)."""
    assert _rounded_3(value) == round(value, 3)


def test_the_parts_similarity_rounds_as_round_does_on_every_thousandth_and_half() -> None:
    values = [step / 2000 + offset for step in range(2001) for offset in (0.0, 1e-13, -1e-13, 3e-7, -3e-7)]
    assert [_rounded_3(value) for value in values] == [round(value, 3) for value in values]


@pytest.mark.parametrize("size", [1, 5, 63, 64, 70, 130])
def test_the_bound_sums_the_weights_of_any_bit_set_in_position_order(size: int) -> None:
    """`_weight_of` adds 63 bits at a time (a C loop when compiled): the same float as adding the weights
    of the set bits one by one in position order, for names shorter and longer than one chunk."""
    rng = random.Random(size)
    weights = tuple(rng.random() for _ in range(size))
    for bits in [0, (1 << size) - 1, *(rng.getrandbits(size) for _ in range(200))]:
        expected = 0.0
        for position in range(size):
            if bits >> position & 1:
                expected += weights[position]
        assert _weight_of(weights, bits) == expected
