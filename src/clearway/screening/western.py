"""A Cyrillic word read as the Western name it may render, by sound, to compare with the Latin spelling.

Russian writes a foreign name by its sound (George → Джордж, Wallace → Уоллес, Christophe → Кристоф,
Margerie → Маржери), and its letter-by-letter Latin form ("dzhordzh", "uolles") is far from the name's
own spelling. Both share how they sound: here the Cyrillic word is read as an English or French name
would have been written in it (дж and ж as j, у before a vowel as w, х as h, ц as z, я after a consonant
as a vowel alone) and both sides get a metaphone key, the first vowel counted as any vowel (Austin /
Остин). Equal keys are the `align` rule "western name written in Cyrillic". This reading only ever adds:
a token's own Latin form stays the standard transliteration, which Russian names' Latin spellings follow.
Pure: no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rigour.text import metaphone

_CYRILLIC = re.compile("[\u0400-\u04ff]")
_VOWELS = "аеёиоуыэюяіїє"
# Applied in order, on lower-case Cyrillic.
_READINGS = (
    ("дж", "j"), ("ж", "j"), ("кс", "x"), ("щ", "shch"), ("ш", "sh"), ("ч", "ch"), ("ц", "z"),
    ("х", "h"), ("й", "y"), ("ъ", ""), ("э", "e"), ("ы", "i"),
)  # fmt: skip
_LETTERS = str.maketrans(
    "абвгдезиклмнопрстуфёюяіїєґ",
    "abvgdeziklmnoprstufouaiiig",
)
_SOFT_VOWELS = re.compile("(?<=[бвгдзклмнпрстфхцчшщж])[ёюя]|ь(?=[еёюяи])")
_W_SOUND = re.compile(f"(?:(?<=^)|(?<=[{_VOWELS}]))у(?=[{_VOWELS}])")
_MIN_KEY = 2


def is_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


@lru_cache(maxsize=50_000)
def cyrillic_sound(text: str) -> str:
    """The metaphone of a Cyrillic word read as a Western name ("Уоллес" → "WLS"); "" for other words and
    for Cyrillic acronyms."""
    if not is_cyrillic(text) or not any(letter in _VOWELS for letter in text.lower()):
        return ""  # no vowel: an acronym (ЦСТ), said letter by letter, not a name read by its sound
    return _key(western_reading(text))


def western_reading(text: str) -> str:
    """A Cyrillic word written in Latin as the Western name it may render ("Джордж" → "jorj")."""
    word = text.lower()
    word = _W_SOUND.sub("w", word)  # Уильям, Уоллес: у before a vowel renders English w
    word = _SOFT_VOWELS.sub(_soft, word)  # Трюдо, Ляйен: a soft vowel after a consonant is the vowel
    for written, read in _READINGS:
        word = word.replace(written, read)
    return word.replace("ь", "").translate(_LETTERS)


def _soft(found: re.Match[str]) -> str:
    return "i" if found.group() == "ь" else found.group()  # ё ю я: the letter table reads them o u a


@lru_cache(maxsize=50_000)
def latin_sound(latin: str) -> str:
    """The metaphone key of a Latin word, as `cyrillic_sound` keys the Cyrillic ("Christophe" → "KRSTF")."""
    if latin.startswith("chr"):
        latin = "k" + latin[2:]  # Greek ch (Christophe, Chrystia): metaphone would read it as in "church"
    return _key(latin)


def _key(reading: str) -> str:
    key = metaphone(reading) if reading.isascii() else ""
    if key[:1] in ("E", "I", "O", "U"):
        key = "A" + key[1:]  # the first vowel, which metaphone keeps: Austin / Остин, Antony / Энтони
    return key if len(key) >= _MIN_KEY else ""


def sound_alike(cyrillic: str, cyrillic_key: str, latin: str) -> bool:
    """Whether Latin word `latin` sounds like the Cyrillic word `cyrillic` (of key `cyrillic_key`) read as
    a Western name. A key of two consonants (Mike / Майк "MK") is shared by many words: their first letters
    and lengths must agree too."""
    if not cyrillic_key or latin_sound(latin) != cyrillic_key:
        return False
    if len(cyrillic_key) > _MIN_KEY:
        return True
    reading = western_reading(cyrillic)
    return reading[:1] == latin[:1] and -1 <= len(reading) - len(latin) <= 1
