"""Turn a name string into a `PreparedName`: weighted, transliterated tokens ready for cheap comparison.

Preparation does everything that depends on one name only, once: case folding, tokenising, honorific
and legal-form handling (rigour's name analysis), transliteration to ASCII, phonetic and folded keys,
name-variant symbols (rigour's Wikidata-derived name groups: Muhammad = Mohammed = محمد) and token weights.
The index holds prepared names of every list entry; a comparison then only aligns tokens.

Pure: no I/O, no database.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, lru_cache
from operator import attrgetter
from typing import Any

from rapidfuzz.distance import OSA
from rigour.names import Name, NamePart, NamePartTag, NameTypeTag, Symbol, analyze_names, tokenize_name
from rigour.text import metaphone

from clearway.screening.cantonese import cantonese_reading
from clearway.screening.glue import LONGEST, run_shape, token_shape
from clearway.screening.translit import (
    is_han_character,
    latin_form,
    needs_early_transliteration,
    russian_latin_text,
    translation_table,
    transliterate_words,
)
from clearway.screening.vocabulary import (
    ABBREVIATION_SYMBOLS,
    ABJAD_HONORIFICS,
    CJK_COMPANY_ONLY_WORDS,
    CJK_ORGANISATION_WORDS,
    COMMON_PERSON_TOKENS,
    COMPANY_ONLY_WORDS,
    GENERIC_ORG_TOKENS,
    GENERIC_ORG_TOKENS_TRANSLIT,
    HONORIFIC_SYMBOLS,
    HONORIFICS,
    LEGAL_FORM_SPELLINGS,
    LEGAL_WORDS,
    OTHER_SCRIPT_SYMBOLS,
    PARTICLES,
    PATRONYMIC_SUFFIXES,
    PATRONYMIC_SYMBOL_ENDINGS,
    PERSON_NAME_SYMBOLS,
    PLACE_WORDS,
    SYMBOLS_NOT_MEANT,
    TRANSLATED_WORD_SYMBOLS,
    patronymic_symbols,
)
from clearway.screening.western import cyrillic_sound, latin_sound


class NameKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    OBJECT = "object"  # vessels, aircraft
    GENERIC = "generic"  # unknown: a person or an organisation


class Script(StrEnum):
    LATIN = "latin"
    ABJAD = "abjad"  # Arabic, Hebrew, Syriac: short vowels unwritten, so compare consonant skeletons
    OTHER = "other"  # any other non-Latin script, transliterated


class TokenRole(StrEnum):
    NAME = "name"
    PARTICLE = "particle"
    INITIAL = "initial"
    NUMBER = "number"


# Enum members read once per part or token, as module constants: reading `NameKind.PERSON` goes through
# the enum metaclass and costs more than the comparison it is used in.
_PERSON, _ORGANIZATION, _GENERIC = NameKind.PERSON, NameKind.ORGANIZATION, NameKind.GENERIC
_LATIN, _ABJAD, _OTHER = Script.LATIN, Script.ABJAD, Script.OTHER
_NAME, _PARTICLE, _INITIAL, _NUMBER = TokenRole.NAME, TokenRole.PARTICLE, TokenRole.INITIAL, TokenRole.NUMBER

_TAG_BY_KIND = {
    NameKind.PERSON: NameTypeTag.PER,
    NameKind.ORGANIZATION: NameTypeTag.ORG,
    NameKind.OBJECT: NameTypeTag.OBJ,
    NameKind.GENERIC: NameTypeTag.ENT,
}

# Weights: how much a token says about identity (1.0 = a distinctive name).
WEIGHT_PARTICLE = 0.1
WEIGHT_INITIAL = 0.4
WEIGHT_COMMON_PERSON = 0.55
WEIGHT_PATRONYMIC = 0.6
WEIGHT_SHORT = 0.6
WEIGHT_GENERIC_ORG = 0.45
WEIGHT_PLACE = 0.3
WEIGHT_LEGAL_WORD = 0.15
WEIGHT_OWN_ACRONYM = 0.1  # "Haqqani Network (HQN)": the acronym repeats the name, it adds nothing to it
CONFLICT_WEIGHT_FLOOR = 0.8
PATRONYMIC_CONFLICT_WEIGHT = 1.0  # two fathers' names, each left out of the other name (`_conflict_weight`)
MIN_MISSPELT_LEGAL_FORM = 6  # shorter forms (ltda, corp) are too close to real names (Cora, Lida)

# The Arabic article is written joined to the word (الأسد); Latin spellings separate it (al-Assad).
_ARABIC_ARTICLE = re.compile(r"(?<!\w)ال(?!له(?!\w))(?=\w{2,})")  # but not الله (Allah)

# Compound names written as one word, which Latin spellings write as two or three ("Abdul Qadeer",
# "Nooruddin"): عبد and the article after it (عبدالقدیر), and a word before الدين (نورالدین, and صلاح الدين
# written joined). Split, their article is split off as above. Not عبدالله: Latin spellings write Abdullah.
_ARABIC_COMPOUND = re.compile(r"(?<!\w)(عبد|\w{2,}(?=الد[يی]ن(?!\w)))(?=ال(?!له(?!\w))\w{2,})")

_ABJAD_RANGES = ((0x0590, 0x05FF), (0x0600, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))
_GENERIC_SYMBOL_CATEGORIES = frozenset({"DOMAIN", "SYMBOL"})
_FOLD_RULES = (
    ("sch", "sh"), ("tch", "ch"), ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"),
    ("ph", "f"), ("th", "t"), ("dh", "d"), ("ck", "k"), ("ch", "9"), ("q", "k"), ("c", "k"),
    ("x", "ks"), ("w", "v"), ("y", "i"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("eo", "o"),
    ("eu", "u"), ("ie", "i"), ("oe", "o"), ("ue", "u"), ("9", "ch"),
)  # fmt: skip
# Consonant skeletons: Arabic and Hebrew write long vowels (و w, ي y) but not short ones, so Latin
# "ou"/"oo" count as w and "ee"/"ii" as y, other vowels vanish; a final ة (ICU "t") is Latin "-a(h)".
# The diphthongs ai, ei and au are a vowel and ي or و ("Otaibi" عتيبي "tyby", "Saud" سعود "swd").
# Applied in order: th and dh before kh, so that an Arabic t or d before خ ("tkhary", تخاری) stays two
# letters.
_SKELETON_RULES = (
    ("th", "t"), ("dh", "d"), ("kh", "h"), ("gh", "g"), ("q", "k"), ("sh", "s"), ("ph", "f"), ("dj", "j"),
    ("ou", "w"), ("oo", "w"), ("uu", "w"), ("ee", "y"), ("ii", "y"), ("ai", "y"), ("ei", "y"), ("au", "w"),
)  # fmt: skip
_SKELETON_DROP = translation_table(str.maketrans("", "", "aeiou"))


# Not `slots=True`: the compiled build makes `Token` an extension type (normalize.pxd), which has no
# `__slots__`; as plain Python it is a frozen dataclass with a `__dict__`.
@dataclass(frozen=True)
class Token:
    """One name part in comparable form."""

    text: str  # the part as written (case-folded), for explanations
    latin: str  # lower-case ASCII, no spaces
    phonetic: str  # metaphone of `latin` ("" when too short to be meaningful)
    folded: str  # `latin` with romanisation variants folded (kh→h, ou→u, y→i, doubles collapsed)
    skeleton: str  # consonant skeleton of `folded`, for abjad transliterations
    symbols: frozenset[str]  # name-variant / synonym symbols, "CATEGORY:ID"
    script: Script
    role: TokenRole
    weight: float
    uid: int  # equal tokens are one interned object; the aligner memoises similarities by uid
    generic: bool = False  # a generic organisation word (trading, bank, oil): low weight, but conflicts
    special: bool = False  # a number or an initial: compared by their own rules
    letters: int = 0  # bit set of the letters of `latin`: a cheap bound on edit distance
    folded_letters: int = 0  # the same for `folded`
    signature: int = 0  # `signature(latin)`: its initial and length as a bit, for the aligner's glued pass
    # Its sound key across scripts (`western`): a Latin word's, and a Cyrillic word's read as the Western
    # name it may render (Уоллес = Wallace); "" for other words
    western: str = ""

    def __reduce__(self) -> tuple[type[Token], tuple[object, ...]]:
        # By the fields, so that a saved index pickled by the compiled build loads in plain Python and
        # the other way round (an extension type's own pickling would name a helper only it has).
        return Token, _TOKEN_FIELDS(self)


# A run of adjacent tokens glued together: (start, end, glued latin, symbols of the run as a phrase)
GluedRun = tuple[int, int, str, frozenset[str]]


# Not `slots=True`, as `Token`: an extension type in the compiled build (normalize.pxd).
@dataclass(frozen=True)
class PreparedName:
    """A name ready for comparison. `tokens` excludes honorifics and legal forms (kept separately)."""

    original: str
    kind: NameKind
    tokens: tuple[Token, ...]
    phrases: tuple[tuple[int, int, frozenset[str]], ...]  # (start, end) token spans sharing a symbol
    legal_forms: tuple[str, ...]  # generic legal-form classes, e.g. ("LLC",)
    removed: tuple[str, ...]  # honorifics and other words dropped before comparison
    bag_key: str  # sorted latin tokens: equal keys mean the same name, maybe reordered
    total_weight: float
    # Runs of 2-4 adjacent tokens glued together (see `GluedRun`)
    glued: tuple[GluedRun, ...] = ()
    # A run without a symbol only meets a token with its first letter and a length within
    # GLUE_LENGTH_GAP of its own. `glue_reach` has the bits of every signature (see `signature`) such a
    # run can meet, `token_signatures` those of the tokens: when they share none and no run has a symbol,
    # the aligner skips the glued pass with one `&`.
    token_signatures: int = 0
    glue_reach: int = 0
    # Runs (positions in `glued`) that may meet any token: those with a symbol, and those in Arabic script
    glued_symbol_runs: tuple[int, ...] = ()
    # Per run in `glued`, when the name has words in Arabic script: for a run in that script, the first
    # consonants of the Latin words it may meet by consonants and the run as said (`article_assimilated`);
    # None for the other runs.
    consonant_runs: tuple[tuple[str, str | None] | None, ...] = ()
    # The runs' and the tokens' shapes for `glue.glue_cover` (`glue.RUN_FIELDS` ints per run,
    # `glue.TOKEN_FIELDS` per token): a name whose reach meets the other name's tokens usually does so by
    # one or two of its runs, and the aligner tries only those.
    run_shapes: tuple[int, ...] = ()
    token_shapes: tuple[int, ...] = ()
    # Per token: its weight, and its weight when left unmatched against an unmatched token of the other
    # name (generic company words then count at least CONFLICT_WEIGHT_FLOOR: "Trading" vs "Shipping").
    weights: tuple[float, ...] = ()
    conflict_weights: tuple[float, ...] = ()
    total_conflict: float = 0.0
    # Token uids, and where each occurs: the aligner intersects them with its memo of similar tokens.
    uids: frozenset[int] = frozenset()
    positions_by_uid: dict[int, tuple[int, ...]] = field(default_factory=dict, compare=False)

    @property
    def is_empty(self) -> bool:
        return not self.tokens

    def __reduce__(self) -> tuple[Callable[..., PreparedName], tuple[object, ...]]:
        # By the fields, as `Token.__reduce__` (a saved index loads in either build), less the two derived
        # from the tokens' uids (`_name_from_fields`)
        return _name_from_fields, _NAME_FIELDS(self)[:_UIDS_AT]


def _fields_of(cls: type) -> Callable[[Any], tuple[object, ...]]:
    """The values of a dataclass's fields, in order: what `__reduce__` pickles (derived from the class,
    so that a field added to it is pickled too)."""
    return attrgetter(*(each.name for each in dataclasses.fields(cls)))


_TOKEN_FIELDS = _fields_of(Token)
_NAME_FIELDS = _fields_of(PreparedName)
# The last two fields of a name, `uids` and `positions_by_uid`, are derived from its tokens' uids.
_UIDS_AT = [each.name for each in dataclasses.fields(PreparedName)].index("uids")


def _name_from_fields(*fields: Any) -> PreparedName:
    """A name unpickled from its other fields, its uid set and positions made of its tokens' own uid
    objects: pickled apart, equal ints come back as distinct objects, and the aligner's memo and sets,
    keyed by the tokens' uids, would then compare them by value instead of finding them by identity."""
    make: Callable[..., PreparedName] = PreparedName  # the fields before `uids`, then those two
    return make(*fields, *_uid_fields(fields[2]))


def _uid_fields(tokens: Sequence[Token]) -> tuple[frozenset[int], dict[int, tuple[int, ...]]]:
    """`PreparedName.uids` and `positions_by_uid` of `tokens`."""
    uid_list = [t.uid for t in tokens]
    uids = frozenset(uid_list)
    if len(uids) == len(uid_list) <= len(ONE_POSITION):
        # Distinct tokens (nearly every name): each uid at one position, mapped without a loop.
        return uids, dict(zip(uid_list, ONE_POSITION, strict=False))
    return uids, _positions_by_uid(tokens)


def kind_for_schema(schema: str | None) -> NameKind:
    """Map a FollowTheMoney-style schema name (or ours) to the name logic used for it."""
    key = (schema or "").strip().lower()
    if key in {"person", "individual"}:
        return NameKind.PERSON
    if key in {"organization", "organisation", "company", "publicbody"}:
        return NameKind.ORGANIZATION
    if key in {"vessel", "aircraft", "vehicle", "airplane", "ship"}:
        return NameKind.OBJECT
    return NameKind.GENERIC


# Names whose preparation initialises something once per process: rigour's person and organisation
# taggers (seconds), ICU's Han-Latin transliterator (≈ 0.2 s), the Cyrillic, Arabic, Thai and Devanagari
# paths (milliseconds each). Otherwise the first query in such a script pays it.
_WARM_UP_NAMES = (
    ("Clearway Warm Up", NameKind.PERSON),
    ("Clearway Warm Up", NameKind.ORGANIZATION),
    ("Кларвей Пробный", NameKind.PERSON),
    ("Кларвей Пробный", NameKind.ORGANIZATION),
    ("Олексій Пробний", NameKind.PERSON),  # Ukrainian: rigour's own Cyrillic transliteration
    ("كليرواي تجربة", NameKind.PERSON),
    ("清道", NameKind.PERSON),
    ("ทดลอง", NameKind.PERSON),
    ("परीक्षण", NameKind.PERSON),
)


def warm_up() -> None:
    """Build rigour's name-analysis tables and the transliterators now (10-20 s of native code holding the
    GIL, once per process) rather than during the first comparison: servers do it before serving, batch
    commands before their progress bar starts."""
    for text, kind in _WARM_UP_NAMES:
        prepare_name(text, kind)
    cantonese_reading("清道")  # loads the Cantonese dictionary (≈ 0.6 s) before the first name needs it


# Hebrew writes the sounds it has no letter for with a geresh after a letter: ג׳ j, ז׳ zh, צ׳ (final ץ׳)
# ch (ג׳ורג׳ George, סמוטריץ׳ Smotrich). Tokenisers cut the word at the mark, and ICU reads the letter
# alone ("g", "wrg"): the sound is written in Latin letters inside the word before either sees it.
_HEBREW_GERESH = re.compile("([גזצץ])[׳'’]")
_GERESH_SOUNDS = {"ג": "j", "ז": "zh", "צ": "ch", "ץ": "ch"}


def _geresh_sound(found: re.Match[str]) -> str:
    return _GERESH_SOUNDS[found.group(1)]


def prepare_name(text: str, kind: NameKind) -> PreparedName:
    """Prepare one name; cached because lists repeat names and queries repeat across batches."""
    return _prepare_cached(text.strip(), kind)


@lru_cache(maxsize=100_000)
def _prepare_cached(text: str, kind: NameKind) -> PreparedName:
    if needs_early_transliteration(text):
        text = transliterate_words(text)
    elif "ال" in text:
        text = _ARABIC_ARTICLE.sub("ال ", _ARABIC_COMPOUND.sub(r"\1 ", text))
    # A name whose words are read in English, or whose Hebrew geresh letters are read in Latin, keeps its
    # own as its `original`: the explanation shows what the client wrote, and the name's other readings
    # start from it.
    written: str | None = None
    if not text.isascii() and _HEBREW_GERESH.search(text) is not None:
        written, text = text, _HEBREW_GERESH.sub(_geresh_sound, text)
    if kind in _TRANSLATED_KINDS and not text.isascii() and _CJK_ORGANISATION_WORD.search(text):
        written, text = written or text, _with_organisation_words_translated(text)
    if kind != NameKind.OBJECT:
        text = _with_look_alike_letters(text)
    if kind in _MAY_HAVE_LEGAL_FORMS and ("ong" in text or "ONG" in text):
        text = HONG_KONG.sub(_hong_kong, text)
    if kind == NameKind.PERSON and "." in text:
        text = _DOTTED_INITIALS.sub(_initials_spaced, text)
    elif kind == NameKind.OBJECT and "." in text:
        text = _NUMBER_SIGN.sub("", text)
    if kind == NameKind.OBJECT and "호" in text:
        text = _KOREAN_NUMBER_SIGN.sub("", text)
    if kind == NameKind.OBJECT:
        text = _VESSEL_TYPE_PREFIX.sub("", text, count=1)
    analysis: _Analysis | None = _analysed_in_latin(text, kind)
    if analysis is None:
        name = _analysed(text, kind)
        if name is None:
            return _empty(text, kind)
        analysis = name, name.parts
    name, name_parts = analysis
    part_symbols: dict[int, set[str]] = {}
    phrase_spans: list[tuple[int, int, str]] = []
    for span in name.spans:
        symbol = _symbol_text(span.symbol)
        parts = span.parts
        if len(parts) == 1:
            part_symbols.setdefault(parts[0].index, set()).add(symbol)
        else:
            indexes = [p.index for p in parts]
            phrase_spans.append((min(indexes), max(indexes), symbol))
    return _assemble(written or text, kind, name_parts, part_symbols, phrase_spans)


_TRANSLATED_KINDS = (NameKind.ORGANIZATION, NameKind.OBJECT)
# Longest first: at each place the longest word wins ("有限公司" over "公司").
_CJK_ORGANISATION_WORD = re.compile("|".join(sorted(CJK_ORGANISATION_WORDS, key=len, reverse=True)))


def _with_organisation_words_translated(text: str) -> str:
    """An organisation's name in Chinese, Korean or Japanese with its generic words and legal forms in
    English (`CJK_ORGANISATION_WORDS`): "珠海振戎公司" → "珠海振戎 company", as the name is
    written in Latin ("Zhuhai Zhenrong Company"). The proper name stays as written, read by syllables.
    (Persian and Arabic words are written apart and keep their transliteration: `vocabulary.
    OTHER_SCRIPT_SYMBOLS` makes شرکت, "shrkt", a variant of "company" and of the lists' "Sherkat".)"""
    return _CJK_ORGANISATION_WORD.sub(_english_word, text)


def _english_word(found: re.Match[str]) -> str:
    return f" {CJK_ORGANISATION_WORDS[found.group()]} "


# Initials written together in a person's name, "J.R." or "J.R" in "SMITH J.R.": one initial each, as
# "J. R." is read (else "jr" is one unknown word). Letters only, each followed by a dot but maybe the last.
_DOTTED_INITIALS = re.compile(r"(?<![\w.])[^\W\d_](?:\.[^\W\d_])+\.?(?![\w.])")


# "Hong Kong" in an organisation's name, as one word: a place (`PLACE_WORDS`), where "Hong"
# alone is a proper name (宏, 洪). Its glued and spaced forms then match as any other; glued to the next
# word ("HONG KONGELECTRONICS"), it is set apart from it.
HONG_KONG = re.compile(r"\bhong\s*-?\s*kong(?=(\w?))", re.IGNORECASE)


def _hong_kong(found: re.Match[str]) -> str:
    return "Hongkong " if found.group(1) else "Hongkong"


# A digit between two letters of a word is a letter misread or mistyped as it ("A1i Hassan", "M0hammed":
# scans, OCR'd documents, evasion). Not in a vessel's or aircraft's name, whose numbers are part of it,
# and not at a word's edge ("3M", "Grace1"), except a zero opening a word of letters ("0leg", "0MAR"): no
# number is written with a leading zero before letters. The letter takes the case of the one after it: a
# 1 is the capital I among capitals ("K1M"), else the small l ("A1i").
_DIGIT_INSIDE_WORD = re.compile(r"(?<=[^\W\d_])[01358](?=[^\W\d_])|(?<!\w)0(?=[^\W\d_]{2})")
_LOOK_ALIKE_LETTER = {"0": "o", "1": "l", "3": "e", "5": "s", "8": "b"}
_LOOK_ALIKE_CAPITAL = {"0": "O", "1": "I", "3": "E", "5": "S", "8": "B"}


def _with_look_alike_letters(text: str) -> str:
    if not any(character.isdigit() for character in text):
        return text
    return _DIGIT_INSIDE_WORD.sub(_look_alike_letter, text)


def _look_alike_letter(found: re.Match[str]) -> str:
    if found.string[found.end()].isupper():
        return _LOOK_ALIKE_CAPITAL[found.group()]
    return _LOOK_ALIKE_LETTER[found.group()]


# "JI SONG NO.6" is "Ji Song 6": a vessel's number written after "No." (dotted: "No" alone may be a word).
_NUMBER_SIGN = re.compile(r"(?<![^\W\d_])no\.\s*(?=\d)", re.I)
# A vessel's type written before its name: motor, sailing and royal yachts (MY, M/Y, SY, RY, MSY), research,
# fishing and sailing vessels (RV, FV, SV), motor and training ships (MS, TS), dotted or with a slash.
# rigour sets aside MV, MT and SS itself, not these: "MY DILBAR" kept "my" as a name word, and scored 0.56
# against the listed "DILBAR". Only before another word: "MY" alone stays a name.
_VESSEL_TYPE_PREFIX = re.compile(
    r"^\s*(?:M\.?/?\s?S\.?/?\s?Y|[MSR]\.?/?\s?Y|[RFS]\.?/?\s?V|[MT]\.?/?\s?S)\.?\s+(?=\w)", re.I
)
# Korean writes a vessel's number with 호 after it ("유정 2호" is "Yu Jong 2").
_KOREAN_NUMBER_SIGN = re.compile(r"(?<=\d)\s*호(?![가-힣])")


def _initials_spaced(found: re.Match[str]) -> str:
    dotted = found.group()
    if _DOTTED_LEGAL_FORM.fullmatch(dotted if dotted.endswith(".") else f"{dotted}."):
        return dotted  # "S.A.", "B.V.": a company's legal form (a person's reading of a name of unknown kind)
    return " ".join(f"{letter}." for letter in dotted.split(".") if letter)


@dataclass(frozen=True, slots=True)
class _Part:
    """A rigour name part with its form in the script the name was written in (`_analysed_in_latin`)."""

    form: str
    index: int
    tag: NamePartTag


_Analysis = tuple[Name, Sequence[NamePart | _Part]]


def _analysed_in_latin(text: str, kind: NameKind) -> _Analysis | None:
    """rigour's analysis of a name in the Russian alphabet, made on the name written in Latin: rigour
    transliterates every word it has not seen, at 100-250 µs a word (a Cyrillic name cost a millisecond
    the first time), and its tables of Latin names are the ones list names meet. The parts get their
    Cyrillic forms back (their tokens keep the script, and the explanation shows what the client wrote).
    None when `text` is not such a name, or a part cannot be traced to its word (rigour rewrote it)."""
    if text.isascii():
        return None
    latin_text = russian_latin_text(text)
    if latin_text is None:
        return None
    name = _analysed(latin_text, kind)
    if name is None:
        return None
    words, latin_words = tokenize_name(text.casefold()), tokenize_name(latin_text.casefold())
    if len(words) != len(latin_words):
        return None  # a word of soft signs only, written as nothing
    parts: list[_Part] = []
    position = 0
    for part in name.parts:
        # Parts follow the words' order; rigour may have dropped some ("La Familia": the article).
        while position < len(latin_words) and latin_words[position] != part.form:
            position += 1
        if position == len(latin_words):
            return None
        # A legal form keeps rigour's own form: it writes ООО as "ooo" whatever the script.
        form = part.form if part.tag == NamePartTag.LEGAL else words[position]
        parts.append(_Part(form, part.index, part.tag))
        position += 1
    return name, parts


def _analysed(text: str, kind: NameKind) -> Name | None:
    """rigour's analysis of `text`. For a company, legal forms spoilt by a typo or a missing space are
    repaired first (`_with_legal_forms_repaired`), and the repair is kept only if rigour then reads more of
    the name as legal form: otherwise the explanation would show words the name does not contain."""
    tag = _TAG_BY_KIND[kind]
    analysed = analyze_names(tag, [text], consolidate=False, phonetics=False, numerics=False)
    name = next(iter(analysed), None)
    if kind not in _MAY_HAVE_LEGAL_FORMS or name is None:
        return name
    repaired_text = _with_legal_forms_repaired(text)
    if repaired_text == text:
        return name
    repaired = analyze_names(tag, [repaired_text], consolidate=False, phonetics=False, numerics=False)
    better = next(iter(repaired), None)
    return better if better is not None and _reads_more_legal_form(better, name) else name


def _reads_more_legal_form(repaired: Name, original: Name) -> bool:
    """More legal-form parts, or fewer other parts without more of them ("S.A. DEC.V." → "S.A. de C.V.")."""
    legal, other = _legal_and_other_parts(repaired)
    original_legal, original_other = _legal_and_other_parts(original)
    return other <= original_other and (legal > original_legal or other < original_other)


def _legal_and_other_parts(name: Name) -> tuple[int, int]:
    legal = sum(1 for part in name.parts if part.tag == NamePartTag.LEGAL)
    return legal, len(name.parts) - legal


def _with_legal_forms_repaired(text: str) -> str:
    return _with_legal_spellings(_with_abbreviations_spelled(_with_glued_legal_forms_split(text)))


# Abbreviated legal forms that a typo is repaired to (Spanish, Portuguese, French, Italian limited
# companies); the first one a typo is one edit from wins ("S.iR.L." is one edit from both).
_ABBREVIATED_LEGAL_FORMS = ("LTDA.", "S.A.R.L.", "S.R.L.")
_ABBREVIATION_LETTERS = tuple((form.replace(".", "").lower(), form) for form in _ABBREVIATED_LEGAL_FORMS)
# Real abbreviated forms one edit from those (or from each other): written so on purpose, never "repaired".
# Forms like S.A.S., S.C.S. or E.I.R.L. are not repair targets at all: too many real forms are one edit
# from them (S.A.C., S.A.U., S.A.L., S.C.P., E.U.R.L.).
_REAL_ABBREVIATIONS = frozenset(
    {"ltda", "lda", "ltd", "sarl", "sarlu", "sprl", "srl", "srls", "sl", "slu", "sll", "sal", "sas", "sasu"}
)
_ABBREVIATION_TAIL = 3  # legal forms end a name ("S.R.L. de C.V."): only its last words are looked at


def _with_abbreviations_spelled(text: str) -> str:
    """`text` with a dotted legal form spoilt by a typo in its last words written right ("Cia. LTAD." →
    "Cia. LTDA.", "Impulse S.A.RtL." → "Impulse S.A.R.L."). Only words with a dot, where a dot marks an
    abbreviation: an undotted short word at the end of a name is as likely a name ("Cora", "Lida")."""
    if "." not in text:
        return text
    words = text.split(" ")
    changed = False
    # Never the first word: a name is not a legal form alone, and initials lead ("S.A.R. Holdings").
    for position in range(max(1, len(words) - _ABBREVIATION_TAIL), len(words)):
        word = words[position]
        if "." in word:
            form = _abbreviation_spelling("".join(ch for ch in word.lower() if ch.isalpha()))
            if form is not None:
                # Punctuation around the form stays ("(LTAD.)" → "(LTDA.)"), except its own dots.
                before = word[: len(word) - len(word.lstrip(_PUNCTUATION))].replace(".", "")
                after = word[len(word.rstrip(_PUNCTUATION)) :].replace(".", "")
                words[position] = before + form + after
                changed = True
    return " ".join(words) if changed else text


def _abbreviation_spelling(letters: str) -> str | None:
    """The abbreviated legal form `letters` is one typo away from (same initial), or None: also None for a
    real form (spelled right, or another form), and for fewer than three letters (too many forms)."""
    if len(letters) < 3 or letters in _REAL_ABBREVIATIONS:
        return None
    for known, form in _ABBREVIATION_LETTERS:
        if (
            known[0] == letters[0]
            and abs(len(known) - len(letters)) <= 1
            and OSA.distance(known, letters, score_cutoff=1) <= 1
        ):
            return form
    return None


# A legal form written without the space before it: "Inversiones AguilaLtda.", "Meybar S.A.S." written
# "MeybarS.A.S.", "S.A. DeC.V.", "Y Cia.S.A.". Dotted forms after two letters or more, or after "Cia.";
# word forms, which could end an ordinary word, only as the whole tail of a word after four letters or
# more ("Unlimited" stays a word).
_DOTTED_LEGAL_FORM = re.compile(
    r"(?:s\.a\.r\.l|s\.a\.s|s\.a\.c|s\.a|s\.c\.s|s\.c\.a|s\.c|e\.i\.r\.l|l\.l\.c|c\.v|s\.r\.l|s\.l|b\.v|n\.v)"
    r"\.(?!\w)",
    re.I,
)
# ... or without the space after it, before the rest of a Spanish form: "S.A.DE C.V.", "S.DE R.L.",
# "S.EN C.", and German "Co.KG".
_GLUED_FORM_CONTINUATION = re.compile(
    r"(?<=\.)(?=(?:de|en)\s+(?:c\.|r\.\s?l\.|c\b))|(?<=\bco\.)(?=kg\b)", re.I
)
_WORD_LEGAL_FORM = re.compile(r"(?:ltda|limitada|limited|ltd|llc|gmbh)(?![^\W\d_])", re.I)
_WORD_LEGAL_FORM_HINTS = ("ltd", "llc", "gmbh", "limit")  # substrings that any of those forms contains


def _with_glued_legal_forms_split(text: str) -> str:
    # Tested by plain substring searches first: most names have no dot and none of these letters, and a
    # regular expression scan of every name would cost more than the rest of the repair.
    starts: list[int] = []
    if "." in text:
        starts += [
            m.start()
            for m in _DOTTED_LEGAL_FORM.finditer(text)
            if _letters_before(text, m.start(), 2) or _after_cia(text, m.start())
        ]
        starts += [m.start() for m in _GLUED_FORM_CONTINUATION.finditer(text)]
    lowered = text.lower()
    if _glued_hint(lowered) or "cia.l" in lowered:
        starts += [
            m.start()
            for m in _WORD_LEGAL_FORM.finditer(text)
            if _letters_before(text, m.start(), 4) or _after_cia(text, m.start())
        ]
    if not starts:
        return text
    bounds = [0, *sorted(set(starts)), len(text)]
    return " ".join(text[bounds[i] : bounds[i + 1]] for i in range(len(bounds) - 1))


def _glued_hint(lowered: str) -> bool:
    """Whether one of `_WORD_LEGAL_FORM_HINTS` follows four letters somewhere in `lowered`."""
    for hint in _WORD_LEGAL_FORM_HINTS:
        position = lowered.find(hint)
        while position != -1:
            if _letters_before(lowered, position, 4):
                return True
            position = lowered.find(hint, position + 1)
    return False


def _after_cia(text: str, position: int) -> bool:
    """Whether the word "Cia." (compañía: "Y Cia. Ltda.") ends right before `position`."""
    return (
        position >= 4
        and text[position - 4 : position].lower() == "cia."
        and not text[position - 5 : position - 4].isalpha()
    )


def _letters_before(text: str, position: int, count: int) -> bool:
    return position >= count and text[position - count : position].isalpha()


_MAY_HAVE_LEGAL_FORMS = frozenset({NameKind.ORGANIZATION, NameKind.GENERIC})
_WORD = re.compile(r"[^\W\d_]+")
_PUNCTUATION = ".,;:()[]'\"-/&"
# Words that make a neighbouring misspelt legal-form word part of a legal form ("Joint Stock Compnay").
_LEGAL_CONTEXT = (
    LEGAL_WORDS
    | LEGAL_FORM_SPELLINGS
    | frozenset({"joint", "stock", "liability", "public", "private", "closed", "open"})
)


# Words one edit from a legal-form spelling that are words in their own right ("society" / "societa").
_WORDS_NEAR_LEGAL_FORMS = frozenset({"society", "societies"})


def _with_legal_spellings(text: str) -> str:
    """`text` with misspelt legal-form words spelled right ("Open Joint Stock Compnay", "Transport
    Limitde"), so that rigour's legal-form table recognises the form instead of leaving four words a
    correctly spelled name lacks. Only a word at the end of the name or next to another legal-form word
    is corrected: elsewhere a word one edit from a legal form ("Limiter Logistics") is a name."""
    if not any(
        len(word) >= MIN_MISSPELT_LEGAL_FORM and _legal_spelling(word.strip(_PUNCTUATION))
        for word in text.casefold().split()
    ):
        return text  # nearly every name: no word is a misspelt legal form (a cached look-up per word)
    words = list(_WORD.finditer(text))
    lowered = [word.group().casefold() for word in words]
    pieces: list[str] = []
    copied = 0
    for position, word in enumerate(lowered):
        spelling = _legal_spelling(word)
        if spelling is None or word in _WORDS_NEAR_LEGAL_FORMS:
            continue
        neighbours = lowered[max(0, position - 1) : position] + lowered[position + 1 : position + 2]
        if position == len(lowered) - 1 or not _LEGAL_CONTEXT.isdisjoint(neighbours):
            found = words[position]
            pieces += [text[copied : found.start()], spelling]
            copied = found.end()
    return "".join(pieces) + text[copied:] if pieces else text


_symbol_texts: dict[Symbol, str] = {}


def _symbol_text(symbol: Symbol) -> str:
    """The "CATEGORY:ID" text of a rigour symbol. Every attribute read of a rigour object builds a new Python
    object in native code: one dictionary look-up (symbols hash by value) replaces four of them. The
    dictionary holds at most one text per symbol of rigour's tables that names have used."""
    text = _symbol_texts.get(symbol)
    if text is None:
        text = _symbol_texts[symbol] = f"{symbol.category.value}:{symbol.id}"
    return text


def _assemble(
    text: str,
    kind: NameKind,
    parts: Sequence[NamePart | _Part],
    part_symbols: dict[int, set[str]],
    phrase_spans: list[tuple[int, int, str]],
) -> PreparedName:
    tokens: list[Token] = []
    legal_forms: list[str] = []
    removed: list[str] = []
    first_token_of_part: dict[int, int] = {}
    last = len(parts) - 1
    for position, part in enumerate(parts):
        form, index, tag = part.form, part.index, part.tag
        symbols = frozenset(part_symbols.get(index, ()))
        if tag == NamePartTag.LEGAL and kind != _PERSON:
            legal_forms.extend(_legal_classes(form, symbols))
            continue
        latin = latin_form(form)
        script = _script_of(form)
        # A title comes before the name; written last it is a surname ("Muhammad Naeem SHEIKH").
        if kind == _PERSON and position != last and _is_honorific(form, latin, symbols, script):
            removed.append(form)
            continue
        if kind == _ORGANIZATION and latin in _IZAFAT and 0 < position < last:
            tag = NamePartTag.STOP  # a connective, not the numeral I (see `_IZAFAT`)
        first_token_of_part[index] = len(tokens)
        pieces = latin.split()
        if len(pieces) == 1:
            tokens.append(_make_token(form, latin, symbols, kind, tag, script))
            continue
        # Han and Hangul parts split into syllables: each syllable is its own token, written as its
        # character where a Han part reads one syllable a character (李伟: 李 li, 伟 wei).
        texts = _syllable_texts(form, pieces)
        tokens.extend(
            _make_token(written, piece, frozenset(), kind, tag, script)
            for written, piece in zip(texts, pieces, strict=True)
        )
    if not tokens and removed:
        # A "name" made only of titles ("General", "Sheikh"): compare the titles rather than nothing.
        return _prepare_without_honorifics(text, kind, legal_forms)
    if kind != _PERSON and _ends_with_own_acronym(tokens):
        tokens[-1] = _as_own_acronym(tokens[-1])
    phrases = _phrases(phrase_spans, first_token_of_part, len(tokens))
    return _finish(text, kind, tokens, phrases, legal_forms, removed)


def _syllable_texts(form: str, pieces: list[str]) -> list[str]:
    """The written form of each syllable of a part: its Han character when the part is Han characters
    read one syllable each, so that two characters read alike stay two characters (李伟 / 李威); else the
    syllable as read."""
    characters = [character for character in form if not character.isspace()]
    if len(characters) == len(pieces) and all(is_han_character(c) for c in characters):
        return characters
    return pieces


# The Persian and Urdu izafat ("Tehrik-i-Taliban", "Sazman-e Enerzhi-ye Atomi"; "-e" is a particle anyway)
# and Catalan "i" (and) between two words of an organisation's name: rigour reads "I" as the numeral one.
_IZAFAT = frozenset({"i", "ye", "yi"})


def _ends_with_own_acronym(tokens: list[Token]) -> bool:
    """An organisation name followed by its own acronym ("Islamic Jihad Union (IJU)", "Haqqani Network
    (HQN)", "Forces Democratiques de Liberation du Rwanda (FDLR)"). Lists write it on one side and not the
    other, where it would count as a whole extra word."""
    if len(tokens) < 3:
        return False
    acronym = tokens[-1].latin
    words = [token.latin for token in tokens[:-1]]
    required = [token.role == _NAME for token in tokens[:-1]]
    if not 2 <= len(acronym) <= min(8, sum(required) + 1) or not acronym.isalpha():
        return False
    return abbreviates(acronym, tuple(words), tuple(required), True)


@lru_cache(maxsize=10_000)
def abbreviates(
    acronym: str, words: tuple[str, ...], required: tuple[bool, ...], second_letters: bool
) -> bool:
    """Whether `acronym` is made of the words in order: each required word gives its initial, the others
    (particles, generic words) give theirs or nothing ("isil": Islamic State of Iraq and the Levant). With
    `second_letters`, a word may also give one later letter of its own (Haqqani → HQ)."""
    if not words:
        return not acronym
    word, rest, rest_required = words[0], words[1:], required[1:]
    if not required[0] and abbreviates(acronym, rest, rest_required, second_letters):
        return True
    if not acronym or acronym[0] != word[0]:
        return False
    if abbreviates(acronym[1:], rest, rest_required, second_letters):
        return True
    if not second_letters or len(acronym) < 2:
        return False
    # One more letter from the same word, found later in it ("Haqqani" gives H and Q).
    return word.find(acronym[1], 1) != -1 and abbreviates(acronym[2:], rest, rest_required, second_letters)


def by_syllables(
    acronym: str, words: tuple[str, ...], required: tuple[bool, ...], names: tuple[bool, ...]
) -> bool:
    """Whether `acronym` is made of the words' openings in order, one to three letters of each name word
    and the initial of a particle, from at least three words (KOMID: Korea Mining Development Trading
    Corporation); words not `required` may give nothing."""

    @cache  # by position: a long name of words with one initial stays linear
    def most_words(letter: int, word: int) -> int:
        """The most words giving letters to acronym[letter:] from words[word:]; -1 if they cannot."""
        if word == len(words):
            return 0 if letter == len(acronym) else -1
        best = -1 if required[word] else most_words(letter, word + 1)
        text = words[word]
        longest = min(3 if names[word] else 1, len(acronym) - letter, len(text))
        for length in range(1, longest + 1):
            if acronym[letter + length - 1] != text[length - 1]:
                break
            rest = most_words(letter + length, word + 1)
            if rest >= 0:
                best = max(best, rest + 1)
        return best

    return most_words(0, 0) >= 3


@lru_cache(maxsize=10_000)
def _as_own_acronym(token: Token) -> Token:
    # A token of its own (uid included): the index caches lookups per uid, and they depend on the weight.
    return dataclasses.replace(token, weight=WEIGHT_OWN_ACRONYM, uid=next(_token_ids))


def _prepare_without_honorifics(text: str, kind: NameKind, legal_forms: list[str]) -> PreparedName:
    tokens = [
        _make_token(piece, piece, frozenset(), kind, NamePartTag.UNSET, _script_of(piece))
        for piece in latin_form(text.casefold()).replace("-", " ").replace(".", " ").split()
    ]
    return _finish(text, kind, tokens, (), legal_forms, [])


def _finish(
    text: str,
    kind: NameKind,
    tokens: list[Token],
    phrases: tuple[tuple[int, int, frozenset[str]], ...],
    legal_forms: list[str],
    removed: list[str],
) -> PreparedName:
    glued, glue_reach, glued_symbol_runs, run_shapes = _glued_runs(tokens, phrases)
    consonant_runs = _consonant_runs(tokens, glued)
    token_signatures = 0
    for token in tokens:
        token_signatures |= token.signature
    weights = tuple([t.weight for t in tokens])
    floor = CONFLICT_WEIGHT_FLOOR
    # A place conflicts as a generic word does (Shanghai / Shenzhen Huaxin Trading, Ansar al-Sharia in
    # Libya / in Tunisia), though left out it costs less than one (Shenzhen Huawei Technologies). So does
    # a patronymic of a known father's name: left out it costs little (documents drop it), but against
    # another one it names another father ("Vladimir Vladimirovich" / "Vladimir Alekseyevich KARA-MURZA",
    # a son and his father).
    conflict_weights = tuple([_conflict_weight(t, floor) for t in tokens])
    uids, positions_by_uid = _uid_fields(tokens)
    return PreparedName(
        original=text,
        kind=kind,
        tokens=tuple(tokens),
        phrases=phrases,
        legal_forms=tuple(legal_forms),
        removed=tuple(removed),
        bag_key=" ".join(sorted([t.latin for t in tokens])),
        total_weight=sum(weights),
        glued=glued,
        token_signatures=token_signatures,
        glue_reach=glue_reach,
        glued_symbol_runs=glued_symbol_runs,
        consonant_runs=consonant_runs,
        run_shapes=run_shapes,
        token_shapes=tuple([field for token in tokens for field in token_shape(token.latin)]),
        weights=weights,
        conflict_weights=conflict_weights,
        total_conflict=sum(conflict_weights),
        uids=uids,
        positions_by_uid=positions_by_uid,
    )


# One-element position tuples, made once and shared (names and the aligner's pairs would otherwise
# build one per token).
ONE_POSITION = tuple((position,) for position in range(256))


def _positions_by_uid(tokens: Sequence[Token]) -> dict[int, tuple[int, ...]]:
    grouped: dict[int, list[int]] = {}
    for position, token in enumerate(tokens):
        grouped.setdefault(token.uid, []).append(position)
    return {uid: tuple(positions) for uid, positions in grouped.items()}


MAX_GLUED = 4
MAX_PHRASE_RUN = 7  # the longest phrase with a symbol that is also a run (see `_glued_runs`)
GLUE_LENGTH_GAP = 2  # a glued run only meets a token whose length is within this of its own


SIGNATURE_LENGTHS = LONGEST + 1  # signatures tell lengths 0-14 apart; 15 stands for 15 and more


def signature(latin: str) -> int:
    """The initial and length of a Latin form as one bit of an int: the signatures of a name's tokens are
    then one int, and "a token with this initial and a length within 2" one `&`. Initials that share
    their low six bits and lengths from 15 up share a bit: the test can pass for nothing, never fail for
    a token that is there."""
    return 1 << ((ord(latin[0]) & 63) * SIGNATURE_LENGTHS + min(len(latin), SIGNATURE_LENGTHS - 1))


def _glued_runs(
    tokens: list[Token], phrases: tuple[tuple[int, int, frozenset[str]], ...]
) -> tuple[tuple[GluedRun, ...], int, tuple[int, ...], tuple[int, ...]]:
    """The glued runs, the signature bits their symbol-less runs can meet (a token with the run's initial
    and a length within GLUE_LENGTH_GAP of its own), the runs with a symbol, and the runs' shapes."""
    symbols_of = {(start, end): symbols for start, end, symbols in phrases}
    runs: list[GluedRun] = []
    reach = 0
    symbol_runs: list[int] = []
    shapes: list[int] = []
    no_symbols: frozenset[str] = frozenset()
    for start in range(len(tokens) - 1):
        glued = tokens[start].latin
        initial = ord(glued[0]) & 63
        lengths = 0  # the runs from `start` share an initial: collect their length bits, shift once
        for end in range(start + 1, min(start + MAX_GLUED, len(tokens))):
            glued += tokens[end].latin
            symbols = symbols_of.get((start, end), no_symbols) if symbols_of else no_symbols
            abjad = glued_by_consonants(tokens, start)
            shape = run_shape(start, end, glued, bool(symbols) or abjad, GLUE_LENGTH_GAP)
            shapes += shape
            if symbols or abjad:
                symbol_runs.append(len(runs))
            else:
                lowest, highest = shape[4], shape[5]  # the lengths the run meets, capped as signatures are
                lengths |= ((1 << (highest - lowest + 1)) - 1) << lowest
            runs.append((start, end, glued, symbols))
        reach |= lengths << initial * SIGNATURE_LENGTHS
    for start, end, symbols in phrases:
        # A longer phrase with a symbol is a run too: "Democratic People's Republic of Korea" is "DPRK".
        if MAX_GLUED <= end - start < MAX_PHRASE_RUN and symbols:
            symbol_runs.append(len(runs))
            glued = "".join(token.latin for token in tokens[start : end + 1])
            shapes += run_shape(start, end, glued, True, GLUE_LENGTH_GAP)
            runs.append((start, end, glued, symbols))
    return tuple(runs), reach, tuple(symbol_runs), tuple(shapes)


def _consonant_runs(
    tokens: list[Token], runs: tuple[GluedRun, ...]
) -> tuple[tuple[str, str | None] | None, ...]:
    """`PreparedName.consonant_runs`: () for a name without a word in Arabic script (most names)."""
    if all(token.script != _ABJAD for token in tokens):
        return ()
    found: list[tuple[str, str | None] | None] = []
    for start, end, _glued, _symbols in runs:
        if not glued_by_consonants(tokens, start):
            found.append(None)
            continue
        said = article_assimilated(tokens, start, end)
        leads = tokens[start].skeleton[:1] + (skeleton(said, True)[:1] if said else "")
        found.append((leads, said))
    return tuple(found)


def glued_by_consonants(tokens: list[Token], start: int) -> bool:
    """Whether the runs starting at `start` meet Latin tokens by consonants, whatever their initial and
    length: runs in Arabic script, whose words Latin spellings often join (ال + عتيبي, "al tyby", is
    "Alotaibi" or "Elotaibi", جلال الدين "Jalaluddin"). Only the runs with the article or abd, abu, ibn
    found 0.710 of the UN list's Latin names for its names in Arabic script, where all runs found 0.786."""
    return tokens[start].script == _ABJAD


# The letters the Arabic article takes the sound of (the "sun letters": ت ث د ذ ر ز س ش ص ض ط ظ ل ن), as
# the first letter of the next word's Latin form.
_SUN_LETTERS = frozenset("tdrzsln")
_ARTICLE = "al"


def article_assimilated(tokens: list[Token], start: int, end: int) -> str | None:
    """A run in Arabic script as Latin spells it where an article in it comes before a sun letter (the next
    word's, inside the run or just after it): the article's l takes that letter's sound, after a vowel
    ("ud" before "dyn", "ur" before "rhmn"): سعد الدين "sd al dyn" is "sduddyn", Saaduddin; عبد ال,
    before رحمن, is "bdur", Abdur. None when the run has no such article."""
    said, changed = [], False
    for position in range(start, end + 1):
        word = tokens[position].latin
        if word == _ARTICLE and position + 1 < len(tokens):
            letter = tokens[position + 1].latin[0]
            if letter in _SUN_LETTERS:
                word, changed = "u" + letter, True
        said.append(word)
    return "".join(said) if changed else None


def _empty(text: str, kind: NameKind) -> PreparedName:
    return PreparedName(text, kind, (), (), (), (), "", 0.0)


def _phrases(
    spans: list[tuple[int, int, str]], first_token_of_part: dict[int, int], token_count: int
) -> tuple[tuple[int, int, frozenset[str]], ...]:
    grouped: dict[tuple[int, int], set[str]] = {}
    for start_part, end_part, symbol in spans:
        start = first_token_of_part.get(start_part)
        end = first_token_of_part.get(end_part)
        if start is None or end is None or end <= start or end >= token_count:
            continue
        grouped.setdefault((start, end), set()).add(symbol)
    return tuple((start, end, frozenset(symbols)) for (start, end), symbols in sorted(grouped.items()))


def _legal_classes(form: str, symbols: frozenset[str]) -> list[str]:
    """The generic classes of a legal form ("LLC"), all of them and in a fixed order: some forms belong to
    several, and picking one out of the set made the result depend on the process's string hashing."""
    classes = sorted(symbol.removeprefix("ORGCLS:") for symbol in symbols if symbol.startswith("ORGCLS:"))
    return classes or [form.upper()]


_token_ids = itertools.count(1)
_last_reserved = 0


def reserve_token_ids(highest: int) -> None:
    """Tokens unpickled from a saved index keep their uids: new tokens must be numbered above them,
    or the aligner's memo (keyed by uid) would mix them up."""
    global _token_ids, _last_reserved
    if highest > _last_reserved:
        _last_reserved = highest
        _token_ids = itertools.count(max(highest, next(_token_ids)) + 1)


# Symbols only the words of people's names get (Md = Muhammad, Mykola = Nikolai): see `vocabulary`.
_PERSON_SYMBOLS = PERSON_NAME_SYMBOLS
_NO_SYMBOLS: frozenset[str] = frozenset()


@lru_cache(maxsize=300_000)
def _make_token(
    text: str, latin: str, symbols: frozenset[str], kind: NameKind, tag: NamePartTag, script: Script
) -> Token:
    role = _role(latin, script, tag, kind, is_syllable(text, script))
    weight = _weight(latin, role, kind, symbols)
    features = _latin_features(latin, script == _ABJAD)
    return Token(
        text=text,
        latin=latin,
        phonetic=features[0],
        folded=features[1],
        skeleton=features[2],
        symbols=_token_symbols(text, latin, symbols, kind, script),
        script=script,
        role=role,
        weight=weight,
        uid=next(_token_ids),
        generic=kind != _PERSON and weight == WEIGHT_GENERIC_ORG,
        special=role in (_NUMBER, _INITIAL),
        letters=letter_set(latin),
        folded_letters=letter_set(features[1]),
        signature=signature(latin),
        western=latin_sound(latin) if script == _LATIN else cyrillic_sound(text) if script == _OTHER else "",
    )


# Symbols of rigour's that a token does not keep: initials and organisation classes say nothing of a word.
_DROPPED_SYMBOL_PREFIXES = ("INITIAL:", "ORGCLS:")


def _token_symbols(
    text: str, latin: str, symbols: frozenset[str], kind: NameKind, script: Script
) -> frozenset[str]:
    """A token's symbols: rigour's for its part, less those it does not keep (`_DROPPED_SYMBOL_PREFIXES`,
    `SYMBOLS_NOT_MEANT`), and Clearway's own for the word (`vocabulary`). Most words have none
    of Clearway's: the union is made only of the sets that are not empty."""
    not_meant = SYMBOLS_NOT_MEANT.get(latin, _NO_SYMBOLS)
    kept = symbols
    for symbol in symbols:
        if symbol.startswith(_DROPPED_SYMBOL_PREFIXES) or symbol in not_meant:
            kept = frozenset(
                s for s in symbols if not s.startswith(_DROPPED_SYMBOL_PREFIXES) and s not in not_meant
            )
            break
    added = [
        found
        for found in (
            ABBREVIATION_SYMBOLS.get(latin),
            OTHER_SCRIPT_SYMBOLS.get(latin) if script != _LATIN else None,
            TRANSLATED_WORD_SYMBOLS.get(latin) if kind != _PERSON else None,
            _PERSON_SYMBOLS.get(latin) if kind in (_PERSON, _GENERIC) else None,
            patronymic_symbols(latin) if kind in (_PERSON, _GENERIC) else None,
            _dj_symbols(text, latin),
        )
        if found
    ]
    return kept.union(*added) if added else kept


def _dj_symbols(text: str, latin: str) -> frozenset[str]:
    """Serbian, Croatian and Bosnian Đ is written "dj" in ASCII as often as "d" ("Đorđe Đukić" = "Djordje
    Djukic"), while Vietnamese Đ is "d" (Đinh = Dinh), which is the Latin form `latin_form` gives: a word
    with đ and a word with "dj" where it has đ share a symbol instead."""
    if "đ" in text:
        return frozenset({f"ABBR:DJ-{fold(latin_form(text.replace('đ', 'dj')))}"})
    if "dj" in latin:
        return frozenset({f"ABBR:DJ-{fold(latin)}"})
    return _NO_SYMBOLS


@lru_cache(maxsize=200_000)
def _latin_features(latin: str, abjad: bool) -> tuple[str, str, str]:
    phonetic = metaphone(latin) if len(latin) >= 3 and latin.isalpha() else ""
    return phonetic, fold(latin), skeleton(latin, abjad)


def _latin_word_end(text: str) -> str:
    # Final ة is written -a, -ah, -eh or -at in Latin ("Hamza", "Izzat"); final ي is -i or -y ("Maliki").
    if text.endswith(("a", "e")):
        return text + "h"
    if text.endswith("at") and len(text) > 3:
        return text[:-1] + "h"
    if text.endswith("i"):
        return text[:-1] + "y"
    return text


def _with_skeleton_rules(text: str) -> str:
    for old, new in _SKELETON_RULES:
        if old in text:
            text = text.replace(old, new)
    return text


def skeleton(latin: str, abjad: bool) -> str:
    """Consonant skeleton: "Mahmoud" and محمود ("mhmwd") → "mhmwd", "Hamza" and حمزة ("hmzt") → "hmzh"."""
    text = _with_skeleton_rules(latin)
    if abjad and text.endswith(("t", "a")):
        text = text[:-1] + "h"
    elif not abjad:
        text = _latin_word_end(text)
    # Doubles collapse before the vowels go (Arabic writes a doubled letter once, "Mohammed" "mhmd"), not
    # after: the two b of "Habib" (حبيب "hbyb") are two letters, which a later collapse made one.
    return _collapse_doubles(text).translate(_SKELETON_DROP)


def spells_consonants(latin: str, consonants: str) -> bool:
    """Whether a Latin spelling may stand for a consonant skeleton in Arabic script: its consonants, each of
    its single vowels a long vowel (o and u for و, i and e for ي) or a short one (unwritten), its a
    unwritten, its long vowels (ou, ee, ai, …) written, a final vowel for ة or ى or nothing ("Duri" is
    دوري "dwry", "Ibrahim" ابراهيم "brhym", "Mustafa" مصطفى), a final -at ة, ch ش as French spells it
    ("Akkacha" عكاشة), z ض, s ث and j ژ as Persian says them. Stricter than `loose_skeleton`: a long vowel
    the Latin writes must be written ("Mahmoud" is not محمد)."""
    return _matches(_consonant_elements(latin), 0, consonants, 0)


# An element of a Latin spelling read for consonants: the letters it may be written as, and whether it may
# also be left unwritten.
_Element = tuple[tuple[str, ...], bool]


@lru_cache(maxsize=50_000)
def _consonant_elements(latin: str) -> tuple[_Element, ...]:
    text = _collapse_doubles(_with_skeleton_rules(latin))
    ending: tuple[_Element, ...] = ()
    if text.endswith("at") and len(text) > 3:
        text, ending = text[:-2], ((("t", "h"), False),)
    elif text.endswith(("ah", "eh")) and len(text) > 3:
        text, ending = text[:-2], ((("h",), True),)
    elif text.endswith(("a", "e")):
        text, ending = text[:-1], ((("h", "y"), True),)
    elements = tuple(
        _WRITTEN_AS.get(letter, ((letter,), False)) for letter in text.replace("ch", "9") if letter != "a"
    )
    return elements + ending


# z also for ض and s also for ث, which Persian, Urdu and Turkish say z and s (Ramazan, Zia: رمضان, ضیا;
# Saqib, Usman: ثاقب, عثمان; ICU writes d and th); j also for Persian ژ, as French spells it (Nejad: نژاد).
_WRITTEN_AS: dict[str, _Element] = {
    "o": (("w",), True), "u": (("w",), True), "i": (("y",), True), "e": (("y",), True),
    "v": (("v", "w"), False), "9": (("s", "ch"), False), "c": (("k", "s"), False), "z": (("z", "d"), False),
    "s": (("s", "t"), False), "j": (("j", "zh"), False),
}  # fmt: skip


def _matches(elements: tuple[_Element, ...], element: int, text: str, position: int) -> bool:
    # Names are short: trying each element's choices in turn costs less than compiling a pattern.
    if element == len(elements):
        return position == len(text)
    letters, optional = elements[element]
    if optional and _matches(elements, element + 1, text, position):
        return True
    return any(
        text.startswith(written, position) and _matches(elements, element + 1, text, position + len(written))
        for written in letters
    )


# Letters a romanisation adds, drops or swaps for another without naming another name: vowels, and h,
# w, y (Abdulla/Abdullah, Yusuf/Youssef).
_NOT_CONSONANTS = translation_table(str.maketrans("", "", "aeiouyhw"))


def consonants(latin: str) -> str:
    """The consonants of a Latin form that tell two names apart, doubles collapsed: "abdullah" → "bdl"."""
    return _collapse_doubles(latin.translate(_NOT_CONSONANTS))


def loose_skeleton(skeleton: str) -> str:
    """A skeleton without the letters that write long vowels in Arabic script (و, ي: w and y after the
    first letter) and with Persian's v read as w: "vahidi" (vhdy) and وحیدی (whydy) are both "whd", "wafiq"
    and وفيق "wfk". Looser than the skeleton: it scores below a shared one, and finds candidates."""
    text = skeleton.replace("v", "w")
    # Not collapsed again: the letters on either side of a long vowel are two ("hbyb" "hbb", Habib).
    return text[:1] + text[1:].replace("y", "").replace("w", "")


def letter_set(text: str) -> int:
    """Bits for the characters of `text`: one edit changes at most two bits of the set."""
    bits = 0
    # Compiled, `bits` and `one` are 64-bit unsigned (normalize.pxd): a shift of a plain C int would be
    # arithmetic on 32 bits and lose the upper half of the set.
    one = 1
    for ch in text:
        bits |= one << (ord(ch) & 63)
    return bits


def fold(latin: str) -> str:
    """Fold romanisation variants together: Khaled/Haled, Yusuf/Jusuf→iusuf, Mahmoud/Mahmud, Hassan/Hasan."""
    folded = latin[1:] if latin.startswith("ht") else latin  # Burmese ထ, spelt Htun and Tun alike
    for old, new in _FOLD_RULES:
        if old in folded:
            folded = folded.replace(old, new)
    return _collapse_doubles(folded)


def _collapse_doubles(text: str) -> str:
    """Each run of one letter becomes the letter ("mahmoudd" → "mahmoud"). A loop over the letters, not a
    regular expression: compiled (normalize.pxd), it compares characters in C, where the search alone
    took a third of a microsecond and the collapse with `itertools.groupby` one and a half."""
    length = len(text)
    position = 1
    while position < length and text[position] != text[position - 1]:
        position += 1
    if position >= length:
        return text  # no letter doubled: most words
    kept = [text[:position]]
    for following in range(position + 1, length):
        if text[following] != text[following - 1]:
            kept.append(text[following])
    return "".join(kept)


def _is_honorific(form: str, latin: str, symbols: frozenset[str], script: Script) -> bool:
    """A title to set aside. Arabic and Hebrew are looked up as written: their Latin forms have no vowels,
    and عمر (Omar) reads "mr"."""
    if not symbols.isdisjoint(HONORIFIC_SYMBOLS):
        return True
    if script == _ABJAD:
        return form in ABJAD_HONORIFICS
    return latin in HONORIFICS


@lru_cache(maxsize=100_000)  # a scan per character: name parts repeat across names and queries
def _script_of(text: str) -> Script:
    if text.isascii():
        return _LATIN
    for ch in text:
        code = ord(ch)
        if any(low <= code <= high for low, high in _ABJAD_RANGES):
            return _ABJAD
        if ch.isalpha() and code > 0x024F:
            return _OTHER
    return _LATIN


def _role(latin: str, script: Script, tag: NamePartTag, kind: NameKind, syllable: bool) -> TokenRole:
    if latin.isdigit() or tag == NamePartTag.NUM:
        return _NUMBER
    if len(latin) == 1 and script == _LATIN and kind in (_PERSON, _GENERIC):
        return _INITIAL
    # rigour's stopwords span many languages ("un", "ja", "as"): in person names only our particles count,
    # and never for a Chinese, Japanese or Korean syllable (杜 du, 德 de, 安 an are names, not particles).
    if (latin in PARTICLES and not syllable) or (tag == NamePartTag.STOP and kind != _PERSON):
        return _PARTICLE
    return _NAME


# Han, kana and Hangul: their names are read syllable by syllable.
_CJK_CHARACTER = re.compile(
    "[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]"
)


def is_syllable(text: str, script: Script) -> bool:
    """A token read from Han, kana or Hangul: written so, or one syllable of such a part (`_assemble`
    splits those into Latin syllables, which keep the part's script)."""
    if script != _OTHER:
        return False
    return text.isascii() or _CJK_CHARACTER.search(text) is not None


def _weight(latin: str, role: TokenRole, kind: NameKind, symbols: frozenset[str]) -> float:
    if role == _PARTICLE:
        return WEIGHT_PARTICLE
    if role == _INITIAL:
        return WEIGHT_INITIAL
    if role == _NUMBER:
        return 1.0
    if kind == _PERSON:
        return _person_weight(latin, symbols)
    if kind == _ORGANIZATION:
        return _org_weight(latin, symbols)
    return max(_org_weight(latin, symbols), _person_weight(latin, symbols))


def _conflict_weight(token: Token, floor: float) -> float:
    if token.generic or token.weight == WEIGHT_PLACE:
        return max(token.weight, floor)
    if token.weight == WEIGHT_PATRONYMIC and _a_fathers_name(token.symbols):
        return PATRONYMIC_CONFLICT_WEIGHT
    return token.weight


def _a_fathers_name(symbols: frozenset[str]) -> bool:
    return any(symbol.endswith(PATRONYMIC_SYMBOL_ENDINGS) for symbol in symbols)


def _person_weight(latin: str, symbols: frozenset[str]) -> float:
    if latin in COMMON_PERSON_TOKENS or not symbols.isdisjoint(_common_person_symbols()):
        return WEIGHT_COMMON_PERSON
    if latin.endswith(PATRONYMIC_SUFFIXES):
        return WEIGHT_PATRONYMIC
    if len(latin) <= 2:
        return WEIGHT_SHORT
    return 1.0


def _org_weight(latin: str, symbols: frozenset[str]) -> float:
    if latin in LEGAL_WORDS or _misspelt_legal_form(latin):
        return WEIGHT_LEGAL_WORD
    if latin in GENERIC_ORG_TOKENS or latin in GENERIC_ORG_TOKENS_TRANSLIT:
        return WEIGHT_GENERIC_ORG
    categories = {s.partition(":")[0] for s in symbols}
    if categories & _GENERIC_SYMBOL_CATEGORIES:
        return WEIGHT_GENERIC_ORG
    if "LOC" in categories or latin in PLACE_WORDS:
        return WEIGHT_PLACE
    return 1.0


def may_read_as_person(name: PreparedName) -> bool:
    """A cheap first test, on a name's own tokens, of whether a person's reading of it sets a title aside
    or finds initials: False means it most likely does not, True that it may (the reading then decides).
    Of the 23,800 names of the lists and the labelled sets without a legal form, it said True of 1,590
    and False of four that the reading finds a title in ("Queen Mary 2", a ship, and "Chairman Keun")."""
    if "." in name.original:
        return True  # dotted initials ("E.V. Prigozhin") are split only in a person's reading
    return any(
        token.role == _INITIAL or _is_honorific(token.text, token.latin, token.symbols, token.script)
        for token in name.tokens
    )


def may_read_as_organisation(name: PreparedName) -> bool:
    """A cheap first test, on a name's own tokens, of whether an organisation's reading of it finds a
    legal form or a generic company word ("SAL", "Group", "Bank"): False means it most likely does not.
    True may be wrong (titles and some given names carry the symbols company words do): the reading then
    decides. Of the 27,000 names of the lists and the labelled sets, it said False of none that the
    reading found such a word in, and True of a third."""
    if name.legal_forms:
        return True
    if not name.original.isascii() and any(w in name.original for w in CJK_COMPANY_ONLY_WORDS):
        return True  # "中国银行": its words read as company words only in an organisation's reading
    return any(
        token.role == _NAME and _org_weight(token.latin, token.symbols) in _COMPANY_WORD_WEIGHTS
        for token in name.tokens
    )


_COMPANY_WORD_WEIGHTS = (WEIGHT_LEGAL_WORD, WEIGHT_GENERIC_ORG)


# Mexico's and Colombia's legal forms, written in letters that are each someone's initial or name part.
_SPANISH_LEGAL_FORM = re.compile(r"\bs\.?\s?(?:a\.?\s?)?de\s+(?:c\.?\s?v|r\.?\s?l)\b|\bs\.?\s+en\s+c\b", re.I)


def written_as_company(name: PreparedName) -> bool:
    """Whether a name (read as an organisation's) holds a word only companies' names do
    (`COMPANY_ONLY_WORDS`, "S.A. de C.V."): no person is named so, and a query of unknown
    schema written this way is not worth comparing with people. Words rigour reads as legal forms but
    people are also named by ("Sa'd", "Pao", "Yu") do not count: a False only costs a reading."""
    words = {token.latin for token in name.tokens}
    words.update(_WORD.findall(name.original.lower()))
    if not words.isdisjoint(COMPANY_ONLY_WORDS):
        return True
    return _SPANISH_LEGAL_FORM.search(name.original) is not None


def _misspelt_legal_form(latin: str) -> bool:
    """A legal-form word, spelled right or one edit away (see `_legal_spelling`)."""
    return latin in LEGAL_FORM_SPELLINGS or _legal_spelling(latin) is not None


_LEGAL_FORM_SPELLINGS = tuple(sorted(LEGAL_FORM_SPELLINGS))  # a fixed order: the first wins


@lru_cache(maxsize=100_000)
def _legal_spelling(word: str) -> str | None:
    """The legal-form word (`LEGAL_FORM_SPELLINGS`) that `word` is a misspelling of: one edit
    away, same initial, long enough not to be a name; None for a correct spelling or any other word."""
    if len(word) < MIN_MISSPELT_LEGAL_FORM or word in LEGAL_FORM_SPELLINGS:
        return None
    close = (
        form
        for form in _LEGAL_FORM_SPELLINGS
        if form[0] == word[0] and abs(len(form) - len(word)) <= 1
        and OSA.distance(form, word, score_cutoff=1) <= 1
    )  # fmt: skip
    return next(close, None)


@lru_cache(maxsize=1)
def _common_person_symbols() -> frozenset[str]:
    """Name-variant symbols of the common names, so that "محمد" weighs like "Muhammad"."""
    names = analyze_names(NameTypeTag.PER, sorted(COMMON_PERSON_TOKENS), consolidate=False)
    return frozenset(
        f"NAME:{span.symbol.id}"
        for name in names
        for span in name.spans
        if span.symbol.category.value == "NAME" and len(span.parts) == 1
    )
