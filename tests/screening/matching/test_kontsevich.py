"""Korean names in Russian Cyrillic, read back in Hangul and compared with the lists' romanisations."""

from __future__ import annotations

import pytest

from clearway.screening.compare import DEFAULT_THRESHOLD, Party, compare_names
from clearway.screening.entry import EntrySchema
from clearway.screening.index import ScreeningIndex
from clearway.screening.kontsevich import korean_readings
from tests.screening.matching.conftest import entry


@pytest.mark.parametrize(
    ("cyrillic", "hangul"),
    [
        ("Ким Чен Ын", "김 정 은"),  # the older spellings the press keeps: ㅓ as е
        ("Ким Ир Сен", "김 일 성"),  # final ㄹ as р
        ("Чхве Рён Хэ", "최 룡 해"),  # ㅊ as чх, ㅚ as ве, ㅛ as ё
        ("Чхве Рен Хэ", "최 룡 해"),  # ё written е
        ("Ким Ё Чжон", "김 여 정"),  # ㅈ as чж
        ("Пак Пон Джу", "박 봉 주"),  # ㅈ as дж
        ("Мун Чжэин", "문 재인"),  # a word of two syllables stays one word
        ("Пак Кын Хе", "박 근 혜"),
        ("Ли Мён Бак", "리 명 박"),  # ㅂ voiced as б
        ("КИМ Чен-Ын (1984)", "김 정 은"),  # case, hyphens, brackets and digits
    ],
)
def test_a_korean_name_in_cyrillic_reads_in_hangul(cyrillic: str, hangul: str) -> None:
    assert korean_readings(cyrillic)[0] == hangul


def test_a_final_n_is_read_both_ways() -> None:
    # н is ㄴ or ㅇ: only the lists can tell Yong from Yon.
    assert korean_readings("Ри Ён Хо") == ["리 영 호", "리 연 호"]
    # Syllables one spelling stands for that differ otherwise are not all read (Хо: 호, not 허 as well).
    assert all("허" not in reading for reading in korean_readings("Ри Ён Хо"))


@pytest.mark.parametrize(
    "name", ["Владимир Путин", "Иван Ли", "Ирина Ким", "Ким", "Ким Чен Ын Ир Сен", "Сергей Пак"]
)
def test_a_name_that_is_not_korean_in_cyrillic_has_no_reading(name: str) -> None:
    assert korean_readings(name) == []


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Ким Чен Ын", "Kim Jong Un"),
        ("Ким Чен Ир", "Kim Jong Il"),
        ("Ким Ир Сен", "Kim Il Sung"),
        ("Ким Ё Чжон", "KIM Yo Jong"),
        ("Чхве Рён Хэ", "CHOE Ryong Hae"),
        ("Мун Чжэ Ин", "Moon Jae-in"),
        ("Пак Кын Хе", "Park Geun-hye"),
    ],
)
def test_the_reading_is_compared_and_said(cyrillic: str, latin: str) -> None:
    match = compare_names(latin, cyrillic, "Person")
    assert match.score >= DEFAULT_THRESHOLD
    assert any("Korean in Russian Cyrillic" in note for note in match.explanation.notes)


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [("Ким Чен Ын", "Kim Jong Il"), ("Ким Чен Ир", "Kim Jong Un"), ("Ким Ён Нам", "Kim Yong Chol")],
)
def test_other_korean_names_stay_apart(cyrillic: str, latin: str) -> None:
    assert compare_names(latin, cyrillic, "Person").score < DEFAULT_THRESHOLD


def test_a_korean_name_in_cyrillic_finds_its_entry() -> None:
    listed = [
        entry("k:1", EntrySchema.PERSON, "KIM Jong Un"),
        entry("k:2", EntrySchema.PERSON, "KIM Jong Il"),
        entry("k:3", EntrySchema.PERSON, "KIM Yong Chol"),
    ]
    index = ScreeningIndex(listed)
    for schema in ("Person", None):
        hits = index.search(Party("Ким Чен Ын", schema), DEFAULT_THRESHOLD)
        assert [hit.entry.entry.entry_id for hit in hits] == ["k:1"]
