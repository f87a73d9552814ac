"""Khmer and Lao names read in the Latin spelling their names are customarily given."""

from __future__ import annotations

import pytest

from clearway.screening.khmer import is_khmer, khmer_latin
from clearway.screening.lao import is_lao, lao_latin


@pytest.mark.parametrize(
    ("khmer", "latin"),
    [
        ("ហ៊ុន សែន", "hun sen"),  # ៊ shifts ហ to the second series: ុ closed is "u"
        ("ហ៊ុន ម៉ាណែត", "hun manet"),  # ៉ shifts ម to the first series: ា is "a"
        ("ស ខេង", "sa kheng"),  # Sar Kheng: the unwritten vowel of the first series, open
        ("ទៀ បាញ់", "tea banh"),  # ៀ open "ea"; final ញ "nh"
        ("គុន គីម", "kun kim"),
        ("សម រង្ស៊ី", "sam rongsy"),  # Sam Rainsy: ង closes a syllable over the ស stacked under it
        ("ជា ស៊ីម", "chea sim"),  # ា after the second series "ea"
        ("ហុក ឡង់ឌី", "hok langdy"),  # Hok Lundy: a French name in Khmer letters
        ("ទ្រី ភាព", "try pheap"),  # ី ending a word "y"; the cluster ទ្រ
        ("លី យ៉ុង ផាត់", "ly yong phat"),
        ("គិត ម៉េង", "kith meng"),  # a final t after i is "th"
        ("ហ៊ីង ប៊ុនហៀង", "hing bunhieng"),  # a word's syllables joined
        ("នរោត្តម សីហមុនី", "norodam sihamony"),  # Norodom Sihamoni: ត្ត read once, as d; ហ opens a syllable
        ("ព្រះ", "preah"),  # reahmuk after the second series
        ("ភ្នំពេញ", "phnompenh"),  # Phnom Penh: nikahit after the second series "om"
        ("ខៀវ សំផន", "khieu samphan"),  # ៀវ "ieu"
        ("អៀង សារី", "ieng sary"),
        ("នួន ជា", "nuon chea"),
        ("ប៉ុល ពត", "pol pot"),  # ប with ៉ is p
        ("ហេង សំរិន", "heng samrin"),
        ("កឹម សុខា", "kem sokha"),  # ុ open "o"
        ("ស៊ុន ចាន់ថុល", "sun chanthol"),
        ("ញឹក ប៊ុនឆៃ", "nhek bunchhay"),  # ៃ ending a word "ay"
        ("សម្តេច", "samdech"),  # subscript ត read d
        ("ប្រាក់ សុខុន", "prak sokhon"),  # Prak Sokhonn: ប in a cluster is p
        ("ស្រី", "srey"),
        ("ខ្មែរ", "khmer"),
        ("អង្គរ", "angkor"),
        ("ពេជ្រ", "pech"),  # a subscript ending a word is not read
        ("ជាតិ", "cheat"),  # nor a ិ ending a word of Pali origin
        ("កែវ", "keo"),
        ("សៀមរាប", "siemreap"),
        ("កំពង់ចាម", "kampongcham"),
        ("ស្វាយរៀង", "svayrieng"),
        ("ឧត្តរមានជ័យ", "odarmeanchey"),  # Oddar Meanchey: an independent vowel; ជ័យ "chey"
    ],
)
def test_a_khmer_name_reads_as_it_is_spelt_in_latin(khmer: str, latin: str) -> None:
    assert khmer_latin(khmer) == latin


@pytest.mark.parametrize(
    ("khmer", "latin"),
    [
        ("", ""),
        ("   ", ""),
        ("៉ុំ់", ""),  # signs with no letter to carry them
        ("្", ""),
        ("។", ""),  # punctuation only
        ("១៩៧៥", "1975"),
        ("ហ៊ុន១", "hun1"),
        ("  ហ៊ុន   សែន ", "hun sen"),
        ("ហ៊ុន\u200bសែន", "hun sen"),  # a zero-width space parts words
        ("ហ៊ុនសែន", "hunsen"),
        ("ហ៊ុន\u200dសែន", "hunsen"),  # a zero-width joiner does not
        ("ហេា", "ho"),  # a split vowel typed as its two halves (ហោ)
    ],
)
def test_khmer_edge_cases(khmer: str, latin: str) -> None:
    assert khmer_latin(khmer) == latin


@pytest.mark.parametrize(
    ("lao", "latin"),
    [
        ("ທອງລຸນ ສີສຸລິດ", "thongloun sisoulith"),  # ອ as the vowel o; ຸ "ou"; final ດ after i "th"
        ("ໄກສອນ ພົມວິຫານ", "kaysone phomvihane"),  # ໄ "ay"; a final ນ after a long a or o "ne"
        ("ສອນໄຊ ສີພັນດອນ", "sonexay siphandone"),  # ຊ inside a name "x"
        ("ບຸນຍັງ ວໍລະຈິດ", "bounnhang volachith"),  # Bounnhang Vorachith: ຍ "nh"; ລ written for r
        ("ຈູມມະລີ ໄຊຍະສອນ", "choummaly sayasone"),  # ຊ starting a name "s"; ຍ after ay is its y
        ("ປານີ ຢາທໍ່ຕູ້", "pany yathotou"),  # tone marks spell nothing
        ("ວຽງຈັນ", "viengchanh"),  # Vientiane, Viangchan
        ("ລາວ", "lao"),
        ("ສົມສະຫວາດ ເລັ່ງສະຫວັດ", "somsavath lengsavat"),  # a silent ຫ before ວ
        ("ບົວສອນ ບຸບຜາວັນ", "bouasone boupphavanh"),  # ົວ "oua"; ັນ ending a name "anh"
        ("ທອງສິງ ທຳມະວົງ", "thongsing thammavong"),
        ("ພັນຄຳ ວິພາວັນ", "phankham viphavanh"),
        ("ໜູຮັກ ພູມສະຫວັນ", "nouhak phoumsavanh"),
        ("ຫນູຮັກ", "nouhak"),  # ໜ as Unicode decomposes it
        ("ຄໍາໄຊ", "khamxay"),  # ຳ as Unicode decomposes it
        ("ສຸພານຸວົງ", "souphanouvong"),
        ("ຫຼວງພະບາງ", "louangphabang"),  # ຫຼ "l"; ວ between consonants the vowel oua
        ("ສະຫວັນນະເຂດ", "savannakhet"),  # a leading vowel
        ("ຊຽງຂວາງ", "siengkhouang"),  # Xiengkhouang: the cluster ຂວ
        ("ຜົ້ງສາລີ", "phongsaly"),
        ("ອຸດົມໄຊ", "oudomxay"),
        ("ເດືອນ", "deuane"),  # ເ-ືອ "eua"
        ("ແກ້ວ", "keo"),
        ("ແຂວງ", "khoueng"),
        ("ເມຍ", "mia"),
    ],
)
def test_a_lao_name_reads_as_it_is_spelt_in_latin(lao: str, latin: str) -> None:
    assert lao_latin(lao) == latin


@pytest.mark.parametrize(
    ("lao", "latin"),
    [
        ("", ""),
        ("   ", ""),
        ("່້ໍ", ""),  # signs with no letter to carry them
        ("ໆ", ""),
        ("ຯ", ""),
        ("໑໙໗໕", "1975"),
        ("  ທອງລຸນ   ສີສຸລິດ ", "thongloun sisoulith"),
        ("ລາວໆ", "lao"),
        ("ລາວ໌", "la"),  # a letter marked silent
    ],
)
def test_lao_edge_cases(lao: str, latin: str) -> None:
    assert lao_latin(lao) == latin


def test_the_scripts_are_told_apart() -> None:
    assert is_khmer("ហ៊ុន") and not is_khmer("ທອງ") and not is_khmer("") and not is_khmer("hun")
    assert is_lao("ທອງ") and not is_lao("ហ៊ុន") and not is_lao("") and not is_lao("ทอง")
