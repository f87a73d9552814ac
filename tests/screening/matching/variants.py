"""Generated variants of real list names, to measure the candidate recall of the index (tests and bench).

Each kind mimics how a name reaches a screening system differently from the list: a typo or two, the
tokens reordered or in register form ("SURNAME, Given"), two words glued together, a title added, a middle
name dropped, a given name reduced to its initial, or the name written in Cyrillic
the way a Russian speaker would spell it (English digraphs first mapped to their sounds, then ICU's
Latin→Cyrillic transform), so that the index must transliterate it back.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import icu  # type: ignore[import-untyped]
from rigour.names import remove_org_types

_LATIN_TO_CYRILLIC = icu.Transliterator.createInstance("Latin-Cyrillic")
# English spelling → the sounds ICU's Latin-Cyrillic transform expects (č, š, ž, ts, k, v, j = й).
_SOUNDS = (
    ("sch", "š"), ("tch", "č"), ("ch", "č"), ("sh", "š"), ("zh", "ž"), ("kh", "h"), ("ck", "k"),
    ("ph", "f"), ("th", "t"), ("qu", "kv"), ("q", "k"), ("w", "v"), ("x", "ks"), ("y", "j"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"),
)  # fmt: skip
_SOFT_C = re.compile(r"c(?=[eiy])")


def typo(name: str, rng: random.Random) -> str | None:
    return _typos(name, rng, 1)


def two_typos(name: str, rng: random.Random) -> str | None:
    """A typo in each of two tokens."""
    return _typos(name, rng, 2)


def _typos(name: str, rng: random.Random, count: int) -> str | None:
    tokens = name.split()
    long_enough = [i for i, t in enumerate(tokens) if len(t) >= 5]
    if len(long_enough) < count:
        return None
    for i in rng.sample(long_enough, count) if count > 1 else [rng.choice(long_enough)]:
        tokens[i] = _typo_in(tokens[i], rng)
    return " ".join(tokens)


def _typo_in(token: str, rng: random.Random) -> str:
    pos = rng.randrange(1, len(token) - 1)
    edit = rng.choice(("substitute", "delete", "transpose", "insert"))
    if edit == "substitute":
        return token[:pos] + rng.choice("aeioulnrst") + token[pos + 1 :]
    if edit == "delete":
        return token[:pos] + token[pos + 1 :]
    if edit == "transpose":
        return token[:pos] + token[pos + 1] + token[pos] + token[pos + 2 :]
    return token[:pos] + rng.choice("aeioulnrst") + token[pos:]


def reorder(name: str, rng: random.Random) -> str | None:
    tokens = name.replace(",", " ").split()
    if len(tokens) < 2:
        return None
    return " ".join(tokens[-1:] + tokens[:-1])


def drop_middle(name: str, rng: random.Random) -> str | None:
    tokens = name.replace(",", " ").split()
    if len(tokens) < 3:
        return None
    del tokens[rng.randrange(1, len(tokens) - 1)]
    return " ".join(tokens)


def initial(name: str, rng: random.Random) -> str | None:
    tokens = name.replace(",", " ").split()
    if len(tokens) < 2 or len(tokens[0]) < 3:
        return None
    return " ".join([tokens[0][0] + ".", *tokens[1:]])


def glued(name: str, rng: random.Random) -> str | None:
    """Two adjacent words written as one ("Abdul Rahman" → "AbdulRahman")."""
    tokens = name.replace(",", " ").split()
    if len(tokens) < 3:
        return None
    i = rng.randrange(len(tokens) - 1)
    tokens[i : i + 2] = [tokens[i] + tokens[i + 1]]
    return " ".join(tokens)


def surname_first(name: str, rng: random.Random) -> str | None:
    """The register form: "SURNAME, Given Names"."""
    tokens = name.replace(",", " ").split()
    if len(tokens) < 2:
        return None
    return f"{tokens[-1].upper()}, {' '.join(tokens[:-1])}"


def with_title(name: str, rng: random.Random) -> str | None:
    return f"{rng.choice(('Mr.', 'Dr.', 'Sheikh', 'Mrs', 'General', 'Haji'))} {name}"


def cyrillic(name: str, rng: random.Random) -> str | None:
    if not name.isascii() or (" " not in name.strip() and len(name) <= 5):
        return None  # acronyms ("IRGC") are not transliterated letter by letter
    # Legal forms are translated, not transliterated ("LLC" is "ООО", never "ллк"): leave them out.
    text = remove_org_types(name.lower(), replacement="").strip(" ,.") or name.lower()
    text = re.sub(r"(.)\1", r"\1", text.replace("jj", "j")).replace("j", "dž")
    for old, new in _SOUNDS:
        text = text.replace(old, new)
    text = _SOFT_C.sub("s", text).replace("c", "k")
    return str(_LATIN_TO_CYRILLIC.transliterate(text))


PERSON_VARIANTS: dict[str, Callable[[str, random.Random], str | None]] = {
    "typo": typo,
    "reorder": reorder,
    "drop_middle": drop_middle,
    "initial": initial,
    "cyrillic": cyrillic,
    "two_typos": two_typos,
    "glued": glued,
    "surname_first": surname_first,
    "title": with_title,
}
ORGANIZATION_VARIANTS: dict[str, Callable[[str, random.Random], str | None]] = {
    "typo": typo,
    "cyrillic": cyrillic,
    "two_typos": two_typos,
    "glued": glued,
}
