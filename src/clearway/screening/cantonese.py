"""The Cantonese reading of a name in Han characters, as Hong Kong and Macau write names in Latin letters.

Hong Kong's registers and passports spell a name by its Cantonese sound, not by Mandarin pinyin: 陳大文 is
"Chan Tai Man" (pinyin "Chen Dawen"), 林鄭月娥 "Lam Cheng Yuet Ngor", 譚耀宗 "Tam Yiu Chung". The sound of
each character comes from ToJyutping's dictionary in Jyutping, the Linguistic Society of Hong Kong's
romanisation ("can4 daai6 man4"); `_hong_kong_spelling` writes it as the Hong Kong Government's
romanisation does: aspirated and plain stops apart by p/t/k against b/d/g written p/t/k ("daai" → "tai"),
z and c as "ch", j as "y", the long "aa" as "a", "oe" as "eu" ("loeng" → "leung"), "eo" as "u"
("ceoi" → "chui"), "yu" as "u" or "ue" ("jyut" → "yuet"). Surnames have customary spellings of their
own (李 is "Lee", 曾 "Tsang", 謝 "Tse"): `_SURNAMES`.

The spelling is approximate where the Government's own is irregular (誠 is "Shing", 星 "Sing"; both
"sing" in Jyutping): the aligner's tolerance for a letter covers most of it. Pure: no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache

from clearway.screening.cjk_readings import name_parts
from clearway.screening.translit import is_han_character

# Personal names: a surname of one or two characters and a given name of one or two.
_LENGTHS = range(2, 5)

# Hong Kong's customary spellings of common surnames, where they differ from the syllable's spelling.
_SURNAME_ROWS = """
    李 lee 利 lee 曾 tsang 謝 tse 徐 tsui 崔 tsui 蔡 choi 周 chow 鄒 chau 許 hui 何 ho 羅 law 盧 lo
    葉 yip 邱 yau 游 yau 司徒 szeto 歐陽 au_yeung 區 au 歐 au 施 sze 程 ching 邵 shiu 沈 shum 岑 sham
    傅 foo 紀 kei 秦 chun 孫 suen 袁 yuen 源 yuen 阮 yuen 朱 chu 吳 ng 伍 ng 黃 wong 王 wong 張 cheung
    楊 yeung 梁 leung 姜 keung 石 shek 陳 chan 林 lam 鄭 cheng 譚 tam 劉 lau
"""
_SURNAMES = {
    written: spelling.replace("_", " ")
    for written, spelling in zip(*[iter(_SURNAME_ROWS.split())] * 2, strict=True)
}
_LONGEST_SURNAME = max(map(len, _SURNAMES))

_JYUTPING = re.compile(r"^(gw|kw|ng|[bpmfdtnlgkhwzcsj])?([a-z]+?)[1-6]$")
_INITIALS = {"b": "p", "d": "t", "g": "k", "gw": "kw", "z": "ch", "c": "ch", "j": "y"}
_VOWELS = (("aa", "a"), ("oe", "eu"), ("eo", "u"), ("ou", "o"))


def cantonese_reading(text: str) -> str | None:
    """The name spelt as Hong Kong spells it, surname first ("陳大文" → "chan tai man"), or None when
    `text` is not a personal name in Han characters (two to four of them) or has a character whose sound
    the dictionary lacks."""
    parts = name_parts(text)
    if parts is None or len(name := "".join(parts)) not in _LENGTHS:
        return None
    return _reading(name) if all(is_han_character(character) for character in name) else None


@lru_cache(maxsize=10_000)
def _reading(name: str) -> str | None:
    # Imported on first use (`normalize.warm_up` makes that before a server serves): loading its
    # dictionary takes ≈ 0.6 s, which importing the package for anything else should not pay.
    import ToJyutping

    sounds = [sound for _character, sound in ToJyutping.get_jyutping_list(name)]
    if len(sounds) != len(name) or any(sound is None for sound in sounds):
        return None
    surname_length = next(
        (
            length
            for length in range(min(_LONGEST_SURNAME, len(name) - 1), 0, -1)
            if name[:length] in _SURNAMES
        ),
        1,
    )
    surname = _SURNAMES.get(name[:surname_length])
    if surname is None:
        surname = " ".join(_hong_kong_spelling(sound) for sound in sounds[:surname_length])
    given = [_hong_kong_spelling(sound) for sound in sounds[surname_length:]]
    if not all(given) or not surname:
        return None
    return " ".join([surname, *given])


def _hong_kong_spelling(jyutping: str) -> str:
    """One syllable in the Hong Kong Government's spelling ("daai6" → "tai"); "" when it is not Jyutping."""
    found = _JYUTPING.match(jyutping)
    if found is None:
        return ""
    initial, final = found.group(1) or "", found.group(2)
    if final.startswith("yu"):
        rest = final[2:]
        final = "u" + ("e" + rest if rest else "")
    else:
        for written, spelt in _VOWELS:
            final = final.replace(written, spelt)
    if final == "i" and initial in ("z", "c", "s"):
        return "sze" if initial == "s" else "chi"
    return _INITIALS.get(initial, initial) + final
