"""Burmese names in the Latin spelling Myanmar's people write them in ("Min Aung Hlaing", "Soe Win").

Burmese writes a name as a run of syllables with no space between them (မင်းအောင်လှိုင်), and its Latin
spellings write each syllable as a word by a convention of its own, not by any transliteration standard:
ICU reads the letters one by one ("mainnaaunglhaine"), which meets no list spelling. Here a word is cut
into syllables and each one spelt as names are: its initial (ထ "ht", သ "th", ဆ "s"), the medial signs
that follow it (ျ and ြ "y", ွ "w", ှ an "h" before the initial: လှ "hl", ရှ "sh"), then its rhyme, which
the vowel sign and the final consonant (marked with ်) spell together: ောင် "aung", ိုင် "aing", ိန် "ein",
inherent vowel and င် "in", ွန် "un". Tone marks spell nothing, but for the creaky tone of a nasal final
("int" in မြင့် Myint, "unt" in ညွန့် Nyunt). Irregular spellings (ရ written "y" or "r", ေ "ay" or "e") take
the most usual one; the aligner's tolerance for a letter covers the rest. Pure: no I/O.
"""

from __future__ import annotations

from functools import lru_cache

FIRST, LAST = 0x1000, 0x109F  # the Myanmar block

# Initial consonants as names spell them; အ carries a vowel and spells nothing.
_INITIALS = {
    "က": "k", "ခ": "kh", "ဂ": "g", "ဃ": "g", "င": "ng", "စ": "s", "ဆ": "s", "ဇ": "z", "ဈ": "z", "ည": "ny",
    "ဉ": "ny", "ဋ": "t", "ဌ": "ht", "ဍ": "d", "ဎ": "d", "ဏ": "n", "တ": "t", "ထ": "ht", "ဒ": "d",
    "ဓ": "d", "န": "n", "ပ": "p", "ဖ": "ph", "ဗ": "b", "ဘ": "b", "မ": "m", "ယ": "y", "ရ": "y",
    "လ": "l", "ဝ": "w", "သ": "th", "ဟ": "h", "ဠ": "l", "အ": "", "ဿ": "th",
}  # fmt: skip
# Vowels written as letters of their own. ဦး is the "U" of "U Thant" (a title, first) and the "Oo" of
# "Ye Win Oo" (a name's syllable): a lone "u" later in a name would read as an initial.
_INDEPENDENT_VOWELS = {"ဣ": "i", "ဤ": "i", "ဥ": "u", "ဦ": "oo", "ဧ": "ay", "ဩ": "aw", "ဪ": "aw"}
_TITLE_U = "ဦ"
# An initial with ျ or ြ (ya) is spelt with "y", except where the pair has a spelling of its own.
_WITH_Y = {"k": "ky", "kh": "ch", "g": "gy", "ph": "phy", "s": "sy"}
# An initial with ှ (ha) before it: spoken breathed, spelt with an "h" in front, ရှ and လျှ as "sh".
_BREATHED = {"y": "sh", "ly": "sh"}

_ASAT, _VIRAMA, _MEDIAL_Y, _MEDIAL_R, _MEDIAL_W, _MEDIAL_H = "်", "္", "ျ", "ြ", "ွ", "ှ"
_CREAKY, _HIGH, _ANUSVARA = "့", "း", "ံ"
_VOWEL_SIGNS = frozenset("ါာိီုူေဲ")
_NASALS = frozenset("ငညဉနမ")  # finals whose creaky tone is spelt with a "t" (Myint, Nyunt)
_FINAL_KIND = {
    "က": "k", "ဂ": "k", "ခ": "k", "င": "ng", "စ": "c", "ဇ": "c", "ည": "ny", "ဉ": "ny", "ဋ": "t",
    "ဍ": "t", "တ": "t", "ထ": "t", "ဒ": "t", "ဓ": "t", "ဏ": "n", "န": "n", "ပ": "t", "ဗ": "t",
    "ဘ": "t", "မ": "n", "ယ": "y", "လ": "n", "သ": "t",
}  # fmt: skip

# Rhymes by (vowel, final kind), the vowel one of "a" (the inherent vowel, or ာ ါ), "i" (ိ ီ), "u" (ု ူ),
# "e" (ေ), "ai" (ဲ), "aw" (ော), "o" (ို), "w" (ွ and the inherent vowel); "" is no final, "n" also ံ.
_RHYMES = {
    ("a", ""): "a", ("a", "k"): "et", ("a", "ng"): "in", ("a", "ny"): "i", ("a", "t"): "at",
    ("a", "n"): "an", ("a", "y"): "e", ("a", "c"): "it",
    ("i", ""): "i", ("i", "t"): "eik", ("i", "k"): "eik", ("i", "n"): "ein", ("i", "ng"): "ein",
    ("u", ""): "u", ("u", "t"): "ok", ("u", "k"): "ok", ("u", "n"): "on", ("u", "ng"): "on",
    ("e", ""): "ay", ("ai", ""): "e",
    ("aw", ""): "aw", ("aw", "k"): "auk", ("aw", "ng"): "aung",
    ("o", ""): "o", ("o", "k"): "aik", ("o", "ng"): "aing", ("o", "n"): "on",
    ("w", ""): "wa", ("w", "n"): "un", ("w", "t"): "ut", ("w", "k"): "wet", ("w", "ng"): "win",
    ("w", "ny"): "wi", ("we", ""): "we", ("wai", ""): "we",
}  # fmt: skip


def is_burmese(text: str) -> bool:
    return bool(text) and FIRST <= ord(text[0]) <= LAST


@lru_cache(maxsize=20_000)
def burmese_latin(word: str) -> str:
    """The syllables of a Burmese word spelt as names are, separated by spaces ("" when none is read)."""
    spelt = [_spell(syllable) for syllable in _syllables(word)]
    if word.startswith(_TITLE_U) and len(spelt) > 1:
        spelt[0] = "u"
    return " ".join(filter(None, spelt))


class _Syllable:
    """An initial (consonant or vowel letter) with its signs, and the final consonant that closes it."""

    __slots__ = ("final", "final_signs", "initial", "signs")

    def __init__(self, initial: str) -> None:
        self.initial = initial
        self.signs = ""  # the signs that follow the initial: medials, vowel signs, tone marks
        self.final = ""  # a consonant killed by ် (or stacked under the next one by ္)
        self.final_signs = ""  # the tone marks after the final


def _syllables(word: str) -> list[_Syllable]:
    syllables: list[_Syllable] = []
    for index, character in enumerate(word):
        if character in _INITIALS or character in _INDEPENDENT_VOWELS:
            if syllables and not syllables[-1].final and _kills(word, index):
                syllables[-1].final = character  # a final consonant: ် after it, or ္ stacking the next
            else:
                syllables.append(_Syllable(character))
        elif syllables:
            last = syllables[-1]
            if last.final:
                last.final_signs += character
            else:
                last.signs += character
    return syllables


def _kills(word: str, index: int) -> bool:
    """Whether the consonant at `index` is a final: followed by ် (maybe after the creaky tone's dot),
    not part of a vowel (ော် is a vowel), or by the ္ that stacks the next consonant under it."""
    following = word[index + 1 : index + 3]
    return following[:1] in (_ASAT, _VIRAMA) or following == _CREAKY + _ASAT


def _spell(syllable: _Syllable) -> str:
    if syllable.initial in _INDEPENDENT_VOWELS:
        return _INDEPENDENT_VOWELS[syllable.initial]
    signs = syllable.signs
    initial = _INITIALS[syllable.initial]
    if _MEDIAL_Y in signs or _MEDIAL_R in signs:
        initial = _WITH_Y.get(initial, initial + "y")
    if _MEDIAL_H in signs:
        initial = _BREATHED.get(initial, "h" + initial)
    final = _FINAL_KIND.get(syllable.final, "")
    if not final and _ANUSVARA in signs:
        final = "n"
    vowel = _vowel(signs)
    if _MEDIAL_W in signs and vowel[0] != "w":
        initial += "w"  # ွ before a vowel sign (ဆွာ "Swa"); with the inherent vowel it makes the rhyme
    rhyme = _RHYMES.get((vowel, final)) or _RHYMES.get((vowel, ""), "a")
    tones = signs + syllable.final_signs
    if _CREAKY in tones and syllable.final in _NASALS and rhyme.endswith("n"):
        rhyme += "t"
    return initial + rhyme


def _vowel(signs: str) -> str:
    vowels = "".join(sign for sign in signs if sign in _VOWEL_SIGNS)
    medial_w = _MEDIAL_W in signs
    if "ေ" in vowels and ("ာ" in vowels or "ါ" in vowels):
        return "aw"
    if "ိ" in vowels and "ု" in vowels:
        return "o"
    if vowels[:1] in ("ိ", "ီ"):
        return "i"
    if vowels[:1] in ("ု", "ူ"):
        return "u"
    if vowels[:1] == "ေ":
        return "we" if medial_w else "e"
    if vowels[:1] == "ဲ":
        return "wai" if medial_w else "ai"
    return "w" if medial_w and not vowels else "a"
