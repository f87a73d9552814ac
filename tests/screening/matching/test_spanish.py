"""Spanish names in Russian Cyrillic, read back in Spanish spelling and compared with the lists'."""

from __future__ import annotations

import pytest

from clearway.screening.compare import DEFAULT_THRESHOLD, Party, compare_names
from clearway.screening.entry import EntrySchema
from clearway.screening.index import ScreeningIndex
from clearway.screening.spanish import spanish_reading
from tests.screening.matching.conftest import entry


@pytest.mark.parametrize(
    ("cyrillic", "spanish"),
    [
        ("Хуан Карлос Родригес", "juan carlos rodriguez"),  # х j, к c, г before е gu, final -ес -ez
        ("Хосе Луис Гонсалес", "jose luis gonsalez"),  # z written с is left to a spelling's tolerance
        ("Уго Чавес", "hugo chavez"),  # a given name's silent h is restored from the table
        ("Хорхе Эрнандес", "jorge hernandez"),  # and a surname's
        ("Педро Кастильо", "pedro castillo"),  # ль before a vowel: ll
        ("Мигель Анхель Феликс Гальярдо", "miguel angel felix gallardo"),  # кс x, лья lla
        ("Хосе Нуньес", "jose nunez"),  # нь: ñ, written n
        ("Мария Гутьеррес", "maria gutierrez"),  # ия ia, ь before a vowel i
        ("Луис Васкес", "luis vasquez"),  # к before е qu
        ("Рафаэль Каро Кинтеро", "rafael caro quintero"),
        ("ГОНСАЛЕС, Хосе Л.", "gonsalez jose l"),  # punctuation and case
    ],
)
def test_a_spanish_name_in_cyrillic_reads_in_spanish(cyrillic: str, spanish: str) -> None:
    assert spanish_reading(cyrillic) == spanish


@pytest.mark.parametrize(
    "name", ["Владимир Путин", "Иван Петров", "Хасан Ибрагимов", "Карлос", "Ольга Лес", "Jose Luis Gonzalez"]
)
def test_a_name_that_does_not_read_as_spanish_has_no_reading(name: str) -> None:
    assert spanish_reading(name) is None


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Хуан Карлос Родригес", "Juan Carlos RODRIGUEZ"),
        ("Хосе Луис Гонсалес", "Jose Luis GONZALEZ"),
        ("Хорхе Эрнандес", "Jorge HERNANDEZ"),
        ("Уго Чавес", "Hugo CHAVEZ"),
        ("Эктор Перес", "Hector PEREZ"),
        ("Хавьер Гарсия", "Javier GARCIA"),
        ("Хуан Хосе Эррера", "Juan Jose HERRERA"),
    ],
)
def test_the_reading_is_compared_and_said(cyrillic: str, latin: str) -> None:
    match = compare_names(latin, cyrillic, "Person")
    assert match.score >= DEFAULT_THRESHOLD
    assert any("Spanish in Russian Cyrillic" in note for note in match.explanation.notes)


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Хорхе Эрнандес", "Jorge FERNANDEZ"),  # the silent h restored: not a letter from Fernández
        ("Фернандо Фернандес", "Fernando HERNANDEZ"),
        ("Уго Чавес", "Hugo CHAVARRIA"),
        ("Хосе Луис Гонсалес", "Jose Luis GONZAGA"),
    ],
)
def test_other_spanish_names_stay_apart(cyrillic: str, latin: str) -> None:
    assert compare_names(latin, cyrillic, "Person").score < DEFAULT_THRESHOLD


def test_a_spanish_name_in_cyrillic_finds_its_entry() -> None:
    listed = [
        entry("s:1", EntrySchema.PERSON, "Joaquin GUZMAN LOERA"),
        entry("s:2", EntrySchema.PERSON, "Jorge FERNANDEZ"),
        entry("s:3", EntrySchema.PERSON, "Jorge HERNANDEZ"),
    ]
    index = ScreeningIndex(listed)
    for query, expected in (("Хоакин Гусман Лоэра", ["s:1"]), ("Хорхе Эрнандес", ["s:3"])):
        for schema in ("Person", None):
            hits = index.search(Party(query, schema), DEFAULT_THRESHOLD)
            assert [hit.entry.entry.entry_id for hit in hits] == expected, (query, schema)
