"""Fixtures for the matching tests: the package's sample lists and, when present, the shared list files."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearway.screening.entry import AliasQuality, EntryName, EntrySchema, ListEntry
from clearway.screening.lists.load import SAMPLES_DIR

SHARED_DATA = Path(__file__).resolve().parents[3] / ".." / "shared" / "data"


@pytest.fixture
def samples() -> Path:
    return SAMPLES_DIR


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


def entry(entry_id: str, schema: EntrySchema, *names: str, **fields: object) -> ListEntry:
    """A list entry built in a test: the first name is the primary one, the others strong aliases."""
    qualities = [AliasQuality.PRIMARY] + [AliasQuality.STRONG] * (len(names) - 1)
    return ListEntry(
        entry_id=entry_id,
        list_name=str(fields.pop("list_name", "test-list")),
        schema=schema,
        names=tuple(EntryName(n, q) for n, q in zip(names, qualities, strict=True)),
        **fields,  # type: ignore[arg-type]
    )
