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

from functools import lru_cache

from rigour.text import metaphone

from clearway.screening.translit import has_cyrillic, translation_table

_VOWELS = frozenset("аеёиоуыэюяіїє")
# ё ю я are a vowel after a consonant (Трюдо "trudo", Ляйен "layen"), and y and the vowel elsewhere (Яков).
_PLAIN = {"ё": "o", "ю": "u", "я": "a"}
_IOTATED = {"ё": "yo", "ю": "yu", "я": "ya"}
_LETTERS = translation_table(str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "j", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
        "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "z", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
        "ы": "i", "э": "e", "і": "i", "ї": "i", "є": "e", "ґ": "g",
    }
))  # fmt: skip
_MIN_KEY = 2


@lru_cache(maxsize=50_000)
def cyrillic_sound(text: str) -> str:
    """The metaphone of a Cyrillic word read as a Western name ("Уоллес" → "WLS"); "" for other words and
    for Cyrillic acronyms."""
    if not has_cyrillic(text) or _VOWELS.isdisjoint(text.lower()):
        return ""  # no vowel: an acronym (ЦСТ), said letter by letter, not a name read by its sound
    return _key(western_reading(text))


def western_reading(text: str) -> str:
    """A Cyrillic word written in Latin as the Western name it may render ("Джордж" → "jorj"): дж and ж as
    j, у before a vowel (first or after a vowel) as w (Уоллес, Уильям), ь before a vowel as i, ё ю я after
    a consonant or ь as the vowel alone, х as h, ц as z."""
    word = text.lower()
    read: list[str] = []
    previous = ""
    for position, letter in enumerate(word):
        following = word[position + 1 : position + 2]
        if letter in _PLAIN:
            plain = previous == "ь" or (previous.isalpha() and previous not in _VOWELS)
            read.append(_PLAIN[letter] if plain else _IOTATED[letter])
        elif letter == "ь":
            read.append("i" if following in _VOWELS else "")
        elif letter == "у" and (not previous or previous in _VOWELS) and following in _VOWELS:
            read.append("w")
        else:
            read.append(letter)
        previous = letter
    return "".join(read).replace("дж", "ж").translate(_LETTERS)


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


def sound_alike(cyrillic: str, latin: str, key: str) -> bool:
    """Whether Latin word `latin` sounds like the Cyrillic word `cyrillic` read as a Western name, given
    that both have the sound key `key` (`cyrillic_sound`, `latin_sound`). A key of two consonants (Mike /
    Майк "MK") is shared by many words: their first letters and lengths must agree too."""
    if len(key) > _MIN_KEY:
        return True
    reading = western_reading(cyrillic)
    return reading[:1] == latin[:1] and -1 <= len(reading) - len(latin) <= 1
