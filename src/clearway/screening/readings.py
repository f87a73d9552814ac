"""Other readings of a person's name: the spellings it is also screened in.

A name can be written in a system the lists do not use for it, and then no letter-by-letter comparison
finds it:
- a Chinese name in Wade-Giles ("Teng Hsiao-p'ing") where the lists write pinyin ("Deng Xiaoping"):
  `wade_giles.pinyin_spelling`;
- a Korean name in hanja ("金正恩"), which the Han transliterator reads as Mandarin ("jin zheng en"),
  where the lists write its Korean sound ("Kim Jong Un"): `cjk_readings.korean_reading` gives the Hangul,
  which is then romanised as any Hangul name;
- a Japanese name in kanji ("山田太郎", Mandarin "shan tian tai lang"), listed as "Yamada Taro":
  `cjk_readings.japanese_reading`;
- a Hong Kong or Macau name in Han characters ("陳大文", Mandarin "chen da wen"), listed by its Cantonese
  sound ("Chan Tai Man"): `cantonese.cantonese_reading`;
- a Chinese name in Russian's Palladius Cyrillic ("Си Цзиньпин", letter by letter "si tszinpin"), listed
  in pinyin ("Xi Jinping"): `palladius.palladius_reading`;
- a Korean name in Russian Cyrillic ("Ким Чен Ын", letter by letter "kim chen yn"), listed in a Korean
  romanisation ("Kim Jong Un"): `kontsevich.korean_readings` gives the Hangul, which is then romanised
  as any Hangul name;
- a Spanish name in Russian Cyrillic ("Хосе Луис Гонсалес", letter by letter "khose luis gonsales"),
  listed in Spanish ("Jose Luis GONZALEZ"): `spanish.spanish_reading`.

A reading is an extra name of the query, never a replacement: a name in Han characters may be Chinese,
Korean or Japanese, and only the lists can tell which reading was meant. Each reading keeps the note its
explanation shows ("read as Korean: 金正恩").

Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clearway.screening.cantonese import cantonese_reading
from clearway.screening.cjk_readings import japanese_reading, korean_reading
from clearway.screening.kontsevich import korean_readings
from clearway.screening.palladius import palladius_reading
from clearway.screening.spanish import spanish_reading
from clearway.screening.translit import has_cyrillic
from clearway.screening.wade_giles import pinyin_spelling

PINYIN = "pinyin"
KOREAN = "Korean"
JAPANESE = "Japanese"
CANTONESE = "Cantonese"
PALLADIUS = "Chinese in Palladius Cyrillic"
KOREAN_IN_CYRILLIC = "Korean in Russian Cyrillic"
SPANISH_IN_CYRILLIC = "Spanish in Russian Cyrillic"


@dataclass(frozen=True, slots=True)
class Reading:
    """`text` read in another system: `spelling` is what is compared, `system` says which reading."""

    text: str
    spelling: str
    system: str

    @property
    def note(self) -> str:
        return f"read as {self.system}: {self.text}"


def person_readings(text: str) -> list[Reading]:
    """The other readings of a person's name (none for most names). A name with Cyrillic letters may only
    be a Chinese name in Palladius Cyrillic, a Korean one (both read "Ли Мин") or a Spanish one."""
    if has_cyrillic(text):
        chinese, spanish = palladius_reading(text), spanish_reading(text)
        read = [Reading(text, hangul, KOREAN_IN_CYRILLIC) for hangul in korean_readings(text)]
        if chinese is not None:
            read.insert(0, Reading(text, chinese, PALLADIUS))
        if spanish is not None:
            read.append(Reading(text, spanish, SPANISH_IN_CYRILLIC))
        return read
    if _HAN_OR_KANA.search(text) is None:
        return [Reading(text, spelling, PINYIN) for spelling in _pinyin_spellings(text)]
    found = [
        (korean_reading(text), KOREAN),
        (japanese_reading(text), JAPANESE),
        (cantonese_reading(text), CANTONESE),
    ]
    return [Reading(text, spelling, system) for spelling, system in found if spelling is not None]


# Han characters (with the compatibility block) and kana: a name without them has no Korean, Japanese or
# Cantonese reading, and most names end at this test.
_HAN_OR_KANA = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _pinyin_spellings(text: str) -> list[str]:
    """The pinyin spellings of a name in Wade-Giles (it may have accents: "Mao Tsê-tung"). Written without
    any aspiration mark, as it mostly is ("Teng Hsiao-ping" for "Teng Hsiao-p'ing"), each of its syllables
    that starts with p, t, k, ch or ts may have lost one: every such reading is a spelling (up to
    `_MOST_ASPIRATION_GUESSES`), "Deng Xiaobing" as written and "Deng Xiaoping" with the mark restored."""
    spelling = pinyin_spelling(text)
    if spelling is None:
        return []
    if any(mark in text for mark in _ASPIRATION_MARKS):
        return [spelling]
    spellings = [spelling]
    for guess in _aspiration_guesses(text):
        respelled = pinyin_spelling(guess)
        if respelled is not None and respelled not in spellings:
            spellings.append(respelled)
    return spellings


_ASPIRATION_MARKS = ("'", "’", "‘", "ʼ", "`")
# The Wade-Giles initials written with an aspiration mark ("ch'" before "ts'": the longer one first).
_ASPIRABLE = re.compile(r"(?<![^\s-])(ch|tz|ts|p|t|k)(?=[a-zêü])", re.IGNORECASE)
_MOST_ASPIRATION_GUESSES = 16


def _aspiration_guesses(text: str) -> list[str]:
    """`text` with an aspiration mark put back after some of its aspirable initials, each choice once."""
    places = [found.end() for found in _ASPIRABLE.finditer(text)]
    guesses = []
    for choice in range(1, min(1 << len(places), _MOST_ASPIRATION_GUESSES)):
        marked = text
        for bit, place in reversed(list(enumerate(places))):  # from the end: earlier places stay valid
            if choice >> bit & 1:
                marked = f"{marked[:place]}'{marked[place:]}"
        guesses.append(marked)
    return guesses
