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

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import itemgetter

from rapidfuzz.distance import OSA

from clearway.screening.glue import glue_cover
from clearway.screening.letters import edit_budget, fill_row
from clearway.screening.normalize import (
    GLUE_LENGTH_GAP,
    ONE_POSITION,
    WEIGHT_GENERIC_ORG,
    WEIGHT_LEGAL_WORD,
    WEIGHT_PARTICLE,
    NameKind,
    PreparedName,
    Script,
    Token,
    TokenRole,
    abbreviates,
    by_syllables,
    consonants,
    fold,
    is_syllable,
    loose_skeleton,
    skeleton,
    spells_consonants,
)
from clearway.screening.translit import is_han_character, russian_latin_text, simplified_han
from clearway.screening.vocabulary import COUNTRY_SYMBOLS, OTHER_FORM_PREFIX
from clearway.screening.wade_giles import (
    PINYIN_PAIR_LENGTH,
    PINYIN_SYLLABLES,
    one_syllable_in_two_systems,
    pinyin_pair,
)
from clearway.screening.western import sound_alike

SIM_EXACT = 1.0
SIM_VARIANT = 0.95  # rigour name-variant / synonym symbol shared
SIM_SPELLING = 0.92  # same folded romanisation
SIM_RUSSIAN_ENDING = 0.85  # a surname with and without Russian -ov / -ev (Rakhmonov / Rahmon)
SIM_OTHER_FORM = 0.85  # one given name in two languages, or a short form of it (Giuseppe / Joseph)
SIM_INITIAL = 0.9
SIM_PHONETIC = 0.85
SIM_SKELETON = 0.85
SIM_SKELETON_NEAR = 0.6
SIM_INITIALISM = 0.9  # "IRISL" for "Islamic Republic of Iran Shipping Lines"
SIM_INITIALISM_SHORT = 0.75  # three initials ("PIJ"): shared by too many names to alert on their own
# Latin g for ق (q) or ك (k), as Libyan and Egyptian spellings have it (Gaddafi = القذافي): like a typo.
SIM_SKELETON_G = 0.8
SIM_SKELETON_LOOSE = 0.8  # the skeletons agree once long-vowel letters are set aside (`loose_skeleton`)
MIN_TOKEN_SIM = 0.6
INITIALS_ONLY_CAP = 0.5  # the most a pair of names matched by initials alone can score

EXTRA_FACTOR = {
    NameKind.PERSON: 0.35,
    NameKind.ORGANIZATION: 0.8,
    NameKind.OBJECT: 0.8,
    NameKind.GENERIC: 0.6,
}
# A person's name that is the other name with words left out, every word of it matched closely and in
# order, and weighing at least as much as the words left out ("Rosario MURILLO" in "Rosario María MURILLO
# ZAMBRANA": a middle name and the second surname, which Spanish and Portuguese names often drop).
EXTRA_FACTOR_SHORT_FORM = 0.2
# An organisation's name that is the other's with only words of what it is left out ("AL-HARAMAIN" /
# "AL-HARAMAIN ISLAMIC FOUNDATION": `_described_short_form`). The lists give one entity such aliases, and
# 284 of 790 such pairs of one OFAC or UN organisation's names scored below 0.80 at the usual factor.
EXTRA_FACTOR_DESCRIBED = 0.3
SHORT_FORM_MIN_MASS = 1.75
REORDER_FACTOR = {NameKind.PERSON: 1.0, NameKind.GENERIC: 0.99}
REORDER_FACTOR_DEFAULT = 0.97
# "Khalid bin Mahfouz" and "Mahfouz bin Khalid" are a man and his son (or father): the words around a
# lineage particle say who is whose child, so reading them the other way round is another person.
LINEAGE_PARTICLES = frozenset({"bin", "ibn", "ben", "bint", "binti", "bn", "ould", "wld", "bnt"})
LINEAGE_SWAP_FACTOR = 0.7
_FEMININE_ENDINGS = (("skiy", "skaya"), ("sky", "skaya"), ("ski", "ska"), ("iy", "aya"))
# Enum members the hot paths test, as module constants: reading `NameKind.PERSON` goes through the enum
# metaclass and costs more than the comparison itself. A token's script and role are always one of these
# members (one object each), so they are compared by identity: `==` on a str enum compares the strings.
_PERSON, _GENERIC, _OBJECT = NameKind.PERSON, NameKind.GENERIC, NameKind.OBJECT
_ORGANIZATION = NameKind.ORGANIZATION
_PERSON_OR_GENERIC = (NameKind.PERSON, NameKind.GENERIC)
_LATIN, _ABJAD, _OTHER = Script.LATIN, Script.ABJAD, Script.OTHER
_NUMBER, _NAME, _PARTICLE = TokenRole.NUMBER, TokenRole.NAME, TokenRole.PARTICLE


@dataclass(frozen=True)  # no slots: an extension type in the compiled build (align.pxd), its fields C's
class PartMatch:
    query: str
    candidate: str
    # exact, transliterated, variant, other form, spelling, phonetic, skeleton, typo, initial, glued
    method: str
    similarity: float

    def __reduce__(self) -> tuple[type[PartMatch], tuple[str, str, str, float]]:
        # Pickled as its fields (batch workers send matches back): a third of the default's cost.
        return PartMatch, (self.query, self.candidate, self.method, self.similarity)


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
    lineage_swapped: bool = False  # "X bin Y" against "Y bin X": a father and his son (see `_score`)
    parent_named: bool = False  # "Y bin Z" against "X bin Y bin Z": a father against his son's name

    @property
    def parts(self) -> tuple[PartMatch, ...]:
        return _parts(self.query, self.candidate, self.pairs)

    @property
    def unmatched_query(self) -> tuple[str, ...]:
        return _unmatched(self.query, self.pairs, True)

    @property
    def unmatched_candidate(self) -> tuple[str, ...]:
        return _unmatched(self.candidate, self.pairs, False)


def _parts(query: PreparedName, candidate: PreparedName, pairs: tuple[_Pair, ...]) -> tuple[PartMatch, ...]:
    """The readable parts of an alignment's pairs (plain loops: compiled as C, align.pxd)."""
    parts = []
    for sim, _mass, q_side, c_side, method in pairs:
        parts.append(
            PartMatch(_side_text(query, q_side), _side_text(candidate, c_side), method, _rounded_3(sim))
        )
    return tuple(parts)


def _side_text(name: PreparedName, side: tuple[int, ...]) -> str:
    tokens = name.tokens
    if len(side) == 1:  # most pairs: one token
        return tokens[side[0]].text
    return " ".join([tokens[position].text for position in side])


def _unmatched(name: PreparedName, pairs: tuple[_Pair, ...], query_side: bool) -> tuple[str, ...]:
    """The texts of `name`'s tokens in no pair, in order (`name` is the query's when `query_side`)."""
    used: set[int] = set()
    for pair in pairs:
        used.update(pair[2] if query_side else pair[3])
    return tuple([token.text for position, token in enumerate(name.tokens) if position not in used])


# Within this distance of a half, `round` decides (its exact decimal rounding, half to even).
_NEAR_HALF = 1e-6


def _rounded_3(value: float) -> float:
    """`round(value, 3)`, the same float, without its decimal conversion (a microsecond a call) when
    `value` is not near a tie: then the nearest integer to value × 1000 (off by at most an ulp, far less
    than the distance to the tie) is the decimal rounding's, and its quotient by 1000 the same float."""
    scaled = value * 1000.0
    below = scaled // 1.0
    if abs(scaled - below - 0.5) < _NEAR_HALF:
        return round(value, 3)
    return (below + 1 if scaled - below > 0.5 else below) / 1000.0


_LETTER_RUN = re.compile(r"(.)\1\1")
_MEMO_LIMIT = 1_000_000
_KIND_CODE = {NameKind.PERSON: 0, NameKind.ORGANIZATION: 1, NameKind.OBJECT: 2, NameKind.GENERIC: 3}
_NO_MATCH = (0.0, "")
_MAX_BUDGET = 4


# `set`, not `set[int]`: the compiled build makes this an extension type (align.pxd), whose base Cython
# must recognise as the builtin set.
class _Row(set):  # type: ignore[type-arg]
    """The uids of the candidate tokens one query token (for one kind) was compared with so far, and in
    `positive` the similar ones. A set itself, so that "all known?" is one subset test of the row."""

    __slots__ = ("positive",)

    def __init__(self) -> None:
        # set.__init__ is not called: it only fills a set from an iterable, and this one starts empty
        self.positive: dict[int, tuple[float, str]] = {}  # only the similar ones: few per row


class _Memo:
    """Token similarities already computed, one row per (query token, kind): names repeat tokens, so
    most similarities are looked up. A row keeps the uids it has seen and the similar ones apart, so that
    a whole candidate name is checked for tokens not seen yet with one subset test, and only its few
    tokens are looked up among the similar ones. Rows are kept per kind, by token uid."""

    def __init__(self) -> None:
        self.rows: tuple[dict[int, _Row], ...] = ({}, {}, {}, {})  # by `_KIND_CODE`
        self.size = 0
        # The query names `prefill` compared with every token of some candidate names, since the last
        # `forget_prefilled`: id(query) → (query, those names, their ids). An alignment of such a pair
        # skips testing the query's rows for the candidate's tokens. The names are held, so that no other
        # name takes one's id while it is here; `clear` forgets all (the rows are gone).
        self.complete: dict[int, tuple[PreparedName, list[PreparedName], set[int]]] = {}
        self.clears = 0

    def row(self, a: Token, code: int) -> _Row:
        rows = self.rows[code]
        found = rows.get(a.uid)
        if found is None:
            found = rows[a.uid] = _Row()
        return found

    def fill(self, row: _Row, a: Token, others: list[Token], kind: NameKind) -> None:
        if self.size >= _MEMO_LIMIT:
            self.clear()
            self.rows[_KIND_CODE[kind]][a.uid] = row  # the caller's row lives on (refilled below)
        fill_row(row, row.positive, a, others, kind, _token_similarity)
        self.size += len(others)

    def clear(self) -> None:
        for rows in self.rows:
            rows.clear()
        self.size = 0
        self.complete.clear()
        self.clears += 1


_memo = _Memo()
# Similarities of a glued run with a single token, by (run text, run symbols, token uid, whether compared
# by consonants: an Arabic-script run with a Latin token, and the run as said, `article_assimilated`):
# namesakes
# ("Abd al-Majid Aziz al-Zindani" and its aliases) have the same runs, and each alignment of a long
# Arabic name with one of them tried a dozen run-token pairs, each an edit distance.
_GluedKey = tuple[str, frozenset[str], int, bool, str | None]
_glued_memo: dict[_GluedKey, float] = {}
_GLUED_MEMO_LIMIT = 200_000


def clear_memo() -> None:
    """Forget every memoised similarity (benchmarks measure the cold path with it)."""
    _memo.clear()
    _glued_memo.clear()


def prefill(query: PreparedName, candidates: Iterable[PreparedName]) -> None:
    """Compare each token of `query` with every token of `candidates` not compared before, in one pass
    per token: screening knows the fifteen names it will align a query with before aligning any, and
    filling a row once for all of them costs a fraction of filling it name by name (`_single_pairs`)."""
    candidates = list(candidates)
    by_kind: dict[NameKind, dict[int, Token]] = {}
    for candidate in candidates:
        kind = query.kind if query.kind == candidate.kind else _GENERIC
        tokens = by_kind.setdefault(kind, {})
        for token in candidate.tokens:
            tokens[token.uid] = token
    memo = _memo
    clears = memo.clears
    for kind, tokens in by_kind.items():
        code = _KIND_CODE[kind]
        for a in query.tokens:
            row = memo.row(a, code)
            if not tokens.keys() <= row:
                memo.fill(row, a, [b for uid, b in tokens.items() if uid not in row], kind)
    if memo.clears != clears:
        return  # a fill cleared the memo: the rows of the first tokens are gone
    known = memo.complete.get(id(query))
    if known is None:
        known = memo.complete[id(query)] = (query, [], set())
    known[1].extend(candidates)
    for candidate in candidates:
        known[2].add(id(candidate))


def forget_prefilled() -> None:
    """Forget which names `prefill` compared (screening calls it before each query's prefills)."""
    _memo.complete.clear()


def token_similarity(a: Token, b: Token, kind: NameKind) -> tuple[float, str]:
    """Similarity of two tokens in [0, 1] and how it was established (memoised: names repeat tokens)."""
    row = _memo.row(a, _KIND_CODE[kind])
    if b.uid not in row:
        _memo.fill(row, a, [b], kind)
    return row.positive.get(b.uid, _NO_MATCH)


def _token_similarity(a: Token, b: Token, kind: NameKind) -> tuple[float, str]:
    found = _written_similarity(a, b, kind)
    if found[0] >= SIM_OTHER_FORM or not a.symbols or a.symbols.isdisjoint(b.symbols):
        return found  # most pairs: no shared symbol at all
    if _other_forms(a.symbols & b.symbols):
        return SIM_OTHER_FORM, "other form"
    return found


def _other_forms(shared: frozenset[str]) -> bool:
    """One given name in two languages, or a short form of it (`vocabulary.OTHER_FORM_PREFIX`: Giuseppe /
    Joseph, Peggy / Margaret): it identifies less than a spelling, and counts only when the spellings
    themselves are not as close (Louis / Luis stays a spelling)."""
    return any(symbol.startswith(OTHER_FORM_PREFIX) for symbol in shared)


def _written_similarity(a: Token, b: Token, kind: NameKind) -> tuple[float, str]:
    if a.latin == b.latin:
        if a.text != b.text and _other_han_characters(a.text, b.text):
            return _NO_MATCH
        return SIM_EXACT, "exact" if a.script is b.script is _LATIN else "transliterated"
    if a.special or b.special:
        if a.role is _NUMBER or b.role is _NUMBER:
            # Numbers match only as the same number, in digits or words ("3" = "three" = "3rd").
            return (SIM_VARIANT, "variant") if _same_number(a, b) else _NO_MATCH
        return _initial_similarity(a, b, kind)
    if kind == _OBJECT and _numeral(a.latin) and _numeral(b.latin):
        # "GRACE I" is not "GRACE II": a vessel's numbers, in digits or roman numerals, match only as equal.
        return (SIM_VARIANT, "variant") if _same_number(a, b) else _NO_MATCH
    length_gap = len(a.latin) - len(b.latin)
    if length_gap < 0:
        length_gap = -length_gap
    if kind == _PERSON and 0 < length_gap <= 2 and _gender_variants(a, b):
        return _NO_MATCH
    if kind == _PERSON and length_gap <= 2 and a.script is not b.script and _greek_gender_forms(a, b):
        return _NO_MATCH
    if (
        a.symbols
        and not a.symbols.isdisjoint(b.symbols)
        and _spelling_symbols(a.symbols & b.symbols)
        and (kind not in _PERSON_OR_GENERIC or not _two_chinese_syllables(a.latin, b.latin))
    ):
        return SIM_VARIANT, "variant"
    if a.symbols and b.symbols and _two_countries(a.symbols, b.symbols):
        return _NO_MATCH  # Syrian / Libyan: a spelling apart, but other countries
    if kind == _PERSON and length_gap == 0 and _masculine_and_feminine(a, b):
        return _NO_MATCH
    if a.folded == b.folded and not _letter_runs(a, b):
        return SIM_SPELLING, "spelling"
    if _q_written_gh(a.latin, b.latin):
        return SIM_SPELLING, "spelling"
    if kind in _PERSON_OR_GENERIC and _russian_ending_dropped(a.folded, b.folded):
        return SIM_RUSSIAN_ENDING, "spelling"
    if kind in _PERSON_OR_GENERIC and a.latin in PINYIN_SYLLABLES and b.latin in PINYIN_SYLLABLES:
        # Two Chinese syllables a letter apart are other characters, not a typo ("Wang Yi" / "Wang Yu",
        # "Li Peng" / "Li Ping"); their spelling variants ("Zhang" / "Chang") are symbols, tested above.
        return _NO_MATCH
    if kind in _PERSON_OR_GENERIC and length_gap <= 2 and _other_pinyin_syllable(a.latin, b.latin):
        return _NO_MATCH
    if length_gap > _MAX_BUDGET and a.phonetic != b.phonetic and a.script is not _ABJAD is not b.script:
        return _NO_MATCH  # no edit, folding or sound can bridge this: most token pairs end here
    similar = _fuzzy_similarity(a, b)
    if similar[0] and length_gap == 0 and _written_letter_replaced(a, b):
        return _NO_MATCH
    if similar[0] and kind in _PERSON_OR_GENERIC and _other_known_names(a, b):
        return _NO_MATCH  # asked last: most pairs are not similar at all
    if (
        a.script is not b.script  # first: most pairs are of two Latin words
        and similar[0] < SIM_PHONETIC
        and a.western
        and a.western == b.western
        and _western_name_in_cyrillic(a, b)
    ):
        return SIM_PHONETIC, "phonetic"
    return similar


def _western_name_in_cyrillic(a: Token, b: Token) -> bool:
    """A Western name and its Cyrillic rendering by sound (Wallace / Уоллес, Margerie / Маржери, George /
    Джордж), whose letter-by-letter Latin forms ("uolles") are too far apart for a spelling: see `western`.
    Asked only of a pair with one sound key (`Token.western`). A Cyrillic word rigour knows as a name is
    mostly a Russian (or other Slavic) name, which its Latin forms spell letter for letter, and a short
    sound key of consonants would join names the rules tell apart (Олег / Olga, Егор / Igor, Беляев /
    Belov): such a word needs a key of four sounds or more and a Latin form far from the word's own
    (Кристоф "kristof" / Christophe)."""
    cyrillic, latin = (b, a) if a.script is _LATIN else (a, b)
    if latin.script is not _LATIN or not sound_alike(cyrillic.text, latin.latin, cyrillic.western):
        return False
    if not _known_name(cyrillic):
        return True
    return len(cyrillic.western) >= _KNOWN_WESTERN_KEY and (
        OSA.distance(cyrillic.latin, latin.latin, score_cutoff=_KNOWN_WESTERN_GAP) >= _KNOWN_WESTERN_GAP
    )


_KNOWN_WESTERN_KEY = 4
_KNOWN_WESTERN_GAP = 3


def _two_chinese_syllables(a: str, b: str) -> bool:
    """Two pinyin syllables that are not one syllable in pinyin and Wade-Giles: two characters, whatever
    name group rigour puts them in (its groups gather a name's spellings in many languages, and Yong and
    Yang, Min and Ming share some). Zhang / Chang stays a variant."""
    return a in PINYIN_SYLLABLES and b in PINYIN_SYLLABLES and not one_syllable_in_two_systems(a, b)


def _written_letter_replaced(a: Token, b: Token) -> bool:
    """Two Latin words one letter apart where either writes that letter with a diacritic: whoever wrote
    "Müller" or "Möller" chose that vowel, so "Miller" and "Müller" are two names, not a typo of one (the
    diacritic itself may go: "Muller" is "Müller" written plainly, and matches exactly)."""
    if a.script is not _LATIN or b.script is not _LATIN or (a.text == a.latin and b.text == b.latin):
        return False  # neither written with a diacritic: most pairs
    x, y = a.latin, b.latin
    if len(a.text) != len(x) or len(b.text) != len(y):
        return False  # a letter written as two (ß, æ) or dropped: positions do not line up
    different = [position for position in range(len(x)) if x[position] != y[position]]
    if len(different) != 1:
        return False
    position = different[0]
    return a.text[position] != x[position] or b.text[position] != y[position]


def _other_han_characters(x: str, y: str) -> bool:
    """Two Han characters read alike that are not one character in Traditional and Simplified writing
    (偉 / 伟): another name part (李伟 / 李威, 张建国 / 章建国), which their one reading hid."""
    return is_han_character(x) and is_han_character(y) and simplified_han(x) != simplified_han(y)


def _two_countries(x: frozenset[str], y: frozenset[str]) -> bool:
    """Words of two countries (`vocabulary.COUNTRY_SYMBOLS`): each has a country's symbol, none shared."""
    return (
        not x.isdisjoint(COUNTRY_SYMBOLS)
        and not y.isdisjoint(COUNTRY_SYMBOLS)
        and (x & y).isdisjoint(COUNTRY_SYMBOLS)
    )


def _spelling_symbols(shared: frozenset[str]) -> bool:
    """A shared symbol of two spellings of one name (rigour's, or ours: Md / Muhammad, Mykola / Nikolai)."""
    return any(not symbol.startswith(OTHER_FORM_PREFIX) for symbol in shared)


def _other_pinyin_syllable(a: str, b: str) -> bool:
    """A Chinese given name of two syllables written as one word, against another that has one syllable of
    it and another syllable in its place: other characters, so another name ("Junzheng" / "Jianzheng",
    "Fangwei" / "Fangwen", "Jianping" / "Jianbing"). Both words must read as two pinyin syllables, and only
    one way."""
    if not (PINYIN_PAIR_LENGTH[0] <= len(a) <= PINYIN_PAIR_LENGTH[1]) or not (
        PINYIN_PAIR_LENGTH[0] <= len(b) <= PINYIN_PAIR_LENGTH[1]
    ):
        return False  # most pairs: no call
    left, right = pinyin_pair(a), pinyin_pair(b)
    if left is None or right is None or left == right:
        return False
    return (left[0] == right[0]) != (left[1] == right[1])


def _q_written_gh(a: str, b: str) -> bool:
    """Persian reads ق (q) and غ (gh) alike, and its names are spelt with either: Qasem / Ghasem, Qaani /
    Ghaani, Baqer / Bagher, Qalibaf / Ghalibaf. Asked only of words one of which has a gh and the other a q
    (few)."""
    if ("gh" in a) == ("gh" in b) or "q" not in a + b:
        return False
    return fold(a.replace("gh", "q")) == fold(b.replace("gh", "q"))


_RUSSIAN_ENDINGS = ("ov", "ev")


def _russian_ending_dropped(a: str, b: str) -> bool:
    """A surname with and without the Russian -ov or -ev that Central Asian and Caucasian families have
    been dropping since independence (Rakhmonov / Rahmon, Nazarbayev / Nazarbay). Folded forms: kh = h.
    Not the feminine -ova / -eva, which another rule tells apart from the masculine."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return (
        len(short) >= 4
        and len(long) == len(short) + 2
        and long.startswith(short)
        and (long.endswith(_RUSSIAN_ENDINGS))
    )


def _plausible_spelling_typo(a: str, b: str) -> bool:
    """A folded form of four letters or fewer with a typo meets many other short names: an edit at the
    first letter is another name there (Wang/Zhang fold to vang/jang, Yang/Jiang to iang/jiang)."""
    return a[0] == b[0] or (len(a) > 4 and len(b) > 4)


def _letter_runs(a: Token, b: Token) -> bool:
    """A fold of fewer than three letters made from a letter written three times or more in a row: folding
    collapses doubled letters (Hassan/Hasan), which made "aaaa" a spelling of the alias "AA". Longer folds
    still make spellings ("OOOSHIPYARD", glued, of "OOO SHIPYARD"). Only asked of pairs that fold alike,
    which are few."""
    if len(a.folded) >= 3 and len(b.folded) >= 3:
        return False
    return _LETTER_RUN.search(a.latin) is not None or _LETTER_RUN.search(b.latin) is not None


def _masculine_and_feminine(a: Token, b: Token) -> bool:
    """Mario/Maria, Antonio/Antonia, Paolo/Paola: known given names (rigour has a name symbol for each, and
    they share none) that differ only in a final -o/-a are the two genders' forms, not a typo. Names
    rigour does not know (Tajik Abdullo for Abdulla) are left to the other rules."""
    x, y = a.latin, b.latin
    return (
        x[-1] != y[-1]
        and x[-1] in "ao"
        and y[-1] in "ao"
        and len(x) >= 4
        and x[:-1] == y[:-1]
        and a.script is b.script is _LATIN
        and _known_name(a)
        and _known_name(b)
    )


def _other_known_names(a: Token, b: Token) -> bool:
    """Two given names or surnames rigour knows (each has a name symbol, and they share none: not
    spellings of one name), both in Latin letters or both in another alphabet (Андрей Смирнов / Андрей
    Семёнов), that differ the way two names do rather than the way a misspelling of one does: in a
    consonant (Hansen/Jansen, Salem/Saleh, Rakesh/Rajesh, Martin/Marin), in the final vowel (Conte/Conti,
    Giovanni/Giovanna), by a final vowel added (Jan/Jana, Karim/Karimi, Louis/Louise) or by an a for an i
    (Rashid/Rashad). Other vowels inside the name may still differ by a typo (Muller/Miller stays a
    typo): romanisations of one name mostly differ there (Hashimi/Hashemi, Rouhani/Rohani, Yunis/Yunus),
    and so do the spellings rigour does not link. Measured on four labelled sets, this removed 56 false
    alerts and 4 matches (Viktor/Vitor, Rahmon/Rakhmonov; Mykola/Nikolai and Teng Hsiao-ping, a
    Wade-Giles name without its aspiration marks, are found again by rules added with it, and
    Rahmon/Rakhmonov by `_russian_ending_dropped`). Across scripts only between Latin letters and the
    Russian alphabet, whose names rigour knows by their Latin spellings (Marina / Мария): the symbols of
    a name in another script are often another entry than its Latin spelling's (Αντετοκούνμπο /
    Antetokounmpo, Γιάννης / Giannis). Two such names written in one abjad (محمد / محمود, Muhammad /
    Mahmoud) are other names however they differ: one script spells one name one way, and its Latin
    forms are letter for letter."""
    if a.script is _ABJAD and b.script is _ABJAD:
        return _known_name(a) and _known_name(b) and _in_hebrew(a) == _in_hebrew(b)
    if not (_letter_for_letter(a) and _known_name(a) and _known_name(b)):
        return False
    if a.script is not b.script and not (_read_in_latin(a) and _read_in_latin(b)):
        return False
    x, y = a.latin, b.latin
    if consonants(x) != consonants(y):
        return True
    short, long = (x, y) if len(x) < len(y) else (y, x)
    if len(long) == len(short):
        if len(x) >= 4 and x[:-1] == y[:-1] and x[-1] in _VOWELS and y[-1] in _VOWELS:
            return True
        different = [(p, q) for p, q in zip(x, y, strict=True) if p != q]
        return len(different) == 1 and set(different[0]) == _A_AND_I
    return len(short) >= 3 and len(long) == len(short) + 1 and long.startswith(short) and long[-1] in "aeiy"


_VOWELS = "aeiou"
# A vowel swapped for the other in two names rigour knows: Rashid / Rashad, Saad / Said, Thanh / Thinh are
# other names. (Other vowels are left to romanisation: Yunis / Yunus, Hashimi / Hashemi, Osman / Usman.)
_A_AND_I = {"a", "i"}


def _read_in_latin(token: Token) -> bool:
    """In Latin letters, or in the Russian alphabet: rigour knows a Russian name by its Latin spelling
    (`normalize._analysed_in_latin`), so its name symbols are the ones its Latin spellings have. (Not
    Ukrainian or Serbian, which rigour reads as written.)"""
    return token.script is _LATIN or russian_latin_text(token.text) is not None


def _letter_for_letter(token: Token) -> bool:
    """Written in Latin letters, or in an alphabet read letter for letter (Cyrillic, Greek, Armenian):
    not an abjad, whose vowels are guessed, nor a Chinese, Japanese or Korean syllable."""
    return token.script is _LATIN or (token.script is _OTHER and not is_syllable(token.text, token.script))


def _known_name(token: Token) -> bool:
    # A loop, not any(): the compiled build (align.pxd) allows no generator in this function.
    for symbol in token.symbols:  # noqa: SIM110
        if symbol.startswith("NAME:"):
            return True
    return False


def _same_number(a: Token, b: Token) -> bool:
    """The same number in digits, words or Roman numerals ("Grace 1" = "GRACE I", ships' usual style)."""
    if any(s.startswith("NUM:") for s in a.symbols & b.symbols):
        return True
    roman, digits = (a.latin, b.latin) if a.latin in _ROMAN_VALUES else (b.latin, a.latin)
    return roman in _ROMAN_VALUES and digits.isdigit() and int(digits) == _ROMAN_VALUES[roman]


def _numeral(latin: str) -> bool:
    return latin in _ROMAN_VALUES or latin.isdigit()


def _roman(number: int) -> str:
    tens, units = divmod(number, 10)
    return "x" * tens + ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")[units]


_ROMAN_VALUES = {_roman(number): number for number in range(1, 40)}


def _initial_similarity(a: Token, b: Token, kind: NameKind) -> tuple[float, str]:
    if kind in _PERSON_OR_GENERIC and a.latin[:1] == b.latin[:1]:
        return SIM_INITIAL, "initial"
    return _NO_MATCH


def _gender_variants(first: Token, second: Token) -> bool:
    """Petrov/Petrova, Aleksandr/Aleksandra, Kozlovsky/Kozlovskaya, Daniel/Danielle, Jean/Jeanne: related
    names of different people."""
    a, b = first.latin, second.latin
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if first.script is not second.script:
        return False
    if long[-1] == "e":  # French feminine forms double the final l or n: Michelle, Gabrielle, Julienne
        return len(short) >= 4 and short[-1] in "ln" and long == f"{short}{short[-1]}e"
    if long[-1] != "a":
        return False  # every other feminine form here ends in -a
    if len(short) >= 4 and long == short + "a" and short[-1] not in "aeiouy":
        return True
    return any(short.endswith(m) and long.endswith(f) and short[: -len(m)] == long[: -len(f)]
               for m, f in _FEMININE_ENDINGS)  # fmt: skip


def _greek_gender_forms(a: Token, b: Token) -> bool:
    """A Greek name's masculine and feminine forms, one of them written in Greek letters: Ιωάννης / Ioanna,
    Κωνσταντίνα / Konstantinos, Παπαδοπούλου / Papadopoulos, Δημήτριος / Dimitra. Two people (a woman and a
    man of one family, or two namesakes), not a transliteration: read from another script, a word gets the
    looser edit budget of one, which let an ending changed for gender pass as a spelling (Ιωάννης /
    Ioanna 0.71). Within Latin letters the other rules already tell these forms apart."""
    if not (_in_greek(a) or _in_greek(b)):
        return False
    x, y = a.latin, b.latin
    for masculine, feminine in _GREEK_GENDER_ENDINGS:
        for male, female in ((x, y), (y, x)):
            stem = len(male) - len(masculine)
            if (
                stem >= _GREEK_STEM
                and male.endswith(masculine)
                and female.endswith(feminine)
                and len(female) - len(feminine) == stem
                and male.startswith(female[:stem])
            ):
                return True
    return False


def _in_greek(token: Token) -> bool:
    return not token.text.isascii() and _GREEK_LETTER.search(token.text) is not None


_GREEK_LETTER = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
# Masculine and feminine endings of Greek given names and surnames, in their Latin forms (ELOT, as
# `translit` reads Greek): Ioannis / Ioanna, Konstantinos / Konstantina, Pappas / Pappa, Papadakis /
# Papadaki, Papadopoulos / Papadopoulou, Georgiadis / Georgiadou, Dimitrios / Dimitra, Stavros / Stavroula.
_GREEK_GENDER_ENDINGS = (
    ("os", "a"), ("os", "ou"), ("os", "oula"), ("is", "a"), ("is", "i"), ("is", "ou"), ("as", "a"),
    ("ios", "a"),
)  # fmt: skip
_GREEK_STEM = 3


def _fuzzy_similarity(a: Token, b: Token) -> tuple[float, str]:
    # Most token pairs end here, at one of the bounds: written without builtin calls (min, max, abs).
    cross_script = a.script is not b.script
    length_a, length_b = len(a.latin), len(b.latin)
    shorter, longer = (length_a, length_b) if length_a < length_b else (length_b, length_a)
    abjad = (a.script is _ABJAD) != (b.script is _ABJAD)  # one side written without vowels
    budget = edit_budget(shorter, longer, cross_script, abjad)
    cutoff = budget if budget > 1 else 1
    if not abjad:
        # Each edit changes at most two bits of a letter set: too many differing letters, no match.
        limit = 2 * cutoff
        if (a.letters ^ b.letters).bit_count() > limit and (
            a.folded_letters ^ b.folded_letters
        ).bit_count() > limit:
            return _NO_MATCH
        if longer - shorter > budget + 1 and a.phonetic != b.phonetic:
            return _NO_MATCH
    distance = OSA.distance(a.latin, b.latin, score_cutoff=cutoff)
    best, method = (1.0 - distance / longer, "typo") if distance <= budget else _NO_MATCH
    if best and cross_script and shorter == longer <= 4 and not abjad and _another_initial(a.latin, b.latin):
        best = 0.0
    if abjad:
        # Vowel-less transliterations defeat folding and metaphone; compare consonant skeletons instead.
        if best < SIM_SKELETON:
            # Two names rigour knows and tells apart (محمد, "Mahmoud") are not loose spellings of each other.
            loose = not (_known_name(a) and _known_name(b))
            best, method = max((best, method), _skeleton_similarity(a.skeleton, b.skeleton, loose))
            if best < SIM_SKELETON_LOOSE and loose and _hebrew_and_latin(a, b):
                best, method = max((best, method), _hebrew_skeleton_similarity(a.skeleton, b.skeleton))
        if best < SIM_SKELETON and _written_alike(a, b):
            best, method = SIM_SKELETON, "skeleton"
        return (best, method) if best >= MIN_TOKEN_SIM else _NO_MATCH
    if best < SIM_SPELLING:
        # Romanisation variants plus a typo: Yusuf / Youssef fold to iusuf / iusef. Also over a typo of
        # the written words, which may be further apart than their folds (Jayalalithaa / Jeyalalita).
        folded_distance = OSA.distance(a.folded, b.folded, score_cutoff=cutoff)
        if not best:
            distance = folded_distance
        if (
            folded_distance <= budget
            and 0.95 * (1.0 - folded_distance / longer) > best
            and not _letter_runs(a, b)
            and _plausible_spelling_typo(a.folded, b.folded)
        ):
            best, method = 0.95 * (1.0 - folded_distance / longer), "spelling"
    # Not between two words of a script written without vowels: their Latin forms are letter for letter,
    # and a sound key of consonants alone joins other names (כהן Cohen / כהנא Kahana).
    same_sound = (
        a.phonetic == b.phonetic
        and len(a.phonetic) >= 2
        and a.latin[0] == b.latin[0]
        and (a.script is not _ABJAD or b.script is not _ABJAD)
    )
    if best < SIM_PHONETIC and same_sound and distance <= cutoff:
        best, method = SIM_PHONETIC, "phonetic"
    if best < SIM_SPELLING and same_sound and _vowels_romanised_apart(a.folded, b.folded):
        best, method = SIM_SPELLING, "spelling"
    if not best and shorter == longer == _SLIP_LENGTH and not cross_script and _slipped_key(a.latin, b.latin):
        best, method = 1.0 - 1.0 / _SLIP_LENGTH, "typo"
    return (best, method) if best >= MIN_TOKEN_SIM else _NO_MATCH


# Vowels that romanisations of Arabic, Persian and Turkic names write for one another inside a word:
# kasra as e or i, damma as o or u (Laden / Ladin, Hamed / Hamid, Mohamed / Muhamed).
_ROMANISED_VOWELS = frozenset({frozenset("ei"), frozenset("ou")})


def _vowels_romanised_apart(x: str, y: str) -> bool:
    """Two folded words of one length that differ only in inner vowels written e for i or o for u: one
    name in two romanisations, as close as spellings that fold together. Not at either end, where a vowel
    makes another name (Daniele / Daniela, Mario / Maria, Bruno / Bruni), and at most two of them."""
    if len(x) != len(y) or len(x) < 4:
        return False
    different = [frozenset(pair) for pair in zip(x, y, strict=True) if pair[0] != pair[1]]
    return (
        0 < len(different) <= 2
        and x[0] == y[0]
        and x[-1] == y[-1]
        and all(pair in _ROMANISED_VOWELS for pair in different)
    )


# Keys next to each other on a QWERTY keyboard (in a row, or the two below a key), and letters read for
# one another (m/n, n/u, u/v, c/e, i/l): the typing and reading slips of a four-letter name.
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbour_keys() -> frozenset[frozenset[str]]:
    pairs = {frozenset(row[i : i + 2]) for row in _KEY_ROWS for i in range(len(row) - 1)}
    for upper, lower in itertools.pairwise(_KEY_ROWS):
        for i, key in enumerate(upper):
            # A row is set half a key to the right of the one above: key i sits over keys i - 1 and i.
            pairs.update(frozenset((key, below)) for below in lower[max(i - 1, 0) : i + 1])
    return frozenset(pairs)


_NEIGHBOUR_KEYS = _neighbour_keys()
_LOOK_ALIKES = frozenset(frozenset(pair) for pair in ("mn", "nu", "uv", "ce", "il"))
_SLIP_LENGTH = 4  # shorter names differ by a letter as other names do; longer ones have an edit budget


# First letters that romanisations of one sound write differently (Korean Paek / Baek, Kim / Gim, Jong /
# Chong, Ri / Li; Cyrillic and Greek v / w, z / s): a short word read from another script may differ
# from its Latin spelling in its first letter only so. Otherwise it is another word ("Wang" is no typo of
# 장 "jang").
_ROMANISED_INITIAL_PAIRS = "bp dt gk kc kq cs cj jy iy zs zj vw rl ln fp hk"
_ROMANISED_INITIALS = frozenset(frozenset(pair) for pair in _ROMANISED_INITIAL_PAIRS.split())


def _another_initial(x: str, y: str) -> bool:
    return x[0] != y[0] and frozenset((x[0], y[0])) not in _ROMANISED_INITIALS


def _slipped_key(x: str, y: str) -> bool:
    """Two words of four letters one letter apart, that letter a neighbouring key or a look-alike of the
    other ("Jong" / "Jomg", "Joug"): a slip. Otherwise two short words a letter apart are two names (Jie /
    Jia, Omar / Amar), and the edit budget of such words is none. Two names rigour knows are still told
    apart afterwards (`_other_known_names`)."""
    different = [pair for pair in zip(x, y, strict=True) if pair[0] != pair[1]]
    if len(different) != 1:
        return False
    pair = frozenset(different[0])
    return pair in _NEIGHBOUR_KEYS or pair in _LOOK_ALIKES


def _written_alike(a: Token, b: Token) -> bool:
    """One token in Arabic script, the other in Latin letters that may spell it, their vowels read as
    written or unwritten long vowels (`spells_consonants`: "Duri" دوري, "Akkacha" عكاشة)."""
    latin, abjad = (a, b) if b.script is _ABJAD else (b, a)
    if len(abjad.skeleton) < 2 or not latin.skeleton:
        return False
    # Most pairs differ in their first consonant: ruled out before the Latin word is read for consonants.
    first, latin_first = abjad.skeleton[0], latin.skeleton[0]
    if first != latin_first and first not in "wy" and latin_first + first not in _FIRST_LETTERS_WRITTEN_AS:
        return False
    return spells_consonants(latin.latin, abjad.skeleton)


# A Latin skeleton's first letter and the first letter in Arabic script `spells_consonants` lets it stand
# for (French ch for ش, c for ك or س, Persian z for ض and s for ث, v for و).
_FIRST_LETTERS_WRITTEN_AS = frozenset({"cs", "ck", "zd", "vw", "st"})


def _skeleton_similarity(a: str, b: str, loose: bool = False) -> tuple[float, str]:
    # Arabic and Hebrew omit short vowels: "mhmd" is Muhammad, "khald" Khaled. Only `loose`: skeletons
    # equal once long vowels are set aside, or a letter apart (not between two names rigour tells apart:
    # "mhmwd", Mahmoud, is a letter from محمد "mhmd").
    if len(a) < 2 or len(b) < 2:
        return 0.0, ""
    if a == b:
        return SIM_SKELETON, "skeleton"
    if "g" in a + b and a.replace("g", "k") == b.replace("g", "k"):
        return SIM_SKELETON_G, "skeleton"
    loose_a, loose_b = (loose_skeleton(a), loose_skeleton(b)) if loose else ("", "-")
    if len(loose_a) >= 3 and (loose_a == loose_b or loose_a.replace("g", "k") == loose_b.replace("g", "k")):
        return SIM_SKELETON_LOOSE, "skeleton"
    if loose and min(len(a), len(b)) >= 4 and OSA.distance(a, b, score_cutoff=1) <= 1:
        return SIM_SKELETON_NEAR, "skeleton"
    return 0.0, ""


def _hebrew_and_latin(a: Token, b: Token) -> bool:
    hebrew, other = (a, b) if a.script is _ABJAD else (b, a)
    return other.script is _LATIN and _in_hebrew(hebrew)


def _in_hebrew(token: Token) -> bool:
    return not token.text.isascii() and _HEBREW_LETTER.search(token.text) is not None


_HEBREW_LETTER = re.compile("[\u05d0-\u05ea]")
# Hebrew letters that Latin spellings write two ways, unpointed text not saying which (ב b or v, פ p or
# f, צ ts, tz or z), folded to one letter on both sides: ICU writes each one way ("b", "p", "z"), so Gvir
# (גביר "gbyr") met no skeleton. A Latin ch is then read as ח "h" or as כ "k" (Chaim חיים, Mordechai
# מרדכי), each tried: folding ח and כ together would make Katz (כץ) of Hetz (חץ). The j of ג׳ (read
# before analysis, see `normalize._HEBREW_GERESH`) is a Latin g as often as a j (ג׳ורג׳ George).
_HEBREW_FOLDS = (("tz", "z"), ("ts", "z"), ("v", "b"), ("f", "p"), ("j", "g"))
_HEBREW_CH = ("h", "k")


def _hebrew_skeleton_similarity(a: str, b: str) -> tuple[float, str]:
    """Loose skeletons equal once the letters Hebrew writes alike are folded (`_HEBREW_FOLDS`), the final h
    a skeleton writes for a final vowel (of a Latin word: George "grgh") also tried without: Hebrew writes
    a Western name's silent final e with no letter (ג׳ורג׳)."""
    for written, folded in _HEBREW_FOLDS:
        a, b = a.replace(written, folded), b.replace(written, folded)
    for read in _HEBREW_CH:
        loose_a, loose_b = loose_skeleton(a.replace("ch", read)), loose_skeleton(b.replace("ch", read))
        if len(loose_a) >= 2 and (loose_a == loose_b or _but_a_final_h(loose_a, loose_b)):
            return SIM_SKELETON_LOOSE, "skeleton"
    return _NO_MATCH


def _but_a_final_h(a: str, b: str) -> bool:
    return len(a) != len(b) and len(a) >= 3 and len(b) >= 3 and (a == b + "h" or b == a + "h")


# Pairs are ranked by similarity, then mass (a stable sort: ties keep the order they were found in).
_pair_order = itemgetter(0, 1)
_PARTICLES_MASS = WEIGHT_PARTICLE + 1e-9  # above the mass of a pair of two particles (`normalize._weight`)


def _distinct_tokens(name: PreparedName) -> bool:
    return len(name.uids) == len(name.tokens)


def _placed(query: PreparedName, candidate: PreparedName) -> Callable[[_Pair], tuple[float, float, int]]:
    """`_pair_order`, and among equal pairs the one whose tokens sit at the same place in both names: a
    word written twice in one name ("Abd al-Rahman Khalaf al-Anazi") pairs with the other name's word at
    its own place, and leaves the other free for a glued run ("Abdulrahman Khalaf al-Anizi": "al" meets
    the second "al", "abdulrahman" the run "abd al rahman"). Taken first, the first "al" blocked the run."""
    q_count, c_count = len(query.tokens), len(candidate.tokens)

    def order(pair: _Pair) -> tuple[float, float, int]:
        return pair[0], pair[1], -abs(pair[2][0] * c_count - pair[3][0] * q_count)

    return order


def align(query: PreparedName, candidate: PreparedName) -> Alignment:
    """Align two prepared names and score the alignment."""
    alignment = align_above(query, candidate, -1.0)
    assert alignment is not None  # every score is above -1
    return alignment


def align_above(query: PreparedName, candidate: PreparedName, floor: float) -> Alignment | None:
    """`align`, or None when the alignment is sure to score below `floor`. Screening compares each query
    with the fifteen names the index found, most of them sharing one word with it ("Hassan"): an upper
    bound of the score from the tokens that have a similar partner at all, single or in a glued run that
    may meet one (`_score_bound`), rules those out before the pairs are chosen and scored."""
    kind = query.kind if query.kind == candidate.kind else _GENERIC
    q_lone = c_lone = -1
    if kind != _PERSON:
        q_lone, c_lone = _lone_word(query), _lone_word(candidate)
    if (q_lone < 0) != (c_lone < 0):
        initialism = _initialism_alignment(query, candidate, q_lone, c_lone)
        if initialism is not None:
            full = _align_above(query, candidate, kind, -1.0)
            return initialism if full is None or initialism.score > full.score else full
    return _align_above(query, candidate, kind, floor)


def _initialism_alignment(
    query: PreparedName, candidate: PreparedName, q_lone: int, c_lone: int
) -> Alignment | None:
    """An organisation named by its initials on one side only ("IRISL" against "Islamic Republic of Iran
    Shipping Lines"): one pair of the single token with the whole other name. Three letters stay below
    the default threshold: too many names share them."""
    flipped = c_lone >= 0  # of `q_lone` and `c_lone` (`_lone_word`), exactly one is a position
    short, long = (candidate, query) if flipped else (query, candidate)
    lone = c_lone if flipped else q_lone
    token = short.tokens[lone]
    acronym = token.latin
    if token.role is not _NAME or len(acronym) < 3 or len(long.tokens) < 2 or not acronym.isalpha():
        return None
    if not _initials_of(acronym, long):
        return None
    sim = SIM_INITIALISM if len(acronym) >= 4 else SIM_INITIALISM_SHORT
    run = tuple(range(len(long.tokens)))
    mass = (token.weight + long.total_weight) / 2
    pair = (sim, mass, run, (lone,), "initialism") if flipped else (sim, mass, (lone,), run, "initialism")
    return Alignment(sim, query, candidate, (pair,), False)


def _lone_word(name: PreparedName) -> int:
    """The place of the one word of `name` besides legal-form words ("IBM" in "IBM Corp."), or -1."""
    tokens = name.tokens
    if len(tokens) == 1:
        return 0
    if len(tokens) > 3:
        return -1
    found = -1
    for position, token in enumerate(tokens):
        if token.weight != WEIGHT_LEGAL_WORD:
            if found >= 0:
                return -1
            found = position
    return found


def _initials_of(acronym: str, long: PreparedName) -> bool:
    """Whether `acronym` is made of the initials of `long` (strict: no second letter from a word, as an
    own acronym may have, since this raises a score); or of them and its legal form's letters ("PdVSA",
    Petróleos de Venezuela S.A.); or, from five letters, of the words' first syllables ("KOMID", Korea
    Mining Development; "KRET", Kontsern Radioelektronnye Tekhnologii)."""
    words = tuple(t.latin for t in long.tokens)
    required = tuple(t.role is _NAME and t.weight > WEIGHT_GENERIC_ORG for t in long.tokens)
    if abbreviates(acronym, words, required, False):
        return True
    if long.legal_forms and any(
        abbreviates(acronym[:-letters], words, required, False)
        for letters in (1, 2, 3)
        if len(acronym) - letters >= 3
    ):
        return True
    if len(acronym) < 5 or any(word.startswith(acronym[:4]) or acronym.startswith(word) for word in words):
        return False  # a word of the name, not its syllables ("Korea" in Korea Ocean Research Association)
    names = tuple(t.role is _NAME for t in long.tokens)
    return by_syllables(acronym, words, required, names)


def _align_above(
    query: PreparedName, candidate: PreparedName, kind: NameKind, floor: float
) -> Alignment | None:
    candidates = _single_pairs(query, candidate, kind)
    q_runs = c_runs = None  # the runs of each side that may meet a token of the other (None: not looked at)
    if floor > 0.0:
        q_runs, q_inside, c_met = _glue_cover(query, candidate)
        c_runs, c_inside, q_met = _glue_cover(candidate, query)
        if _score_bound(query, candidate, candidates, kind, q_inside | q_met, c_inside | c_met) < floor:
            return None
    distinct = _distinct_tokens(query) and _distinct_tokens(candidate)
    order = _pair_order if distinct else _placed(query, candidate)  # ties only among repeated words
    if len(candidates) > 1:
        candidates.sort(key=order, reverse=True)
    chosen = _choose(candidates) if candidates else candidates
    if _glue_may_help(chosen, len(query.tokens), len(candidate.tokens)):
        singles = list(chosen)  # a copy: with no single pair, `chosen` is `candidates`, extended below
        glued = _glued_both_ways(query, candidate, chosen, q_runs, c_runs)
        if glued:
            candidates.extend(glued)
            candidates.sort(key=order, reverse=True)
            chosen = _choose(candidates)
            options = [chosen]
            if singles and chosen != singles:
                # Chosen first for covering more, a glued pair may take the place of two single pairs as
                # similar ("commercial bank" for مصرف leaves التجاري without "commercial"): the better of
                # the two alignments is the name's.
                options.append(singles)
            if (query.consonant_runs or candidate.consonant_runs) and _has_particles_pair(chosen):
                # In a name with words in Arabic script (as in `_busy`), two particles paired first may
                # hold a word a glued run needs: "Abdulaziz Al Saud" and عبد ال عزيز آل سعود, whose first
                # "al" is the compound's. Particles last is one more option.
                options.append(_choose(sorted(candidates, key=_not_particles, reverse=True)))
            if len(options) > 1:
                return _best_scored(query, candidate, options, kind)
    if not chosen:
        return Alignment(0.0, query, candidate, (), False)  # nothing in common: most pairs of names
    return _score(query, candidate, chosen, kind)


def _has_particles_pair(chosen: list[_Pair]) -> bool:
    for pair in chosen:  # noqa: SIM110 - no generator in a compiled function (align.pxd)
        if pair[1] < _PARTICLES_MASS:
            return True
    return False


def _not_particles(pair: _Pair) -> bool:
    return pair[1] >= _PARTICLES_MASS


def _best_scored(
    query: PreparedName, candidate: PreparedName, options: list[list[_Pair]], kind: NameKind
) -> Alignment:
    """The best-scoring alignment of the choices in `options` (the first of equal ones)."""
    best = _score(query, candidate, options[0], kind)
    for option in options[1:]:
        scored = _score(query, candidate, option, kind)
        if scored.score > best.score:
            best = scored
    return best


# Runs (numbers in `PreparedName.glued`) that may meet a token of the other name, each with those tokens
# (bit j: token j): what `glue.glue_cover` finds.
_Meeting = list[tuple[int, int]]
_NO_GLUE: tuple[_Meeting, int, int] = ([], 0, 0)  # never changed: callers only read it


def _glue_cover(runs: PreparedName, singles: PreparedName) -> tuple[_Meeting, int, int]:
    """`glue.glue_cover` of the runs of `runs` against the tokens of `singles`: the runs that may meet a
    token (with the tokens each may meet), the tokens of `runs` inside them, the tokens of `singles` they
    may meet. Most pairs of names end at the first test: no run has a symbol, and no run's reach meets a
    token's signature."""
    if not runs.glued_symbol_runs and not runs.glue_reach & singles.token_signatures:
        return _NO_GLUE
    return glue_cover(runs.run_shapes, singles.token_shapes)


# Float sums of weights in a different order may differ in the last bits: a bound must not cut by that.
_BOUND_MARGIN = 1e-9


def _score_bound(
    query: PreparedName,
    candidate: PreparedName,
    pairs: list[_Pair],
    kind: NameKind,
    glued_q: int = 0,
    glued_c: int = 0,
) -> float:
    """An upper bound of `_score` over any choice among `pairs` (single-token pairs) and the glued pairs
    that may match the tokens of `glued_q` and `glued_c` (bit i: token i).

    A token without a possible partner stays unmatched whatever is chosen. With `r_q`, `r_c` the weights
    left unmatched, the score is at most M / (M + min(r_q, r_c) + f·|r_q - r_c|), M = matched mass =
    (W_q - r_q + W_c - r_c) / 2: every similarity is at most 1, the conflict at least min(r_q, r_c)
    (conflict weights are at least the weights), the reorder factor at most 1. That falls as either `r`
    grows (f ≤ 1), so the unmatched weight of the tokens without a partner gives the bound."""
    seen_q, seen_c = glued_q, glued_c  # bit i: query (candidate) token i may have a partner
    for pair in pairs:
        seen_q |= 1 << pair[2][0]
        seen_c |= 1 << pair[3][0]
    used_q = _weight_of(query.weights, seen_q)
    used_c = _weight_of(candidate.weights, seen_c)
    rest_q = query.total_weight - used_q
    rest_c = candidate.total_weight - used_c
    rest_q, rest_c = (rest_q if rest_q > 0.0 else 0.0), (rest_c if rest_c > 0.0 else 0.0)
    fewer, more = (rest_q, rest_c) if rest_q < rest_c else (rest_c, rest_q)
    matched = (used_q + used_c) / 2
    if matched <= 0.0:
        return 0.0
    # A short form (`_a_short_form`, `_described_short_form`) leaves nothing unmatched on one side: with
    # weight left on both, the usual factor holds (a float error in `fewer` only makes the bound looser).
    factor = EXTRA_FACTOR[kind]
    if fewer < _BOUND_MARGIN:
        if kind is _PERSON:
            factor = EXTRA_FACTOR_SHORT_FORM
        elif kind is _ORGANIZATION:
            factor = EXTRA_FACTOR_DESCRIBED
    return matched / (matched + fewer + factor * (more - fewer)) + _BOUND_MARGIN


def _weight_of(weights: tuple[float, ...], bits: int) -> float:
    """The sum of the weights at the positions of `bits` (bit i: position i), in position order: 63 bits
    at a time, so that the compiled build loops over a C integer (one chunk for all but freak names)."""
    if bits <= _CHUNK_MASK:
        return _add_weights(weights, bits, 0.0, 0)
    total = 0.0
    position = 0
    while bits:
        total = _add_weights(weights, bits & _CHUNK_MASK, total, position)
        bits >>= _CHUNK_BITS
        position += _CHUNK_BITS
    return total


_CHUNK_BITS = 63
_CHUNK_MASK = (1 << _CHUNK_BITS) - 1


def _add_weights(weights: tuple[float, ...], bits: int, total: float, position: int) -> float:
    """`total` plus the weights at `position` + i for each bit i of `bits` (< 2**63), in order."""
    while bits:
        if bits & 1:
            total += weights[position]
        bits >>= 1
        position += 1
    return total


def _glue_may_help(chosen: list[_Pair], q_count: int, c_count: int) -> bool:
    """Gluing needs a side with two tokens and something to explain: leftovers on both sides or a weak
    pair (the single-token pass may have paired "qiang" with "keqiang", leaving "ke")."""
    if q_count < 2 and c_count < 2:
        return False
    if len(chosen) < min(q_count, c_count):
        return True
    for pair in chosen:  # noqa: SIM110 - no generator in a compiled function (align.pxd)
        if pair[0] < SIM_SPELLING:
            return True
    return False


def _busy(runs: PreparedName, strong: list[_Pair], flipped: bool) -> set[int]:
    """The tokens of `runs` (the candidate's side of the pairs when `flipped`) matched strongly. In a
    name with words in Arabic script, not an article paired with an article: a run there needs it
    ("Abdulaziz Al Saud" and عبد ال عزيز آل سعود, whose first "al" is the compound's). In Latin, "Khalid al"
    glued would meet "Khalil"."""
    if runs.consonant_runs:
        strong = [pair for pair in strong if pair[1] >= _PARTICLES_MASS]
    return {i for pair in strong for i in (pair[3] if flipped else pair[2])}


def _glued_both_ways(
    query: PreparedName,
    candidate: PreparedName,
    chosen: list[_Pair],
    q_runs: _Meeting | None = None,
    c_runs: _Meeting | None = None,
) -> list[_Pair]:
    """Glued pairs with the runs of either side (`q_runs`, `c_runs`: those that may meet a token of the
    other side, when already known). A run that contains a token already matched strongly must itself
    match strongly (see `_glued_pairs`), and a side needs two tokens not matched strongly: most pairs end
    with these tests."""
    strong = [pair for pair in chosen if pair[0] >= SIM_SPELLING]
    busy_q = _busy(query, strong, False)
    busy_c = _busy(candidate, strong, True)
    pairs: list[_Pair] = []
    if len(query.tokens) - len(busy_q) > 1:
        if q_runs is None:
            q_runs = _glue_cover(query, candidate)[0]
        if q_runs:
            pairs = _glued_pairs(query, candidate, False, busy_q, q_runs)
    if len(candidate.tokens) - len(busy_c) > 1:
        if c_runs is None:
            c_runs = _glue_cover(candidate, query)[0]
        if c_runs:
            pairs += _glued_pairs(candidate, query, True, busy_c, c_runs)
    return pairs


_ONE = ONE_POSITION  # pairs of single tokens would otherwise build two tuples per pair


def _single_pairs(query: PreparedName, candidate: PreparedName, kind: NameKind) -> list[_Pair]:
    """Every pair of similar single tokens, in query then candidate order. The hot loop of screening:
    per query token, the candidate's tokens not seen before are compared, then the similar ones are
    looked up in the memo row."""
    pairs: list[_Pair] = []
    memo = _memo
    code = _KIND_CODE[kind]
    c_tokens, c_uids, c_positions = candidate.tokens, candidate.uids, candidate.positions_by_uid
    one = (
        _ONE
        if len(query.tokens) <= len(_ONE) and len(c_tokens) <= len(_ONE)
        else _positions(query, candidate)
    )
    rows = memo.rows[code]
    # After `prefill` with this candidate (as screening does), the rows hold all its tokens: not tested.
    # (Until the memo is cleared, by another thread maybe: `clears` tells.)
    prefilled = memo.complete.get(id(query)) if memo.complete else None
    complete = prefilled is not None and id(candidate) in prefilled[2]
    clears = memo.clears
    for i, a in enumerate(query.tokens):
        row = rows.get(a.uid)
        if row is None:
            row = memo.row(a, code)
        if complete and memo.clears != clears:
            complete = False
        if not complete and not c_uids <= row:
            memo.fill(row, a, [c_tokens[c_positions[uid][0]] for uid in c_uids if uid not in row], kind)
        found = row.positive
        # The candidate's few uids looked up in the row, rather than a set made of the row's similar ones
        similar = [uid for uid in c_uids if uid in found]
        if not similar:
            continue
        weight = a.weight
        if len(similar) == 1:  # most often: one similar candidate token, at one position
            uid = similar[0]
            sim, method = found[uid]
            for j in c_positions[uid]:
                pairs.append((sim, (weight + c_tokens[j].weight) / 2, one[i], one[j], method))
            continue
        for j in sorted([j for uid in similar for j in c_positions[uid]]):
            b = c_tokens[j]
            sim, method = found[b.uid]
            pairs.append((sim, (weight + b.weight) / 2, one[i], one[j], method))
    return pairs


def _positions(*names: PreparedName) -> tuple[tuple[int], ...]:
    return tuple((position,) for position in range(max(len(name.tokens) for name in names)))


def _glued_pairs(
    runs: PreparedName, singles: PreparedName, flipped: bool, busy: set[int], meeting: _Meeting
) -> list[_Pair]:
    """Runs of adjacent tokens on one side glued together (the runs of `meeting`, in order: those that may
    meet a token of the other side), against the single tokens of the other side each may meet.
    A run that contains a `busy` token (one matched strongly) is kept only if it is written as a token of
    the other side or shares a symbol with one, and matches strongly: then it may take the place of that
    pair ("Zaki Izzat Zaki" against "ZakiIzzat Zaki": the first "zaki" is glued to "izzat", and the second
    meets "zaki"), because the greedy choice ranks an equally similar glued pair, heavier, first.
    Without a shared symbol a run only meets tokens with its first letter and a length within
    GLUE_LENGTH_GAP of its own. Pairs come in the order of a full scan."""
    pairs: list[_Pair] = []
    tokens, single_tokens, glued_runs = runs.tokens, singles.tokens, runs.glued
    latins: set[str] | None = None
    memo = _glued_memo
    consonant_runs = runs.consonant_runs
    for number, reached in meeting:
        start, end, glued, symbols = glued_runs[number]
        # A run in Arabic script meets Latin tokens by consonants, at any length, those that open with a
        # consonant it may open with (`PreparedName.consonant_runs`: the article's l, "al" + "syd", for
        # "Elsayed").
        consonant_run = consonant_runs[number] if consonant_runs else None
        leads, assimilated = consonant_run if consonant_run is not None else ("", None)
        if busy and not busy.isdisjoint(range(start, end + 1)):
            # Only a strong match may take the place of a strong pair. Tested on the whole run first:
            # is it written as a token of the other side (a set look-up), or does it have a symbol?
            if latins is None:
                latins = {single.latin for single in single_tokens}
            if not symbols and glued not in latins:
                continue
            least = SIM_SPELLING
        else:
            least = MIN_TOKEN_SIM
        initial, length = glued[0], len(glued)
        for j, single in enumerate(single_tokens):
            if not reached >> j & 1:
                continue  # not a token this run may meet (`glue.glue_cover`)
            latin = single.latin
            far = abs(length - len(latin)) > GLUE_LENGTH_GAP
            by_consonants = (
                consonant_run is not None
                and single.script is not _ABJAD
                and single.skeleton != ""
                and single.skeleton[0] in leads
            )
            if symbols:
                if far and symbols.isdisjoint(single.symbols) and not by_consonants:
                    continue  # `_glued_similarity` would say 0: no shared symbol and too long or short
            elif (far or latin[0] != initial) and not by_consonants:
                continue
            key = (glued, symbols, single.uid, by_consonants, assimilated)
            sim = memo.get(key)
            if sim is None:
                if len(memo) >= _GLUED_MEMO_LIMIT:
                    memo.clear()
                sim = memo[key] = _glued_similarity(glued, symbols, single, by_consonants, assimilated)
            if sim < least:
                continue
            run = tuple(range(start, end + 1))
            run_weight = 0.0  # a loop, not sum(): the compiled build (align.pxd) allows no generator here
            for k in run:
                run_weight += tokens[k].weight
            mass = (run_weight + single.weight) / 2
            pairs.append((sim, mass, (j,), run, "glued") if flipped else (sim, mass, run, (j,), "glued"))
    return pairs


def _glued_similarity(
    glued: str,
    symbols: frozenset[str],
    single: Token,
    by_consonants: bool = False,
    assimilated: str | None = None,
) -> float:
    """`by_consonants`: the run is in Arabic script and `single` is not, so their consonant skeletons are
    compared too, at any length; and so is the run as said, `assimilated`
    (`normalize.article_assimilated`)."""
    if symbols and not symbols.isdisjoint(single.symbols):
        return SIM_VARIANT
    if by_consonants:
        sim = _glued_similarity(glued, symbols, single)
        for text in (glued, assimilated) if assimilated else (glued,):
            if sim < SIM_SKELETON:
                consonants_of = skeleton(text, True)
                sim = max(sim, _skeleton_similarity(consonants_of, single.skeleton, True)[0])
                if sim < SIM_SKELETON and spells_consonants(single.latin, consonants_of):
                    sim = SIM_SKELETON
        return sim
    if abs(len(glued) - len(single.latin)) > GLUE_LENGTH_GAP:
        return 0.0
    if glued == single.latin:
        return SIM_EXACT
    shorter, longer = sorted((len(glued), len(single.latin)))
    budget = edit_budget(shorter, longer, single.script is not _LATIN, single.script is _ABJAD)
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
    reordered = len(pairs) > 1 and _is_reordered(pairs)
    factor = EXTRA_FACTOR[kind]
    if kind == _PERSON and not conflict and extra and not reordered and _a_short_form(matched, extra, pairs):
        factor = EXTRA_FACTOR_SHORT_FORM
    elif kind is _ORGANIZATION and not conflict and extra and _described_short_form(query, candidate, pairs):
        factor = EXTRA_FACTOR_DESCRIBED
    denominator = matched + conflict + factor * extra
    score = weighted / denominator if denominator > 0 else 0.0
    swapped = False
    if reordered:
        if not _translated_order(query, candidate):
            score *= REORDER_FACTOR.get(kind, REORDER_FACTOR_DEFAULT)
        swapped = kind in _PERSON_OR_GENERIC and _lineage_swapped(query, candidate, pairs)
        if swapped:
            score *= LINEAGE_SWAP_FACTOR
    parent_named = kind in _PERSON_OR_GENERIC and not swapped and _a_parents_name(query, candidate, pairs)
    if parent_named:
        score *= LINEAGE_SWAP_FACTOR
    if score > INITIALS_ONLY_CAP and _initials_only(pairs):
        score = INITIALS_ONLY_CAP  # "A B" is not "Abd al-Baki": initials alone identify no one
    return Alignment(min(1.0, score), query, candidate, tuple(pairs), reordered, swapped, parent_named)


def _translated_order(query: PreparedName, candidate: PreparedName) -> bool:
    """One name in an abjad (Arabic, Persian, Hebrew), the other in Latin letters: its words follow its
    own language's order, the noun before its adjectives ("المصرف التجاري السوري", the bank the commercial
    the Syrian, is the Commercial Bank of Syria), so a reordering says nothing against a translation."""
    return _abjad_name(query) != _abjad_name(candidate)


def _abjad_name(name: PreparedName) -> bool:
    return any(token.script is _ABJAD for token in name.tokens)


def _initials_only(pairs: list[_Pair]) -> bool:
    return all(pair[4] == "initial" for pair in pairs)


def _described_short_form(query: PreparedName, candidate: PreparedName, pairs: list[_Pair]) -> bool:
    """An organisation's name that is the other's with only words of what it is left out ("AL-HARAMAIN" /
    "AL-HARAMAIN ISLAMIC FOUNDATION", "CENTRAL BANK OF IRAN" / "CENTRAL BANK OF THE ISLAMIC REPUBLIC OF
    IRAN"): every word of one name matched closely, a distinctive one among them, and every word of the
    other left out generic, a place, a legal word or a particle."""
    if not all(pair[0] >= SIM_SPELLING for pair in pairs):
        return False
    used_q = {i for pair in pairs for i in pair[2]}
    used_c = {j for pair in pairs for j in pair[3]}
    left_q = [t for i, t in enumerate(query.tokens) if i not in used_q]
    left_c = [t for j, t in enumerate(candidate.tokens) if j not in used_c]
    if left_q and left_c:
        return False
    distinctive = any(
        query.tokens[pair[2][0]].weight >= 1.0 and not query.tokens[pair[2][0]].generic for pair in pairs
    )
    return distinctive and all(t.generic or t.weight < 1.0 for t in left_q + left_c)


def _a_short_form(matched: float, extra: float, pairs: list[_Pair]) -> bool:
    """The words of one name, all matched closely, that weigh at least as much as the other name's words
    left out, and SHORT_FORM_MIN_MASS: two words of which at most one is a common name ("Mohammed Saeed"
    is no short form of "Mohammed Said Hassan Mahmoud", nor "Carlos Nasser" of "Carlos Alberto NASSER
    ARANA": too common to be one person's; a lower minimum raised ordinary customers' alerts by a tenth)."""
    return matched >= SHORT_FORM_MIN_MASS and extra <= matched and all(p[0] >= SIM_SPELLING for p in pairs)


def _lineage_swapped(query: PreparedName, candidate: PreparedName, pairs: list[_Pair]) -> bool:
    """Whether a child-of link of one name ("X bin Y": the words right before and after a lineage particle)
    is matched the other way round by a link of the other ("Y bin X"). Only asked of reordered alignments:
    a swap is a reordering."""
    q_links, c_links = lineage_links(query), lineage_links(candidate)
    if not q_links or not c_links:
        return False
    matched = {(i, j) for _sim, _mass, q_side, c_side, _method in pairs for i in q_side for j in c_side}
    return any(
        (child_q, parent_c) in matched and (parent_q, child_c) in matched
        for child_q, parent_q in q_links
        for child_c, parent_c in c_links
    )


def _a_parents_name(query: PreparedName, candidate: PreparedName, pairs: list[_Pair]) -> bool:
    """Whether one name is the other's father's ("Osama bin Laden" against "Hamza bin Osama bin Laden"): its
    first word is matched to a word right after a lineage particle of the other, whose own first word,
    followed by a lineage particle, is left out. The son's name contains the father's whole."""
    if not (_child_named_first(query) or _child_named_first(candidate)):
        return False  # nearly every pair of names: neither has a lineage particle second
    matches = [(pair[2], pair[3]) for pair in pairs]
    return _first_word_a_parents(candidate, matches) or _first_word_a_parents(
        query, [(c_side, q_side) for q_side, c_side in matches]
    )


def _child_named_first(name: PreparedName) -> bool:
    """A given name followed by a lineage particle and more ("Hamza bin Osama …")."""
    tokens = name.tokens
    return len(tokens) >= 3 and _lineage_particle(tokens[1])


def _first_word_a_parents(
    other: PreparedName, matches: list[tuple[tuple[int, ...], tuple[int, ...]]]
) -> bool:
    """`_a_parents_name` one way: `matches` pair the positions of the one name with those of `other`."""
    tokens = other.tokens
    if not _child_named_first(other):
        return False
    first_match = -1
    for own, others in matches:
        if 0 in others:
            return False  # the other's given name is matched
        if 0 in own:
            first_match = others[0]
    return first_match >= 2 and _lineage_particle(tokens[first_match - 1])


def _lineage_particle(token: Token) -> bool:
    return token.role is _PARTICLE and token.latin in LINEAGE_PARTICLES


def lineage_links(name: PreparedName) -> list[tuple[int, int]]:
    """(child, parent) token positions around each lineage particle with a name on both sides."""
    tokens = name.tokens
    return [
        (position - 1, position + 1)
        for position in range(1, len(tokens) - 1)
        if _lineage_particle(tokens[position])
        and tokens[position - 1].role is _NAME and tokens[position + 1].role is _NAME
    ]  # fmt: skip


def _is_reordered(pairs: list[_Pair]) -> bool:
    # Pairs are one-to-one: no two share a first query index, so sorting (query, candidate) index pairs
    # orders them by query index alone.
    previous = -1
    for _i, j in sorted([(pair[2][0], pair[3][0]) for pair in pairs]):
        if j < previous:
            return True
        previous = j
    return False
