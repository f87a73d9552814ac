"""`clearway lists import` and `clearway lists list` through Typer's test runner, on a fresh database
(PostgreSQL when the suite runs on it) with CLEARWAY_DATA_DIR in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearway.cli import app
from clearway.db import Database


@pytest.fixture
def env(fresh_database: Database, tmp_path: Path) -> dict[str, str]:
    return {"CLEARWAY_DATA_DIR": str(tmp_path / "data"), "CLEARWAY_DATABASE_URL": fresh_database.url}


def _run(env: dict[str, str], *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def test_import_then_reimport(env: dict[str, str], samples: Path) -> None:
    assert _run(env, "lists", "import", str(samples / "ofac")) == (
        0,
        "ofac-sdn: version 1 imported, 19 entries (19 added, 0 changed, 0 removed)\n",
        "",
    )
    assert _run(env, "lists", "import", str(samples / "ofac")) == (
        0,
        "ofac-sdn: unchanged, version 1 stays active (19 entries)\n",
        "",
    )


def test_import_with_options_and_json(env: dict[str, str], samples: Path) -> None:
    code, out, _ = _run(
        env,
        "lists",
        "import",
        str(samples / "custom" / "sample.csv"),
        "--format",
        "csv",
        "--name",
        "own",
        "--account",
        "acct_a",
        "--json",
    )
    assert code == 0
    assert json.loads(out) == {
        "list_name": "own",
        "format": "csv",
        "version": 1,
        "added": 6,
        "changed": 0,
        "removed": 0,
        "total": 6,
        "unchanged": False,
        "active_version": 1,
    }


def test_list_as_json_and_table(env: dict[str, str], samples: Path) -> None:
    _run(env, "lists", "import", str(samples / "un" / "sample.xml"))
    _run(env, "lists", "import", str(samples / "custom" / "sample.csv"), "--account", "acct_a")
    code, out, _ = _run(env, "lists", "list", "--json")
    assert code == 0
    [listed] = json.loads(out)
    assert {
        key: listed[key]
        for key in ("name", "format", "account_id", "active_version", "entries", "source_name")
    } == {
        "name": "un-consolidated",
        "format": "un-xml",
        "account_id": None,
        "active_version": 1,
        "entries": 10,
        "source_name": "sample.xml",
    }
    assert listed["imported_at"].endswith("+00:00")
    code, out, _ = _run(env, "lists", "list", "--account", "acct_a")
    rows = [line for line in out.splitlines() if "│" in line]
    assert [row.split("│")[1].strip() for row in rows] == ["sample", "un-consolidated"]  # header uses ┃


def test_empty_list_says_how_to_start(env: dict[str, str]) -> None:
    assert _run(env, "lists", "list") == (
        0,
        "no screening lists yet: import one with `clearway lists import PATH`\n",
        "",
    )


def test_bad_file_fails_with_the_record_and_field(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "own.csv"
    path.write_text("id,name\n1,Jane Roe\n2,\n", encoding="utf-8")
    code, out, err = _run(env, "lists", "import", str(path))
    assert (code, out) == (2, "")
    # Rich wraps long lines at the console width: compare the words
    assert " ".join(err.split()) == f"error: {path}, line 3, field 'name': required value is missing"


def test_undetectable_format_fails(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello", encoding="utf-8")
    code, _, err = _run(env, "lists", "import", str(path))
    assert code == 2
    assert " ".join(err.split()) == (
        f"error: {path}: cannot tell the list format; pass it with --format (ofac-csv, un-xml, ftm, csv)"
    )


def test_unknown_format_option_is_refused(env: dict[str, str], samples: Path) -> None:
    code, _, err = _run(env, "lists", "import", str(samples / "ofac"), "--format", "xlsx")
    assert code == 2
    assert "xlsx" in err
