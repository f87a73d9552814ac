"""Chinese names written in Wade-Giles, respelled in pinyin so that they match the pinyin spelling.

Older records, Taiwanese documents and many historical lists write Chinese personal names in Wade-Giles
("Mao Tse-tung", "Chou En-lai", "Ch'en Kuang-ch'eng"), while most current lists use Hanyu Pinyin ("Mao
Zedong", "Zhou Enlai", "Chen Guangcheng"). The two systems spell the same sounds with different letters
(Wade-Giles "t" is pinyin "d", "hs" is "x", "ch'" before i is "q"), so the matcher, which compares Latin
spellings, would see two unrelated names. `pinyin_spelling` respells a name that reads as Wade-Giles
into pinyin, syllable by syllable, and returns None for any other name. A name reads as Wade-Giles when
every word is made of Wade-Giles syllables (a given name's syllables joined by hyphens, "Hsiao-p'ing") and
something in it is not pinyin: a syllable pinyin does not have ("hsiao", "tse", "ch'en", "tung") or a
hyphen between syllables, which pinyin never writes ("En-lai" where pinyin writes "Enlai"). A name pinyin
could have written as it stands ("Li Peng", "Chen Wei") is left alone, and so is a name with a word that
is no Wade-Giles syllable ("John", "Kovalenko", the Cantonese "Kai-shek").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The syllables of Standard Chinese in pinyin, without tones, by initial (the last two rows have none).
_PINYIN_ROWS = (
    "a ai an ang ao e ei en eng er o ou",
    "ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu",
    "pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu",
    "ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu",
    "fa fan fang fei fen feng fo fou fu",
    "da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo",
    "ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo",
    "na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nü nüe",
    "la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu",
    "lo long lou lu luan lun luo lü lüe",
    "ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo",
    "ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo",
    "ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo",
    "ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun",
    "qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun",
    "xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun",
    "zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo",
    "cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo",
    "sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo",
    "ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo",
    "za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo",
    "ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo",
    "sa sai san sang sao se sen seng si song sou su suan sui sun suo",
    "ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun",
    "wa wai wan wang wei wen weng wo wu",
)
_PINYIN: frozenset[str] = frozenset(" ".join(_PINYIN_ROWS).split())
PINYIN_SYLLABLES = _PINYIN  # public: the matcher tells Chinese syllables apart with it

# Interjections whose Wade-Giles spelling is that of a syllable names do use: Wade-Giles "o" is pinyin "e"
# (as in the surname 鄂, "O"), "lo" is "luo" and "yo" is left out (it stood for readings now spelled "yue").
_NOT_SPELLED = frozenset({"o", "lo", "yo"})

# Pinyin initial -> Wade-Giles initial. Wade-Giles marks aspiration with an apostrophe, pinyin with a
# different letter: b/p = p/p', d/t = t/t', g/k = k/k', z/c = ts/ts', zh/ch and j/q = ch/ch'.
_INITIALS = {
    "b": "p",
    "p": "p'",
    "m": "m",
    "f": "f",
    "d": "t",
    "t": "t'",
    "n": "n",
    "l": "l",
    "g": "k",
    "k": "k'",
    "h": "h",
    "j": "ch",
    "q": "ch'",
    "x": "hs",
    "zh": "ch",
    "ch": "ch'",
    "sh": "sh",
    "r": "j",
    "z": "ts",
    "c": "ts'",
    "s": "s",
}

# Syllables without an initial consonant, in Wade-Giles (first spelling the usual one).
_ZERO_INITIAL = {
    "a": ("a",),
    "ai": ("ai",),
    "an": ("an",),
    "ang": ("ang",),
    "ao": ("ao",),
    "e": ("o", "e"),
    "ei": ("ei",),
    "en": ("en",),
    "eng": ("eng",),
    "er": ("erh",),
    "ou": ("ou",),
    "ya": ("ya",),
    "yan": ("yen",),
    "yang": ("yang",),
    "yao": ("yao",),
    "ye": ("yeh",),
    "yi": ("i", "yi"),
    "yin": ("yin",),
    "ying": ("ying",),
    "yong": ("yung",),
    "you": ("yu",),
    "yu": ("yü",),
    "yuan": ("yüan",),
    "yue": ("yüeh",),
    "yun": ("yün",),
    "wa": ("wa",),
    "wai": ("wai",),
    "wan": ("wan",),
    "wang": ("wang",),
    "wei": ("wei",),
    "wen": ("wen",),
    "weng": ("weng",),
    "wo": ("wo",),
    "wu": ("wu",),
}

# Finals written differently whatever the initial (after j/q/x see `_PALATAL_FINALS`).
_FINALS = {"ong": "ung", "iong": "iung", "ian": "ien", "ie": "ieh", "üe": "üeh"}
# After j, q and x pinyin writes ü as u; Wade-Giles keeps the umlaut.
_PALATAL_FINALS = {**_FINALS, "u": "ü", "uan": "üan", "un": "ün", "ue": "üeh"}
_VELARS = frozenset({"g", "k", "h"})
_SIBILANT_I = {"z": ("tzu",), "c": ("tz'u",), "s": ("ssu", "szu")}  # zi, ci, si


def _split_pinyin(syllable: str) -> tuple[str, str]:
    """A consonant-initial pinyin syllable's initial and final ("zhuang" -> "zh", "uang")."""
    initial = syllable[:2] if syllable[:2] in ("zh", "ch", "sh") else syllable[0]
    return initial, syllable[len(initial) :]


def _wade_giles_forms(syllable: str) -> tuple[str, ...]:
    """The Wade-Giles spellings of a pinyin syllable, the usual one first (apostrophes ASCII, no ê)."""
    if syllable in _ZERO_INITIAL:
        return _ZERO_INITIAL[syllable]
    initial, final = _split_pinyin(syllable)
    if final == "i" and initial in _SIBILANT_I:
        return _SIBILANT_I[initial]
    if final == "i" and initial in ("zh", "ch", "sh", "r"):
        final = "ih"  # zhi, chi, shi, ri = chih, ch'ih, shih, jih
    elif initial in ("j", "q", "x"):
        final = _PALATAL_FINALS.get(final, final)
    elif final == "e" and initial in _VELARS:
        final = "o"  # ge, ke, he = ko, k'o, ho
    elif final == "uo" and initial not in _VELARS and initial != "sh":
        final = "o"  # luo, duo, zuo, zhuo = lo, to, tso, cho; guo, huo, shuo keep "uo"
    elif final == "ui" and initial in ("g", "k"):
        final = "uei"  # gui, kui = kuei, k'uei
    else:
        final = _FINALS.get(final, final)
    return (_INITIALS[initial] + final,)


def _wade_giles_table() -> dict[str, str]:
    """Every Wade-Giles syllable (lowercase, ASCII apostrophe, no ê) -> its pinyin syllable: every pinyin
    syllable spelled in Wade-Giles, read backwards. Wade-Giles written without its umlauts ("hsu" for
    "hsü") is accepted where that is unambiguous; elsewhere the syllable without the umlaut keeps its own
    reading ("chu" is pinyin "zhu", "chü" is "ju")."""
    table: dict[str, str] = {}
    for syllable in sorted(_PINYIN - _NOT_SPELLED):
        for form in _wade_giles_forms(syllable):
            if form in table:
                raise ValueError(f"Wade-Giles {form!r} spells both {table[form]!r} and {syllable!r}")
            table[form] = syllable
    for form, syllable in list(table.items()):
        table.setdefault(form.replace("ü", "u"), syllable)  # "hsu" = "hsü", but "chu" stays "zhu"
    return table


_WADE_GILES: dict[str, str] = _wade_giles_table()

# Aspiration marks as typed or typeset, Wade-Giles' breve (tzŭ, ssŭ) and the hyphens of given names.
_NORMAL_LETTERS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "ŭ": "u", "‐": "-", "‑": "-"})
# A word's leading and trailing punctuation, kept in place around the respelled word ("TENG," "(Hsi)").
_AFFIXED = re.compile(r"([(\[{\"“«]*)(.*?)([,;:.)\]}\"”»]*)", re.DOTALL)
_VOWEL_INITIAL = ("a", "o", "e")


def _pinyin_word(syllables: list[str]) -> str:
    """Pinyin syllables written as one word, with pinyin's apostrophe before a vowel-initial syllable that
    does not start the word ("Xi'an")."""
    word = syllables[0]
    for syllable in syllables[1:]:
        word += ("'" if syllable.startswith(_VOWEL_INITIAL) else "") + syllable
    return word


def _in_case_of(pinyin: str, written: str, upper_text: bool) -> str:
    """`pinyin` in the capitalisation of the word it respells: ALL CAPS, Capitalised or lowercase (a
    one-letter word counts as all caps only in a text that is)."""
    letters = [char for char in written if char.isalpha()]
    if all(char.isupper() for char in letters) and (len(letters) > 1 or upper_text):
        return pinyin.upper()
    if letters[0].isupper():
        return pinyin[0].upper() + pinyin[1:]
    return pinyin


@lru_cache(maxsize=8192)
def pinyin_spelling(text: str) -> str | None:
    """`text` respelled in pinyin if it reads as a Chinese name in Wade-Giles, else None."""
    text = unicodedata.normalize("NFC", text)
    words: list[tuple[str, str, str, list[str] | None]] = []  # prefix, core, suffix, pinyin syllables
    evidence = False  # something pinyin would not write: a non-pinyin syllable or a hyphen
    for word in text.split():
        affixed = _AFFIXED.fullmatch(word)
        if affixed is None:  # pragma: no cover - the pattern matches any string
            return None
        prefix, core, suffix = affixed.groups()
        if not core:
            words.append((prefix, core, suffix, None))  # punctuation standing alone: "TENG , Hsiao-ping"
            continue
        written = core.lower().translate(_NORMAL_LETTERS).split("-")
        syllables = [_WADE_GILES.get(syllable.replace("ê", "e")) for syllable in written]
        found = [syllable for syllable in syllables if syllable is not None]
        if len(found) < len(syllables):
            return None
        evidence = evidence or len(written) > 1 or any(syllable not in _PINYIN for syllable in written)
        words.append((prefix, core, suffix, found))
    if not evidence:
        return None
    # Only now, for the few names that read as Wade-Giles: most names stop at their first word above.
    letters = [char for char in text if char.isalpha()]
    upper_text = len(letters) > 1 and all(char.isupper() for char in letters)
    respelled = [
        prefix + (_in_case_of(_pinyin_word(found), core, upper_text) if found else core) + suffix
        for prefix, core, suffix, found in words
    ]
    return " ".join(respelled)


PINYIN_PAIR_LENGTH = (7, 12)  # the lengths of the words `pinyin_pair` reads as two syllables


@lru_cache(maxsize=50_000)
def pinyin_pair(word: str) -> tuple[str, str] | None:
    """`word` as two pinyin syllables of three letters or more ("junzheng" → jun, zheng), or None when it
    does not read so, or reads so in more than one way. Shorter words and syllables are left out: many
    Arabic and other names read as pinyin too ("hadu", "sasan", "shaban": ha+du, sa+san, sha+ban)."""
    if not PINYIN_PAIR_LENGTH[0] <= len(word) <= PINYIN_PAIR_LENGTH[1]:
        return None
    splits = [
        (word[:cut], word[cut:])
        for cut in range(3, len(word) - 2)
        if word[:cut] in PINYIN_SYLLABLES and word[cut:] in PINYIN_SYLLABLES
    ]
    return splits[0] if len(splits) == 1 else None


def one_syllable_in_two_systems(a: str, b: str) -> bool:
    """Whether two pinyin syllables are one syllable, one of them written in Wade-Giles without its
    aspiration mark ("chang" is pinyin zhang, "tung" dong): otherwise they are two characters."""
    return _WADE_GILES.get(a) == b or _WADE_GILES.get(b) == a
