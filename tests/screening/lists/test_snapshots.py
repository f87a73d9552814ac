"""Lists as versioned snapshots in the database: versions, changes, idempotent re-imports, atomic failures,
and which lists an account sees. Each test uses its own empty database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clearway.db import Database
from clearway.errors import InvalidInput, NotFound, RuleViolation
from clearway.screening.lists.errors import ListFormatError
from clearway.screening.lists.service import (
    Change,
    ImportReport,
    active_entries,
    active_versions,
    import_list,
    list_lists,
    version_changes,
)
from clearway.screening.models import ChangeType, ScreeningList, ScreeningListEntry, ScreeningListVersion


def _import(db: Database, path: Path, **options: str) -> ImportReport:
    with db.transaction() as session:
        return import_list(session, path, **options)


def _edit_sdn(folder: Path) -> None:
    """Remove ent_num 36, rename 306, add ent_num 99999 (one removed, one changed, one added)."""
    sdn = folder / "sdn.csv"
    lines = [line for line in sdn.read_text(encoding="utf-8").splitlines() if not line.startswith("36,")]
    lines = [line.replace('"BANCO NACIONAL DE CUBA"', '"BANCO NACIONAL DE CUBA S.A."') for line in lines]
    lines.append('99999,"NEW, Person","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1980."')
    sdn.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_first_import_creates_version_one(fresh_database: Database, samples: Path) -> None:
    report = _import(fresh_database, samples / "ofac")
    assert report == ImportReport(
        "ofac-sdn", "ofac-csv", 1, added=19, changed=0, removed=0, total=19, unchanged=False, active_version=1
    )
    with fresh_database.transaction() as session:
        assert active_versions(session) == {"ofac-sdn": 1}
        [summary] = list_lists(session)
        assert (
            summary.name,
            summary.format,
            summary.active_version,
            summary.entries,
            summary.source_name,
        ) == ("ofac-sdn", "ofac-csv", 1, 19, "ofac")
        entries = active_entries(session)
        assert [entry.entry_id for entry in entries][:3] == ["ofac-sdn:36", "ofac-sdn:306", "ofac-sdn:2686"]
        assert entries[1].caption == "BANCO NACIONAL DE CUBA"
        changes = version_changes(session, "ofac-sdn", 1)
        assert len(changes) == 19
        assert {change.change_type for change in changes} == {ChangeType.ADDED}


def test_importing_the_same_file_twice_changes_nothing(fresh_database: Database, samples: Path) -> None:
    _import(fresh_database, samples / "ofac")
    again = _import(fresh_database, samples / "ofac")
    assert again == ImportReport(
        "ofac-sdn",
        "ofac-csv",
        None,
        added=0,
        changed=0,
        removed=0,
        total=19,
        unchanged=True,
        active_version=1,
    )
    with fresh_database.transaction() as session:
        assert session.scalar(select(func.count()).select_from(ScreeningListVersion)) == 1
        assert session.scalar(select(func.count()).select_from(ScreeningListEntry)) == 19


def test_same_content_differently_laid_out_is_unchanged(fresh_database: Database, tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "own.csv", tmp_path / "b" / "own.csv"
    first.parent.mkdir()
    second.parent.mkdir()
    first.write_text("id,name,countries\n1,Jane Roe,US\n2,Acme Ltd,GB\n", encoding="utf-8")
    second.write_text(
        "name,id,countries,note\nAcme Ltd,2,gb,x\nJane  Roe,1,United States,y\n", encoding="utf-8"
    )
    assert _import(fresh_database, first).version == 1
    assert _import(fresh_database, second).unchanged is True


def test_modified_file_records_exact_changes(
    fresh_database: Database, sample_copy: Callable[[str], Path]
) -> None:
    folder = sample_copy("ofac")
    _import(fresh_database, folder)
    _edit_sdn(folder)
    report = _import(fresh_database, folder)
    assert report == ImportReport(
        "ofac-sdn", "ofac-csv", 2, added=1, changed=1, removed=1, total=19, unchanged=False, active_version=2
    )
    with fresh_database.transaction() as session:
        changes = version_changes(session, "ofac-sdn", 2)
        assert [(c.entry_id, c.change_type) for c in changes] == [
            ("ofac-sdn:306", ChangeType.CHANGED),
            ("ofac-sdn:99999", ChangeType.ADDED),
            ("ofac-sdn:36", ChangeType.REMOVED),
        ]
        changed, added, removed = changes
        assert changed.digest_before is not None and changed.digest_after not in (None, changed.digest_before)
        assert (added.digest_before, removed.digest_after) == (None, None)
        assert removed.digest_before == version_changes(session, "ofac-sdn", 1)[0].digest_after
        entries = {entry.entry_id: entry for entry in active_entries(session)}
        assert len(entries) == 19
        assert "ofac-sdn:36" not in entries
        assert entries["ofac-sdn:306"].caption == "BANCO NACIONAL DE CUBA S.A."
        assert entries["ofac-sdn:99999"].caption == "Person NEW"
        assert active_versions(session) == {"ofac-sdn": 2}
        # entries untouched by version 2 were not rewritten: 19 rows of v1 + 2 new contents
        assert session.scalar(select(func.count()).select_from(ScreeningListEntry)) == 21


def test_bad_file_leaves_the_active_version_intact(
    fresh_database: Database, sample_copy: Callable[[str], Path]
) -> None:
    folder = sample_copy("ofac")
    _import(fresh_database, folder)
    with (folder / "sdn.csv").open("a", encoding="utf-8") as sdn:
        sdn.write('1X,"BROKEN",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n')
    with pytest.raises(ListFormatError) as caught:
        _import(fresh_database, folder)
    assert str(caught.value) == f"{folder / 'sdn.csv'}, line 20, field 'ent_num': expected a number, got '1X'"
    with fresh_database.transaction() as session:
        assert active_versions(session) == {"ofac-sdn": 1}
        assert len(active_entries(session)) == 19
        assert session.scalar(select(func.count()).select_from(ScreeningListVersion)) == 1


def test_bad_first_file_creates_no_list(fresh_database: Database, tmp_path: Path) -> None:
    path = tmp_path / "own.csv"
    path.write_text("id,name\n1,Jane Roe\n2,\n", encoding="utf-8")
    with pytest.raises(ListFormatError, match="line 3, field 'name'"):
        _import(fresh_database, path)
    with fresh_database.transaction() as session:
        assert list_lists(session) == []
        assert session.scalar(select(func.count()).select_from(ScreeningList)) == 0


def test_duplicate_entry_ids_are_a_bad_file(fresh_database: Database, tmp_path: Path) -> None:
    sdn = tmp_path / "sdn.csv"
    row = '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
    sdn.write_text(row + row, encoding="utf-8")
    with pytest.raises(ListFormatError) as caught:
        _import(fresh_database, tmp_path)
    assert str(caught.value) == f"{tmp_path}, entry ofac-sdn:36, field 'id': the same entry id appears twice"


def test_accounts_see_global_lists_and_only_their_own(fresh_database: Database, samples: Path) -> None:
    _import(fresh_database, samples / "un" / "sample.xml")
    own = _import(fresh_database, samples / "custom" / "sample.csv", name="blocklist", account_id="acct_a")
    assert (own.list_name, own.version, own.total) == ("blocklist", 1, 6)
    _import(fresh_database, samples / "custom" / "sample.csv", name="blocklist", account_id="acct_b")
    with fresh_database.transaction() as session:
        assert active_versions(session) == {"un-consolidated": 1}
        assert active_versions(session, account_id="acct_a") == {"blocklist": 1, "un-consolidated": 1}
        assert len(active_entries(session)) == 10
        entries = active_entries(session, account_id="acct_a")
        assert len(entries) == 16
        assert {entry.list_name for entry in entries} == {"blocklist", "un-consolidated"}
        assert [entry.entry_id for entry in active_entries(session, ["blocklist"], "acct_a")][:2] == [
            "B-001",
            "B-002",
        ]
        assert active_entries(session, ["blocklist"]) == []  # without the account, its list is invisible
        assert [(s.name, s.account_id) for s in list_lists(session, "acct_b")] == [
            ("blocklist", "acct_b"),
            ("un-consolidated", None),
        ]


def test_list_names_cannot_shadow_each_other(fresh_database: Database, samples: Path) -> None:
    _import(fresh_database, samples / "un" / "sample.xml")
    with pytest.raises(RuleViolation) as caught:
        _import(
            fresh_database, samples / "custom" / "sample.csv", name="un-consolidated", account_id="acct_a"
        )
    assert caught.value.sub_code == "LIST_NAME_TAKEN"
    _import(fresh_database, samples / "custom" / "sample.csv", name="own", account_id="acct_a")
    with pytest.raises(RuleViolation, match="already exists in an account"):
        _import(fresh_database, samples / "custom" / "sample.csv", name="own")


def test_version_changes_of_unknown_list_or_version(fresh_database: Database, samples: Path) -> None:
    _import(fresh_database, samples / "custom" / "sample.csv", name="own", account_id="acct_a")
    with fresh_database.transaction() as session:
        with pytest.raises(NotFound, match="screening list 'own' was not found"):
            version_changes(session, "own", 1)  # another account's (here: no account) view
        with pytest.raises(NotFound, match="screening list version 'own v2' was not found"):
            version_changes(session, "own", 2, account_id="acct_a")
        assert version_changes(session, "own", 1, account_id="acct_a")[0] == Change(
            "B-001", ChangeType.ADDED, None, version_changes(session, "own", 1, "acct_a")[0].digest_after
        )


def test_explicit_format_and_name_and_bad_options(fresh_database: Database, samples: Path) -> None:
    report = _import(fresh_database, samples / "ftm" / "entities.ftm.json", fmt="ftm", name="os-sample")
    assert (report.list_name, report.format, report.total) == ("os-sample", "ftm", 11)
    with pytest.raises(InvalidInput, match="unknown list format 'xml'"):
        _import(fresh_database, samples / "un" / "sample.xml", fmt="xml")
    with pytest.raises(InvalidInput, match="at most 100 characters"):
        _import(fresh_database, samples / "un" / "sample.xml", name="x" * 101)


def test_progress_is_reported(fresh_database: Database, samples: Path) -> None:
    calls: list[tuple[str, int, int | None]] = []
    with fresh_database.transaction() as session:
        import_list(session, samples / "ofac", progress=lambda *call: calls.append(call))
    assert calls == [("write", 19, 19)]  # fewer than 250 entries: no parse ticks
