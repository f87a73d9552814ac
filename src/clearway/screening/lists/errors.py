"""The one error every list loader raises on a bad file: it names the file, the record and the field."""

from __future__ import annotations

from pathlib import Path

from clearway.errors import DomainError, FieldIssue


class ListFormatError(DomainError):
    """A list file cannot be read: `str()` reads like "sdn.csv, line 12, field 'ent_num': not a number"."""

    def __init__(self, path: str | Path, record: str | None, field: str | None, message: str) -> None:
        self.path = str(path)
        self.record = record
        self.field = field
        self.reason = message
        location = ", ".join(
            part for part in (self.path, record, f"field '{field}'" if field else None) if part
        )
        super().__init__(
            f"{location}: {message}", "BAD_REQUEST", details=[FieldIssue(field or "file", message)]
        )
