"""Spanish names in Russian Cyrillic, read back in Spanish spelling ("Хуан Карлос Родригес" → "juan carlos
rodriguez").

Russian writes a Spanish name by its sound: j and g before e or i as х (Juan Хуан, Jorge Хорхе, Gerardo
Херардо), z and c before e or i as с (González Гонсалес), c before a, o, u and qu as к (Carlos Карлос,
Quintero Кинтеро), ll and ñ with a soft sign (Castillo Кастильо, Núñez Нуньес), and the silent h not at
all (Hugo Уго, Héctor Эктор, Hernández Эрнандес). The letter-by-letter Latin form of such a name ("khose
luis gonsales") is two or three edits from each of its words' Spanish spellings, beyond a spelling's
tolerance.

A name gets this reading when it reads as Spanish: one of its words is a Spanish given name in Russian
spelling (`GIVEN_NAMES`, which also restore the silent h: Уго is Hugo), a surname of `SURNAMES` (the
same for surnames: Эрнандес is Hernández, not a letter from Fernández) or a surname with the ending -ес
of the Spanish patronymics (-ez: Родригес, Мартинес, Перес). The other words are respelled letter by
letter by the rules above; a final -ес is -ez, any other с an s (Гонсалес "gonsalez", a letter from
González, within a spelling's tolerance). The name as written is screened too (`readings`), so the
reading of a name that is not Spanish costs a screening and nothing else. Pure: no I/O.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Spanish given names as Russian writes them, and their Spanish spelling (without accents, as the lists
# mostly write them): the silent h is restored here, which letter rules cannot do.
GIVEN_NAMES = {
    "хуан": "juan", "хосе": "jose", "хорхе": "jorge", "хесус": "jesus", "херардо": "gerardo",
    "хавьер": "javier", "хоакин": "joaquin", "хулио": "julio", "хуана": "juana", "хулиан": "julian",
    "хайме": "jaime", "хенаро": "genaro", "хильберто": "gilberto", "хиль": "gil", "хосефина": "josefina",
    "мигель": "miguel", "луис": "luis", "карлос": "carlos", "педро": "pedro", "пабло": "pablo",
    "рафаэль": "rafael", "франсиско": "francisco", "фернандо": "fernando", "альберто": "alberto",
    "альфредо": "alfredo", "рикардо": "ricardo", "роберто": "roberto", "мануэль": "manuel",
    "антонио": "antonio", "гильермо": "guillermo", "густаво": "gustavo", "уго": "hugo", "эктор": "hector",
    "умберто": "humberto", "орасио": "horacio", "ортенсия": "hortensia", "эрнесто": "ernesto",
    "эдуардо": "eduardo", "энрике": "enrique", "рамон": "ramon", "рауль": "raul", "серхио": "sergio",
    "сантьяго": "santiago", "диего": "diego", "андрес": "andres", "алехандро": "alejandro",
    "алонсо": "alonso", "висенте": "vicente", "гонсало": "gonzalo", "игнасио": "ignacio",
    "маурисио": "mauricio", "патрисио": "patricio", "фелипе": "felipe", "эмилио": "emilio",
    "эстебан": "esteban", "освальдо": "osvaldo", "родриго": "rodrigo", "сесар": "cesar",
    "марсело": "marcelo", "армандо": "armando", "орландо": "orlando", "анхель": "angel", "анхела": "angela",
    "артуро": "arturo", "вальтер": "walter", "даниэль": "daniel", "альваро": "alvaro", "хавьера": "javiera",
    "гуадалупе": "guadalupe", "долорес": "dolores", "мерседес": "mercedes", "росарио": "rosario",
    "консуэло": "consuelo", "пилар": "pilar", "ракель": "raquel", "исабель": "isabel", "инес": "ines",
    "химена": "jimena", "соледад": "soledad", "аурелио": "aurelio", "хенри": "henry",
    "диосдадо": "diosdado", "эльвира": "elvira", "эусебио": "eusebio", "эваристо": "evaristo",
    "ильдефонсо": "ildefonso", "эрминио": "herminio", "эриберто": "heriberto", "эрасмо": "erasmo",
    "хервасио": "gervasio", "хустино": "justino", "хусто": "justo", "хасинто": "jacinto",
}  # fmt: skip
# Surnames whose silent h the letter rules cannot restore, and whose h-less spelling would be a letter
# from another surname (ernandez: Hernández, Fernández).
SURNAMES = {
    "эрнандес": "hernandez", "эррера": "herrera", "эредиа": "heredia", "уэрта": "huerta",
    "уртадо": "hurtado", "инохоса": "hinojosa", "ольгин": "holguin", "ойос": "hoyos", "уэртас": "huertas",
    "эррероса": "herrerosa", "игера": "higuera", "идальго": "hidalgo", "энао": "henao",
}  # fmt: skip
_PATRONYMIC_ENDING = "ес"
_SHORTEST_PATRONYMIC = 5  # Перес, Лопес; not "Нес"
_MOST_WORDS = 6

_VOWELS = frozenset("аеёиоуыэюя")
_IOTATED = {"я": "a", "ю": "u", "ё": "o"}
_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "io", "ж": "j", "з": "z", "и": "i",
    "й": "y", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "j", "ц": "z", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "э": "e", "ю": "iu",
    "я": "ia",
}  # fmt: skip


# Hyphens, dots, commas, brackets and digits between the words ("Ким Чен-Ын", "Хосе Л. Гонсалес").
_NOT_LETTERS = re.compile(r"[\W\d_]+")


def spanish_reading(text: str) -> str | None:
    """`text` read back in Spanish spelling when it reads as a Spanish name in Russian Cyrillic ("Хосе
    Луис Гонсалес" → "jose luis gonsalez"), else None."""
    words = _NOT_LETTERS.sub(" ", text.lower()).split()
    if not 1 < len(words) <= _MOST_WORDS or not any(_reads_spanish(word) for word in words):
        return None
    respelled = [_spanish_word(word) for word in words]
    if any(word is None for word in respelled):
        return None
    return " ".join(word for word in respelled if word is not None)


def _reads_spanish(word: str) -> bool:
    return (
        word in GIVEN_NAMES
        or word in SURNAMES
        or (len(word) >= _SHORTEST_PATRONYMIC and word.endswith(_PATRONYMIC_ENDING))
    )


@lru_cache(maxsize=10_000)
def _spanish_word(word: str) -> str | None:
    """One word in Spanish spelling, or None when it has a letter that is not Russian's."""
    known = GIVEN_NAMES.get(word) or SURNAMES.get(word)
    if known is not None:
        return known
    spelled: list[str] = []
    for position, letter in enumerate(word):
        following = word[position + 1 : position + 2]
        if letter == "к" and following == "с":
            spelled.append("x")  # Феликс Félix, Максимо Máximo
        elif letter == "с" and position and word[position - 1] == "к":
            continue  # written in the x
        elif letter == "к":
            spelled.append("qu" if following in ("е", "и") else "c")  # Кинтеро Quintero, Карлос Carlos
        elif letter == "с":
            # c before e and i, z at the end of the patronymic -ez: Сесар César, Гонсалес González.
            spelled.append("z" if position == len(word) - 1 and word.endswith(_PATRONYMIC_ENDING) else "s")
        elif letter == "г" and following in ("е", "и"):
            spelled.append("gu")  # Мигель Miguel, Гильермо Guillermo
        elif letter == "ь":
            # Before a vowel: ll after l, ñ (written n) after n, else i: Кастильо Castillo, Нуньес Núñez,
            # Гутьеррес Gutiérrez. Elsewhere nothing (Рафаэль Rafael).
            if following in _VOWELS:
                previous = spelled[-1] if spelled else ""
                spelled.append("l" if previous == "l" else "" if previous == "n" else "i")
        elif (
            letter in _IOTATED
            and spelled
            and (spelled[-1].endswith("i") or word[position - 2 : position] == "ль")
        ):
            # The i is written already (Гарсия García, Мария María), or the soft sign is the second l of
            # ll (Гальярдо Gallardo).
            spelled.append(_IOTATED[letter])
        elif letter in _LETTERS:
            spelled.append(_LETTERS[letter])
        else:
            return None
    return "".join(spelled)
