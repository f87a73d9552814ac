"""FtM deltas applied on top of the active version: the shipped ADD/MOD/DEL chain over the shipped export.

The chain (samples/ftm/delta): aaa ADDs cw-delta-person-1 and cw-delta-org-1 (and a Sanction, not a thing);
bbb MODs cw-delta-org-1 and NK-2Ka3UvopqbpZmVDFjWd4LA and ADDs cw-delta-person-2; ccc DELs
cw-delta-person-1 and NK-2KeUB68qUJtykm3BuAcazG. The export has 11 things."""

from __future__ import annotations

from pathlib import Path

import pytest

from clearway.db import Database
from clearway.screening.entry import EntryIdentifier
from clearway.screening.lists.service import (
    ImportReport,
    active_entries,
    active_versions,
    import_list,
    version_changes,
)
from clearway.screening.models import ChangeType

LIST = "os-sample"
KEYS = ("20250101060000-aaa", "20250102060000-bbb", "20250103060000-ccc")


def _import(db: Database, path: Path) -> ImportReport:
    with db.transaction() as session:
        return import_list(session, path, name=LIST)


@pytest.fixture
def with_export(fresh_database: Database, samples: Path) -> Database:
    assert _import(fresh_database, samples / "ftm" / "entities.ftm.json").total == 11
    return fresh_database


def test_each_delta_file_makes_a_version(with_export: Database, samples: Path) -> None:
    delta = samples / "ftm" / "delta"
    reports = [_import(with_export, delta / key / "entities.delta.json") for key in KEYS]
    assert [(r.version, r.added, r.changed, r.removed, r.total) for r in reports] == [
        (2, 2, 0, 0, 13),
        (3, 1, 2, 0, 14),
        (4, 0, 0, 2, 12),
    ]
    with with_export.transaction() as session:
        assert [(c.entry_id, c.change_type) for c in version_changes(session, LIST, 3)] == [
            ("cw-delta-org-1", ChangeType.CHANGED),
            ("NK-2Ka3UvopqbpZmVDFjWd4LA", ChangeType.CHANGED),
            ("cw-delta-person-2", ChangeType.ADDED),
        ]
        assert [(c.entry_id, c.change_type) for c in version_changes(session, LIST, 4)] == [
            ("cw-delta-person-1", ChangeType.REMOVED),
            ("NK-2KeUB68qUJtykm3BuAcazG", ChangeType.REMOVED),
        ]
        entries = {entry.entry_id: entry for entry in active_entries(session)}
        assert len(entries) == 12
        assert "cw-delta-person-1" not in entries and "NK-2KeUB68qUJtykm3BuAcazG" not in entries
        assert [name.full for name in entries["cw-delta-org-1"].names] == [
            "Northwind Trading LLC",
            "Northwind General Trading",
        ]
        assert entries["cw-delta-org-1"].countries == ("IR", "AE")  # country, then jurisdiction
        assert EntryIdentifier("passport", "751234567") in entries["NK-2Ka3UvopqbpZmVDFjWd4LA"].identifiers


def test_the_whole_chain_at_once_is_one_version_of_the_net_change(
    with_export: Database, samples: Path
) -> None:
    report = _import(with_export, samples / "ftm" / "delta")
    # person-1 was added then deleted: no trace; org-1 added then modified: added once.
    assert (report.version, report.added, report.changed, report.removed, report.total) == (2, 2, 1, 1, 12)
    with with_export.transaction() as session:
        assert sorted((c.entry_id, c.change_type.value) for c in version_changes(session, LIST, 2)) == [
            ("NK-2Ka3UvopqbpZmVDFjWd4LA", "CHANGED"),
            ("NK-2KeUB68qUJtykm3BuAcazG", "REMOVED"),
            ("cw-delta-org-1", "ADDED"),
            ("cw-delta-person-2", "ADDED"),
        ]


def test_reimporting_applied_deltas_changes_nothing(with_export: Database, samples: Path) -> None:
    delta = samples / "ftm" / "delta"
    _import(with_export, delta)
    assert _import(with_export, delta).unchanged is True
    # an older delta than the last applied one is skipped, not re-applied (it would resurrect person-1)
    assert _import(with_export, delta / KEYS[0] / "entities.delta.json").unchanged is True
    with with_export.transaction() as session:
        assert active_versions(session) == {LIST: 2}
        assert len(active_entries(session)) == 12


def test_deltas_without_a_base_start_from_an_empty_list(fresh_database: Database, samples: Path) -> None:
    report = _import(fresh_database, samples / "ftm" / "delta")
    # a MOD of an entity we do not have adds it; a DEL of one we do not have is a no-op
    assert (report.version, report.added, report.changed, report.removed, report.total) == (1, 3, 0, 0, 3)
    with fresh_database.transaction() as session:
        assert sorted(entry.entry_id for entry in active_entries(session)) == [
            "NK-2Ka3UvopqbpZmVDFjWd4LA",
            "cw-delta-org-1",
            "cw-delta-person-2",
        ]


def test_a_full_export_after_deltas_replaces_the_snapshot(with_export: Database, samples: Path) -> None:
    _import(with_export, samples / "ftm" / "delta")
    report = _import(with_export, samples / "ftm" / "entities.ftm.json")
    assert (report.version, report.added, report.changed, report.removed, report.total) == (3, 1, 1, 2, 11)
