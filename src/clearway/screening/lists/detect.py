"""Which loader reads a path: `--format` when given, else detection from names and content."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from clearway.screening.lists import ftm, ofac, un
from clearway.screening.lists.errors import ListFormatError
from clearway.screening.lists.xmlsafe import root_tag

_SNIFF_BYTES = 4096


class ListFormat(StrEnum):
    OFAC_CSV = "ofac-csv"
    UN_XML = "un-xml"
    FTM = "ftm"
    CSV = "csv"


def detect_format(path: Path) -> ListFormat:
    if not path.exists():
        raise ListFormatError(path, None, None, "no such file or folder")
    found = _detect_folder(path) if path.is_dir() else _detect_file(path)
    if found is None:
        raise ListFormatError(
            path,
            None,
            None,
            f"cannot tell the list format; pass it with --format ({', '.join(f.value for f in ListFormat)})",
        )
    return found


def _detect_folder(path: Path) -> ListFormat | None:
    if (path / ofac.SDN_FILE).is_file():
        return ListFormat.OFAC_CSV
    if ftm.is_delta_source(path) or (path / ftm.FULL_EXPORT_FILE).is_file():
        return ListFormat.FTM
    return None


def _detect_file(path: Path) -> ListFormat | None:
    name = path.name.lower()
    if name in (ofac.SDN_FILE, ofac.ALT_FILE, ofac.ADD_FILE, ofac.COMMENTS_FILE):
        return ListFormat.OFAC_CSV
    head = _head(path)
    if head.startswith("<"):
        return ListFormat.UN_XML if root_tag(path) == un.ROOT_TAG else None
    if head.startswith("{") or name.endswith((".json", ".jsonl")):
        return ListFormat.FTM
    if name.endswith(".csv") or "," in head.partition("\n")[0]:
        return _detect_csv(head)
    return None


def _detect_csv(head: str) -> ListFormat | None:
    """A header naming `id` and `name` is our CSV; a first field that is a number is an OFAC sdn.csv."""
    first_line = head.partition("\n")[0]
    columns = [column.strip().strip('"').lower() for column in first_line.split(",")]
    if "id" in columns and "name" in columns:
        return ListFormat.CSV
    if columns and columns[0].isdigit() and len(columns) >= len(ofac.SDN_COLUMNS):
        return ListFormat.OFAC_CSV
    return None


def _head(path: Path) -> str:
    try:
        with path.open("rb") as stream:
            raw = stream.read(_SNIFF_BYTES)
    except OSError as exc:
        raise ListFormatError(path, None, None, f"cannot read the file: {exc.strerror or exc}") from exc
    return raw.decode("utf-8-sig", errors="replace").lstrip()
