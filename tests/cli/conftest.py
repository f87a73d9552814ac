"""Fixtures of the command-line tests: the environment a `clearway` command reads, and a runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearway.cli import app
from tests.support.factories import TEST_MASTER_KEY

runner = CliRunner()


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, database_url: str) -> Path:
    monkeypatch.setenv("CLEARWAY_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CLEARWAY_DATABASE_URL", database_url)
    monkeypatch.setenv("CLEARWAY_MASTER_KEY", TEST_MASTER_KEY)
    monkeypatch.delenv("CLEARWAY_ENVIRONMENT", raising=False)
    return tmp_path


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output
