"""Chinese names in Russian's Palladius Cyrillic, read back in pinyin."""

from __future__ import annotations

import pytest

from clearway.screening.compare import DEFAULT_THRESHOLD, Party, compare_names
from clearway.screening.entry import EntrySchema
from clearway.screening.index import ScreeningIndex
from clearway.screening.palladius import palladius_reading
from tests.screening.matching.conftest import entry


@pytest.mark.parametrize(
    ("cyrillic", "pinyin"),
    [
        ("Си Цзиньпин", "xi jinping"),  # x → с, j → цз, -n → нь, -ng → н
        ("Ли Кэцян", "li keqiang"),  # e → э, q → ц
        ("Ван И", "wang yi"),  # syllables without an initial: wang → ван, yi → и
        ("Мао Цзэдун", "mao zedong"),  # z → цз, -ong → ун
        ("Чжоу Эньлай", "zhou enlai"),  # zh → чж
        ("Го Шэнкунь", "guo shengkun"),  # uo → о after a consonant, where pinyin has no "go"
        ("Чжан Юймин", "zhang yuming"),  # yu → юй
    ],
)
def test_a_chinese_name_in_palladius_reads_in_pinyin(cyrillic: str, pinyin: str) -> None:
    assert palladius_reading(cyrillic) == pinyin


@pytest.mark.parametrize("name", ["Владимир Путин", "Иван Петров", "Си", "Ким Чен Ын"])
def test_a_name_not_made_of_palladius_syllables_has_no_reading(name: str) -> None:
    assert palladius_reading(name) is None


def test_the_reading_is_compared_and_said() -> None:
    match = compare_names("Xi Jinping", "Си Цзиньпин", "Person")
    assert match.score >= DEFAULT_THRESHOLD
    assert any("Palladius" in note for note in match.explanation.notes)
    assert compare_names("Xi Jinping", "Ли Кэцян", "Person").score < DEFAULT_THRESHOLD


def test_a_name_in_palladius_finds_its_entry_in_pinyin() -> None:
    listed = [
        entry("c:1", EntrySchema.PERSON, "XI Jinping"),
        entry("c:2", EntrySchema.PERSON, "LI Keqiang"),
        entry("c:3", EntrySchema.PERSON, "Sergei SITNIKOV"),
    ]
    hits = ScreeningIndex(listed).search(Party("Си Цзиньпин", "Person"), DEFAULT_THRESHOLD)
    assert [hit.entry.entry.entry_id for hit in hits] == ["c:1"]
