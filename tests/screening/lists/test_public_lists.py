"""The loaders and snapshots on the public list files of `../shared/data/lists` (skipped when that folder
is absent, e.g. in a clean clone): field-level checks of chosen entries of the real lists."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from clearway.db import Database
from clearway.screening.entry import AliasQuality, EntryIdentifier, EntryName, EntrySchema, ListEntry
from clearway.screening.lists import load_entries
from clearway.screening.lists.service import active_entries, active_versions, import_list


def _by_id(entries: list[ListEntry]) -> dict[str, ListEntry]:
    return {entry.entry_id: entry for entry in entries}


def test_full_ofac_sdn(shared_lists: Path) -> None:
    entries = _by_id(list(load_entries(shared_lists / "ofac")))
    assert len(entries) == 7379
    assert Counter(entry.schema for entry in entries.values()) == {
        EntrySchema.PERSON: 3845,
        EntrySchema.ORGANIZATION: 2994,
        EntrySchema.VESSEL: 323,
        EntrySchema.AIRCRAFT: 217,
    }
    nasrallah = entries["ofac-sdn:2686"]
    assert nasrallah.names == (
        EntryName("Hasan NASRALLAH", AliasQuality.PRIMARY, "Hasan", "NASRALLAH"),
        EntryName("Hasan Abd-al-Karim NASRALLAH", AliasQuality.STRONG, "Hasan Abd-al-Karim", "NASRALLAH"),
    )
    assert nasrallah.birth_dates == ("1960-08-31", "1953-08-31", "1955-08-31", "1958-08-31")
    assert (nasrallah.countries, nasrallah.gender) == (("LB",), "male")
    assert nasrallah.identifiers == (EntryIdentifier("passport", "042833", "LB"),)
    malkevich = entries["ofac-sdn:26235"]  # the last row of sdn.csv (no final newline)
    assert malkevich.caption == "Alexander Aleksandrovich MALKEVICH"
    assert malkevich.identifiers == (
        EntryIdentifier("passport", "717637093", "RU"),
        EntryIdentifier("national_id", "781005202108"),
    )
    assert (entries["ofac-sdn:12300"].remarks or "").endswith("Linked To: R D I S.A.")


def test_small_ofac_sdn(shared_lists: Path) -> None:
    entries = _by_id(list(load_entries(shared_lists / "ofac-small")))  # CRLF line ends
    assert len(entries) == 17
    khoroshev = entries["ofac-sdn:48603"]
    assert [(name.full, name.quality) for name in khoroshev.names] == [
        ("Dmitry Yuryevich KHOROSHEV", AliasQuality.PRIMARY),
        ("Dmitriy Yurevich KHOROSHEV", AliasQuality.STRONG),
        ("Dmitry YURIEVICH", AliasQuality.STRONG),
        ("Dmitrii Yuryevich KHOROSHEV", AliasQuality.STRONG),
        ("LOCKBITSUPP", AliasQuality.WEAK),
    ]
    assert (khoroshev.birth_dates, khoroshev.countries, khoroshev.gender) == (
        ("1993-04-17",),
        ("RU",),
        "male",
    )
    assert khoroshev.identifiers == (
        EntryIdentifier("passport", "2018278055", "RU"),
        EntryIdentifier("passport", "2006801524", "RU"),
        EntryIdentifier("tax_id", "366110340670", "RU"),
    )
    assert entries["ofac-sdn:40716"].identifiers == (EntryIdentifier("imo", "9486910"),)
    assert entries["ofac-sdn:33151"].identifiers[-1] == EntryIdentifier("lei", "5299007NTWCC3U23WM81", "CZ")


def test_full_un_consolidated(shared_lists: Path) -> None:
    entries = _by_id(list(load_entries(shared_lists / "un" / "UN_consolidated.xml")))
    assert Counter(entry.schema for entry in entries.values()) == {
        EntrySchema.PERSON: 730,
        EntrySchema.ORGANIZATION: 273,
    }
    zidane = entries["un:QDi.001"]
    assert zidane.caption == "MOHAMMED SALAHALDIN ABD EL HALIM ZIDANE"
    assert [name.full for name in zidane.names if name.quality is AliasQuality.WEAK] == [
        "Ibrahim al-Madani",
        "Saif Al-'Adil",
        "Seif al Adel",
    ]
    assert zidane.names[-1] == EntryName("محمد صلاح الدين عبدالحليم زيدان", AliasQuality.STRONG)
    assert (zidane.birth_dates, zidane.countries, zidane.programs) == (
        ("1963-04-11", "1960-04-11"),
        ("EG",),
        ("Al-Qaida",),
    )
    assert entries["un:TAi.004"].birth_dates == ("1966", "1960", "1953")


def test_opensanctions_zala_export(shared_lists: Path) -> None:
    entries = _by_id(list(load_entries(shared_lists / "opensanctions" / "zala.entities.ftm.json")))
    assert Counter(entry.schema for entry in entries.values()) == {
        EntrySchema.ORGANIZATION: 11,
        EntrySchema.PERSON: 6,
    }
    osetrova = entries["NK-2Tbri3s6GgNtAwsSXh4qpL"]
    assert osetrova.list_name == "opensanctions-zala"
    assert osetrova.names[0] == EntryName(
        "Maria Aleksandrovna Osetrova", AliasQuality.PRIMARY, "Maria", "Osetrova"
    )
    assert (osetrova.birth_dates, osetrova.countries, osetrova.gender) == (("1988-01-07",), ("RU",), "female")


def test_opensanctions_delta_chain(fresh_database: Database, shared_lists: Path) -> None:
    folder = shared_lists / "opensanctions"
    reports = []
    with fresh_database.transaction() as session:
        reports.append(import_list(session, folder / "t1", name="os"))
    for version in sorted(path for path in (folder / "t2").iterdir() if path.is_dir()):
        with fresh_database.transaction() as session:
            reports.append(import_list(session, version / "entities.delta.json", name="os"))
    assert [(r.version, r.added, r.changed, r.removed, r.total) for r in reports] == [
        (1, 6, 0, 0, 6),  # t1: 6 things
        (None, 0, 0, 0, 6),  # zbn: an empty delta
        (2, 2, 0, 0, 8),  # wnk: ADD AL-QAIDA IN IRAQ, ADD Janan Agha
        (3, 1, 1, 0, 9),  # pfh: ADD NK-500Poltergeist, MOD the first
        (4, 0, 0, 1, 8),  # npf: DEL NK-500Poltergeist
        (5, 1, 0, 0, 9),  # 3iv: ADD Vladimir PLOTNIKOV
    ]
    with fresh_database.transaction() as session:
        assert import_list(session, folder / "t2", name="os").unchanged is True  # all applied already
        captions = {entry.entry_id: entry.caption for entry in active_entries(session)}
        assert captions["NK-2T3S8Hu29ktYnKSTgQp2wL"] == "Foobar Foobargroup"
        assert captions["Q4365364"] == "Vladimir Nikolaevich PLOTNIKOV"


def test_full_ofac_and_un_into_the_database(fresh_database: Database, shared_lists: Path) -> None:
    started = time.perf_counter()
    with fresh_database.transaction() as session:
        assert import_list(session, shared_lists / "ofac").total == 7379
        assert import_list(session, shared_lists / "un" / "UN_consolidated.xml").total == 1003
    imported = time.perf_counter() - started
    with fresh_database.transaction() as session:
        assert active_versions(session) == {"ofac-sdn": 1, "un-consolidated": 1}
        loaded = active_entries(session)
        assert len(loaded) == 8382
        assert loaded == list(load_entries(shared_lists / "ofac")) + list(
            load_entries(shared_lists / "un" / "UN_consolidated.xml")
        )
    print(f"full OFAC + UN imported in {imported:.2f}s")  # informative (-s); not a pass/fail criterion
