"""Screening lists in the database: import a file as a new version, read the active snapshots, and what
each version changed. Plain functions over a `Session`; the caller owns the transaction (we only flush).

An import parses the whole file before touching the database, then writes the new version in the caller's
transaction: a bad file raises before any write, so the active version stays as it was. A version is only
created when the content changed (the snapshot digest differs from the active one).

Global lists (no account) are screened by every account; an account's own lists only by that account.
A name is used by one list per scope, and an account list cannot take a global list's name (so that
`active_versions` and entries' `list_name` stay unambiguous for the account)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clearway.errors import Conflict, InvalidInput, NotFound, RuleViolation
from clearway.screening.entry import ListEntry
from clearway.screening.lists import ftm
from clearway.screening.lists.detect import ListFormat, detect_format
from clearway.screening.lists.load import default_list_name, load_entries
from clearway.screening.lists.snapshot import Plan, index_entries, plan_delta, plan_snapshot
from clearway.screening.models import (
    GLOBAL_SCOPE,
    ChangeType,
    ScreeningList,
    ScreeningListChange,
    ScreeningListEntry,
    ScreeningListVersion,
)

MAX_LIST_NAME_LENGTH = 100
# Rows per UPDATE … IN (…) / INSERT batch: well under SQLite's bound-parameter limit.
_BATCH = 500

_T = TypeVar("_T")

# progress(stage, done, total): stage "parse" (total unknown: None) then "write" (total known).
ImportProgress = Callable[[str, int, int | None], None]


@dataclass(frozen=True)
class ImportReport:
    list_name: str
    format: str
    version: int | None  # the new version, None when the content was unchanged
    added: int
    changed: int
    removed: int
    total: int  # entries in the active version after the import
    unchanged: bool
    active_version: int  # the version active after the import (the new one, or the unchanged one)


@dataclass(frozen=True)
class ListSummary:
    name: str
    format: str
    account_id: str | None
    active_version: int | None
    entries: int
    imported_at: datetime | None
    source_name: str | None


@dataclass(frozen=True)
class Change:
    entry_id: str
    change_type: ChangeType
    digest_before: str | None
    digest_after: str | None


@dataclass(frozen=True)
class _CurrentRow:
    row_id: int
    digest: str


def import_list(
    session: Session,
    path: str | Path,
    fmt: ListFormat | str | None = None,
    name: str | None = None,
    account_id: str | None = None,
    progress: ImportProgress | None = None,
) -> ImportReport:
    """Import a list file (or OFAC folder, or FtM delta index/file) as the list's new active version."""
    source = Path(path)
    chosen = _format(fmt) if fmt else detect_format(source)
    list_name = _checked_name(name or default_list_name(source, chosen))
    if chosen is ListFormat.FTM and ftm.is_delta_source(source):
        return _import_delta(session, source, list_name, account_id, progress)
    entries = index_entries(_counted(load_entries(source, chosen, list_name), progress), str(source))
    screening_list = _list_for_import(session, list_name, chosen, account_id)
    current = _current_rows(session, screening_list.id)
    plan = plan_snapshot(_digests(current), entries)
    return _apply(session, screening_list, plan, current, source.name, None, progress)


def list_lists(session: Session, account_id: str | None = None) -> list[ListSummary]:
    """Global lists, plus the account's own when `account_id` is given, by name."""
    version = ScreeningListVersion
    rows = session.execute(
        select(ScreeningList, version)
        .outerjoin(version, (version.list_id == ScreeningList.id) & version.is_active.is_(True))
        .where(ScreeningList.scope.in_(_scopes(account_id)))
        .order_by(ScreeningList.name, ScreeningList.scope)
    ).all()
    return [
        ListSummary(
            name=screening_list.name,
            format=screening_list.format,
            account_id=screening_list.account_id,
            active_version=active.number if active else None,
            entries=active.total if active else 0,
            imported_at=active.imported_at if active else None,
            source_name=active.source_name if active else None,
        )
        for screening_list, active in rows
    ]


def active_entries(
    session: Session, list_names: Sequence[str] | None = None, account_id: str | None = None
) -> list[ListEntry]:
    """Entries of the active versions of the global lists (plus the account's own lists), optionally
    only of the named lists; ordered by list name, then import order."""
    query = (
        select(ScreeningListEntry.data)
        .join(ScreeningList, ScreeningList.id == ScreeningListEntry.list_id)
        .where(ScreeningListEntry.valid_to.is_(None), ScreeningList.scope.in_(_scopes(account_id)))
        .order_by(ScreeningList.name, ScreeningListEntry.id)
    )
    if list_names is not None:
        query = query.where(ScreeningList.name.in_(list(list_names)))
    return [ListEntry.from_dict(data) for data in session.scalars(query)]


def active_versions(session: Session, account_id: str | None = None) -> dict[str, int]:
    """List name → active version number, for the lists `active_entries` would read (index freshness)."""
    rows = session.execute(
        select(ScreeningList.name, ScreeningListVersion.number)
        .join(ScreeningListVersion, ScreeningListVersion.list_id == ScreeningList.id)
        .where(ScreeningListVersion.is_active.is_(True), ScreeningList.scope.in_(_scopes(account_id)))
    ).all()
    return {name: number for name, number in rows}


def version_changes(
    session: Session, list_name: str, version: int, account_id: str | None = None
) -> list[Change]:
    """What `version` of the list added, changed and removed, in import order."""
    screening_list = _visible_list(session, list_name, account_id)
    version_id = session.scalar(
        select(ScreeningListVersion.id).where(
            ScreeningListVersion.list_id == screening_list.id, ScreeningListVersion.number == version
        )
    )
    if version_id is None:
        raise NotFound("screening list version", f"{list_name} v{version}", "version")
    rows = session.scalars(
        select(ScreeningListChange)
        .where(ScreeningListChange.version_id == version_id)
        .order_by(ScreeningListChange.id)
    )
    return [
        Change(row.entry_id, ChangeType(row.change_type), row.digest_before, row.digest_after) for row in rows
    ]


# --- importing -------------------------------------------------------------------------------------------


def _import_delta(
    session: Session, source: Path, list_name: str, account_id: str | None, progress: ImportProgress | None
) -> ImportReport:
    """Apply FtM delta files on top of the active version, skipping delta versions already applied (those
    not newer than the last one recorded): re-importing a chain changes nothing."""
    parsed = [
        (file, list(_counted(ftm.read_delta(file.path, list_name), progress)))
        for file in ftm.delta_files(source)
    ]
    screening_list = _list_for_import(session, list_name, ListFormat.FTM, account_id)
    applied = session.scalar(
        select(func.max(ScreeningListVersion.source_ref)).where(
            ScreeningListVersion.list_id == screening_list.id
        )
    )
    pending = [
        (file, ops) for file, ops in parsed if file.key is None or applied is None or file.key > applied
    ]
    current = _current_rows(session, screening_list.id)
    plan = plan_delta(_digests(current), (op for _, ops in pending for op in ops))
    newest = max((file.key for file, _ in pending if file.key), default=None)
    return _apply(session, screening_list, plan, current, source.name, newest, progress)


def _apply(
    session: Session,
    screening_list: ScreeningList,
    plan: Plan,
    current: dict[str, _CurrentRow],
    source_name: str,
    source_ref: str | None,
    progress: ImportProgress | None,
) -> ImportReport:
    active = _active_version(session, screening_list.id)
    if active is not None and active.digest == plan.digest:
        return _report(screening_list, plan, None, active.number)
    version = ScreeningListVersion(
        list_id=screening_list.id,
        number=(active.number if active else 0) + 1,
        digest=plan.digest,
        source_name=source_name[:255],
        source_ref=source_ref,
        added=plan.count(ChangeType.ADDED),
        changed=plan.count(ChangeType.CHANGED),
        removed=plan.count(ChangeType.REMOVED),
        total=len(plan.digests),
        is_active=True,
    )
    if active is not None:
        active.is_active = False
    session.add(version)
    session.flush()
    _write_entries(session, screening_list.id, version, plan, current, progress)
    return _report(screening_list, plan, version.number, version.number)


def _write_entries(
    session: Session,
    list_id: int,
    version: ScreeningListVersion,
    plan: Plan,
    current: dict[str, _CurrentRow],
    progress: ImportProgress | None,
) -> None:
    """Close the rows of changed and removed entries at this version, insert the new contents, and record
    the changes."""
    superseded = [current[c.entry_id].row_id for c in plan.changes if c.change_type is not ChangeType.ADDED]
    for ids in _batches(superseded):
        session.execute(
            update(ScreeningListEntry).where(ScreeningListEntry.id.in_(ids)).values(valid_to=version.number)
        )
    new_rows: list[dict[str, Any]] = [
        {
            "list_id": list_id,
            "entry_id": c.entry_id,
            "digest": c.digest_after,
            "valid_from": version.number,
            "valid_to": None,
            "data": c.data,
        }
        for c in plan.changes
        if c.data is not None
    ]
    change_rows: list[dict[str, Any]] = [
        {
            "version_id": version.id,
            "entry_id": c.entry_id,
            "change_type": c.change_type.value,
            "digest_before": c.digest_before,
            "digest_after": c.digest_after,
        }
        for c in plan.changes
    ]
    for written, batch in _numbered_batches(new_rows):
        session.execute(insert(ScreeningListEntry), batch)
        if progress:
            progress("write", written, len(new_rows))
    for _written, batch in _numbered_batches(change_rows):
        session.execute(insert(ScreeningListChange), batch)
    session.flush()


def _report(
    screening_list: ScreeningList, plan: Plan, number: int | None, active_number: int
) -> ImportReport:
    unchanged = number is None

    def count(change_type: ChangeType) -> int:
        return 0 if unchanged else plan.count(change_type)

    return ImportReport(
        list_name=screening_list.name,
        format=screening_list.format,
        version=number,
        added=count(ChangeType.ADDED),
        changed=count(ChangeType.CHANGED),
        removed=count(ChangeType.REMOVED),
        total=len(plan.digests),
        unchanged=unchanged,
        active_version=active_number,
    )


def _counted(entries: Iterable[_T], progress: ImportProgress | None) -> Iterator[_T]:
    for count, entry in enumerate(entries, start=1):
        if progress and count % 250 == 0:
            progress("parse", count, None)
        yield entry


# --- lists and rows --------------------------------------------------------------------------------------


def _list_for_import(session: Session, name: str, fmt: ListFormat, account_id: str | None) -> ScreeningList:
    """The list to import into, locked against concurrent imports (PostgreSQL), created when new."""
    scope = account_id or GLOBAL_SCOPE
    screening_list = session.scalar(
        select(ScreeningList)
        .where(ScreeningList.scope == scope, ScreeningList.name == name)
        .with_for_update()
    )
    if screening_list is None:
        screening_list = _create_list(session, name, fmt, account_id)
    screening_list.format = fmt.value
    return screening_list


def _create_list(session: Session, name: str, fmt: ListFormat, account_id: str | None) -> ScreeningList:
    clash = select(ScreeningList.id).where(ScreeningList.name == name)
    clash = clash.where(ScreeningList.scope == GLOBAL_SCOPE) if account_id else clash
    if session.scalar(clash.limit(1)) is not None:
        raise RuleViolation(
            "LIST_NAME_TAKEN",
            f"a screening list named '{name}' already exists {'globally' if account_id else 'in an account'}",
            "screening_list",
        )
    screening_list = ScreeningList(
        name=name, scope=account_id or GLOBAL_SCOPE, account_id=account_id, format=fmt.value
    )
    session.add(screening_list)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:
        raise Conflict("screening_list", f"list '{name}' was created by a concurrent import; retry") from exc
    return screening_list


def _visible_list(session: Session, name: str, account_id: str | None) -> ScreeningList:
    found = session.scalar(
        select(ScreeningList)
        .where(ScreeningList.name == name, ScreeningList.scope.in_(_scopes(account_id)))
        .order_by(ScreeningList.scope.desc())  # the account's own list before a global one
        .limit(1)
    )
    if found is None:
        raise NotFound("screening list", name, "list_name")
    return found


def _active_version(session: Session, list_id: int) -> ScreeningListVersion | None:
    return session.scalar(
        select(ScreeningListVersion).where(
            ScreeningListVersion.list_id == list_id, ScreeningListVersion.is_active.is_(True)
        )
    )


def _current_rows(session: Session, list_id: int) -> dict[str, _CurrentRow]:
    rows = session.execute(
        select(ScreeningListEntry.entry_id, ScreeningListEntry.id, ScreeningListEntry.digest).where(
            ScreeningListEntry.list_id == list_id, ScreeningListEntry.valid_to.is_(None)
        )
    ).all()
    return {entry_id: _CurrentRow(row_id, digest) for entry_id, row_id, digest in rows}


def _digests(rows: dict[str, _CurrentRow]) -> dict[str, str]:
    return {entry_id: row.digest for entry_id, row in rows.items()}


def _scopes(account_id: str | None) -> list[str]:
    return [GLOBAL_SCOPE, account_id] if account_id else [GLOBAL_SCOPE]


def _checked_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInput("name", "a list name is required")
    if len(cleaned) > MAX_LIST_NAME_LENGTH:
        raise InvalidInput("name", f"at most {MAX_LIST_NAME_LENGTH} characters")
    return cleaned


def _format(fmt: ListFormat | str) -> ListFormat:
    try:
        return ListFormat(fmt)
    except ValueError as exc:
        choices = ", ".join(f.value for f in ListFormat)
        raise InvalidInput("format", f"unknown list format {fmt!r} (one of {choices})") from exc


def _batches(items: list[_T]) -> Iterator[list[_T]]:
    for start in range(0, len(items), _BATCH):
        yield items[start : start + _BATCH]


def _numbered_batches(items: list[_T]) -> Iterator[tuple[int, list[_T]]]:
    """Batches with the count of items up to and including each batch (for progress)."""
    for batch_number, batch in enumerate(_batches(items), start=1):
        yield min(batch_number * _BATCH, len(items)), batch
