"""The labelled evaluation set (data/eval_pairs.csv): F1 at the default threshold must stay ≥ 0.90."""

from __future__ import annotations

import csv
from pathlib import Path

from clearway.screening.compare import DEFAULT_THRESHOLD, compare_names

EVAL_PAIRS = Path(__file__).with_name("data") / "eval_pairs.csv"


def _rows() -> list[dict[str, str]]:
    with EVAL_PAIRS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_eval_set_is_large_and_balanced() -> None:
    rows = _rows()
    labels = [row["label"] for row in rows]
    assert len(rows) >= 500
    assert labels.count("0") >= 150
    assert labels.count("1") >= 300
    assert len({row["category"] for row in rows}) >= 15


def test_f1_at_default_threshold() -> None:
    tp = fp = fn = 0
    for row in _rows():
        predicted = compare_names(row["name1"], row["name2"], row["schema"]).score >= DEFAULT_THRESHOLD
        actual = row["label"] == "1"
        tp += predicted and actual
        fp += predicted and not actual
        fn += actual and not predicted
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.90, (precision, recall, f1)
