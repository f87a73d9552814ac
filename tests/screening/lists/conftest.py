"""Fixtures of the list-ingestion tests: the shipped samples, and the public list files in
`../shared/data/lists` when that folder exists next to the repository (skipped otherwise)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from clearway.screening.lists import SAMPLES_DIR

SHARED_LISTS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "lists"


@pytest.fixture
def samples() -> Path:
    return SAMPLES_DIR


@pytest.fixture
def shared_lists() -> Path:
    if not SHARED_LISTS.is_dir():
        pytest.skip(f"public list files not present ({SHARED_LISTS})")
    return SHARED_LISTS.resolve()


@pytest.fixture
def sample_copy(tmp_path: Path) -> Callable[[str], Path]:
    """A writable copy of one sample (file or folder) in tmp_path, for tests that alter it."""

    def copy(relative: str) -> Path:
        source = SAMPLES_DIR / relative
        target = tmp_path / "copy" / source.name
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
        return target

    return copy
