"""ScreeningService on a real database: lists imported with the loaders' `import_list` on the shipped
samples, screened, and the index rebuilt when a list version changes."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from clearway.db import Database
from clearway.errors import InvalidInput
from clearway.screening.compare import ALGORITHM_VERSION, Party, compare
from clearway.screening.entry import EntryName, EntrySchema, ListEntry
from clearway.screening.lists.service import import_list
from clearway.screening.parallel import CHUNK
from clearway.screening.service import ScreeningService


@pytest.fixture
def service(fresh_database: Database, samples: Path) -> ScreeningService:
    with fresh_database.transaction() as session:
        import_list(session, samples / "ofac")
        import_list(session, samples / "un" / "sample.xml")
    return ScreeningService(fresh_database)


def test_screen_finds_an_entry_with_explanation(service: ScreeningService) -> None:
    result = service.screen(Party("Hasan Nasrallah", "Person", birth_dates=("1960-08-31",)))
    assert result.algorithm_version == ALGORITHM_VERSION
    assert result.list_versions == {"ofac-sdn": 1, "un-consolidated": 1}
    top = result.hits[0]
    assert (top.entry_id, top.list_name, top.schema, top.caption) == (
        "ofac-sdn:2686",
        "ofac-sdn",
        "Person",
        "Hasan NASRALLAH",
    )
    assert top.score == 1.0
    features = {f.feature: f.effect for f in top.explanation.features}
    assert features == {"birth_date": "raised"}


def test_screen_respects_threshold_and_lists(service: ScreeningService) -> None:
    assert service.screen(Party("Completely Unrelated Person", "Person")).hits == ()
    only_un = service.screen(Party("Hasan Nasrallah", "Person"), lists=["un-consolidated"])
    assert [hit.list_name for hit in only_un.hits] == []
    assert only_un.list_versions == {"un-consolidated": 1}
    loose = service.screen(Party("Hasan Nasrallah", "Person"), threshold=0.3)
    assert all(hit.score >= 0.3 for hit in loose.hits)


def test_unknown_list_and_bad_threshold_are_rejected(service: ScreeningService) -> None:
    with pytest.raises(InvalidInput):
        service.screen(Party("Hasan Nasrallah"), lists=["no-such-list"])
    with pytest.raises(InvalidInput):
        service.screen(Party("Hasan Nasrallah"), threshold=1.5)


def test_index_rebuilt_when_a_list_changes(fresh_database: Database, samples: Path, tmp_path: Path) -> None:
    with fresh_database.transaction() as session:
        import_list(session, samples / "custom" / "sample.csv", name="watch")
    service = ScreeningService(fresh_database, refresh_interval=3600)
    first = service.index()
    assert service.refresh() is False
    custom = tmp_path / "watch.csv"
    custom.write_text(
        (samples / "custom" / "sample.csv").read_text(encoding="utf-8").rstrip("\n")
        + "\n"
        + _custom_row(samples, "zz-1", "Zebulon Quixote Testperson"),
        encoding="utf-8",
    )
    with fresh_database.transaction() as session:
        import_list(session, custom, name="watch")
    assert service.index() is first  # not checked again before the refresh interval
    assert service.refresh() is True
    hits = service.screen(Party("Zebulon Testperson", "Person")).hits
    assert [hit.entry_id for hit in hits][:1] == ["zz-1"]


def _custom_row(samples: Path, entry_id: str, name: str) -> str:
    header = (samples / "custom" / "sample.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    values = {"id": entry_id, "name": name, "schema": "Person"}
    return ",".join(values.get(column.strip(), "") for column in header) + "\n"


def test_screen_many_keeps_order(service: ScreeningService) -> None:
    parties = [Party("Nobody Special"), Party("Banco Nacional de Cuba"), Party("Hasan Nasrallah")]
    results = list(service.screen_many(parties))
    assert [r.query.name for r in results] == [p.name for p in parties]
    assert [len(r.hits) > 0 for r in results] == [False, True, True]


def test_built_index_is_saved_and_reused(fresh_database: Database, samples: Path, tmp_path: Path) -> None:
    with fresh_database.transaction() as session:
        import_list(session, samples / "ofac")
    cache = tmp_path / "screening-index"
    first = ScreeningService(fresh_database, cache_dir=cache)
    expected = first.screen(Party("Hasan Nasrallah", "Person")).to_dict()
    assert len(list(cache.glob("index-*.pickle"))) == 1
    second = ScreeningService(fresh_database, cache_dir=cache)
    assert second.screen(Party("Hasan Nasrallah", "Person")).to_dict() == expected
    assert second.index() is not first.index()
    assert len(second.index()) == len(first.index())


def test_a_batch_on_two_workers_gives_what_single_screens_give(service: ScreeningService) -> None:
    names = ["Hasan Nasrallah", "Nasrallah Hasan", "Completely Unrelated Person", "Hassan Nasralla"]
    parties = [Party(names[i % len(names)], "Person", birth_dates=("1960-08-31",)) for i in range(CHUNK * 3)]
    batch = list(service.screen_many(parties, workers=2))
    assert batch == [service.screen(party) for party in parties]
    assert sum(1 for result in batch if result.hits) == CHUNK * 3 * 3 // 4


def test_a_match_survives_pickling_field_for_field() -> None:
    """Batch workers send matches back pickled (with their own, cheaper `__reduce__`)."""
    match = compare(
        Party("Dr. Vladimir Putin", "Person", birth_dates=("1952-10-07",)),
        ListEntry(
            "x:1",
            "x",
            EntrySchema.PERSON,
            (EntryName("PUTIN, Vladimir Vladimirovich"),),
            birth_dates=("1952",),
        ),
    )
    assert match.explanation.parts and match.explanation.features and match.explanation.unmatched_candidate
    copy = pickle.loads(pickle.dumps(match, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy == match
    assert copy.explanation.to_dict() == match.explanation.to_dict()


def test_a_former_name_written_in_the_query_finds_the_entry(service: ScreeningService) -> None:
    result = service.screen(Party("OCEAN PEARL (ex-SAND SWAN)", "Vessel"))
    top = result.hits[0]
    assert (top.entry_id, top.score) == ("ofac-sdn:4243", 1.0)
    assert top.explanation.query_name == "SAND SWAN"
    assert not service.screen(Party("OCEAN PEARL", "Vessel")).hits
