"""Other names written inside one name: "ADRIAN DARYA 1 (ex-GRACE 1)", "Ismael 'El Mayo' Zambada".

Registers, vessel databases and clients' own records often carry a former name or an alias in the same
field as the name: in brackets after an alias marker ("(ex-GRACE 1)", "(formerly Sberbank Europe AG)",
"(a.k.a. ...)"), after such a marker without brackets ("Bank X f/k/a Bank Y"), or, in a person's name, as
a nickname in quotes between the other words ("Joaquín 'El Chapo' Guzmán"). Compared as one name, the
alias counts as words the other name lacks; split off, the name and the alias are each compared, and the
better of them counts, as with any other alias.

Quotes are only a nickname in a person's name (or one of unknown kind) and only between other words: a
company's name in quotes is the name itself (ООО «Ромашка», 'AO "Kontsern Radioelektronnye
Tekhnologii"'), and an apostrophe is part of a word (O'Brien, Workers' Party).

Pure: no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Markers that introduce another name of the same holder: a former one (ex, formerly, previously,
# f.k.a., f/k/a, formerly known as), a current alias (a.k.a., aka, also known as), or the name in its own
# script, as the UN list writes it ("Abubakar (original script: Абубакар)").
_MARKER = (
    r"(?:ex|formerly(?:\s+known\s+as)?|previously(?:\s+known\s+as)?|former\s+name:?"
    r"|f\.?\s?k\.?\s?a\.?|f/k/a|a\.?\s?k\.?\s?a\.?|a/k/a|also\s+known\s+as|original\s+script)"
)
_BRACKETED = re.compile(rf"[(\[]\s*{_MARKER}(?:\s*[-:]\s*|\s+)(?P<alias>[^()\[\]]+?)\s*[)\]]", re.IGNORECASE)
# Without brackets only the unambiguous markers: "ex" and "formerly" also begin ordinary words and phrases.
_INLINE = re.compile(
    r"\s+(?:f\.\s?k\.\s?a\.|f/k/a|fka|a\.\s?k\.\s?a\.|a/k/a|aka|formerly\s+known\s+as|also\s+known\s+as)"
    r"\s+(?P<alias>\S.*)$",
    re.IGNORECASE,
)
# Brackets after a name, holding other names separated by semicolons: aliases when written in another
# script than the name ("حسن غول (Hassan Ghul; Hasan Gul)", "Hassan Ghul (حسن غول)"), an explanation
# otherwise ("VTB Bank (Europe)").
_OTHER_SCRIPT = re.compile(r"(?<=\S)\s*[(\[](?P<alias>[^()\[\]]+)[)\]]")


def _in_other_script(found: re.Match[str], name: str, aliases: list[str]) -> str:
    outside = name[: found.start()] + name[found.end() :]
    inside = found.group("alias")
    if _in_latin_letters(inside) == _in_latin_letters(outside) or not outside.strip():
        return found.group()
    aliases.extend(part.strip() for part in inside.split(";"))
    return " "


def _in_latin_letters(text: str) -> bool:
    """Whether every letter of `text` is a Latin one, with or without diacritics ("Ñandú" is, "Абубакар"
    and "حسن" are not)."""
    return text.isascii() or all(
        unicodedata.name(letter, "").startswith("LATIN") for letter in text if letter.isalpha()
    )


def _nickname(opening: str, closing: str) -> re.Pattern[str]:
    """A nickname between quotes that open with one of `opening` and close with one of `closing`, with
    words on both sides."""
    quotes = opening + closing
    return re.compile(rf"(?<=\S)\s+[{opening}](?P<alias>[^{quotes}]+?)[{closing}]\s+(?=\S)")


# A nickname in quotes: straight or typographic quotes, not guillemets.
_NICKNAME = _nickname("\"'“‘", "\"'”’")
# A name that writes the Arabic ayn or hamza with a quote mark ("'Abd al-Rahman", "AL-'ANIZI"), at its
# start or after a hyphen, writes them so elsewhere too: "KHALAF 'UBAYD JUAY' AL-'ANIZI" has two such
# letters, not a nickname in quotes. (Only single quotes: nobody writes an ayn with a double one.)
_QUOTE_AS_LETTER = re.compile(r"(?:^|-)['‘’ʼ`](?=[^\W\d_])")
_NICKNAME_IN_DOUBLE_QUOTES = _nickname('"“', '"”')
# What a text must contain for any of the patterns to find something (a bracket or an opening quote, or a
# marker's letters in lower case): most names have none, and are returned at once. Plain substring tests:
# a regular expression of the same alternatives tried each of them at every position.
_HINT_CHARACTERS = ("(", "[", '"', "'", "“", "‘")
_HINT_WORDS = ("aka", "fka", "/k/a", "k.", "known")


def _may_hint(text: str) -> bool:
    if any(character in text for character in _HINT_CHARACTERS):
        return True
    lowered = text.lower()
    return any(word in lowered for word in _HINT_WORDS)


@dataclass(frozen=True, slots=True)
class WrittenNames:
    """A name as written, split into the name itself and the other names written inside it."""

    name: str
    aliases: tuple[str, ...] = ()


def written_names(text: str, nicknames: bool) -> WrittenNames:
    """The name in `text` and the aliases written inside it. `nicknames`: quoted words between other
    words are a nickname (a person's name, or one of unknown kind)."""
    if not _may_hint(text):
        return WrittenNames(text)
    aliases: list[str] = []

    def keep(match: re.Match[str]) -> str:
        aliases.append(match.group("alias").strip())
        return " "

    name = _BRACKETED.sub(keep, text)
    name = _OTHER_SCRIPT.sub(lambda found: _in_other_script(found, name, aliases), name)
    name = _INLINE.sub(keep, name)
    if nicknames:
        nickname = _NICKNAME_IN_DOUBLE_QUOTES if _QUOTE_AS_LETTER.search(text) else _NICKNAME
        name = nickname.sub(keep, name)
    name = " ".join(name.split())
    aliases = [alias for alias in aliases if alias]
    if not name or not aliases:
        return WrittenNames(text)
    return WrittenNames(name, tuple(dict.fromkeys(aliases)))
