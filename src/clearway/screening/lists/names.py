"""Small helpers shared by the loaders to assemble an entry's names and de-duplicate multi-values."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from clearway.screening.entry import AliasQuality, EntryName

T = TypeVar("T")


def unique(values: Iterable[T | None]) -> tuple[T, ...]:
    """Values in first-seen order, without repeats or empties."""
    seen: dict[T, None] = {}
    for value in values:
        if value is not None and value != "" and value not in seen:
            seen[value] = None
    return tuple(seen)


def clean(text: str | None) -> str:
    """Collapse runs of whitespace (line breaks inside XML values, double spaces in CSVs)."""
    return " ".join((text or "").split())


def unique_names(names: Iterable[EntryName]) -> tuple[EntryName, ...]:
    """Drop empty names and repeats that differ only by case or spacing; the first (best) one stays."""
    kept: dict[str, EntryName] = {}
    for name in names:
        full = clean(name.full)
        key = full.casefold()
        if full and key not in kept:
            kept[key] = name if full == name.full else EntryName(full, name.quality, name.given, name.family)
    return tuple(kept.values())


def inverted_person_name(source: str, quality: AliasQuality) -> EntryName:
    """OFAC writes people as "LAST, First[, Suffix]". We keep the natural order ("First LAST Suffix") as the
    display name, like the other lists and the parties we screen, and keep the parts as given/family."""
    parts = [clean(part) for part in source.split(",")]
    if len(parts) < 2 or not parts[0] or not parts[1]:
        return EntryName(clean(source), quality)
    family, given, *suffixes = parts
    full = " ".join([given, family, *suffixes]).strip()
    return EntryName(full, quality, given=given, family=family)
