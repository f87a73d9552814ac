"""Normal forms used to compare values that people write differently (pure)."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_NON_DIGIT = re.compile(r"\D+")


def name(value: str) -> str:
    """Case, accents, punctuation and word order removed: "Doe, JOHN" and "John Dóe" compare equal."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(sorted(_NON_ALNUM.sub(" ", plain).split()))


def email(value: str) -> str:
    return value.strip().casefold()


def phone(value: str) -> str:
    """Digits only; a leading international 00 is the same as "+" (dropped with it)."""
    digits = _NON_DIGIT.sub("", value)
    return digits[2:] if digits.startswith("00") else digits


def identifier(value: str) -> str:
    """Letters and digits only, upper-cased: "123-45-6789" and "123456789" compare equal."""
    return re.sub(r"[^0-9A-Z]", "", value.upper())


BY_ATTRIBUTE = {"NAME": name, "EMAIL": email, "PHONE": phone, "IDENTIFIER": identifier}


def matchlist_value(attribute: str, value: str) -> str:
    """The `normalized_value` of a matchlist entry of this attribute."""
    return BY_ATTRIBUTE[attribute](value)
