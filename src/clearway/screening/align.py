"""Token similarity and the alignment of two prepared names into one name score.

Scoring model (token weights come from `normalize`):

- Candidate pairs are single tokens on both sides, or a run of 2-4 adjacent tokens on one side glued
  together against one token on the other ("Abdul Rahman" = "Abdulrahman", "jin ping" = "Jinping").
  They are taken greedily, most similar first, regardless of order (names are reordered: family name
  first, "SMITH, John"). Similarity is 1 for equal Latin forms and lower for name variants, romanisation
  variants, initials, typos within a length-dependent edit budget, phonetic equality (as a booster of a
  plausible edit) and consonant skeletons (Arabic/Hebrew). Numbers match only exactly.
- score = Σ sim·mass / (Σ mass + conflict + extra_factor · extra), where the mass of a pair is the mean
  weight of its two sides, `conflict` the weight left unmatched on *both* sides (a different first name,
  "Trading" vs "Shipping") and `extra` the weight present on one side only (a middle name, a patronymic).
  Extra tokens cost little for people (lists add middle names and patronymics) and more for organisations
  ("Gazprom" vs "Gazprom Neft" are different companies).
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter

from rapidfuzz.distance import OSA

from clearway.screening.normalize import (
    GLUE_LENGTH_GAP,
    ONE_POSITION,
    NameKind,
    PreparedName,
    Script,
    Token,
    TokenRole,
)

SIM_EXACT = 1.0
SIM_VARIANT = 0.95  # rigour name-variant / synonym symbol shared
SIM_SPELLING = 0.92  # same folded romanisation
SIM_INITIAL = 0.9
SIM_PHONETIC = 0.85
SIM_SKELETON = 0.85
SIM_SKELETON_NEAR = 0.6
MIN_TOKEN_SIM = 0.6

EXTRA_FACTOR = {
    NameKind.PERSON: 0.35,
    NameKind.ORGANIZATION: 0.8,
    NameKind.OBJECT: 0.8,
    NameKind.GENERIC: 0.6,
}
REORDER_FACTOR = {NameKind.PERSON: 1.0, NameKind.GENERIC: 0.99}
REORDER_FACTOR_DEFAULT = 0.97
_FEMININE_ENDINGS = (("skiy", "skaya"), ("sky", "skaya"), ("ski", "ska"), ("iy", "aya"))


@dataclass(frozen=True, slots=True)
class PartMatch:
    query: str
    candidate: str
    method: str  # exact, transliterated, variant, spelling, phonetic, skeleton, typo, initial, glued
    similarity: float


# (similarity, mass, query token indexes, candidate token indexes, method)
_Pair = tuple[float, float, tuple[int, ...], tuple[int, ...], str]


@dataclass(slots=True)  # not frozen: a frozen __init__ costs a few µs, and one is made per pair of names
class Alignment:
    """A scored alignment; the readable parts are only built for the alignments that get reported.
    Treat as immutable."""

    score: float
    query: PreparedName
    candidate: PreparedName
    pairs: tuple[_Pair, ...]
    reordered: bool

    @property
    def parts(self) -> tuple[PartMatch, ...]:
        q_tokens, c_tokens = self.query.tokens, self.candidate.tokens
        return tuple(
            PartMatch(
                " ".join(q_tokens[i].text for i in q_side),
                " ".join(c_tokens[j].text for j in c_side),
                method,
                round(sim, 3),
            )
            for sim, _mass, q_side, c_side, method in self.pairs
        )

    @property
    def unmatched_query(self) -> tuple[str, ...]:
        used = {i for pair in self.pairs for i in pair[2]}
        return tuple(t.text for i, t in enumerate(self.query.tokens) if i not in used)

    @property
    def unmatched_candidate(self) -> tuple[str, ...]:
        used = {j for pair in self.pairs for j in pair[3]}
        return tuple(t.text for j, t in enumerate(self.candidate.tokens) if j not in used)


def edit_budget(shorter: int, longer: int, cross_script: bool) -> int:
    """Edits tolerated between two tokens: none between short tokens of one length (Jie/Jia, Min/Jin are
    other names), one for a letter dropped from a five-letter name (Putin/Puin), more for long tokens and
    across scripts (romanisation is lossy)."""
    if shorter <= 4:
        return 1 if (cross_script and shorter >= 3) or (shorter == 4 and longer > 4) else 0
    budget = 1 if shorter <= 5 else 2 if shorter <= 8 else 3
    return budget + 1 if cross_script else budget


_MEMO_LIMIT = 1_000_000
_KIND_CODE = {NameKind.PERSON: 0, NameKind.ORGANIZATION: 1, NameKind.OBJECT: 2, NameKind.GENERIC: 3}
_NO_MATCH = (0.0, "")
_MAX_BUDGET = 4


class _Row:
    """The similarities of one query token (for one kind) to the candidate tokens seen so far, by uid."""

    __slots__ = ("known", "positive")

    def __init__(self) -> None:
        self.known: set[int] = set()
        self.positive: dict[int, tuple[float, str]] = {}  # only the similar ones: few per row


class _Memo:
    """Token similarities already computed, one row per (query token, kind): names repeat tokens, so
    most similarities are looked up. A row keeps the uids it has seen and the similar ones apart, so that
    a whole candidate name is checked with two set operations instead of a lookup per token pair."""

    def __init__(self) -> None:
        self.rows: dict[int, _Row] = {}
        self.size = 0

    def row(self, a: Token, code: int) -> _Row:
        key = a.uid * 4 + code
        found = self.rows.get(key)
        if found is None:
            found = self.rows[key] = _Row()
        return found

    def fill(self, row: _Row, a: Token, others: list[Token], kind: NameKind) -> None:
        if self.size >= _MEMO_LIMIT:
            self.clear()
            self.rows[a.uid * 4 + _KIND_CODE[kind]] = row  # the caller's row lives on (refilled below)
        for b in others:
            found = _token_similarity(a, b, kind)
            if found[0] > 0.0:
                row.positive[b.uid] = found
            row.known.add(b.uid)
        self.size += len(others)

    def clear(self) -> None:
        self.rows.clear()
        self.size = 0


_memo = _Memo()


def clear_memo() -> None:
    """Forget every memoised similarity (benchmarks measure the cold path with it)."""
    _memo.clear()


def token_similarity(a: Token, b: Token, kind: NameKind) -> tuple[float, str]:
    """Similarity of two tokens in [0, 1] and how it was established (memoised: names repeat tokens)."""
    row = _memo.row(a, _KIND_CODE[kind])
    if b.uid not in row.known:
        _memo.fill(row, a, [b], kind)
    return row.positive.get(b.uid, _NO_MATCH)


def _token_similarity(a: Token, b: Token, kind: NameKind) -> tuple[float, str]:
    if a.latin == b.latin:
        return SIM_EXACT, "exact" if a.script == b.script == Script.LATIN else "transliterated"
    if a.special or b.special:
        if a.role == TokenRole.NUMBER or b.role == TokenRole.NUMBER:
            return _NO_MATCH
        return _initial_similarity(a, b, kind)
    length_gap = abs(len(a.latin) - len(b.latin))
    if kind == NameKind.PERSON and 0 < length_gap <= 2 and _gender_variants(a, b):
        return _NO_MATCH
    if a.symbols and not a.symbols.isdisjoint(b.symbols):
        return SIM_VARIANT, "variant"
    if a.folded == b.folded:
        return SIM_SPELLING, "spelling"
    if length_gap > _MAX_BUDGET and a.phonetic != b.phonetic and a.script != Script.ABJAD != b.script:
        return _NO_MATCH  # no edit, folding or sound can bridge this: most token pairs end here
    return _fuzzy_similarity(a, b)


def _initial_similarity(a: Token, b: Token, kind: NameKind) -> tuple[float, str]:
    if kind in (NameKind.PERSON, NameKind.GENERIC) and a.latin[:1] == b.latin[:1]:
        return SIM_INITIAL, "initial"
    return _NO_MATCH


def _gender_variants(first: Token, second: Token) -> bool:
    """Petrov/Petrova, Aleksandr/Aleksandra, Kozlovsky/Kozlovskaya: related names of different people."""
    a, b = first.latin, second.latin
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if long[-1] != "a" or first.script != second.script:
        return False  # every feminine form here ends in -a
    if len(short) >= 4 and long == short + "a" and short[-1] not in "aeiouy":
        return True
    return any(short.endswith(m) and long.endswith(f) and short[: -len(m)] == long[: -len(f)]
               for m, f in _FEMININE_ENDINGS)  # fmt: skip


def _fuzzy_similarity(a: Token, b: Token) -> tuple[float, str]:
    cross_script = a.script != b.script
    length_a, length_b = len(a.latin), len(b.latin)
    longer = max(length_a, length_b)
    budget = edit_budget(min(length_a, length_b), longer, cross_script)
    abjad = (a.script == Script.ABJAD) != (b.script == Script.ABJAD)  # one side written without vowels
    if not abjad:
        # Each edit changes at most two bits of a letter set: too many differing letters, no match.
        limit = 2 * max(budget, 1)
        if (a.letters ^ b.letters).bit_count() > limit and (
            a.folded_letters ^ b.folded_letters
        ).bit_count() > limit:
            return _NO_MATCH
        if abs(length_a - length_b) > budget + 1 and a.phonetic != b.phonetic:
            return _NO_MATCH
    distance = OSA.distance(a.latin, b.latin, score_cutoff=max(budget, 1))
    best, method = (1.0 - distance / longer, "typo") if distance <= budget else _NO_MATCH
    if abjad:
        # Vowel-less transliterations defeat folding and metaphone; compare consonant skeletons instead.
        if best < SIM_SKELETON:
            best, method = max((best, method), _skeleton_similarity(a.skeleton, b.skeleton))
        return (best, method) if best >= MIN_TOKEN_SIM else _NO_MATCH
    if not best:
        # Romanisation variants plus a typo: Yusuf / Youssef fold to iusuf / iusef.
        distance = OSA.distance(a.folded, b.folded, score_cutoff=max(budget, 1))
        if distance <= budget:
            best, method = 0.95 * (1.0 - distance / longer), "spelling"
    same_sound = a.phonetic == b.phonetic and len(a.phonetic) >= 2 and a.latin[0] == b.latin[0]
    if best < SIM_PHONETIC and same_sound and distance <= max(budget, 1):
        best, method = SIM_PHONETIC, "phonetic"
    return (best, method) if best >= MIN_TOKEN_SIM else _NO_MATCH


def _skeleton_similarity(a: str, b: str) -> tuple[float, str]:
    # Arabic and Hebrew omit short vowels: "mhmd" is Muhammad, "khald" Khaled.
    if len(a) < 2 or len(b) < 2:
        return 0.0, ""
    if a == b:
        return SIM_SKELETON, "skeleton"
    if min(len(a), len(b)) >= 3 and OSA.distance(a, b, score_cutoff=1) <= 1:
        return SIM_SKELETON_NEAR, "skeleton"
    return 0.0, ""


# Pairs are ranked by similarity, then mass (a stable sort: ties keep the order they were found in).
_pair_order = itemgetter(0, 1)


def align(query: PreparedName, candidate: PreparedName) -> Alignment:
    """Align two prepared names and score the alignment."""
    kind = query.kind if query.kind == candidate.kind else NameKind.GENERIC
    candidates = _single_pairs(query, candidate, kind)
    if len(candidates) > 1:
        candidates.sort(key=_pair_order, reverse=True)
    chosen = _choose(candidates) if candidates else candidates
    if _glue_may_help(chosen, len(query.tokens), len(candidate.tokens)):
        # A run without a symbol meets no token unless a token's signature is within its reach: most
        # pairs of unrelated names end with these two set tests.
        glued: list[_Pair] = []
        if query.glued_symbols or not query.glue_reach.isdisjoint(candidate.token_signatures):
            glued = _glued_pairs(query, candidate, False, chosen)
        if candidate.glued_symbols or not candidate.glue_reach.isdisjoint(query.token_signatures):
            glued += _glued_pairs(candidate, query, True, chosen)
        if glued:
            candidates.extend(glued)
            candidates.sort(key=_pair_order, reverse=True)
            chosen = _choose(candidates)
    return _score(query, candidate, chosen, kind)


def _glue_may_help(chosen: list[_Pair], q_count: int, c_count: int) -> bool:
    """Gluing needs a side with two tokens and something to explain: leftovers on both sides or a weak
    pair (the single-token pass may have paired "qiang" with "keqiang", leaving "ke")."""
    if q_count < 2 and c_count < 2:
        return False
    return len(chosen) < min(q_count, c_count) or any(pair[0] < SIM_SPELLING for pair in chosen)


_ONE = ONE_POSITION  # pairs of single tokens would otherwise build two tuples per pair


def _single_pairs(query: PreparedName, candidate: PreparedName, kind: NameKind) -> list[_Pair]:
    """Every pair of similar single tokens, in query then candidate order. The hot loop of screening:
    per query token, the candidate's tokens not seen before are compared, then the similar ones are
    picked out of the memo row with one set intersection."""
    pairs: list[_Pair] = []
    memo = _memo
    code = _KIND_CODE[kind]
    c_tokens, c_uids, c_positions = candidate.tokens, candidate.uids, candidate.positions_by_uid
    one = (
        _ONE
        if len(query.tokens) <= len(_ONE) and len(c_tokens) <= len(_ONE)
        else _positions(query, candidate)
    )
    rows = memo.rows
    for i, a in enumerate(query.tokens):
        row = rows.get(a.uid * 4 + code) or memo.row(a, code)
        missing = c_uids - row.known
        if missing:
            memo.fill(row, a, [c_tokens[c_positions[uid][0]] for uid in missing], kind)
        similar = row.positive.keys() & c_uids
        if not similar:
            continue
        positions = [j for uid in similar for j in c_positions[uid]]
        if len(positions) > 1:
            positions.sort()
        positive, weight = row.positive, a.weight
        for j in positions:
            b = c_tokens[j]
            sim, method = positive[b.uid]
            pairs.append((sim, (weight + b.weight) / 2, one[i], one[j], method))
    return pairs


def _positions(*names: PreparedName) -> tuple[tuple[int], ...]:
    return tuple((position,) for position in range(max(len(name.tokens) for name in names)))


def _glued_pairs(
    runs: PreparedName, singles: PreparedName, flipped: bool, chosen: list[_Pair]
) -> list[_Pair]:
    """Runs of adjacent tokens on one side glued together, against single tokens of the other side.
    Runs that contain a token already matched strongly are skipped. Without a shared symbol a run only
    meets tokens with its first letter and a length within GLUE_LENGTH_GAP of its own."""
    strong = [pair for pair in chosen if pair[0] >= SIM_SPELLING]
    busy = {i for pair in strong for i in (pair[3] if flipped else pair[2])}
    pairs: list[_Pair] = []
    tokens = runs.tokens
    single_tokens = singles.tokens
    for start, end, glued, symbols in runs.glued:
        if busy and not busy.isdisjoint(range(start, end + 1)):
            continue
        initial, length = glued[0], len(glued)
        for j, single in enumerate(single_tokens):
            if not symbols and (
                single.latin[0] != initial or abs(length - len(single.latin)) > GLUE_LENGTH_GAP
            ):
                continue
            sim = _glued_similarity(glued, symbols, single)
            if sim < MIN_TOKEN_SIM:
                continue
            run = tuple(range(start, end + 1))
            mass = (sum(tokens[k].weight for k in run) + single.weight) / 2
            pairs.append((sim, mass, (j,), run, "glued") if flipped else (sim, mass, run, (j,), "glued"))
    return pairs


def _glued_similarity(glued: str, symbols: frozenset[str], single: Token) -> float:
    if symbols and not symbols.isdisjoint(single.symbols):
        return SIM_VARIANT
    if abs(len(glued) - len(single.latin)) > GLUE_LENGTH_GAP:
        return 0.0
    if glued == single.latin:
        return SIM_EXACT
    shorter, longer = sorted((len(glued), len(single.latin)))
    budget = edit_budget(shorter, longer, single.script != Script.LATIN)
    distance = OSA.distance(glued, single.latin, score_cutoff=budget)
    return 1.0 - distance / max(len(glued), len(single.latin)) if distance <= budget else 0.0


def _choose(candidates: list[_Pair]) -> list[_Pair]:
    """Greedy one-to-one selection, best similarity (then mass) first."""
    chosen: list[_Pair] = []
    taken_q: set[int] = set()
    taken_c: set[int] = set()
    for pair in candidates:
        q_side, c_side = pair[2], pair[3]
        if taken_q.isdisjoint(q_side) and taken_c.isdisjoint(c_side):
            taken_q.update(q_side)
            taken_c.update(c_side)
            chosen.append(pair)
    return chosen


def _score(query: PreparedName, candidate: PreparedName, pairs: list[_Pair], kind: NameKind) -> Alignment:
    if not pairs:
        return Alignment(0.0, query, candidate, (), False)  # nothing in common: most pairs of names
    matched = weighted = used_q = used_c = conflicting_q = conflicting_c = 0.0
    q_weights, c_weights = query.weights, candidate.weights
    q_conflict, c_conflict = query.conflict_weights, candidate.conflict_weights
    for sim, mass, q_side, c_side, _method in pairs:
        matched += mass
        weighted += mass * sim
        for i in q_side:
            used_q += q_weights[i]
            conflicting_q += q_conflict[i]
        for j in c_side:
            used_c += c_weights[j]
            conflicting_c += c_conflict[j]
    rest_q = max(0.0, query.total_weight - used_q)
    rest_c = max(0.0, candidate.total_weight - used_c)
    conflict = min(rest_q, rest_c)
    extra = max(rest_q, rest_c) - conflict
    if conflict > 0.0:
        # A word on each side that the other lacks: generic words ("Trading" vs "Shipping") conflict
        # at a higher weight than they match with, because they then tell two businesses apart.
        conflict = max(
            0.0, min(query.total_conflict - conflicting_q, candidate.total_conflict - conflicting_c)
        )
    denominator = matched + conflict + EXTRA_FACTOR[kind] * extra
    score = weighted / denominator if denominator > 0 else 0.0
    reordered = len(pairs) > 1 and _is_reordered(pairs)
    if reordered:
        score *= REORDER_FACTOR.get(kind, REORDER_FACTOR_DEFAULT)
    return Alignment(min(1.0, score), query, candidate, tuple(pairs), reordered)


def _is_reordered(pairs: list[_Pair]) -> bool:
    previous = -1
    for pair in sorted(pairs, key=_first_query_index):
        if pair[3][0] < previous:
            return True
        previous = pair[3][0]
    return False


def _first_query_index(pair: _Pair) -> int:
    return pair[2][0]
