"""Korean names in Russian Cyrillic, read back in Hangul ("Ким Чен Ын" → "김 정 은").

Russian writes a Korean name syllable by syllable, by the Kontsevich system or the older spellings the
press keeps for well-known names (김정은 Ким Чен Ын, 김일성 Ким Ир Сен, 최룡해 Чхве Рён Хэ, 김여정 Ким Ё
Чжон, 박봉주 Пак Пон Джу). Its letter-by-letter Latin form ("kim chen yn") meets none of the lists'
romanisations ("Kim Jong Un"). Read back in Hangul, the name is compared as any Hangul name is, with the
romanisations the lists use.

The Cyrillic spellings are generated from the syllables' letters (jamo) by the system's rules, with the
variants Russian texts use: ㅈ as ч, чж or дж; ㅊ as чх or ч; ㄱ ㄷ ㅂ as к т п or, voiced, г д б; ㄹ as р
or л; ㅓ as о or, in the older spellings, е (Чен, Сен); final ㄹ as ль or р (Ир); ё or е for ㅕ and ㅛ. One
Cyrillic spelling stands for several syllables (Чон: 정, 전, 종): only the syllables of Korean names are
read (`NAME_SYLLABLES`), the most frequent first, so that each spelling reads as the syllable a name most
likely has; a final н is read both as ㄴ and as ㅇ (Ён: 영 and 연), at most four readings a name. A name of
two to four words, the first a surname and each word one to three such syllables, gets the readings; the
name as written is screened too (`readings`), so that the readings of a name that is not Korean cost
screenings and nothing else. Pure: no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Surnames, the most frequent first (South and North Korean forms: 이 and 리, 임 and 림, 노 and 로).
SURNAMES = (
    "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지엄채원천방"
    "공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국은편용예경봉사부리로렴량림라"
)
# Syllables of given names, the most frequent first; a surname's syllable may be a given name's too.
GIVEN_SYLLABLES = (
    "정은영성민수현진호일철준혁용광명석재인희숙순옥경주봉룡혜해화원동국훈상우종기태병승세연지미선윤아"
    "서하예유나다채소가림란향금복덕길만학규환범식근섭열찬권구욱웅완운춘충택표필흥의애여련녀분실심임자"
    "천청초평포풍효휘송강려력렬락령례록률리린무두대중남한"
)
# The most frequent surnames, then given names' syllables, then the other surnames: a spelling reads as
# the likelier syllable ("Хо": 호 before the surname 허).
_MOST_FREQUENT_SURNAMES = 18
NAME_SYLLABLES = tuple(
    dict.fromkeys(SURNAMES[:_MOST_FREQUENT_SURNAMES] + GIVEN_SYLLABLES + SURNAMES[_MOST_FREQUENT_SURNAMES:])
)

_HANGUL_FIRST = 0xAC00
_MEDIALS_PER_INITIAL = 21 * 28
_FINALS_PER_MEDIAL = 28

# Per initial consonant (in Unicode's order: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ).
_INITIALS: tuple[tuple[str, ...], ...] = (
    ("к", "г"), ("кк",), ("н",), ("т", "д"), ("тт",), ("р", "л", ""), ("м",), ("п", "б"), ("пп",),
    ("с",), ("сс",), ("",), ("ч", "чж", "дж"), ("чч",), ("чх", "ч"), ("кх",), ("тх",), ("пх",), ("х",),
)  # fmt: skip
# Per vowel (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ), written after a consonant.
_MEDIALS: tuple[tuple[str, ...], ...] = (
    ("а",), ("э", "е"), ("я",), ("е",), ("о", "е"), ("е", "э"), ("ё", "е"), ("е",), ("о",), ("ва",),
    ("вэ",), ("ве", "вэ"), ("ё", "е"), ("у",), ("во",), ("ве",), ("ви",), ("ю",), ("ы",), ("ый", "и"),
    ("и",),
)  # fmt: skip
# The same vowels opening a syllable (after ㅇ, which is not written).
_MEDIALS_ALONE: tuple[tuple[str, ...], ...] = (
    ("а",), ("э",), ("я",), ("йе", "е"), ("о",), ("е", "э"), ("ё", "е"), ("йе", "е"), ("о",), ("ва",),
    ("вэ",), ("ве",), ("ё", "е"), ("у",), ("во",), ("ве",), ("ви",), ("ю",), ("ы",), ("ый",), ("и",),
)  # fmt: skip
# Per final consonant (index in Unicode's order; 0: none). Finals names do not have are left out.
_FINALS: dict[int, tuple[str, ...]] = {
    0: ("",), 1: ("к",), 4: ("н",), 7: ("т",), 8: ("ль", "р", "л"), 16: ("м",), 17: ("п",), 19: ("т",),
    21: ("н",), 22: ("т",), 23: ("т",),
}  # fmt: skip
_IEUNG = 11  # ㅇ as an initial: not written
_LONGEST = max(
    len(initial) + len(medial) + len(final)
    for initial in (i for options in _INITIALS for i in options)
    for medial in (m for options in _MEDIALS + _MEDIALS_ALONE for m in options)
    for final in (f for options in _FINALS.values() for f in options)
)
_MOST_WORDS = 4
_MOST_SYLLABLES_A_WORD = 3
_MOST_SYLLABLES = 4


# Hyphens, dots, commas, brackets and digits between the words ("Ким Чен-Ын", "Хосе Л. Гонсалес").
_NOT_LETTERS = re.compile(r"[\W\d_]+")


def _spellings(syllable: str) -> list[str]:
    """The Cyrillic spellings of one Hangul syllable (ё also written е, as Russian texts often write it:
    "ё" itself says ㅕ or ㅛ, "е" may be either or another vowel)."""
    code = ord(syllable) - _HANGUL_FIRST
    initial, rest = divmod(code, _MEDIALS_PER_INITIAL)
    medial, final = divmod(rest, _FINALS_PER_MEDIAL)
    finals = _FINALS.get(final)
    if finals is None:
        return []
    medials = _MEDIALS_ALONE[medial] if initial == _IEUNG else _MEDIALS[medial]
    return [f"{i}{m}{f}" for i in _INITIALS[initial] for m in medials for f in finals]


def _table() -> dict[str, tuple[str, ...]]:
    """Cyrillic spelling → the most frequent name syllable spelled so, and the syllable that differs from
    it only by a final ㄴ for ㅇ or the reverse, if one is spelled so too (Чон: 정, 전)."""
    table: dict[str, list[str]] = {}
    for syllable in NAME_SYLLABLES:
        for spelling in _spellings(syllable):
            found = table.setdefault(spelling, [])
            if spelling and (not found or (len(found) == 1 and _other_nasal(found[0], syllable))):
                found.append(syllable)
    return {spelling: tuple(found) for spelling, found in table.items() if found}


# A final н is ㄴ or ㅇ (Ён: 영, 연), which the lists' romanisations tell apart (Yong, Yon), and only the
# lists can tell which was meant: both are read. Other syllables one spelling stands for (Хо: 호, 허) are
# romanised alike or are another name: only the likeliest is read.
_N, _NG = 4, 21


def _other_nasal(first: str, second: str) -> bool:
    """Whether two syllables differ only in their final, one ㄴ and the other ㅇ."""
    one, other = ord(first) - _HANGUL_FIRST, ord(second) - _HANGUL_FIRST
    same_start = one // _FINALS_PER_MEDIAL == other // _FINALS_PER_MEDIAL
    return same_start and {one % _FINALS_PER_MEDIAL, other % _FINALS_PER_MEDIAL} == {_N, _NG}


_MOST_READINGS = 4
_TABLE = _table()
_SURNAMES = frozenset(SURNAMES)


def korean_readings(text: str) -> list[str]:
    """`text` read back in Hangul when it is a Korean name in Russian Cyrillic, surname first ("Ким Чен
    Ын" → "김 정 은"): the likeliest readings, at most `_MOST_READINGS`, the likeliest first; none for a
    name that is not such a name. Each word keeps its syllables together ("Мун Чжэин" → "문 재인")."""
    words = _NOT_LETTERS.sub(" ", text.lower()).split()
    if not 1 < len(words) <= _MOST_WORDS:
        return []
    read = [_hangul_words(word) for word in words]
    if not all(read) or sum(len(options[0]) for options in read) > _MOST_SYLLABLES:
        return []
    readings = [""]
    for options in read:
        readings = [f"{done} {word}".strip() for done in readings for word in options]
    readings.sort(key=lambda reading: _rank(reading, read))
    return [reading for reading in readings if reading.split()[0] in _SURNAMES][:_MOST_READINGS]


def _rank(reading: str, read: list[tuple[str, ...]]) -> int:
    """How far a reading strays from the likeliest: the sum of its words' places among their readings."""
    return sum(options.index(word) for word, options in zip(reading.split(), read, strict=True))


@lru_cache(maxsize=10_000)
def _hangul_words(word: str) -> tuple[str, ...]:
    """A word as one to three name syllables in Cyrillic, in Hangul: its readings, the likeliest first
    ("чжэин" → "재인", …), or none."""
    return tuple(_split(word, _MOST_SYLLABLES_A_WORD))


def _split(word: str, syllables_left: int) -> list[str]:
    """The readings of `word` as at most `syllables_left` syllables, the longest first syllable first."""
    if not word:
        return [""]
    if not syllables_left:
        return []
    found: list[str] = []
    for length in range(min(_LONGEST, len(word)), 0, -1):  # the longest spelling first: "чжон", not "чжо"
        for syllable in _TABLE.get(word[:length], ()):
            found.extend(syllable + rest for rest in _split(word[length:], syllables_left - 1))
        if found:
            return found[:_MOST_READINGS]
    return found
