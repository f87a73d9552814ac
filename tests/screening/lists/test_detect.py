"""Format detection and the one entry point over the loaders."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearway.screening.lists import ListFormat, default_list_name, detect_format, load_entries
from clearway.screening.lists.errors import ListFormatError


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("ofac", ListFormat.OFAC_CSV),
        ("ofac/sdn.csv", ListFormat.OFAC_CSV),
        ("ofac/alt.csv", ListFormat.OFAC_CSV),
        ("un/sample.xml", ListFormat.UN_XML),
        ("ftm/entities.ftm.json", ListFormat.FTM),
        ("ftm", ListFormat.FTM),
        ("ftm/delta", ListFormat.FTM),
        ("ftm/delta/delta.json", ListFormat.FTM),
        ("ftm/delta/20250101060000-aaa/entities.delta.json", ListFormat.FTM),
        ("custom/sample.csv", ListFormat.CSV),
    ],
)
def test_detects_every_shipped_sample(samples: Path, relative: str, expected: ListFormat) -> None:
    assert detect_format(samples / relative) is expected


def test_detects_by_content_when_the_name_says_nothing(tmp_path: Path, samples: Path) -> None:
    renamed = {
        "list.txt": "un/sample.xml",
        "entities.txt": "ftm/entities.ftm.json",
        "mine.txt": "custom/sample.csv",
        "export.dat": "ofac/sdn.csv",
    }
    found = {}
    for name, source in renamed.items():
        (tmp_path / name).write_bytes((samples / source).read_bytes())
        found[name] = detect_format(tmp_path / name)
    assert found == {
        "list.txt": ListFormat.UN_XML,
        "entities.txt": ListFormat.FTM,
        "mine.txt": ListFormat.CSV,
        "export.dat": ListFormat.OFAC_CSV,
    }


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.txt", "just some words"),
        ("other.xml", "<sdnList></sdnList>"),
        ("table.csv", "a,b,c\n1,2,3\n"),
    ],
)
def test_undetectable_files_ask_for_format(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ListFormatError) as caught:
        detect_format(path)
    assert (
        str(caught.value)
        == f"{path}: cannot tell the list format; pass it with --format (ofac-csv, un-xml, ftm, csv)"
    )


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ListFormatError, match="no such file or folder"):
        detect_format(tmp_path / "absent.csv")


@pytest.mark.parametrize(
    ("relative", "fmt", "name"),
    [
        ("ofac", ListFormat.OFAC_CSV, "ofac-sdn"),
        ("un/sample.xml", ListFormat.UN_XML, "un-consolidated"),
        ("ftm/entities.ftm.json", ListFormat.FTM, "opensanctions"),
        ("custom/sample.csv", ListFormat.CSV, "sample"),
    ],
)
def test_default_list_names(samples: Path, relative: str, fmt: ListFormat, name: str) -> None:
    assert default_list_name(samples / relative, fmt) == name


def test_default_name_of_a_dataset_export(tmp_path: Path) -> None:
    path = tmp_path / "zala.entities.ftm.json"
    path.write_text("", encoding="utf-8")
    assert default_list_name(path, ListFormat.FTM) == "opensanctions-zala"


def test_load_entries_detects_and_names(samples: Path) -> None:
    entries = list(load_entries(samples / "un" / "sample.xml"))
    assert (len(entries), entries[0].list_name) == (10, "un-consolidated")
    assert [e.entry_id for e in load_entries(samples / "custom" / "sample.csv", "csv", "own")][:2] == [
        "B-001",
        "B-002",
    ]


def test_load_entries_refuses_a_delta_and_a_folder_for_one_file_formats(samples: Path) -> None:
    with pytest.raises(ListFormatError, match="this is an FtM delta"):
        load_entries(samples / "ftm" / "delta")
    with pytest.raises(ListFormatError, match="is a folder: a un-xml list is one file"):
        load_entries(samples / "ofac", ListFormat.UN_XML)
