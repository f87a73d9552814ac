"""The Russian-alphabet transliteration table (`translit.russian_latin_text`) and the Latin analysis of
names written in it (`normalize._analysed_in_latin`)."""

from __future__ import annotations

import random

import pytest
from rigour.text import ascii_text

from clearway.screening.normalize import (
    NameKind,
    Script,
    _analysed_in_latin,
    _collapse_doubles,
    letter_set,
    prepare_name,
)
from clearway.screening.translit import latin_form, romanize_hangul, russian_latin_text, translation_table
from clearway.screening.western import western_reading

RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def _random_words(rng: random.Random, count: int) -> list[str]:
    words = []
    for _ in range(count):
        word = "".join(rng.choice(RUSSIAN) for _ in range(rng.randint(1, 10)))
        if rng.random() < 0.3:
            word += rng.choice(("ий", "ый", "ой", "ья"))  # the endings rigour writes by a context rule
        if rng.random() < 0.3:
            word = word.capitalize() if rng.random() < 0.8 else word.upper()
        words.append(word)
    return words


def test_the_table_writes_what_rigour_writes() -> None:
    """The table stands in for rigour's transliteration of the Russian alphabet: same Latin, word by
    word and for whole names with hyphens (a change in rigour fails here)."""
    rng = random.Random(20261123)
    words = _random_words(rng, 3000)
    for word in words:
        assert latin_form(word.casefold()) == ascii_text(word.casefold()).lower(), word
    for _ in range(1000):
        text = rng.choice((" ", "-", ", ")).join(rng.sample(words, rng.randint(2, 4)))
        written = russian_latin_text(text)
        assert written is not None
        assert written.lower() == ascii_text(text).lower(), text


@pytest.mark.parametrize(
    ("text", "latin"),
    [("Горький", "Gorky"), ("ДМИТРИЙ", "DMITRY"), ("Ёлкин", "Yolkin"), ("Щукин-Шишкин", "Shchukin-Shishkin")],
)
def test_known_spellings(text: str, latin: str) -> None:
    assert russian_latin_text(text) == latin


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin",  # no Cyrillic
        "Олексій Гнатюк",  # Ukrainian і: rigour's Ukrainian table (Hnatiuk), not this one
        "Ђорђе Јовановић",  # Serbian
        "Нұрсұлтан Назарбаев",  # Kazakh ұ
        "José Петров",  # a Latin letter with a diacritic: rigour would transliterate it too
    ],
)
def test_other_alphabets_are_left_to_rigour(text: str) -> None:
    assert russian_latin_text(text) is None


def test_a_russian_name_keeps_its_script_and_words() -> None:
    name = prepare_name("Владимир Владимирович ПУТИН", NameKind.PERSON)
    assert [(t.text, t.latin) for t in name.tokens] == [
        ("владимир", "vladimir"),
        ("владимирович", "vladimirovich"),
        ("путин", "putin"),
    ]
    assert {t.script for t in name.tokens} == {Script.OTHER}  # compared as a transliteration
    assert {s for t in name.tokens for s in t.symbols if s.startswith("NAME:")}  # rigour's name symbols


def test_a_russian_legal_form_is_read_as_one() -> None:
    name = prepare_name("ООО «Ромашка»", NameKind.ORGANIZATION)
    assert name.legal_forms == ("LLC",)
    assert [t.text for t in name.tokens] == ["ромашка"]


def test_a_word_that_vanishes_in_latin_takes_rigours_own_path() -> None:
    # "ь" alone is written as nothing: the words no longer line up, rigour transliterates the name.
    assert _analysed_in_latin("Иван ь Петров", NameKind.PERSON) is None
    assert [t.latin for t in prepare_name("Иван ь Петров", NameKind.PERSON).tokens] == ["ivan", "petrov"]


@pytest.mark.parametrize(
    ("word", "latin"),
    [
        ("اظہر", "azhr"),  # heh goal: ICU's Arabic transform drops it
        ("ٹیپو", "typw"),  # tteh
        ("لمیٹڈ", "lmytd"),  # tteh and ddal
        ("بھٹو", "bhtw"),  # do-chashmi heh makes an aspirate
        ("شریف", "shryf"),  # letters Arabic and Urdu share, unchanged
    ],
)
def test_urdu_letters_are_read(word: str, latin: str) -> None:
    assert latin_form(word) == latin


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("례성강1", "rye seong gang 1"),  # a vessel's number written against its name
        ("유정 2호", "yu jeong 2 ho"),
        ("유정 ab cd", "yu jeong ab cd"),  # Latin words among Hangul stay apart
        ("김정은", "kim jeong eun"),
    ],
)
def test_hangul_romanised_with_the_digits_and_latin_among_it(text: str, latin: str) -> None:
    assert romanize_hangul(text) == latin


@pytest.mark.parametrize(
    ("written", "spelled"),
    [
        ("अमित", "amit"),  # a final inherent vowel after one consonant is not said
        ("शाह", "shah"),  # श is sh
        ("शर्मा", "sharma"),
        ("अमिताभ", "amitabh"),  # nor after an aspirate
        ("बच्चन", "bachchan"),  # च is ch
        ("छत्तीसगढ़", "chhattisagarh"),  # छ is chh
        ("आनंद", "anand"),  # nor after a nasal and a consonant
        ("रिलायंस", "rilayans"),
        ("चंद्र", "chandra"),  # but after other clusters it is
        ("कृष्ण", "krishna"),  # ऋ is ri, ष sh
        ("नरेंद्र", "narendra"),
        ("ਸਿੰਘ", "singh"),  # Gurmukhi's tippi is a nasal, which ICU alone drops
        ("വിജയൻ", "vijayan"),  # Malayalam's chillus, a consonant without its vowel, which ICU drops
        ("നായർ", "nayar"),
        ("കമൽ", "kamal"),
        ("මහින්ද", "mahinda"),  # Sinhala, read as Devanagari, keeps its final vowels
        ("රාජපක්ෂ", "rajapaksha"),
        ("ප්‍රේමදාස", "premadasa"),
        ("ਸੰਧੂ", "sandhu"),
        ("জসিম", "jasim"),  # Bengali
    ],
)
def test_indic_names_are_spelled_as_names_are_written_in_latin(written: str, spelled: str) -> None:
    assert latin_form(written) == spelled


@pytest.mark.parametrize(
    ("written", "spelled"),
    [
        ("မင်းအောင်လှိုင်", "min aung hlaing"),  # one word of syllables, a word each in Latin
        ("မောင်မောင်ကျော်", "maung maung kyaw"),  # ော် is a vowel, not a final
        ("မြင့်ဆွေ", "myint swe"),  # a nasal final with the creaky tone ends in t; ွ before ေ is w
        ("ခင်ညွန့်", "khin nyunt"),  # ွ before a final makes the rhyme "un"
        ("သန်းရွှေ", "than shwe"),  # ရ breathed (ှ) is sh
        ("သိန်းစိန်", "thein sein"),
        ("ဦးသန့်", "u thant"),  # ဦး first is the title U
        ("ရဲဝင်းဦး", "ye win oo"),  # and later a syllable, Oo
        ("မန္တလေး", "man ta lay"),  # ္ stacks the next consonant: the first closes the syllable
        ("ချစ်", "chit"),
    ],
)
def test_burmese_names_are_spelled_syllable_by_syllable(written: str, spelled: str) -> None:
    assert latin_form(written) == spelled


@pytest.mark.parametrize(
    ("written", "spelled"),
    [
        ("ประยุทธ์", "prayut"),  # ธ์ silent; ท final is t
        ("จันทร์โอชา", "chanocha"),  # ทร์ after a final: both silent; โ written before its อ
        ("สมชาย", "somchai"),  # the unwritten o of a closed syllable; ย final is i
        ("วงศ์สวัสดิ์", "wongsawat"),  # the unwritten a of an open one (ส|วัส); ดิ์ silent with its vowel
        ("วงษ์สุวรรณ", "wongsuwan"),  # รร is a, and n when nothing closes it
        ("ทักษิณ", "thaksin"),
        ("ชวน", "chuan"),  # ว between consonants is the vowel ua
        ("เชียงใหม่", "chiangmai"),  # เ-ีย; ห before a sonorant is silent
        ("ทอง", "thong"),  # อ after a consonant is the vowel o
        ("แพทองธาร", "phaethongthan"),  # ร final is n
        ("จุลานนท์", "chulanon"),  # ICU's dictionary words (จุ ลา นนท์) tell where syllables end
        ("เศรษฐา", "settha"),
        ("ธนาคารกรุงเทพ", "thanakhan krungthep"),  # an organisation's word stays a word of its own
    ],
)
def test_thai_names_are_spelled_as_rtgs_spells_them(written: str, spelled: str) -> None:
    assert latin_form(written) == spelled


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Джордж", "jorj"),
        ("Уоллес", "wolles"),
        ("Уильям", "wiliam"),
        ("Трюдо", "trudo"),
        ("Маржери", "marjeri"),
    ],
)
def test_cyrillic_is_read_as_the_western_name_it_may_render(written: str, read: str) -> None:
    assert western_reading(written) == read


def test_letters_no_table_reads_leave_nothing() -> None:
    """Sinhala digits (which nothing reads) once sent the Indic path into endless recursion."""
    assert latin_form("෧෨") == ""
    assert latin_form("བསྟན") == ""  # Tibetan: no transliteration at hand
    assert latin_form("ហ៊ុន") == "hun"  # Khmer: read by `khmer`
    assert latin_form("මහින්ද෴") == "mahinda"  # a letter not read is left out, the word kept


@pytest.mark.parametrize(
    ("word", "collapsed"),
    [
        ("", ""),
        ("a", "a"),
        ("mahmoud", "mahmoud"),
        ("mahmoudd", "mahmoud"),
        ("aabbcc", "abc"),
        ("muhammmad", "muhamad"),
        ("abba", "aba"),
        ("ссора", "сора"),
    ],
)
def test_runs_of_one_letter_collapse_to_the_letter(word: str, collapsed: str) -> None:
    assert _collapse_doubles(word) == collapsed


def test_a_letter_set_keeps_the_upper_half_of_its_bits() -> None:
    # "~" is character 126: bit 62, which 32-bit arithmetic would lose.
    assert letter_set("~") == 1 << 62
    assert letter_set("ab") == (1 << 33) | (1 << 34)
    assert letter_set("") == 0


def test_a_token_keeps_rigours_symbols_but_initials_and_organisation_classes() -> None:
    token = prepare_name("Muhammad Ali", NameKind.PERSON).tokens[0]
    assert any(symbol.startswith("NAME:") for symbol in token.symbols)
    assert not any(symbol.startswith(("INITIAL:", "ORGCLS:")) for symbol in token.symbols)


@pytest.mark.parametrize(
    "mapping",
    [
        str.maketrans("", "", "aeiou"),
        dict.fromkeys(map(ord, "'’‘`´ʼ?\""), None),
        str.maketrans({"ß": "ss", "ø": "o", "ſ": "s", "ж": "zh", "ъ": ""}),
        {ord("a"): ord("b"), ord("я"): "ya", 0x2019: None},
    ],
)
def test_a_translation_table_as_a_list_translates_as_its_dict(mapping: dict[int, object]) -> None:
    """`translation_table` turns a dict table into a list `str.translate` reads without a KeyError per
    character the dict lacks: every text must come out the same, characters beyond the list included."""
    texts = [
        "", "mahmoud", "Abd al-Rahman", "O’Brien 'Umar", "Straße Søren ſ", "жъяяЯ", "漢字 한글 ئ", "aeiou?\"",
        "".join(chr(code) for code in range(0, 1200, 7)), "’" * 3 + "x",
    ]  # fmt: skip
    table = translation_table(mapping)
    assert [text.translate(table) for text in texts] == [text.translate(mapping) for text in texts]
