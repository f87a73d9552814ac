"""Pure snapshot arithmetic: entry digests, snapshot digests, and the plan of what a new version changes
(from a full list, or from FtM delta operations applied on top of the current snapshot)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from enum import Enum
from typing import Any

from clearway.screening.entry import ListEntry
from clearway.screening.lists.errors import ListFormatError
from clearway.screening.lists.ftm import DeltaOp
from clearway.screening.models import ChangeType


def entry_data(entry: ListEntry) -> dict[str, Any]:
    """The JSON form of `entry.to_dict()` (what `ListEntry.from_dict` reads), built without
    `dataclasses.asdict`, whose deep copies cost seconds on a full list."""
    data = _plain(entry)
    assert isinstance(data, dict)
    return data


def entry_digest(data: dict[str, Any]) -> str:
    """SHA-256 of an entry's canonical JSON (`entry_data`): equal digests mean equal entries."""
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def snapshot_digest(digests: Mapping[str, str]) -> str:
    """SHA-256 over the sorted (entry id, entry digest) pairs: the identity of a whole snapshot."""
    hasher = hashlib.sha256()
    for entry_id in sorted(digests):
        hasher.update(f"{entry_id}\t{digests[entry_id]}\n".encode())
    return hasher.hexdigest()


@dataclass(frozen=True)
class PlannedChange:
    entry_id: str
    change_type: ChangeType
    digest_before: str | None
    digest_after: str | None
    data: dict[str, Any] | None  # the new content, `entry_data` (None for REMOVED)


@dataclass
class Plan:
    changes: list[PlannedChange]
    digests: dict[str, str] = field(default_factory=dict)  # the resulting snapshot: entry id → digest

    def count(self, change_type: ChangeType) -> int:
        return sum(1 for change in self.changes if change.change_type is change_type)

    @property
    def digest(self) -> str:
        return snapshot_digest(self.digests)


def index_entries(entries: Iterable[ListEntry], source: str) -> dict[str, ListEntry]:
    """Entries by id; a repeated id is a bad file (two different entries cannot share an identity)."""
    by_id: dict[str, ListEntry] = {}
    for entry in entries:
        if entry.entry_id in by_id:
            raise ListFormatError(source, f"entry {entry.entry_id}", "id", "the same entry id appears twice")
        by_id[entry.entry_id] = entry
    return by_id


def plan_snapshot(current: Mapping[str, str], entries: Mapping[str, ListEntry]) -> Plan:
    """The new snapshot is exactly `entries`: anything current and absent is removed."""
    targets: dict[str, ListEntry | None] = dict(entries)
    targets.update({entry_id: None for entry_id in current if entry_id not in entries})
    return _plan(current, targets)


def plan_delta(current: Mapping[str, str], operations: Iterable[DeltaOp]) -> Plan:
    """ADD/MOD replace an entry's content, DEL removes it; later operations on an id win."""
    targets: dict[str, ListEntry | None] = {}
    for operation in operations:
        targets[operation.entry_id] = operation.entry
    return _plan(current, targets)


def _plan(current: Mapping[str, str], targets: Mapping[str, ListEntry | None]) -> Plan:
    digests = dict(current)
    changes = []
    for entry_id, entry in targets.items():
        before = current.get(entry_id)
        if entry is None:
            if before is not None:
                changes.append(PlannedChange(entry_id, ChangeType.REMOVED, before, None, None))
                del digests[entry_id]
            continue
        data = entry_data(entry)
        after = entry_digest(data)
        if after != before:
            change_type = ChangeType.ADDED if before is None else ChangeType.CHANGED
            changes.append(PlannedChange(entry_id, change_type, before, after, data))
            digests[entry_id] = after
    return Plan(changes, digests)


def _plain(value: Any) -> Any:
    kind = type(value)
    if value is None or kind is str or kind is int:
        return value
    if kind is tuple or kind is list:
        return [_plain(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    names = _field_names(kind)
    return {name: _plain(getattr(value, name)) for name in names} if names else value


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    """Field names of a dataclass type, () for anything else (cached: `fields()` is slow)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls)) if is_dataclass(cls) else ()
    return names
