"""Reading list files as text whatever their encoding (official files have been UTF-8 and Windows-1252)."""

from __future__ import annotations

from pathlib import Path

from clearway.screening.lists.errors import ListFormatError

# Old OFAC files end with a DOS end-of-file marker (Ctrl-Z), which the CSV reader would take as a record.
_DOS_EOF = "\x1a"


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (with or without BOM), else Windows-1252 (which decodes any byte)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ListFormatError(path, None, None, f"cannot read the file: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return text.rstrip(_DOS_EOF + "\r\n")
