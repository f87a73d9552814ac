"""The labelled evaluation sets: F1 at the default threshold must stay ≥ 0.90 on the first two, and must
not fall below what the third sets measured when they arrived.

`data/eval_pairs.csv` was written along with the rules; `data/second_set_pairs.csv` (422 pairs) was
written later, from general knowledge of how names vary, by a separate agent that did not read the first
set, to find what the first set missed: at its arrival F1 on it was 0.882 (see docs/benchmarks.md). Rules
changed since in answer to its errors, so it is no longer unseen data; it stays as a second guard.

The two third sets (450 pairs each) were written the same way by two more agents, one as an analyst
deduplicating records of one sanctioned entity across sources (`third_set_dedup_pairs.csv`), one as
customer-entered names against list names (`third_set_customer_pairs.csv`, which counts nearly any two
names a letter apart as different people). They measured F1 0.796 and 0.738 on arrival, 0.889 and 0.883
with `clearway-match/1.13` (docs/benchmarks.md): below the 0.90 target, so their floors only guard
against losing ground.

The fourth set (`fourth_set_pairs.csv`, 500 pairs, 75 with one name in its own script) was written the same
way, as a public benchmark of screening pairs would look (list names against names from other sources,
hard negatives: relatives, subsidiaries, names a letter apart): F1 0.845 on arrival with
`clearway-match/1.18`. No rule has been changed for it; its floor guards that figure."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from bench.eval_original_script import original_script_pairs, script_of

from clearway.screening.compare import DEFAULT_THRESHOLD, compare_names
from clearway.screening.lists.load import load_entries

DATA = Path(__file__).with_name("data")
EVAL_PAIRS = DATA / "eval_pairs.csv"
SECOND_SET = DATA / "second_set_pairs.csv"
THIRD_DEDUP = DATA / "third_set_dedup_pairs.csv"
THIRD_CUSTOMER = DATA / "third_set_customer_pairs.csv"
FOURTH_SET = DATA / "fourth_set_pairs.csv"


def _rows(path: Path = EVAL_PAIRS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_eval_set_is_large_and_balanced() -> None:
    rows = _rows()
    labels = [row["label"] for row in rows]
    assert len(rows) >= 500
    assert labels.count("0") >= 150
    assert labels.count("1") >= 300
    assert len({row["category"] for row in rows}) >= 15


@pytest.mark.parametrize(
    ("path", "floor"),
    [(EVAL_PAIRS, 0.90), (SECOND_SET, 0.90), (THIRD_DEDUP, 0.85), (THIRD_CUSTOMER, 0.85), (FOURTH_SET, 0.84)],
    ids=["eval_pairs", "second_set", "third_dedup", "third_customer", "fourth_set"],
)
def test_f1_at_default_threshold(path: Path, floor: float) -> None:
    tp = fp = fn = 0
    for row in _rows(path):
        predicted = compare_names(row["name1"], row["name2"], row["schema"]).score >= DEFAULT_THRESHOLD
        actual = row["label"] == "1"
        tp += predicted and actual
        fp += predicted and not actual
        fn += actual and not predicted
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= floor, (precision, recall, f1)


def test_the_un_lists_names_in_arabic_script_meet_its_latin_names(shared_data: Path) -> None:
    """The UN list's own pairing of names in Arabic script with the Latin names of the same entry
    (`bench/eval_original_script.py`): 0.687 of them met at the default threshold before the rules for
    Arabic spellings of the session that added this test, 0.830 after. Some are other aliases, so this
    stays below 1; the floor guards the ground gained."""
    entries = list(load_entries(shared_data / "lists" / "un" / "UN_consolidated.xml"))
    arabic = [pair for pair in original_script_pairs(entries) if script_of(pair[1]) == "Arabic"]
    found = sum(
        max(compare_names(text, name, entry.schema.value).score for text in latin) >= DEFAULT_THRESHOLD
        for entry, name, latin in arabic
    )
    assert len(arabic) >= 300
    assert found / len(arabic) >= 0.80, found / len(arabic)
