"""Both dialects refuse NUL characters in request strings: PostgreSQL text cannot hold them, so they
must be refused as bad input (naming the field) rather than fail in SQL."""

from __future__ import annotations

from typing import Any

Location = tuple[int | str, ...]


def find_nul(value: Any, path: Location = ()) -> Location | None:
    """The location of the first string (a value or a key) holding a NUL character, if any."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        items: list[tuple[int | str, Any]] = list(value.items())
    elif isinstance(value, list):
        items = list(enumerate(value))
    else:
        return None
    for key, item in items:
        if isinstance(key, str) and "\x00" in key:
            return (*path, key)
        found = find_nul(item, (*path, key))
        if found is not None:
            return found
    return None
