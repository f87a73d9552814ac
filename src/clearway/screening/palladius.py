"""Chinese names in Russian's Palladius Cyrillic, read back in pinyin ("Си Цзиньпин" → "xi jinping").

Russian writes a Chinese name syllable by syllable in the Palladius system (习近平 Си Цзиньпин, 李克强 Ли
Кэцян, 王毅 Ван И), and its letter-by-letter Latin form ("si tszinpin") meets no pinyin spelling. The system
is a table of syllables: here it is built from the pinyin syllables (`wade_giles.PINYIN_SYLLABLES`) by the
system's rules (j, z → цз; q, c → ц; x, s → с; zh → чж; r → ж; -n → нь; -ng → н; ü → юй; uo → о after a
consonant), and read backwards. A name of two to four words, each one to three such syllables, gets
the reading; the name as written is screened too (`readings`), so that the reading of a name that is
not Chinese (Анна Ли "anna li") costs a screening and nothing else. Pure: no I/O.
"""

from __future__ import annotations

from functools import lru_cache

from clearway.screening.wade_giles import PINYIN_SYLLABLES

_INITIALS = (
    ("zh", "чж"), ("ch", "ч"), ("sh", "ш"), ("b", "б"), ("p", "п"), ("m", "м"), ("f", "ф"), ("d", "д"),
    ("t", "т"), ("n", "н"), ("l", "л"), ("g", "г"), ("k", "к"), ("h", "х"), ("j", "цз"), ("q", "ц"),
    ("x", "с"), ("r", "ж"), ("z", "цз"), ("c", "ц"), ("s", "с"),
)  # fmt: skip
# Finals after a consonant (y- and w- syllables are the same finals with no initial).
_FINALS = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань",
    "en": "энь", "ang": "ан", "eng": "эн", "ong": "ун", "er": "эр", "i": "и", "ia": "я", "ie": "е",
    "iao": "яо", "iu": "ю", "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн",
    "u": "у", "ua": "уа", "uo": "о", "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь",
    "uang": "уан", "ü": "юй", "üe": "юэ", "üan": "юань", "ün": "юнь", "ue": "юэ", "v": "юй",
}  # fmt: skip
_ALONE = {
    "yi": "и", "ya": "я", "ye": "е", "yao": "яо", "you": "ю", "yan": "янь", "yin": "инь", "yang": "ян",
    "ying": "ин", "yong": "юн", "yu": "юй", "yue": "юэ", "yuan": "юань", "yun": "юнь", "wu": "у",
    "wa": "ва", "wo": "во", "wai": "вай", "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван",
    "weng": "вэн",
}  # fmt: skip
_LONGEST = 6  # цзюань


def _palladius(syllable: str) -> str | None:
    if syllable in _ALONE:
        return _ALONE[syllable]
    for latin, cyrillic in _INITIALS:
        if syllable.startswith(latin):
            initial, final = cyrillic, syllable[len(latin) :]
            break
    else:
        initial, final = "", syllable
    if final == "i" and initial in ("цз", "ц", "с") and syllable[0] in "zcs":
        return initial + "ы"  # zi, ci, si
    if final in ("u", "un", "uan", "ue") and syllable[0] in "jqx":
        final = {"u": "ü", "un": "ün", "uan": "üan", "ue": "üe"}[final]  # ju is jü
    spelled = _FINALS.get(final)
    return None if spelled is None else initial + spelled


def _table() -> dict[str, str]:
    """Palladius spelling → pinyin syllable. Where two share a spelling (bo and buo, which pinyin does
    not have), the one pinyin has wins."""
    table: dict[str, str] = {}
    for syllable in sorted(PINYIN_SYLLABLES):
        spelled = _palladius(syllable)
        if spelled is not None:
            table.setdefault(spelled, syllable)
    return table


_TABLE = _table()


def palladius_reading(text: str) -> str | None:
    """`text` read back in pinyin when it is a Chinese name in Palladius Cyrillic ("Си Цзиньпин" → "xi
    jinping"), else None."""
    words = text.lower().replace("-", " ").split()
    if not 1 < len(words) <= 4:
        return None
    read = [_pinyin_word(word) for word in words]
    if any(word is None for word in read):
        return None
    return " ".join(word for word in read if word is not None)


@lru_cache(maxsize=10_000)
def _pinyin_word(word: str) -> str | None:
    """A word as one to three Palladius syllables, in pinyin ("цзиньпин" → "jinping"), or None."""
    return _split(word, 3)


def _split(word: str, syllables_left: int) -> str | None:
    if not word:
        return ""
    if not syllables_left:
        return None
    for length in range(min(_LONGEST, len(word)), 0, -1):  # the longest syllable first: "цзинь", not "цзи"
        syllable = _TABLE.get(word[:length])
        if syllable is not None:
            rest = _split(word[length:], syllables_left - 1)
            if rest is not None:
                return syllable + rest
    return None
