"""Chinese names in Wade-Giles respelled in pinyin (`wade_giles.pinyin_spelling`), and the names it leaves
alone: pinyin, Cantonese and Korean spellings, and names that are not Chinese."""

from __future__ import annotations

import random

import pytest

from clearway.screening.wade_giles import _PINYIN, _WADE_GILES, pinyin_spelling

# Well-known names in Wade-Giles as the system writes them (apostrophes and umlauts kept), and in pinyin.
WELL_KNOWN = [
    ("Teng Hsiao-p'ing", "Deng Xiaoping"),
    ("Chiang Tse-min", "Jiang Zemin"),
    ("Chao Tzu-yang", "Zhao Ziyang"),
    ("Hsü Ch'i-liang", "Xu Qiliang"),
    ("Liu Hsiao-po", "Liu Xiaobo"),
    ("Ch'en Kuang-ch'eng", "Chen Guangcheng"),
    ("Mao Tse-tung", "Mao Zedong"),
    ("Chou En-lai", "Zhou Enlai"),
    ("Chiang Ching-kuo", "Jiang Jingguo"),
    ("Hu Yao-pang", "Hu Yaobang"),
    ("Li Hsien-nien", "Li Xiannian"),
    ("Hua Kuo-feng", "Hua Guofeng"),
    ("Liu Shao-ch'i", "Liu Shaoqi"),
    ("Chiang Ch'ing", "Jiang Qing"),
    ("K'ang Sheng", "Kang Sheng"),
    ("P'eng Te-huai", "Peng Dehuai"),
    ("Yeh Chien-ying", "Ye Jianying"),
    ("Chu Jung-chi", "Zhu Rongji"),
    ("Hu Chin-t'ao", "Hu Jintao"),
    ("Wen Chia-pao", "Wen Jiabao"),
    ("Hsi Chin-p'ing", "Xi Jinping"),
    ("Li K'o-ch'iang", "Li Keqiang"),
    ("Sung Ch'ing-ling", "Song Qingling"),
    ("Wang Ching-wei", "Wang Jingwei"),
    ("Lu Hsün", "Lu Xun"),
    ("Ts'ao Hsüeh-ch'in", "Cao Xueqin"),
    ("Kuo Mo-jo", "Guo Moruo"),
    ("Ch'ien Hsüeh-sen", "Qian Xuesen"),
    ("Tung Pi-wu", "Dong Biwu"),
    ("Chang Hsüeh-liang", "Zhang Xueliang"),
    ("Yüan Shih-k'ai", "Yuan Shikai"),
    ("Tuan Ch'i-jui", "Duan Qirui"),
    ("Ssu-ma Ch'ien", "Sima Qian"),
    ("Chou Yung-k'ang", "Zhou Yongkang"),
    ("Po Hsi-lai", "Bo Xilai"),
    ("Wu Pang-kuo", "Wu Bangguo"),
    ("Tseng Ch'ing-hung", "Zeng Qinghong"),
    ("Ho Lung", "He Long"),
    ("Yang Shang-k'un", "Yang Shangkun"),
    ("Ch'en Yün", "Chen Yun"),
    ("Chang Tso-lin", "Zhang Zuolin"),
    ("Jao Shu-shih", "Rao Shushi"),
    ("Ts'ai Yüan-p'ei", "Cai Yuanpei"),
    ("Li Ta-chao", "Li Dazhao"),
    ("Ch'ü Ch'iu-pai", "Qu Qiubai"),
    ("Wei Ching-sheng", "Wei Jingsheng"),
    ("Fang Li-chih", "Fang Lizhi"),
    ("Lo Jui-ch'ing", "Luo Ruiqing"),
    ("Nieh Jung-chen", "Nie Rongzhen"),
    ("Hsieh Fu-chih", "Xie Fuzhi"),
    ("Ch'en Po-ta", "Chen Boda"),
    ("Chang Ch'un-ch'iao", "Zhang Chunqiao"),
    ("Yao Wen-yüan", "Yao Wenyuan"),
    ("Wang Hung-wen", "Wang Hongwen"),
    ("Li Teng-hui", "Li Denghui"),
    ("K'ung Fu-tzu", "Kong Fuzi"),
    ("Lao Tzu", "Lao Zi"),
    ("Chu Hsi", "Zhu Xi"),
]


@pytest.mark.parametrize(("wade_giles", "pinyin"), WELL_KNOWN)
def test_well_known_names(wade_giles: str, pinyin: str) -> None:
    assert pinyin_spelling(wade_giles) == pinyin


@pytest.mark.parametrize(
    ("wade_giles", "pinyin"),
    [
        # Without the apostrophe the consonant is the unaspirated one, as Wade-Giles has it: "Chi-liang" is
        # Jiliang, "Ch'i-liang" Qiliang; and "Hsiao-ping", the common spelling without the apostrophe of
        # "Hsiao-p'ing", reads as Xiaobing (the matcher sees one letter's difference from Xiaoping).
        ("Hsu Chi-liang", "Xu Jiliang"),
        ("Hsu Ch'i-liang", "Xu Qiliang"),
        ("Teng Hsiao-ping", "Deng Xiaobing"),
        ("Chen Kuang-cheng", "Zhen Guangzheng"),
        # Umlauts and breves may be dropped; typeset apostrophes and ê count as written.
        ("Yuan Shih-k'ai", "Yuan Shikai"),
        ("Ts'ao Hsueh-ch'in", "Cao Xueqin"),
        ("Ssŭ-ma Ch’ien", "Sima Qian"),
        ("Szu-ma Ch‘ien", "Sima Qian"),
        ("Ch`en Yün", "Chen Yun"),
        ("Chʼen Tu-hsiu", "Chen Duxiu"),
        ("Chu Tê", "Zhu De"),
        # Capitalisation: each word keeps its own; ALL CAPS stays so; lowercase stays lowercase.
        ("MAO TSE-TUNG", "MAO ZEDONG"),
        ("TENG Hsiao-p'ing", "DENG Xiaoping"),
        ("CH'EN KUANG-CH'ENG", "CHEN GUANGCHENG"),
        ("Hsiao-P'ing Teng", "Xiaoping Deng"),
        ("mao tse-tung", "mao zedong"),
        ("LI I", "LI YI"),
        ("Li I", "Li Yi"),
        # Punctuation around words stays; spaces are normalised to one.
        ("TENG, Hsiao-p'ing", "DENG, Xiaoping"),
        ("TENG , Hsiao-p'ing", "DENG , Xiaoping"),
        ("Mao   Tse-tung.", "Mao Zedong."),
        ("(Hsi Chin-p'ing)", "(Xi Jinping)"),
        # Joined syllables take pinyin's apostrophe before a, o and e.
        ("Hsi-an", "Xi'an"),
        ("T'ien-an-men", "Tian'anmen"),
        # One syllable that pinyin lacks is enough, and a name may be a single word.
        ("Hsu", "Xu"),
        ("Chao Hsu", "Zhao Xu"),
        ("Tung", "Dong"),
        ("Kung Li", "Gong Li"),
    ],
)
def test_spelling_details(wade_giles: str, pinyin: str) -> None:
    assert pinyin_spelling(wade_giles) == pinyin


@pytest.mark.parametrize(
    ("wade_giles", "pinyin"),
    [
        ("ko", "ge"),
        ("k'o", "ke"),
        ("ho", "he"),
        ("kuo", "guo"),
        ("k'uo", "kuo"),
        ("huo", "huo"),
        ("lo", "luo"),
        ("to", "duo"),
        ("t'o", "tuo"),
        ("no", "nuo"),
        ("so", "suo"),
        ("tso", "zuo"),
        ("ts'o", "cuo"),
        ("cho", "zhuo"),
        ("ch'o", "chuo"),
        ("jo", "ruo"),
        ("shuo", "shuo"),
        ("chih", "zhi"),
        ("ch'ih", "chi"),
        ("shih", "shi"),
        ("jih", "ri"),
        ("tzu", "zi"),
        ("tz'u", "ci"),
        ("ssu", "si"),
        ("szu", "si"),
        ("tsu", "zu"),
        ("ts'u", "cu"),
        ("su", "su"),
        ("chi", "ji"),
        ("ch'i", "qi"),
        ("hsi", "xi"),
        ("chu", "zhu"),
        ("ch'u", "chu"),
        ("chü", "ju"),
        ("ch'ü", "qu"),
        ("chün", "jun"),
        ("chun", "zhun"),
        ("chüan", "juan"),
        ("chuan", "zhuan"),
        ("chüeh", "jue"),
        ("ch'üeh", "que"),
        ("hsüeh", "xue"),
        ("chiung", "jiong"),
        ("ch'iung", "qiong"),
        ("hsiung", "xiong"),
        ("chung", "zhong"),
        ("ch'ung", "chong"),
        ("tsung", "zong"),
        ("ts'ung", "cong"),
        ("sung", "song"),
        ("jung", "rong"),
        ("lien", "lian"),
        ("hsieh", "xie"),
        ("kuei", "gui"),
        ("k'uei", "kui"),
        ("hui", "hui"),
        ("chou", "zhou"),
        ("ch'ou", "chou"),
        ("jen", "ren"),
        ("erh", "er"),
        ("i", "yi"),
        ("yi", "yi"),
        ("yeh", "ye"),
        ("yen", "yan"),
        ("yu", "you"),
        ("yü", "yu"),
        ("yung", "yong"),
        ("yüan", "yuan"),
        ("yüeh", "yue"),
        ("yün", "yun"),
        ("wu", "wu"),
        ("lü", "lü"),
        ("nü", "nü"),
        ("lüeh", "lüe"),
        ("p'ing", "ping"),
        ("ping", "bing"),
        ("pieh", "bie"),
        ("mien", "mian"),
        ("feng", "feng"),
    ],
)
def test_syllables(wade_giles: str, pinyin: str) -> None:
    """One syllable after "hsi", which pinyin lacks, so that the name reads as Wade-Giles."""
    assert _WADE_GILES[wade_giles] == pinyin
    assert pinyin_spelling(f"hsi {wade_giles}") == f"xi {pinyin}"


@pytest.mark.parametrize(
    "text",
    [
        "Li Peng",  # pinyin, and Wade-Giles too: nothing tells
        "Chen Wei",
        "Chang Wei",
        "Hu Jintao",  # "jintao" is no syllable: pinyin joins a given name's syllables
        "Wang Fang",
        "Liu Yang",
        "Zhang Ziyi",
        "Xi Jinping",
        "Chu Te",  # Zhu De in Wade-Giles, but every syllable is one pinyin has too
        "Lin Piao",
        "Kao Kang",
        "Wang Tan",
        "Chiang Kai-shek",  # Cantonese "shek"
        "Sun Yat-sen",  # Cantonese "yat"
        "Lee Teng-hui",  # "Lee" is no syllable
        "Kim Jong Un",  # Korean: "kim" (and "jong") are no syllables
        "Park Chung-hee",
        "John Smith",
        "Mohammed Ali",
        "Tse Kovalenko",
        "Mao Zedong",
        "Deng Xiaoping",
    ],
)
def test_names_left_alone(text: str) -> None:
    assert pinyin_spelling(text) is None


def test_pinyin_names_are_left_alone() -> None:
    """A name of two pinyin syllables, whatever they are, is left alone."""
    rng = random.Random(20260101)
    syllables = sorted(_PINYIN)
    for _ in range(50):
        family, given = rng.sample(syllables, 2)
        text = f"{family.capitalize()} {given.capitalize()}"
        assert pinyin_spelling(text) is None, text
        assert pinyin_spelling(text.upper()) is None, text


def test_tables() -> None:
    """Every Wade-Giles syllable stands for a pinyin syllable; every pinyin syllable but three interjections
    has a Wade-Giles spelling; the syllables pinyin lacks read as Wade-Giles on their own."""
    assert 400 <= len(_PINYIN) <= 420
    assert 400 <= len(_WADE_GILES) <= 440
    assert set(_WADE_GILES.values()) <= _PINYIN
    assert _PINYIN - set(_WADE_GILES.values()) == {"o", "lo", "yo"}
    for form, pinyin in _WADE_GILES.items():
        assert form == form.lower() and form.strip("'") == form and "ê" not in form
        if form not in _PINYIN:
            assert pinyin_spelling(form) == pinyin, form
            assert pinyin_spelling(form.capitalize()) == pinyin.capitalize(), form


@pytest.mark.parametrize(
    "text",
    ["", " ", "-", "'", "’", "a-", "-a", "Hsiao--ping", "ch'", "'en", "ping'", "123", "Teng 2", "Мао Цзэдун"],
)
def test_odd_inputs_are_none(text: str) -> None:
    assert pinyin_spelling(text) is None
    if text.strip():
        assert pinyin_spelling(f"Teng {text} Hsiao-p'ing") is None  # one odd word spoils a name


@pytest.mark.parametrize("text", [",", "...", "( )", ", ,"])
def test_punctuation_alone_is_none(text: str) -> None:
    assert pinyin_spelling(text) is None


def test_never_raises() -> None:
    rng = random.Random(7)
    alphabet = "achiknopstuüŭêy'’-, .()ЖжÜ1\t"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        result = pinyin_spelling(text)
        assert result is None or isinstance(result, str)
