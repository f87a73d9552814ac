"""Khmer names in the Latin spelling Cambodians' names are usually given ("Hun Sen", "Chea Sim").

ICU has no Khmer-Latin transform (Any-Latin leaves Khmer as it is, and the ASCII fallback turns each
letter into "?"), and a letter-by-letter transliteration would meet no list spelling anyway: Khmer leaves
the vowel of most syllables unwritten, reads each vowel sign one way after a consonant of the first series
and another way after one of the second (ា is "a" in ផាត់ Phat, "ea" in ជា Chea), stacks consonants with
the coeng sign, and sounds a final consonant otherwise than an initial one. Here a written word is cut
into syllables (an initial consonant, with the consonants stacked under it, or an independent vowel; the
signs on it; a final consonant) and each is spelt as Cambodian names are, in the customary spelling that
loosely follows UNGEGN and the French transcriptions: the series of the initial, which ៉ and ៊ shift, picks
the vowel's reading; consonants take their initial or their final sound (ញ "nh" in Banh and Penh, ត "t",
but "th" after an i as in Kith); ី ending a word is "y" (Ly, Try); letters Khmer does not read are not
spelt: a consonant stacked under a final at the end of a word (ពេជ្រ "pech"), a letter under ៍, the ិ
ending a word of Pali origin (ជាតិ "cheat"). The syllables of a word are joined: names write ប៊ុនហៀង as
"Bunhieng". Spellings that follow a French ear or the Pali letters rather than the rules (Rainsy for
រង្ស៊ី, Lundy for ឡង់ឌី, Norodom for នរោត្តម) come out a letter or two away, which the fuzzy comparison
of tokens covers. Pure: no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

FIRST, LAST = 0x1780, 0x17FF  # the Khmer block (the Khmer symbols, 19E0-19FF, are lunar dates: no names)

# Consonants as a syllable's initial spells them; អ carries a vowel and spells nothing.
_INITIALS = {
    "ក": "k", "ខ": "kh", "គ": "k", "ឃ": "kh", "ង": "ng", "ច": "ch", "ឆ": "chh", "ជ": "ch", "ឈ": "chh",
    "ញ": "nh", "ដ": "d", "ឋ": "th", "ឌ": "d", "ឍ": "th", "ណ": "n", "ត": "t", "ថ": "th", "ទ": "t",
    "ធ": "th", "ន": "n", "ប": "b", "ផ": "ph", "ព": "p", "ភ": "ph", "ម": "m", "យ": "y", "រ": "r",
    "ល": "l", "វ": "v", "ឝ": "s", "ឞ": "s", "ស": "s", "ហ": "h", "ឡ": "l", "អ": "",
}  # fmt: skip
# Subscript ta and subscript da are one glyph and are written for each other; names read it "d"
# (សម្តេច Samdech, នរោត្តម Norodom).
_SUBSCRIPT_SOUNDS = {"ត": "d"}
_FINALS = {
    **dict.fromkeys("កខគឃ", "k"), "ង": "ng", **dict.fromkeys("ចឆជឈ", "ch"), "ញ": "nh",
    **dict.fromkeys("ដឋឌឍតថទធ", "t"), **dict.fromkeys("ណន", "n"), **dict.fromkeys("បផពភ", "p"),
    "ម": "m", "យ": "y", "រ": "r", **dict.fromkeys("លឡ", "l"), "វ": "v", **dict.fromkeys("ឝឞស", "s"),
    "ហ": "h", "អ": "",
}  # fmt: skip
_SECOND_SERIES = frozenset("គឃងជឈញឌឍទធនពភមយរលវ")
# Nasals and liquids: stacked under another consonant they leave the cluster's series to it (ភ្នំ "phnom"
# is second series, ខ្មែរ first), where a stop or a sibilant stacked under decides it (ស្ទឹង "steng" is
# second series); doubled, they are read twice (វណ្ណា von-na), where a doubled stop is read once.
_SONORANTS = frozenset("ងញណនមយរលវ")
_LIQUIDS = frozenset("រលវ")

# Vowels written as letters of their own: they start a syllable and may take a final (ឯក "ek").
_INDEPENDENT_VOWELS = {
    "ឣ": "a", "ឤ": "a", "ឥ": "i", "ឦ": "ei", "ឧ": "o", "ឨ": "ok", "ឩ": "ou", "ឪ": "ov", "ឫ": "ri",
    "ឬ": "reu", "ឭ": "li", "ឮ": "leu", "ឯ": "e", "ឰ": "ai", "ឱ": "ou", "ឲ": "ou", "ឳ": "au",
}  # fmt: skip

# Vowel signs as names spell them after an initial of the (first, second) series; "" is the unwritten
# vowel. Where UNGEGN tells more vowels apart than names do (ែ "ae", ោ "ao" after the first series), the
# names' spelling is kept: សែន Sen, កោះ Koh.
_VOWELS = {
    "": ("a", "o"), "ា": ("a", "ea"), "ិ": ("i", "i"), "ី": ("i", "i"), "ឹ": ("e", "e"),
    "ឺ": ("eu", "eu"), "ុ": ("o", "u"), "ូ": ("ou", "ou"), "ួ": ("uo", "uo"), "ើ": ("aeu", "eu"),
    "ឿ": ("oeu", "oeu"), "ៀ": ("ie", "ie"), "េ": ("e", "e"), "ែ": ("e", "e"), "ៃ": ("ai", "ey"),
    "ោ": ("o", "o"), "ៅ": ("ao", "ov"), "័": ("a", "ea"),
}  # fmt: skip
_VOWEL_SIGNS = frozenset(_VOWELS) - {""}
# Readings in a syllable with no final: ុ is "o" (សុខា Sokha, មុនី Mony), ៀ "ea" (ទៀ Tea).
_OPEN_VOWELS = {"ុ": ("o", "o"), "ៀ": ("ea", "ea")}
# Names end in y what they spell with i inside a word: លី Ly, ទ្រី Try, ស្រី Srey, ឆៃ Chhay (but សីហ Siha,
# ប៉ៃលិន Pailin).
_ENDING_WITH_Y = {("ី", 1): "ey", ("ី", 2): "y", ("ៃ", 1): "ay"}
# Vowels closed by nikahit (an m), and the stem of those closed by reahmuk (an h) or yuukaleapintu (a k).
_WITH_NIKAHIT = {"": ("am", "om"), "ា": ("am", "oam"), "ុ": ("om", "um")}
_BEFORE_GLOTTAL = {
    "": ("a", "ea"), "ា": ("a", "ea"), "ុ": ("o", "u"), "ិ": ("e", "i"), "េ": ("e", "i"), "ោ": ("o", "uo"),
}  # fmt: skip
# Rhymes a vowel and its final spell together (ខៀវ Khieu, កែវ Keo, ជ័យ Chey).
_RHYMES = {
    ("ៀ", "វ"): ("ieu", "ieu"), ("ែ", "វ"): ("eo", "eo"), ("េ", "វ"): ("eo", "eo"), ("័", "យ"): ("ai", "ey"),
}  # fmt: skip

_COENG, _MUSIKATOAN, _TRIISAP, _ROBAT = "្", "៉", "៊", "៌"
_NIKAHIT, _REAHMUK, _YUUKALEAPINTU, _TOANDAKHIAT = "ំ", "ះ", "ៈ", "៍"
_GLOTTAL_SOUNDS = {_REAHMUK: "h", _YUUKALEAPINTU: "k"}
# Signs that sit on a syllable's initial: a consonant carrying one is no final.
_SIGNS_ON_INITIAL = _VOWEL_SIGNS | {_MUSIKATOAN, _TRIISAP, _ROBAT, _NIKAHIT, _REAHMUK, _YUUKALEAPINTU}
# Split vowels typed as their two halves, and nikahit typed before the vowel under it.
_MISTYPED = {"េា": "ោ", "េី": "ើ", "ំា": "ាំ", "ំុ": "ុំ"}
_ZERO_WIDTH_SPACE, _ZERO_WIDTH_JOINERS = "\u200b", dict.fromkeys((0x200C, 0x200D))
_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
_DIGIT_CHARACTERS = frozenset("0123456789០១២៣៤៥៦៧៨៩")
# Runs of Khmer letters and signs, and of digits; anything else in a word (punctuation, ៗ) is not read.
_PIECES = re.compile("[\u1780-\u17d3\u17dd]+|[0-9\u17e0-\u17e9]+")


def is_khmer(text: str) -> bool:
    return bool(text) and FIRST <= ord(text[0]) <= LAST


@lru_cache(maxsize=20_000)
def khmer_latin(text: str) -> str:
    """Khmer text spelt as Cambodian names are ("" when nothing in it is read): each written word in one
    Latin word, words apart as written. A zero-width space, which Khmer writes between words where it
    writes no space, parts them too."""
    words = text.translate(_ZERO_WIDTH_JOINERS).replace(_ZERO_WIDTH_SPACE, " ").split()
    return " ".join(filter(None, map(_read_word, words)))


def _read_word(word: str) -> str:
    return "".join(
        piece.translate(_DIGITS) if piece[0] in _DIGIT_CHARACTERS else _read_letters(piece)
        for piece in _PIECES.findall(word)
    )


def _read_letters(letters: str) -> str:
    syllables = _syllables(_without_silent_letters(_retyped(letters)))
    _silence_pali_final_i(syllables)
    _silence_doubled_finals(syllables)
    last = len(syllables) - 1
    return "".join(_spell(syllable, ends_word=index == last) for index, syllable in enumerate(syllables))


def _retyped(letters: str) -> str:
    for typed, meant in _MISTYPED.items():
        letters = letters.replace(typed, meant)
    return letters


def _without_silent_letters(letters: str) -> str:
    """The letters without each one marked ៍ and the signs on it (លក្ខណ៍ → លក្ខ): ៍ marks a letter kept in
    the spelling and not read."""
    kept: list[str] = []
    for letter in letters:
        if letter != _TOANDAKHIAT:
            kept.append(letter)
            continue
        while kept and not _is_letter(kept[-1]):
            kept.pop()
        if kept:
            kept.pop()
        if kept and kept[-1] == _COENG:
            kept.pop()
    return "".join(kept)


def _is_letter(character: str) -> bool:
    return character in _INITIALS or character in _INDEPENDENT_VOWELS


class _Syllable:
    __slots__ = ("final", "final_unread", "initial", "signs", "stacked_under_final", "subscripts")

    def __init__(self, initial: str, *, stacked_under_final: bool = False) -> None:
        self.initial = initial  # a consonant or an independent vowel
        self.subscripts = ""  # the consonants stacked under the initial with coeng
        self.signs = ""  # vowel signs, series shifters, nikahit, reahmuk, …
        self.final = ""
        self.final_unread = False  # a final doubled by the next initial, which alone is read
        self.stacked_under_final = stacked_under_final  # the initial is written under the last final


def _syllables(letters: str) -> list[_Syllable]:
    syllables: list[_Syllable] = []
    position = 0
    while position < len(letters):
        letter = letters[position]
        if _is_letter(letter):
            if syllables and _is_final(letters, position, syllables[-1]):
                syllables[-1].final = letter
                position = _read_under_final(letters, position + 1, syllables)
            else:
                syllables.append(_Syllable(letter))
                position = _read_subscripts(letters, position + 1, syllables[-1])
            continue
        if syllables and not syllables[-1].final:  # signs after a final (bantoc, a stray one) change nothing
            syllables[-1].signs += letter
        position += 1
    return syllables


def _read_subscripts(letters: str, position: int, syllable: _Syllable) -> int:
    while letters[position : position + 1] == _COENG and letters[position + 1 : position + 2] in _INITIALS:
        syllable.subscripts += letters[position + 1]
        position += 2
    return position


def _is_final(letters: str, position: int, syllable: _Syllable) -> bool:
    """Whether the consonant at `position` closes `syllable` rather than starting one of its own."""
    letter = letters[position]
    if letter in _INDEPENDENT_VOWELS or syllable.final:
        return False
    if _REAHMUK in syllable.signs or _YUUKALEAPINTU in syllable.signs:
        return False  # they close the syllable themselves
    if _NIKAHIT in syllable.signs and letter != "ង":
        return False  # nikahit closes it too, but for ាំង "ang"
    following = letters[position + 1 : position + 2]
    if following in _SIGNS_ON_INITIAL:
        return False
    if following == _COENG:
        return not _starts_cluster(letters, position, syllable)
    if following in _INITIALS and letters[position + 2 : position + 3] == _COENG:
        # The next consonant closes a syllable, which this one opens (សុវត្ថិ so-vat, សុវណ្ណ so-van).
        return _starts_cluster(letters, position + 1, syllable)
    # ហ closes no syllable before a consonant (សីហមុនី si-ha-mo-ny): Khmer writes a final h as reahmuk.
    return not (letter == "ហ" and following in _INITIALS)


def _starts_cluster(letters: str, position: int, syllable: _Syllable) -> bool:
    """A consonant with a liquid stacked under it and a vowel after both starts a syllable when a vowel
    was written before it (ស្រីប្រាក់ sri-prak); otherwise the upper consonant closes the syllable before
    and the one under it starts the next (រង្ស៊ី rong-sy, សម្តេច sam-dech)."""
    stacked = letters[position + 2 : position + 3]
    vowel_after = letters[position + 3 : position + 4] in _SIGNS_ON_INITIAL
    vowel_before = syllable.initial in _INDEPENDENT_VOWELS or any(s in _VOWEL_SIGNS for s in syllable.signs)
    return vowel_before and vowel_after and stacked in _LIQUIDS and letters[position] not in _SONORANTS


def _read_under_final(letters: str, position: int, syllables: list[_Syllable]) -> int:
    """After a final: the consonants stacked under it start the next syllable, or are not read when
    nothing that is read follows them in the word (ពេជ្រ "pech", ចន្ទ "chan", សាស្ត្រ "sas")."""
    stack = _Syllable("")
    end = _read_subscripts(letters, position, stack)
    if not stack.subscripts or not any(map(_is_read_after_stack, letters[end:])):
        return end
    syllable = _Syllable(stack.subscripts[0], stacked_under_final=True)
    syllable.subscripts = stack.subscripts[1:]
    syllables.append(syllable)
    return end


def _is_read_after_stack(character: str) -> bool:
    return _is_letter(character) or character in _SIGNS_ON_INITIAL


def _silence_pali_final_i(syllables: list[_Syllable]) -> None:
    """A ិ ending a word of Pali origin is not read; its consonant closes the syllable before (ជាតិ
    "cheat", ភូមិ "phoum"), or is not read either when that one is closed (សិទ្ធិ "sith")."""
    if len(syllables) < 2:
        return
    last, before = syllables[-1], syllables[-2]
    if last.signs != "ិ" or last.final or last.initial in _INDEPENDENT_VOWELS:
        return
    syllables.pop()
    if not before.final and not any(sign in before.signs for sign in (_NIKAHIT, *_GLOTTAL_SOUNDS)):
        before.final = last.initial


def _silence_doubled_finals(syllables: list[_Syllable]) -> None:
    """A stop closing a syllable over the same stop stacked under it is read once, as the next initial
    (នរោត្តម no-ro-dam); a doubled nasal or liquid is read twice (វណ្ណា "vonna", for Vanna)."""
    for before, after in pairwise(syllables):
        if after.stacked_under_final and after.initial == before.final and before.final not in _SONORANTS:
            before.final_unread = True


def _spell(syllable: _Syllable, *, ends_word: bool) -> str:
    if syllable.initial in _INDEPENDENT_VOWELS:
        vowel = _INDEPENDENT_VOWELS[syllable.initial]
        final = "" if syllable.final_unread else syllable.final or syllable.subscripts[:1]  # ឱ្យ "ouy"
        return vowel + _final_sound(final, vowel)
    return _initial_sound(syllable) + _rhyme(syllable, _series(syllable), ends_word=ends_word)


def _initial_sound(syllable: _Syllable) -> str:
    letters = syllable.initial + syllable.subscripts
    sounds = [_INITIALS[letter] for letter in letters]
    for index, letter in enumerate(letters):
        if index or syllable.stacked_under_final:
            sounds[index] = _SUBSCRIPT_SOUNDS.get(letter, sounds[index])
    if letters[0] == "ប" and (syllable.subscripts or _MUSIKATOAN in syllable.signs):
        sounds[0] = "p"  # ប is b, but p in a cluster (ប្រាក់ Prak) and with ៉ (ប៉ុល Pol)
    return "".join(sounds)


def _series(syllable: _Syllable) -> int:
    """1 or 2: the series of the initial, or the one ៉ (to the first) or ៊ (to the second) shifts it to."""
    if _MUSIKATOAN in syllable.signs:
        return 1
    if _TRIISAP in syllable.signs:
        return 2
    deciding = syllable.initial
    for letter in syllable.subscripts:
        if letter not in _SONORANTS:
            deciding = letter
    return 2 if deciding in _SECOND_SERIES else 1


def _rhyme(syllable: _Syllable, series: int, *, ends_word: bool) -> str:
    """The vowel and the final, read by the series: open, closed by a final, by nikahit or by reahmuk."""
    vowel = next((sign for sign in syllable.signs if sign in _VOWEL_SIGNS), "")
    pick = series - 1
    final = syllable.final
    if (vowel, final) in _RHYMES:
        return _RHYMES[vowel, final][pick]
    for mark, sound in _GLOTTAL_SOUNDS.items():
        if mark in syllable.signs:
            return _BEFORE_GLOTTAL.get(vowel, _VOWELS[vowel])[pick] + sound
    if _NIKAHIT in syllable.signs and not final:
        return _WITH_NIKAHIT.get(vowel, (_VOWELS[vowel][0] + "m", _VOWELS[vowel][1] + "m"))[pick]
    if final:
        spelt = _VOWELS[vowel][pick]
        return spelt + ("" if syllable.final_unread else _final_sound(final, spelt))
    if ends_word and (vowel, series) in _ENDING_WITH_Y:
        return _ENDING_WITH_Y[vowel, series]
    return _OPEN_VOWELS.get(vowel, _VOWELS[vowel])[pick]


def _final_sound(final: str, vowel: str) -> str:
    sound = _FINALS.get(final, "")
    return "th" if sound == "t" and vowel.endswith("i") else sound  # គិត Kith, but ម៉ាណែត Manet
