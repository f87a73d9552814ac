"""Latin (ASCII) forms of name tokens in any script.

Names arrive in Latin with diacritics, Cyrillic, Greek, Arabic, Hebrew, Han, Hangul and more. Comparison
works on lower-case ASCII forms, so every token gets one. Four paths, cheapest first:

1. Latin with diacritics: Unicode decomposition plus a small table of letters that do not decompose
   (ß, ø, ł, æ, …). This is most list names and costs microseconds.
2. Hangul: syllables are decomposed arithmetically (the Unicode algorithm) and romanised per syllable, so
   that a Korean name yields one token per syllable ("김정은" → "gim jeong eun") like its usual Latin
   spellings, and common surnames get their customary spelling (김 → kim, 박 → park).
3. Words of the Russian alphabet (Russian, Bulgarian, and most Cyrillic names): a table, written to
   give what `rigour.text.ascii_text` gives (its one context rule included: a final -ий/-ый is -y).
   rigour takes 100-250 µs per word it has not seen, and Cyrillic customers' names are mostly such words.
4. Everything else: `rigour.text.ascii_text` (its own tables for Ukrainian, Serbian, Macedonian and the
   Central Asian Cyrillic alphabets, which it tells apart by their letters; Greek, Armenian, Georgian;
   ICU transforms for Arabic, Hebrew, Han, Devanagari, …). ICU is slow (up to a millisecond a call),
   hence the per-token cache. Burmese and Thai, which ICU reads letter by letter, and Khmer and Lao, which
   it does not read at all, are read by readers of their own (`burmese`, `thai`, `khmer`, `lao`) as their
   names are spelt in Latin.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, TypeVar

import icu
from normality import latinize_text
from rigour.text import ascii_text

from clearway.screening.burmese import burmese_latin, is_burmese
from clearway.screening.khmer import is_khmer, khmer_latin
from clearway.screening.lao import is_lao, lao_latin
from clearway.screening.thai import is_thai, thai_latin

# The smallest list table covers the ASCII letters: most text translated is ASCII.
_ASCII_SIZE = 128
_Replacement = TypeVar("_Replacement")


def translation_table(mapping: Mapping[int, _Replacement]) -> list[Any]:
    """`mapping` (a `str.maketrans` table) as a list for `str.translate`, which it treats alike: a
    character the list does not reach stays as it is, as one the dict lacks, and in reach, a character
    the dict lacks maps to itself. A dict answers each character it lacks with a KeyError that translate
    then clears (a few hundred instructions per letter of every word); a list answers with the item."""
    table: list[Any] = [chr(code) for code in range(max(_ASCII_SIZE, max(mapping) + 1))]
    for code, value in mapping.items():
        table[code] = value
    return table


# Letters that NFKD leaves alone; values are their usual ASCII spellings in names.
_SPECIAL_LATIN = translation_table(
    str.maketrans(
        {
            "ß": "ss",
            "æ": "ae",
            "œ": "oe",
            "ø": "o",
            "ł": "l",
            "đ": "d",
            "ð": "d",
            "þ": "th",
            "ı": "i",
            "ħ": "h",
            "ŧ": "t",
            "ŋ": "n",
            "ə": "a",  # Azerbaijani: Əliyev is written Aliyev
            "ĸ": "k",
            "ſ": "s",
        }
    )
)
# Apostrophes and transliteration marks for ʿayn / hamza / soft signs: spelled or not, never a letter.
_DROPPED_MARKS = translation_table(dict.fromkeys(map(ord, "'’‘`´ʹʺʻʼʽʾʿˈ?\""), None))

_HANGUL_BASE = 0xAC00
_HANGUL_LAST = 0xD7A3
_LEADS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")
_VOWELS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
    "yu", "eu", "ui", "i",
)  # fmt: skip
_TAILS = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t",
    "t", "ng", "t", "t", "k", "t", "p", "t",
)  # fmt: skip
# Korean surnames whose customary Latin spelling differs from the Revised Romanization of the syllable.
_KOREAN_SURNAMES = {
    "gim": "kim",
    "bak": "park",
    "i": "lee",
    "choe": "choi",
    "jeong": "jung",
    "gang": "kang",
    "jo": "cho",
    "yun": "yoon",
    "jang": "jang",
    "im": "lim",
    "han": "han",
    "o": "oh",
    "seo": "seo",
    "sin": "shin",
    "gwon": "kwon",
    "hwang": "hwang",
    "an": "ahn",
    "song": "song",
    "ryu": "ryu",
    "yu": "yoo",
    "hong": "hong",
    "jeon": "jeon",
    "go": "ko",
    "mun": "moon",
    "ri": "ri",
    "rim": "rim",
    "no": "roh",
}


# Han characters whose reading as a surname differs from their most common reading (which ICU uses).
_HAN_SURNAME_READINGS = {
    "薄": "bo", "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha", "朴": "park",
    "乐": "yue", "盖": "ge", "缪": "miao", "种": "chong", "覃": "qin", "员": "yun", "万": "wan", "柏": "bai",
}  # fmt: skip
_HAN_FIRST, _HAN_LAST = 0x4E00, 0x9FFF

# The Russian alphabet, as rigour's transliteration writes it letter by letter (checked against it on
# random words by tests/screening/matching/test_translit.py). Upper-case letters give the capitalised
# form, so that a whole name can be written in Latin before rigour analyses it (see `russian_latin_text`).
_RUSSIAN_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_RUSSIAN_TABLE = translation_table(
    str.maketrans(
        {**_RUSSIAN_LATIN, **{letter.upper(): latin.capitalize() for letter, latin in _RUSSIAN_LATIN.items()}}
    )
)
_RUSSIAN_WORD_END = re.compile(r"[ИиЫы][Йй]\b")  # rigour writes a final -ий/-ый as -y (Gorkiy → Gorky)
# Any Cyrillic letter outside the Russian alphabet: its word belongs to another language's table.
_OTHER_CYRILLIC = re.compile("[\u0400\u0402-\u040f\u0450\u0452-\u04ff\u0500-\u052f]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# Scripts whose vowel signs are combining marks, which name tokenisers drop: transliterate before analysis.
_ABUGIDA_RANGES = ((0x0900, 0x0DFF), (0x0E00, 0x0EFF), (0x0F00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF))
_INDIC_FIRST, _INDIC_LAST = 0x0900, 0x0DFF
_LATIN_VOWELS = frozenset("aeiouāēīōūṛ")


# One character class for all of them: a scan in native code, instead of a range test per character.
_ABUGIDA_CHARACTER = re.compile(
    "[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _ABUGIDA_RANGES) + "]"
)


def needs_early_transliteration(text: str) -> bool:
    """True for Brahmic and South-East Asian scripts (Devanagari, Thai, Khmer, …)."""
    return not text.isascii() and _ABUGIDA_CHARACTER.search(text) is not None


def transliterate_words(text: str) -> str:
    """Transliterate each whitespace-separated word of `text` (cached per word)."""
    return " ".join(latin_form(word.casefold()) for word in text.split())


def latin_form(token: str) -> str:
    """The lower-case ASCII form of one (already case-folded) token; may contain spaces (Han, Hangul)."""
    if token.isascii():
        return token.translate(_DROPPED_MARKS)
    return _latin_form_slow(token)


@lru_cache(maxsize=200_000)
def _latin_form_slow(token: str) -> str:
    decomposed = unicodedata.normalize("NFKD", token.translate(_SPECIAL_LATIN))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if stripped.isascii():
        return stripped.translate(_DROPPED_MARKS)
    if any(_HANGUL_BASE <= ord(ch) <= _HANGUL_LAST for ch in token):
        return romanize_hangul(token)
    if _INDIC_FIRST <= ord(token[0]) <= _INDIC_LAST:
        return _indic_latin(token)
    if is_burmese(token):
        return burmese_latin(token)
    if is_thai(token):
        return thai_latin(token)
    if is_khmer(token):
        return khmer_latin(token)
    if is_lao(token):
        return lao_latin(token)
    russian = russian_latin_text(token)
    if russian is not None:
        return _ascii_cleaned(russian)
    if _HAN_FIRST <= ord(token[0]) <= _HAN_LAST and token[0] in _HAN_SURNAME_READINGS and len(token) <= 4:
        return f"{_HAN_SURNAME_READINGS[token[0]]} {_icu_latin(token[1:])}".strip()
    return _icu_latin(token)


def has_cyrillic(text: str) -> bool:
    return not text.isascii() and _CYRILLIC.search(text) is not None


def russian_latin_text(text: str) -> str | None:
    """`text` with its Russian-alphabet words written in Latin, other characters left as they are; None
    when `text` has no Cyrillic, or Cyrillic letters of another alphabet (Ukrainian і, Serbian ј, …), or
    Latin letters that are not ASCII: what rigour would transliterate on its own then is not only this."""
    if _CYRILLIC.search(text) is None or _OTHER_CYRILLIC.search(text) is not None:
        return None
    latin = _RUSSIAN_WORD_END.sub(_final_y, text).translate(_RUSSIAN_TABLE)
    return latin if latin.isascii() else None


def _final_y(found: re.Match[str]) -> str:
    return "Y" if found.group()[0].isupper() else "y"


def _indic_latin(token: str) -> str:
    """Indic scripts in the spelling names are written in (Amit Shah, Amitabh Bachchan, Krishna), from
    ICU's ISO 15919 ("amita śāha", "amitābha baccana", "kr̥ṣṇa"). Sinhala, which ICU does not read, is read
    as the Devanagari letters its own stand for, keeping its final vowels (Mahinda, Rajapaksa). Letters
    still not read are left out (a word of them alone leaves nothing to compare, rather than a wrong
    word): handed back, they sent this function into endless recursion."""
    sinhala = _SINHALA_FIRST <= ord(token[0]) <= _SINHALA_LAST
    source = token.translate(_SINHALA_AS_DEVANAGARI) if sinhala else token.translate(_INDIC_LETTERS_ICU_DROPS)
    text = "".join(c for c in latinize_text(source) if not _INDIC_FIRST <= ord(c) <= _INDIC_LAST)
    words = [word if sinhala else _without_final_schwa(word) for word in text.split()]
    return _latin_form_slow(" ".join(_conventional_indic(word) for word in words)) if words else ""


# Sinhala letters as the Devanagari letters that write the same sounds (ICU reads Devanagari; its æ
# vowels are written e, the sounds names are spelled with); prenasalised stops as nasal and stop.
_SINHALA_FIRST, _SINHALA_LAST = 0x0D80, 0x0DFF
_SINHALA_AS_DEVANAGARI = str.maketrans(
    {
        "ං": "ं", "ඃ": "ः", "අ": "अ", "ආ": "आ", "ඇ": "ए", "ඈ": "ए", "ඉ": "इ", "ඊ": "ई", "උ": "उ",
        "ඌ": "ऊ", "ඍ": "ऋ", "එ": "ए", "ඒ": "ए", "ඓ": "ऐ", "ඔ": "ओ", "ඕ": "ओ", "ඖ": "औ",
        "ක": "क", "ඛ": "ख", "ග": "ग", "ඝ": "घ", "ඞ": "ङ", "ඟ": "ङ्ग", "ච": "च", "ඡ": "छ", "ජ": "ज",
        "ඣ": "झ", "ඤ": "ञ", "ඥ": "ज्ञ", "ඦ": "ञ्ज", "ට": "ट", "ඨ": "ठ", "ඩ": "ड", "ඪ": "ढ", "ණ": "ण",
        "ඬ": "ण्ड", "ත": "त", "ථ": "थ", "ද": "द", "ධ": "ध", "න": "न", "ඳ": "न्द", "ප": "प", "ඵ": "फ",
        "බ": "ब", "භ": "भ", "ම": "म", "ඹ": "म्ब", "ය": "य", "ර": "र", "ල": "ल", "ව": "व", "ශ": "श",
        "ෂ": "ष", "ස": "स", "හ": "ह", "ළ": "ळ", "ෆ": "फ", "්": "्", "ා": "ा", "ැ": "े", "ෑ": "े",
        "ි": "ि", "ී": "ी", "ු": "ु", "ූ": "ू", "ෘ": "ृ", "ෙ": "े", "ේ": "े", "ෛ": "ै", "ො": "ो",
        "ෝ": "ो", "ෞ": "ौ", "ෟ": "", "ෲ": "ॄ", "\u200d": "",
    }
)  # fmt: skip


# Letters ICU drops, written as what they are: Gurmukhi's tippi as the bindi, the same nasal (ਸਿੰਘ read
# "sigha" is Singh), and Malayalam's chillus (a consonant without its vowel, as most Malayalam names end:
# വിജയൻ read "vijaya" is Vijayan, നായർ Nair) as their consonant and virama.
_INDIC_LETTERS_ICU_DROPS = str.maketrans(
    {
        "\u0a70": "\u0a02",
        "\u0d7a": "\u0d23\u0d4d", "\u0d7b": "\u0d28\u0d4d", "\u0d7c": "\u0d30\u0d4d",
        "\u0d7d": "\u0d32\u0d4d", "\u0d7e": "\u0d33\u0d4d", "\u0d7f": "\u0d15\u0d4d",
        "\u0d54": "\u0d2e\u0d4d", "\u0d55": "\u0d2f\u0d4d", "\u0d56": "\u0d34\u0d4d",
    }
)  # fmt: skip

_INDIC_NASALS = frozenset("nṅñṇmṁṃ")


def _without_final_schwa(word: str) -> str:
    """ICU writes every inherent vowel; Hindi and Bengali drop a final one after a single consonant (amita
    → Amit), an aspirate (amitābha → Amitabh) or a nasal and a consonant (ānanda → Anand, rilāyansa →
    Reliance), and keep it after other clusters (candra → Chandra, kr̥ṣṇa → Krishna, mitra)."""
    if len(word) < 4 or not word.endswith("a") or word[-2] in _LATIN_VOWELS:
        return word
    before = word[-3]
    if before in _LATIN_VOWELS or word[-2] == "h" or before in _INDIC_NASALS:
        return word[:-1]
    return word


# ISO 15919 letters written as names spell them (Hunterian): श and ष sh, च ch and छ chh, ऋ ri, the
# anusvara n. Applied in order: छ's "ch" is set aside before च's "c" becomes "ch".
_INDIC_CONVENTIONAL = (
    ("ch", "\x00"), ("c", "ch"), ("\x00", "chh"), ("ś", "sh"), ("ṣ", "sh"), ("r\u0325", "ri"),
    ("ṁ", "n"), ("ṃ", "n"),
)  # fmt: skip


def _conventional_indic(word: str) -> str:
    for iso, conventional in _INDIC_CONVENTIONAL:
        if iso in word:
            word = word.replace(iso, conventional)
    return word


# Letters of Urdu (and Punjabi, Sindhi, Pashto in part) that ICU's Arabic transform drops: written as the
# Arabic letters they are read as first (اظہر is Azhar, ٹیپو Tipu, لمیٹڈ Limited; ھ makes bh, kh, ph).
_URDU_LETTERS = str.maketrans(
    {
        "ہ": "ه", "ۂ": "ه", "ۀ": "ه", "ھ": "ه", "ۃ": "ة", "ٹ": "ت", "ڈ": "د", "ڑ": "ر", "ں": "ن",
        "ے": "ي", "ۓ": "ي",
    }
)  # fmt: skip


# Hebrew alef: ICU writes it as a mark (ʼ), which Latin forms drop, so that כהן (Cohen) and כהנא (Kahana),
# or אבא (Abba) and בא, read alike. Written "a", as ICU writes the Arabic alif: a vowel letter, which
# consonant skeletons drop again, so only words of Hebrew script are told apart by it.
_SCRIPT_LETTERS = {**_URDU_LETTERS, ord("א"): "a"}


def _icu_latin(text: str) -> str:
    return _ascii_cleaned(ascii_text(text.translate(_SCRIPT_LETTERS)))


def _ascii_cleaned(text: str) -> str:
    return text.lower().translate(_DROPPED_MARKS).replace("-", " ").strip()


def romanize_hangul(text: str) -> str:
    """Revised Romanization, one space-separated syllable each; the first syllable read as a surname.
    Digits and Latin letters written among the syllables are kept, as a word of their own ("례성강1", a
    vessel, is "rye seong gang 1")."""
    syllables: list[str] = []
    other = ""  # a run of digits or Latin letters
    for ch in text:
        if ch.isascii() and ch.isalnum():
            other += ch
            continue
        if other:
            syllables.append(other)
            other = ""
        code = ord(ch) - _HANGUL_BASE
        if 0 <= code <= _HANGUL_LAST - _HANGUL_BASE:
            lead, rest = divmod(code, 21 * 28)
            vowel, tail = divmod(rest, 28)
            syllables.append(_LEADS[lead] + _VOWELS[vowel] + _TAILS[tail])
    if other:
        syllables.append(other)
    words = " ".join(syllables).split()
    if words and len(text.strip()) <= 4:
        # Korean personal names are two to four syllables, surname first.
        words[0] = _KOREAN_SURNAMES.get(words[0], words[0])
    return " ".join(words)


# One Han character in each of its written forms: 偉 and 伟 are one character, Traditional and Simplified.
_HAN_CHARACTER = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_TO_SIMPLIFIED: icu.Transliterator | None = None


def is_han_character(text: str) -> bool:
    return len(text) == 1 and _HAN_CHARACTER.match(text) is not None


@lru_cache(maxsize=20_000)
def simplified_han(character: str) -> str:
    """The Simplified form of a Han character (itself when it has none), through ICU."""
    global _TO_SIMPLIFIED
    if _TO_SIMPLIFIED is None:
        _TO_SIMPLIFIED = icu.Transliterator.createInstance("Traditional-Simplified")
    simplified: str = _TO_SIMPLIFIED.transliterate(character)
    return simplified
