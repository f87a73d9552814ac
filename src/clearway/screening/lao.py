"""Lao names in the Latin spelling Laos gives them ("Thongloun Sisoulith", "Kaysone Phomvihane").

ICU has no Lao-Latin transform (Any-Latin leaves Lao as it is, and the ASCII fallback turns each letter
into "?"), and a letter-by-letter transliteration would meet no list spelling anyway: Lao writes some
vowels before their consonant (ເ ແ ໂ ໄ ໃ), some with letters that are consonants elsewhere (ອ ວ ຍ), a
silent ຫ before a sonorant to mark the tone, and tone marks that spell nothing. Here a written word is
cut into syllables (a vowel written before the consonant, the consonant or a cluster, the vowel signs, a
final consonant) and each is spelt in the customary spelling of Lao names, which loosely follows BGN/PCGN
with French habits: ຸ ູ "ou" (Boun, Choum), ພ "ph", ວ "v", ຍ "nh" (Bounnhang), ໄ ໃ "ay" (Kaysone),
a final ນ "ne" after a long a or o (Phomvihane, Sone) and "nh" after a short a ending a word (Bouphavanh),
a final ດ "t" but "th" after an i or a long a (Sisoulith, Sisavath), ີ ending a word "y" (Choummaly).
ຊ is "x" inside a name (Sonexay) and "s" at its start (Sayasone), as the names of most Lao leaders are
written. An unwritten vowel is read "o" in a closed syllable and "a" in an open one. The syllables of a
word are joined, as Lao names are; spellings after older Lao or Pali letters (Vorachith for ວໍລະຈິດ, read
"volachith") stay a letter away, which the fuzzy comparison of tokens covers. Pure: no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache

FIRST, LAST = 0x0E80, 0x0EFF  # the Lao block

_INITIALS = {
    "ກ": "k", "ຂ": "kh", "ຄ": "kh", "ຆ": "kh", "ງ": "ng", "ຈ": "ch", "ຉ": "ch", "ຊ": "x", "ຌ": "ch",
    "ຍ": "nh", "ຎ": "nh", "ຏ": "t", "ຐ": "th", "ຑ": "th", "ຒ": "th", "ຓ": "n", "ດ": "d", "ຕ": "t",
    "ຖ": "th", "ທ": "th", "ຘ": "th", "ນ": "n", "ບ": "b", "ປ": "p", "ຜ": "ph", "ຝ": "f", "ພ": "ph",
    "ຟ": "f", "ຠ": "ph", "ມ": "m", "ຢ": "y", "ຣ": "r", "ລ": "l", "ວ": "v", "ຨ": "s", "ຩ": "s",
    "ສ": "s", "ຫ": "h", "ຬ": "l", "ອ": "", "ຮ": "h", "ໜ": "n", "ໝ": "m", "ໞ": "g", "ໟ": "nh",
}  # fmt: skip
# Finals as they sound: the eight of Lao spelling, and the letters older and Pali spellings close with.
_FINALS = {
    **dict.fromkeys("ກຂຄຆ", "k"), "ງ": "ng", "ຍ": "y", **dict.fromkeys("ຈຉຊຌດຕຖທຘຏຐຑຒສຨຩ", "t"),
    **dict.fromkeys("ນໜຓຣລຬ", "n"), **dict.fromkeys("ບປຜພຝຟຠ", "p"), **dict.fromkeys("ມໝ", "m"), "ວ": "o",
}  # fmt: skip
_LEADING = frozenset("ເແໂໃໄ")
_FOLLOWING = frozenset("ະັາຳິີຶືຸູົຽໍ")  # vowel signs written after (or over, under) their consonant
_SUBSCRIPT_LO, _SILENT_MARK = "ຼ", "໌"
# Tone marks, the repetition and abbreviation signs, yamakkan and the Pali virama spell nothing.
_UNREAD_SIGNS = dict.fromkeys(map(ord, "່້໊໋ໆຯ໎຺"), None)
_RETYPED = {"ໍາ": "ຳ"}  # ຳ as Unicode decomposes it
_SONORANTS = frozenset("ງຍນມຣລວ")  # ຫ before them is silent: it only sets the tone
# Clusters of a consonant and ຣ or ລ (older spellings: ປຣະ), or ວ after a velar (ຂວາງ "khouang").
_CLUSTERS = {"ຣ": frozenset("ກຂຄຕປຜພບດທຟສ"), "ລ": frozenset("ກຂຄປຜພບຟ"), "ວ": frozenset("ກຂຄງ")}
_CLUSTER_SOUNDS = {"ຣ": "r", "ລ": "l", "ວ": "ou", _SUBSCRIPT_LO: "l"}

# Vowels by (leading sign, following signs), the unwritten one apart.
_VOWELS = {
    ("", "ະ"): "a", ("", "ັ"): "a", ("", "າ"): "a", ("", "ຳ"): "am", ("", "ິ"): "i", ("", "ີ"): "i",
    ("", "ຶ"): "eu", ("", "ື"): "eu", ("", "ຸ"): "ou", ("", "ູ"): "ou", ("", "ົ"): "o", ("", "ໍ"): "o",
    ("", "ອ"): "o", ("", "ົວ"): "oua", ("", "ັວ"): "oua", ("", "ວ"): "oua", ("", "ຽ"): "ie",
    ("ເ", ""): "e", ("ເ", "ະ"): "e", ("ເ", "ັ"): "e", ("ເ", "າ"): "ao", ("ເ", "ົາ"): "ao",
    ("ເ", "ິ"): "eu", ("ເ", "ີ"): "eu", ("ເ", "ຍ"): "ia", ("ເ", "ືອ"): "eua", ("ເ", "ຶອ"): "eua",
    ("ແ", ""): "e", ("ແ", "ະ"): "e", ("ແ", "ັ"): "e", ("ໂ", ""): "o", ("ໂ", "ະ"): "o", ("ໄ", ""): "ay",
    ("ໃ", ""): "ay",
}  # fmt: skip
# Letters that may continue a vowel: ອ ຍ ວ spell part of some (ເ-ືອ, ເ-ຍ, -ົວ), and are consonants otherwise.
_VOWEL_LETTERS = {("ເ", "ື"): "ອ", ("ເ", "ຶ"): "ອ", ("ເ", ""): "ຍ", ("", "ົ"): "ວ", ("", "ັ"): "ວ"}
# Vowels no final follows (ໄກສອນ kay-sone: ສ starts the next syllable).
_OPEN_VOWELS = frozenset({
    ("", "ະ"), ("", "ຳ"), ("", "ົວ"), ("", "ັວ"), ("", "ໍ"), ("ເ", "ະ"), ("ເ", "າ"), ("ເ", "ົາ"),
    ("ເ", "ຍ"), ("ແ", "ະ"), ("ໂ", "ະ"), ("ໄ", ""), ("ໃ", ""),
})  # fmt: skip
# Long a and o, after which names write a final ນ "ne" (ຫານ "hane", ສອນ "sone", ເດືອນ "deuane"), but
# not after short ones (ພັນ "phan", ຄົນ "khon").
_LONG_A_AND_O = frozenset({("", "າ"), ("", "ອ"), ("", "ວ"), ("ໂ", ""), ("ເ", "ືອ"), ("ເ", "ຶອ")})
_DIGITS = str.maketrans("໐໑໒໓໔໕໖໗໘໙", "0123456789")
_DIGIT_CHARACTERS = frozenset("0123456789໐໑໒໓໔໕໖໗໘໙")
# Runs of Lao letters and signs, and of digits; anything else in a word is not read.
_PIECES = re.compile("[\u0e81-\u0ecd\u0edc-\u0edf]+|[0-9\u0ed0-\u0ed9]+")


def is_lao(text: str) -> bool:
    return bool(text) and FIRST <= ord(text[0]) <= LAST


@lru_cache(maxsize=20_000)
def lao_latin(text: str) -> str:
    """Lao text spelt as Lao names are ("" when nothing in it is read): each written word in one Latin
    word, words apart as written."""
    return " ".join(filter(None, map(_read_word, text.replace("\u200b", " ").split())))


def _read_word(word: str) -> str:
    return "".join(
        piece.translate(_DIGITS) if piece[0] in _DIGIT_CHARACTERS else _read_letters(piece)
        for piece in _PIECES.findall(word)
    )


def _read_letters(letters: str) -> str:
    syllables = _syllables(_without_silent_letters(_retyped(letters)))
    spelt = ""
    for index, syllable in enumerate(syllables):
        spelt += _spell(syllable, spelt_before=spelt, ends_word=index == len(syllables) - 1)
    return spelt


def _retyped(letters: str) -> str:
    for typed, meant in _RETYPED.items():
        letters = letters.replace(typed, meant)
    return letters.translate(_UNREAD_SIGNS)


def _without_silent_letters(letters: str) -> str:
    """The letters without each one marked ໌ and the vowel sign on it: ໌ marks a letter kept in the
    spelling and not read."""
    kept: list[str] = []
    for letter in letters:
        if letter != _SILENT_MARK:
            kept.append(letter)
            continue
        while kept and kept[-1] in _FOLLOWING:
            kept.pop()
        if kept:
            kept.pop()
    return "".join(kept)


class _Syllable:
    __slots__ = ("final", "initial", "leading", "vowel")

    def __init__(self, leading: str, initial: str) -> None:
        self.leading = leading
        self.initial = initial  # a consonant, with its cluster's second letter, or after a silent ຫ
        self.vowel = ""  # the following vowel signs (and the ອ ຍ ວ that continue them)
        self.final = ""

    @property
    def vowel_key(self) -> tuple[str, str]:
        return self.leading, self.vowel


def _syllables(letters: str) -> list[_Syllable]:
    syllables: list[_Syllable] = []
    position, length = 0, len(letters)
    while position < length:
        leading = letters[position] if letters[position] in _LEADING else ""
        position += 1 if leading else 0
        if position >= length or letters[position] not in _INITIALS:
            position += 1  # a sign with no consonant to carry it: not read
            continue
        syllable = _Syllable(leading, letters[position])
        position = _read_initial(letters, position + 1, syllable)
        position = _read_vowel(letters, position, syllable)
        position = _read_final(letters, position, syllable)
        syllables.append(syllable)
    return syllables


def _read_initial(letters: str, position: int, syllable: _Syllable) -> int:
    """ຼ always belongs to the initial; a second consonant does (a cluster, or the sonorant a silent ຫ
    stands before) when the vowel is written after it."""
    if letters[position : position + 1] == _SUBSCRIPT_LO:
        syllable.initial = _SUBSCRIPT_LO if syllable.initial == "ຫ" else syllable.initial + _SUBSCRIPT_LO
        return position + 1
    if position < len(letters) and _vowel_follows(letters, position, syllable.leading):
        second = letters[position]
        if syllable.initial == "ຫ" and second in _SONORANTS:
            syllable.initial = second
            return position + 1
        if syllable.initial in _CLUSTERS.get(second, ()):
            syllable.initial += second
            return position + 1
    return position


def _vowel_follows(letters: str, position: int, leading: str) -> bool:
    """Whether the vowel of a syllable is written after the letter at `position`: a vowel sign follows
    it, or a leading vowel was written and the letter is no final: a final closes the syllable after it
    (ແຂວງ "khoueng", but ແກ້ວ "keo", ແກ້ວບຸນ "keoboun"), unless the leading vowel takes none (ໄຫລ "lay")."""
    following = letters[position + 1 : position + 2]
    if following in _FOLLOWING:
        return True
    if not leading:
        return False
    closed = following in _FINALS and not _starts_syllable(letters, position + 1)
    return closed or (leading, "") in _OPEN_VOWELS


def _read_vowel(letters: str, position: int, syllable: _Syllable) -> int:
    while position < len(letters) and letters[position] in _FOLLOWING:
        syllable.vowel += letters[position]
        position += 1
    letter = _VOWEL_LETTERS.get(syllable.vowel_key)
    after = letters[position + 1 : position + 2]
    if letter and letters[position : position + 1] == letter and after not in _FOLLOWING:
        syllable.vowel += letter
        position += 1
    elif not syllable.leading and not syllable.vowel and _is_vowel_oua(letters, position):
        syllable.vowel = "ວ"  # ວ between two consonants, no vowel written: the vowel oua (ຫຼວງ "louang")
        position += 1
    elif not syllable.leading and not syllable.vowel and _is_vowel_o(letters, position):
        syllable.vowel = "ອ"  # ອ after a consonant, itself without a vowel: the vowel o (ທອງ "thong")
        position += 1
    return position


def _is_vowel_o(letters: str, position: int) -> bool:
    after = letters[position + 1 : position + 2]
    return letters[position : position + 1] == "ອ" and after not in _FOLLOWING and after not in _LEADING


def _is_vowel_oua(letters: str, position: int) -> bool:
    final = letters[position + 1 : position + 2]
    return (
        letters[position : position + 1] == "ວ"
        and final in _FINALS
        and letters[position + 2 : position + 3] not in _FOLLOWING
        and not _is_vowel_o(letters, position + 2)
    )


def _read_final(letters: str, position: int, syllable: _Syllable) -> int:
    letter = letters[position : position + 1]
    if not letter or letter not in _FINALS or syllable.vowel_key in _OPEN_VOWELS:
        return position
    if _starts_syllable(letters, position):
        return position
    syllable.final = letter
    return position + 1


def _starts_syllable(letters: str, position: int) -> bool:
    """Whether the consonant at `position` carries a vowel of its own (ສີ|ພັນ), as ອ or ວ (ສ|ອນ, ຄ|ວນ), or
    through the second letter of a cluster or the sonorant after a silent ຫ (ສີ|ຂວາ, ສະ|ຫວັດ)."""
    letter, after = letters[position], letters[position + 1 : position + 2]
    if after in _FOLLOWING or after == _SUBSCRIPT_LO or _is_vowel_o(letters, position + 1):
        return True
    if after == "ວ" and _is_vowel_oua(letters, position + 1):
        return True
    joins = (letter == "ຫ" and after in _SONORANTS) or letter in _CLUSTERS.get(after, ())
    return joins and letters[position + 2 : position + 3] in _FOLLOWING


def _spell(syllable: _Syllable, *, spelt_before: str, ends_word: bool) -> str:
    vowel = _vowel(syllable)
    if ends_word and syllable.vowel_key == ("", "ີ") and not syllable.final:
        vowel = "y"  # names end in y what they spell with i inside (ຈູມມະລີ Choummaly; ສີສຸລິດ Sisoulith)
    initial = _initial_sound(syllable, spelt_before)
    return initial + vowel + _final_sound(syllable, vowel, ends_word=ends_word)


def _initial_sound(syllable: _Syllable, spelt_before: str) -> str:
    first, second = syllable.initial[0], syllable.initial[1:]
    if first == "ຊ" and not spelt_before:
        return "s" + _CLUSTER_SOUNDS.get(second, "")  # ຊ starting a name: ໄຊຍະສອນ Sayasone
    if first == "ຍ" and spelt_before.endswith("y"):
        return ""  # the y of ay carries on: ໄຊຍະສອນ Sa-y-asone, not Saynhasone
    return _INITIALS.get(first, _CLUSTER_SOUNDS.get(first, "")) + _CLUSTER_SOUNDS.get(second, "")


def _vowel(syllable: _Syllable) -> str:
    vowel = _VOWELS.get(syllable.vowel_key)
    if vowel is not None:
        return vowel
    if syllable.vowel:
        return _VOWELS.get(("", syllable.vowel[:1]), "a")
    if syllable.leading:
        return _VOWELS.get((syllable.leading, ""), "a")
    return "o" if syllable.final else "a"  # unwritten: o in a closed syllable, a in an open one


def _final_sound(syllable: _Syllable, vowel: str, *, ends_word: bool) -> str:
    sound = _FINALS.get(syllable.final, "")
    if sound == "n" and syllable.vowel_key in _LONG_A_AND_O:
        return "ne"
    if sound == "n" and syllable.vowel_key == ("", "ັ") and ends_word:
        return "nh"  # a short a closed by n ending a name: ວັນ Bouphavanh, ພັນ Keobounphanh (ພັນດອນ Phandone)
    if sound == "t" and (vowel.endswith("i") or syllable.vowel_key == ("", "າ")):
        return "th"  # ສີສຸລິດ Sisoulith, ສະຫວາດ Sisavath; but ເຂດ Khet, ສະຫວັດ Lengsavad
    if sound == "o":
        return "ou" if vowel.endswith("i") else "" if vowel.endswith(("o", "u")) else "o"  # ລາວ Lao, ແກ້ວ Keo
    if sound == "y" and vowel.endswith("y"):
        return ""
    return sound
