"""Country names as the lists spell them ("Korea, North", "Iran (Islamic Republic of)") to ISO 3166-1
alpha-2 codes, upper case. Unknown names give None: the loaders keep the text in remarks/addresses."""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

# Names pycountry does not know (political short forms, historic or partially recognised states).
_ALIASES = {
    "burma": "MM",
    "korea, north": "KP",
    "north korea": "KP",
    "korea, south": "KR",
    "south korea": "KR",
    "russia": "RU",
    "iran": "IR",
    "syria": "SY",
    "laos": "LA",
    "vietnam": "VN",
    "turkey": "TR",
    "palestinian": "PS",
    "palestine": "PS",
    "state of palestine": "PS",
    "region: gaza": "PS",
    "region: west bank": "PS",
    "west bank": "PS",
    "gaza": "PS",
    "kosovo": "XK",
    "macau": "MO",
    "brunei": "BN",
    "cape verde": "CV",
    "swaziland": "SZ",
    "east timor": "TL",
    "ivory coast": "CI",
    "cote d ivoire": "CI",
    "congo, democratic republic of the": "CD",
    "democratic republic of the congo": "CD",
    "congo, republic of the": "CG",
    "the former yugoslav republic of macedonia": "MK",
    "macedonia": "MK",
    "micronesia, federated states of": "FM",
    "netherlands antilles": "AN",
    "united kingdom": "GB",
    "great britain": "GB",
    "united states": "US",
    "usa": "US",
    "uae": "AE",
    "vatican city": "VA",
    "holy see": "VA",
}

_PARENTHESES = re.compile(r"\s*\(([^)]*)\)\s*")


@lru_cache(maxsize=2048)
def country_code(name: str | None) -> str | None:
    """ISO alpha-2 (upper case) for a country name or code, None when the name is not a country."""
    if not name:
        return None
    text = " ".join(name.replace("’", "'").split()).strip(" .;,")
    if not text:
        return None
    for candidate in _spellings(text):
        code = _ALIASES.get(candidate.lower()) or _pycountry_code(candidate)
        if code:
            return code
    return None


def _spellings(text: str) -> list[str]:
    """The text, then "Bahamas, The" → "The Bahamas" and "Iran (Islamic Republic of)" → "Iran, Islamic
    Republic of" / "Iran": the two inversions official lists use."""
    spellings = [text]
    if "(" in text:
        inner = _PARENTHESES.search(text)
        outer = _PARENTHESES.sub(" ", text).strip()
        if inner:
            spellings.append(f"{outer}, {inner.group(1)}")
        spellings.append(outer)
    head, comma, tail = text.partition(", ")
    if comma and "," not in tail:
        spellings.append(f"{tail} {head}")
        spellings.append(head)
    if text.lower().startswith("the "):
        spellings.append(text[4:])
    return spellings


def _pycountry_code(text: str) -> str | None:
    if len(text) == 2 and text.isalpha():
        found = pycountry.countries.get(alpha_2=text.upper())
    else:
        try:
            found = pycountry.countries.lookup(text)
        except LookupError:
            found = None
    return str(found.alpha_2) if found is not None else None
