"""Thai names in the Latin spelling Thailand's official romanisation (RTGS) gives them ("Prayut", "Somchai").

ICU writes Thai letter by letter (ISO 11940: ประยุทธ์ → "prayuthth", สมชาย → "smchay"): silent letters
kept, the vowels Thai leaves unwritten missing, final consonants spelt as initials. Latin spellings of
Thai names follow the sounds, as RTGS does: here a word is cut into syllables (a vowel written before its
consonant, the consonant or a cluster with ร ล ว, the vowel signs, a final consonant), letters marked
silent by ์ are left out with the vowel sign on them (and a consonant left over after a closed syllable),
an unwritten vowel is read "o" in a closed syllable and "a" in an open one, and consonants take their
initial or their final sound (ท "th" / "t", น "n", ร "r" / "n", ย "y" / "i"). Personal spellings that follow
the Sanskrit letters rather than the sounds (Shinawatra, Vejjajiva) stay out of reach. Pure: no I/O.
"""

from __future__ import annotations

from functools import lru_cache

import icu

FIRST, LAST = 0x0E00, 0x0E7F  # the Thai block

_INITIALS = {
    "ก": "k", "ข": "kh", "ฃ": "kh", "ค": "kh", "ฅ": "kh", "ฆ": "kh", "ง": "ng", "จ": "ch", "ฉ": "ch",
    "ช": "ch", "ซ": "s", "ฌ": "ch", "ญ": "y", "ฎ": "d", "ฏ": "t", "ฐ": "th", "ฑ": "th", "ฒ": "th",
    "ณ": "n", "ด": "d", "ต": "t", "ถ": "th", "ท": "th", "ธ": "th", "น": "n", "บ": "b", "ป": "p",
    "ผ": "ph", "ฝ": "f", "พ": "ph", "ฟ": "f", "ภ": "ph", "ม": "m", "ย": "y", "ร": "r", "ฤ": "rue",
    "ล": "l", "ฦ": "lue", "ว": "w", "ศ": "s", "ษ": "s", "ส": "s", "ห": "h", "ฬ": "l", "อ": "", "ฮ": "h",
}  # fmt: skip
_FINALS = {
    **dict.fromkeys("กขคฆ", "k"), **dict.fromkeys("จชซฌฎฏฐฑฒดตถทธศษส", "t"),
    **dict.fromkeys("บปพฟภ", "p"), **dict.fromkeys("ญณนรลฬ", "n"), "ง": "ng", "ม": "m", "ย": "i",
    "ว": "o",
}  # fmt: skip
_LEADING = frozenset("เแโใไ")
_FOLLOWING = frozenset("ะัาำิีึืุู็")  # vowel signs written after (or over, under) their consonant
_SILENT_MARK = "์"
_TONE_MARKS = dict.fromkeys(map(ord, "่้๊๋ํ๎ๆฯ"), None)
# Clusters of a consonant and ร or ล (กร, ปล, พร, …), or ว after ก ข ค (กว "kw"); ทร and สร are read s.
_CLUSTERS = {"ร": frozenset("กขคตปผพบดทฟศส"), "ล": frozenset("กขคปผพบฟ"), "ว": frozenset("กขค")}
_SONORANTS = frozenset("งญนมยรลว")  # ห before them is silent: it only sets the tone

# Vowels by (leading sign, following signs), the unwritten ones apart.
_VOWELS = {
    ("", "ะ"): "a", ("", "ั"): "a", ("", "า"): "a", ("", "ำ"): "am", ("", "ิ"): "i", ("", "ี"): "i",
    ("", "ึ"): "ue", ("", "ื"): "ue", ("", "ุ"): "u", ("", "ู"): "u", ("", "อ"): "o", ("", "ัว"): "ua",
    ("", "ว"): "ua", ("", "ือ"): "ue", ("เ", ""): "e", ("เ", "ะ"): "e", ("เ", "็"): "e", ("เ", "า"): "ao",
    ("เ", "าะ"): "o", ("เ", "อ"): "oe", ("เ", "ิ"): "oe", ("เ", "ีย"): "ia", ("เ", "ือ"): "uea",
    ("แ", ""): "ae", ("แ", "ะ"): "ae", ("แ", "็"): "ae", ("โ", ""): "o", ("โ", "ะ"): "o", ("ใ", ""): "ai",
    ("ไ", ""): "ai",
}  # fmt: skip
# Signs that may continue a vowel: อ ย ว spell part of some (เ-ือ, เ-ีย, -ัว), and are consonants otherwise.
_VOWEL_LETTERS = {("เ", "ื"): "อ", ("เ", "ี"): "ย", ("", "ั"): "ว", ("", "ื"): "อ", ("เ", ""): "อ"}


def is_thai(text: str) -> bool:
    return bool(text) and FIRST <= ord(text[0]) <= LAST


@lru_cache(maxsize=20_000)
def thai_latin(text: str) -> str:
    """Thai text spelt as RTGS spells it ("" when nothing in it is read). Thai writes no space between
    words: ICU's dictionary finds them, which tells the syllable reader where words end (จุลานนท์ → จุ ลา
    นนท์, "chulanon"; read whole, the first น closed "la"). The words are joined again, as Latin spellings
    write a Thai name in one word, except organisations' words, which stay apart so that vocabulary can
    meet them (ธนาคารกรุงเทพ → "thanakhan krungthep": Bank Bangkok)."""
    parts: list[str] = []
    joined = ""
    for word in _dictionary_words(text):
        if word.isspace():
            parts.append(joined)
            joined = ""
        elif word in _ORGANISATION_WORDS:
            parts += [joined, _read(word)]
            joined = ""
        else:
            joined += _read(word)
    parts.append(joined)
    return " ".join(part for part in parts if part)


# Words of organisations' names (bank, company, limited, public, group, organisation, ministry).
_ORGANISATION_WORDS = frozenset({"ธนาคาร", "บริษัท", "จำกัด", "มหาชน", "กลุ่ม", "องค์การ", "กระทรวง"})


def _dictionary_words(text: str) -> list[str]:
    breaks = icu.BreakIterator.createWordInstance(_THAI)  # a few µs: one per call, never shared by threads
    breaks.setText(text)
    words: list[str] = []
    start = breaks.first()
    for end in breaks:
        word = text[start:end]
        if words and (word[0] in _FOLLOWING or word[0] == _SILENT_MARK):
            words[-1] += word  # a vowel sign cut from its consonant (เศรษฐ|า): not a word of its own
        else:
            words.append(word)
        start = end
    return words


_THAI = icu.Locale("th")


def _read(word: str) -> str:
    return "".join(_spell(syllable) for syllable in _syllables(_without_silent_letters(word)))


def _without_silent_letters(word: str) -> str:
    """The word without tone marks, and without each letter marked ์ and the vowel sign on it (ศักดิ์ →
    ศัก; ประยุทธ์ → ประยุท)."""
    kept: list[str] = []
    for letter in word.translate(_TONE_MARKS):
        if letter != _SILENT_MARK:
            kept.append(letter)
            continue
        while kept and kept[-1] in _FOLLOWING:
            kept.pop()
        if kept and kept.pop() == "ร" and len(kept) >= 2 and kept[-1] in "ทตด" and kept[-2] in _INITIALS:
            kept.pop()  # ทร์ after a consonant: both silent (จันทร์ "chan", อินทร์ "in")
    return "".join(kept)


class _Syllable:
    __slots__ = ("final", "initial", "leading", "vowel")

    def __init__(self, leading: str, initial: str) -> None:
        self.leading = leading
        self.initial = initial  # a consonant, or a consonant and the ร ล ว of its cluster
        self.vowel = ""  # the following vowel signs (and the อ ย ว that continue them)
        self.final = ""


def _syllables(word: str) -> list[_Syllable]:
    syllables: list[_Syllable] = []
    position, length = 0, len(word)
    while position < length:
        leading = word[position] if word[position] in _LEADING else ""
        position += 1 if leading else 0
        if position >= length or word[position] not in _INITIALS:
            position += 1  # a sign with no consonant to carry it: not read
            continue
        syllable = _Syllable(leading, word[position])
        position = _read_initial(word, position + 1, syllable)
        position = _read_vowel(word, position, syllable)
        position = _read_final(word, position, syllable)
        syllables.append(syllable)
    return [syllable for syllable in syllables if syllable.initial]


def _read_initial(word: str, position: int, syllable: _Syllable) -> int:
    """A second consonant belongs to the initial (a cluster, or the sonorant a silent ห stands before) when
    the vowel follows it, or a leading vowel was written before both (ใหม่ "mai", เพลง "phleng")."""
    following = word[position + 1 : position + 2]
    if position < len(word) and (following in _FOLLOWING or syllable.leading):
        second = word[position]
        if syllable.initial == "ห" and second in _SONORANTS:
            syllable.initial = second
            return position + 1
        if syllable.initial in _CLUSTERS.get(second, ()):
            syllable.initial += second
            return position + 1
    return position


def _read_vowel(word: str, position: int, syllable: _Syllable) -> int:
    while position < len(word) and word[position] in _FOLLOWING:
        syllable.vowel += word[position]
        position += 1
    letter = _VOWEL_LETTERS.get((syllable.leading, syllable.vowel))
    after = word[position + 1 : position + 2]
    if letter and word[position : position + 1] == letter and after not in _FOLLOWING:
        syllable.vowel += letter
        position += 1
        if word[position : position + 1] == "ะ":
            syllable.vowel += "ะ"
            position += 1
    elif not syllable.leading and not syllable.vowel and _is_vowel_wa(word, position):
        syllable.vowel = "ว"  # ว between two consonants, no vowel written: the vowel ua (ชวน "chuan")
        position += 1
    elif not syllable.leading and not syllable.vowel and _is_vowel_o(word, position):
        syllable.vowel = "อ"  # อ after a consonant, itself without a vowel: the vowel o (ทอง "thong")
        position += 1
    return position


def _is_vowel_o(word: str, position: int) -> bool:
    after = word[position + 1 : position + 2]
    return word[position : position + 1] == "อ" and after not in _FOLLOWING and after not in _LEADING


def _is_vowel_wa(word: str, position: int) -> bool:
    final = word[position + 1 : position + 2]
    return (
        word[position : position + 1] == "ว"
        and final in _FINALS
        and word[position + 2 : position + 3] not in _FOLLOWING
    )


def _read_final(word: str, position: int, syllable: _Syllable) -> int:
    letter = word[position : position + 1]
    if not letter or letter not in _FINALS:
        return position
    after = word[position + 1 : position + 3]
    if after[:1] in _FOLLOWING or after == "รร" or (after[:1] == "อ" and not syllable.vowel):
        return position  # a consonant with its own vowel: the next syllable's (ส|วัส "sa wat", สุ|วรรณ)
    if letter == "ร" and not syllable.vowel and after[:1] == "ร":
        syllable.vowel = "รร"  # รร is the vowel a, and an n when nothing closes it (สุวรรณ "suwan")
        return _read_final(word, position + 2, syllable)
    syllable.final = letter
    position += 1
    left_over = word[position : position + 1]
    if left_over in _INITIALS and word[position + 1 : position + 2] in ("", *_LEADING):
        position += 1  # a consonant with no vowel after a closed syllable: silent (จันทร์โอชา "chan o cha")
    return position


def _spell(syllable: _Syllable) -> str:
    initial = "".join(_INITIALS[letter] for letter in syllable.initial)
    if len(syllable.initial) == 2 and syllable.initial[0] in "ทศส" and syllable.initial[1] == "ร":
        initial = "s"  # ทร and สร are read s (ทราย "sai")
    vowel = _vowel(syllable)
    final = _FINALS.get(syllable.final, "")
    if syllable.vowel == "รร":
        return initial + "a" + (final or "n")
    if final in ("i", "o") and vowel.endswith(final[0]):
        final = ""  # ไ-ย, เ-ียว: the vowel already ends in it
    return initial + vowel + final


def _vowel(syllable: _Syllable) -> str:
    vowel = _VOWELS.get((syllable.leading, syllable.vowel))
    if vowel is not None:
        return vowel
    if syllable.vowel:
        return _VOWELS.get(("", syllable.vowel[:1]), "a")
    if syllable.leading:
        return _VOWELS.get((syllable.leading, ""), "a")
    return "o" if syllable.final else "a"  # unwritten: o in a closed syllable, a in an open one
