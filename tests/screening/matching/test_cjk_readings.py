"""Korean and Japanese readings of names in Chinese characters (`cjk_readings.korean_reading` and
`japanese_reading`): well-known names read as their bearers spell them, the names neither reads, and the
size of the tables they read from."""

from __future__ import annotations

import pytest

from clearway.screening.cantonese import cantonese_reading
from clearway.screening.cjk_readings import (
    _JAPANESE_GIVEN,
    _JAPANESE_SURNAMES,
    _KANA,
    _KOREAN_GIVEN,
    _KOREAN_SURNAMES,
    _initial_sound_law,
    _kana_reading,
    japanese_reading,
    korean_reading,
)

# Korean names in hanja and their Hangul, surname first and apart.
KOREAN = [
    ("金正恩", "김 정은"),
    ("金正日", "김 정일"),
    ("金日成", "김 일성"),
    ("李明博", "이 명박"),
    ("朴槿惠", "박 근혜"),
    ("文在寅", "문 재인"),
    ("尹錫悅", "윤 석열"),
    ("李在明", "이 재명"),
    ("盧武鉉", "노 무현"),
    ("金大中", "김 대중"),
    ("金泳三", "김 영삼"),
    ("盧泰愚", "노 태우"),
    ("全斗煥", "전 두환"),
    ("朴正熙", "박 정희"),
    ("李承晩", "이 승만"),
    ("尹潽善", "윤 보선"),
    ("崔圭夏", "최 규하"),
    ("潘基文", "반 기문"),
    ("金與正", "김 여정"),
    ("張成澤", "장 성택"),
    ("李雪主", "이 설주"),
    ("金永南", "김 영남"),
    ("崔善姬", "최 선희"),
    ("李容浩", "이 용호"),
    ("柳寬順", "유 관순"),
    ("安重根", "안 중근"),
    ("李舜臣", "이 순신"),
    ("鄭夢準", "정 몽준"),
    ("林秀卿", "임 수경"),
    ("梁承泰", "양 승태"),
    ("呂運亨", "여 운형"),
    ("羅喜範", "나 희범"),
    ("陸英修", "육 영수"),
    ("南宮玉", "남궁 옥"),
    ("諸葛亮", "제갈 량"),  # a one-syllable given name keeps its ㄹ
    ("鮮于英浩", "선우 영호"),
    ("皇甫仁", "황보 인"),
    # The first syllable of a longer given name takes the initial-sound law; the others keep ㄹ and ㄴ.
    ("崔龍洙", "최 용수"),
    ("李洛淵", "이 낙연"),
    ("金才龍", "김 재룡"),
    ("吳克烈", "오 극렬"),
    ("金洛兼", "김 낙겸"),
    # Separators, and the simplified and Japanese forms of the characters.
    ("金 正恩", "김 정은"),
    ("金\u3000正恩", "김 정은"),
    ("金・正恩", "김 정은"),
    ("  李明博 ", "이 명박"),
    ("郑梦准", "정 몽준"),
    ("赵东元", "조 동원"),
    ("张成泽", "장 성택"),
    ("刘荣华", "유 영화"),
    ("卢泰愚", "노 태우"),
    ("吴国华", "오 국화"),
]

# Japanese names in kanji (or with a given name in kana) and their passport spelling.
JAPANESE = [
    ("山田太郎", "yamada taro"),
    ("田中花子", "tanaka hanako"),
    ("田中 花子", "tanaka hanako"),
    ("鈴木一郎", "suzuki ichiro"),
    ("安倍晋三", "abe shinzo"),
    ("岸田文雄", "kishida fumio"),
    ("小泉純一郎", "koizumi junichiro"),
    ("菅義偉", "suga yoshihide"),
    ("麻生太郎", "aso taro"),
    ("福田康夫", "fukuda yasuo"),
    ("鳩山由紀夫", "hatoyama yukio"),
    ("野田佳彦", "noda yoshihiko"),
    ("森喜朗", "mori yoshiro"),
    ("小渕恵三", "obuchi keizo"),
    ("橋本龍太郎", "hashimoto ryutaro"),
    ("石破茂", "ishiba shigeru"),
    ("河野太郎", "kono taro"),
    ("小池百合子", "koike yuriko"),
    ("高市早苗", "takaichi sanae"),
    ("伊藤博文", "ito hirobumi"),
    ("佐藤栄作", "sato eisaku"),
    ("田中角栄", "tanaka kakuei"),
    ("中曽根康弘", "nakasone yasuhiro"),
    ("村上春樹", "murakami haruki"),
    ("大江健三郎", "oe kenzaburo"),
    ("黒澤明", "kurosawa akira"),
    ("大谷翔平", "otani shohei"),
    ("佐々木希", "sasaki nozomi"),
    ("長谷川京子", "hasegawa kyoko"),
    ("渡邊裕子", "watanabe yuko"),
    ("齋藤健一", "saito kenichi"),
    ("髙橋英二", "takahashi eiji"),
    ("大野恵子", "ono keiko"),
    ("林真理子", "hayashi mariko"),
    ("井上邦雄", "inoue kunio"),
    ("重信房子", "shigenobu fusako"),
    ("松本智津夫", "matsumoto chizuo"),
    ("本間純平", "homma jumpei"),  # passports write ん as m before b, m and p
    ("南部陽一郎", "nambu yoichiro"),
    ("高橋　一郎", "takahashi ichiro"),
    ("森・喜朗", "mori yoshiro"),
    ("山田はなこ", "yamada hanako"),
    ("鈴木ゆうこ", "suzuki yuko"),
    ("佐藤ケンイチ", "sato kenichi"),
    ("大野ようこ", "ono yoko"),
    ("中村ジョージ", "nakamura joji"),
    ("林 さくら", "hayashi sakura"),
]

KOREAN_NONE = [
    "Kim Jong Un",
    "김정은",  # already Hangul
    "金",  # a surname alone
    "金正恩日成",  # five characters
    "山田太郎",  # 山 is no Korean surname
    "习近平",
    "金鬱",  # a character no given name uses
    "金正鬱",  # one unknown character: no partial reading
    "金ゆな",
    "金正 恩",  # the separator must follow the surname
    "金 正 恩",
    "・金正恩",
    "",
]

JAPANESE_NONE = [
    "Yamada Taro",
    "习近平",
    "習近平",
    "李明博",
    "林",
    "山田",  # a surname alone
    "山田太",  # 太 is no given name
    "山田鬱夫",
    "佐々木小次郎太郎",  # eight characters
    "山田 太 郎",
    "山 田太郎",  # the part before the separator is no surname
    "山田hanako",
    "山田っか",  # kana that do not spell a word
    "山田ゃこ",
    "やまだ はなこ",  # the surname must be in kanji
    "",
]


@pytest.mark.parametrize(("text", "hangul"), KOREAN)
def test_korean_reading(text: str, hangul: str) -> None:
    assert korean_reading(text) == hangul


@pytest.mark.parametrize(("text", "latin"), JAPANESE)
def test_japanese_reading(text: str, latin: str) -> None:
    assert japanese_reading(text) == latin


@pytest.mark.parametrize("text", KOREAN_NONE)
def test_not_a_korean_name(text: str) -> None:
    assert korean_reading(text) is None


@pytest.mark.parametrize("text", JAPANESE_NONE)
def test_not_a_japanese_name(text: str) -> None:
    assert japanese_reading(text) is None


def test_a_name_may_read_both_ways() -> None:
    assert korean_reading("田中花子") == "전 중화자"
    assert japanese_reading("田中花子") == "tanaka hanako"


# Syllables at the start of a word: ㄹ becomes ㅇ before i and y and ㄴ elsewhere, ㄴ becomes ㅇ before i
# and y; any other syllable is unchanged.
INITIAL_SOUNDS = [
    ("리", "이"),
    ("룡", "용"),
    ("락", "낙"),
    ("렬", "열"),
    ("뢰", "뇌"),
    ("녀", "여"),
    ("년", "연"),
    ("니", "이"),
    ("뇌", "뇌"),
    ("남", "남"),
    ("정", "정"),
]


@pytest.mark.parametrize(("syllable", "initial"), INITIAL_SOUNDS)
def test_initial_sound_law(syllable: str, initial: str) -> None:
    assert _initial_sound_law(syllable) == initial


@pytest.mark.parametrize(
    ("kana", "latin"),
    [
        ("きょうこ", "kyoko"),
        ("しょうた", "shota"),
        ("ゆうき", "yuki"),
        ("とおる", "toru"),
        ("じゅんいちろう", "junichiro"),
        ("けいこ", "keiko"),
        ("えいじ", "eiji"),
        ("いっぺい", "ippei"),
        ("まっちゃ", "matcha"),
        ("チェルシー", "cherushi"),
        ("フィオナ", "fiona"),
        ("ウィリアム", "wiriamu"),
    ],
)
def test_kana_reading(kana: str, latin: str) -> None:
    assert _kana_reading(kana) == latin


@pytest.mark.parametrize(
    ("table", "least"),
    [
        (_KOREAN_SURNAMES, 150),
        (_KOREAN_GIVEN, 400),
        (_JAPANESE_SURNAMES, 300),
        (_JAPANESE_GIVEN, 400),
        (_KANA, 70),
    ],
)
def test_table_sizes(table: dict[str, str], least: int) -> None:
    assert len(table) >= least


def test_distinct_readings() -> None:
    """Variant spellings aside, the tables hold at least the required number of names."""
    assert len(set(_KOREAN_SURNAMES.values())) >= 100
    assert len(set(_JAPANESE_SURNAMES.values())) >= 300
    assert len(set(_JAPANESE_GIVEN.values())) >= 400
    assert len(set(_KOREAN_GIVEN.values())) >= 300


def test_japanese_tables_are_in_passport_spelling() -> None:
    """Lower-case ASCII letters, no long vowel written double (ou, oo, uu) but where two syllables meet."""
    for reading in {*_JAPANESE_SURNAMES.values(), *_JAPANESE_GIVEN.values()}:
        assert reading.isascii() and reading.isalpha() and reading.islower(), reading
        assert reading in ("inoue", "tanoue", "matsuura") or not any(
            pair in reading for pair in ("ou", "oo", "uu")
        ), reading


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("陳大文", "chan tai man"),
        ("林鄭月娥", "lam cheng yuet ngo"),
        ("譚耀宗", "tam yiu chung"),
        ("李嘉誠", "lee ka sing"),  # Hong Kong's customary spelling of the surname
        ("曾蔭權", "tsang yam kuen"),
        ("司徒華", "szeto wa"),  # a surname of two characters
        ("吳小明", "ng siu ming"),  # a syllable of "ng" alone
        ("梁 振英", "leung chan ying"),
    ],
)
def test_cantonese_reading(text: str, latin: str) -> None:
    assert cantonese_reading(text) == latin


@pytest.mark.parametrize("text", ["王", "Chan Tai Man", "陳大文明白了", "金 正 恩", "陳a文"])
def test_not_a_name_read_in_cantonese(text: str) -> None:
    assert cantonese_reading(text) is None
