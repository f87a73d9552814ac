"""`clearway screening compare` and `clearway screen` through Typer's test runner."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clearway.cli import app
from clearway.db import Database
from clearway.screening.lists.service import import_list


def _run(env: dict[str, str] | None, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def test_compare_scores_rows_and_keeps_extra_columns(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_bytes(
        "\ufeffname1,name2,schema,case_id\n"
        "Vladimir Putin,Владимир Путин,Person,a\n"
        "\n"
        '"Alpha Trading, LLC",Alpha Shipping LLC,Company,b\n'
        ",John Smith,Person,c\n"
        "Banco Nacional de Cuba,BANCO NACIONAL DE CUBA,Spaceship,d\n".encode()
    )
    out = tmp_path / "scores.csv"
    code, _stdout, stderr = _run(None, "screening", "compare", "--input", str(pairs), "--output", str(out))
    assert code == 0, stderr
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["case_id"], r["match"]) for r in rows] == [
        ("a", "true"),
        ("b", "false"),
        ("c", "false"),
        ("d", "true"),
    ]
    assert list(rows[0]) == ["name1", "name2", "schema", "case_id", "score", "match"]
    assert rows[0]["score"] == "1.0000"
    assert rows[2]["score"] == "0.0000"
    assert rows[1]["name1"] == "Alpha Trading, LLC"


def test_compare_missing_column_fails(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("left,right\nA,B\n", encoding="utf-8")
    code, _stdout, stderr = _run(
        None, "screening", "compare", "--input", str(pairs), "--output", str(tmp_path / "o")
    )
    assert code == 2
    assert "missing column name1, name2" in stderr


@pytest.fixture
def env(fresh_database: Database, tmp_path: Path, samples: Path) -> dict[str, str]:
    with fresh_database.transaction() as session:
        import_list(session, samples / "ofac")
        import_list(session, samples / "un" / "sample.xml")
    return {"CLEARWAY_DATA_DIR": str(tmp_path / "data"), "CLEARWAY_DATABASE_URL": fresh_database.url}


def test_screen_json(env: dict[str, str]) -> None:
    code, stdout, stderr = _run(
        env, "screen", "Nasrallah, Hasan", "--schema", "Person", "--dob", "1960", "--json"
    )
    assert code == 0, stderr
    result = json.loads(stdout)
    assert result["query"] == {"name": "Nasrallah, Hasan", "schema": "Person", "birth_dates": ["1960"]}
    assert result["list_versions"] == {"ofac-sdn": 1, "un-consolidated": 1}
    hit = result["hits"][0]
    assert {k: hit[k] for k in ("entry_id", "list", "schema", "caption", "matched_name", "score")} == {
        "entry_id": "ofac-sdn:2686",
        "list": "ofac-sdn",
        "schema": "Person",
        "caption": "Hasan NASRALLAH",
        "matched_name": "Hasan NASRALLAH",
        "score": 1.0,
    }
    assert hit["explanation"]["features"][0]["feature"] == "birth_date"


def test_screen_table(env: dict[str, str]) -> None:
    code, stdout, _stderr = _run(env, "screen", "Banco Nacional de Cuba", "--country", "CU")
    assert code == 0
    assert "1 hit(s)" in stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("screen", "X", "--dob", "1990-13-01"), "not a valid date"),
        (("screen", "X", "--dob", "yesterday"), "YYYY"),
        (("screen", "X", "--country", "ZZ"), "not an ISO 3166-1 country code"),
        (("screen", "X", "--schema", "Spaceship"), "is not one of"),
        (("screen",), "give a NAME"),
    ],
)
def test_screen_bad_input(env: dict[str, str], args: tuple[str, ...], message: str) -> None:
    code, _stdout, stderr = _run(env, *args)
    assert code == 2
    assert message in stderr


def test_screen_batch_writes_one_line_per_row_in_order(env: dict[str, str], tmp_path: Path) -> None:
    batch = tmp_path / "batch.csv"
    batch.write_text(
        "full_name,date_of_birth,nationality,schema,ref\n"
        "Nobody In Particular,,,,1\n"
        '"NASRALLAH, Hasan",1960-08-31,LB,Person,2\n'
        "Banco Nacional de Cuba,,CU,Organization,3\n",
        encoding="utf-8",
    )
    out = tmp_path / "hits.jsonl"
    code, _stdout, stderr = _run(env, "screen", "--batch", str(batch), "--output", str(out))
    assert code == 0, stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["row"] for line in lines] == [1, 2, 3]
    assert [line["query"]["name"] for line in lines] == [
        "Nobody In Particular",
        "NASRALLAH, Hasan",
        "Banco Nacional de Cuba",
    ]
    assert lines[0]["hits"] == []
    assert [hit["entry_id"] for hit in lines[1]["hits"]][:1] == ["ofac-sdn:2686"]
    assert set(lines[2]["hits"][0]) == {
        "entry_id",
        "list",
        "schema",
        "caption",
        "matched_name",
        "score",
        "explanation",
    }
    assert all(h["score"] >= 0.8 for line in lines for h in line["hits"])


@pytest.mark.parametrize("workers", ["1", "2"])
def test_screen_batch_marks_names_it_cannot_read(env: dict[str, str], tmp_path: Path, workers: str) -> None:
    """A name in a script Clearway does not read (Tibetan), or of punctuation only, compared nothing: its line
    says so, and so does a warning, rather than passing for a name without hits. A Sinhala name, which a
    recursion once crashed the batch on, is read."""
    batch = tmp_path / "batch.csv"
    batch.write_text(
        'full_name,schema\nབསྟན་འཛིན་རྒྱ་མཚོ,Person\n"NASRALLAH, Hasan",Person\n---,\nමහින්ද රාජපක්ෂ,Person\n',
        encoding="utf-8",
    )
    out = tmp_path / "hits.jsonl"
    code, _stdout, stderr = _run(
        env, "screen", "--batch", str(batch), "--output", str(out), "--workers", workers
    )
    assert code == 0, stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line.get("unreadable", False) for line in lines] == [True, False, True, False]
    assert lines[1]["hits"]
    assert "2 row(s) not screened" in stderr and ": 1, 3" in stderr


def test_screen_warns_of_a_name_it_cannot_read(env: dict[str, str]) -> None:
    code, stdout, stderr = _run(env, "screen", "བསྟན་འཛིན་རྒྱ་མཚོ", "--json")
    assert code == 0, stderr
    assert json.loads(stdout)["unreadable"] is True
    assert "not screened" in stderr
    code, stdout, _stderr = _run(env, "screen", "Nasrallah, Hasan", "--json")
    assert "unreadable" not in json.loads(stdout)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,dob\nX,1990\n", "missing column full_name"),
        ("full_name,date_of_birth\nX,1990-02-30\n", "row 1"),
        ("full_name,nationality\nX,Narnia\n", "not an ISO 3166-1 country code"),
    ],
)
def test_screen_batch_bad_input(env: dict[str, str], tmp_path: Path, content: str, message: str) -> None:
    batch = tmp_path / "batch.csv"
    batch.write_text(content, encoding="utf-8")
    code, _stdout, stderr = _run(env, "screen", "--batch", str(batch), "--output", str(tmp_path / "h.jsonl"))
    assert code == 2
    assert message in stderr


def test_screen_batch_on_two_workers_writes_what_one_worker_writes(
    env: dict[str, str], tmp_path: Path
) -> None:
    names = ["Nobody In Particular", "NASRALLAH, Hasan", "Banco Nacional de Cuba", "Hasan Nasralla"]
    batch = tmp_path / "batch.csv"
    batch.write_text(
        "full_name\n" + "".join(f'"{names[i % len(names)]} {i // 50 or ""}"\n' for i in range(200)),
        encoding="utf-8",
    )
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"hits-{workers}.jsonl"
        code, _stdout, stderr = _run(
            env, "screen", "--batch", str(batch), "--output", str(out), "--workers", workers
        )
        assert code == 0, stderr
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == 200
    assert any('"hits": []' not in line for line in outputs[0].splitlines())


def test_compare_on_two_workers_writes_what_one_worker_writes(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    rows = [("Vladimir Putin", "Владимир Путин"), ("Alpha Trading LLC", "Alpha Shipping LLC")] * 60
    pairs.write_text(
        "name1,name2,schema\n" + "".join(f"{a} {i},{b} {i},LegalEntity\n" for i, (a, b) in enumerate(rows)),
        encoding="utf-8",
    )
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"scores-{workers}.csv"
        code, _stdout, stderr = _run(
            None, "screening", "compare", "--input", str(pairs), "--output", str(out), "--workers", workers
        )
        assert code == 0, stderr
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert outputs[0].count(",true") == 60
