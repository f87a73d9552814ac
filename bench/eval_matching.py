"""Precision / recall / F1 of the matcher on the labelled evaluation set, per category and overall.

    .venv/bin/python bench/eval_matching.py [--pairs PATH] [--threshold X]

Prints, for Clearway's `compare_names` at its default threshold (and the threshold that would be best on
this set, for information), and for a baseline (rapidfuzz `fuzz.WRatio` / 100 on the raw names, at its
own best threshold). Also scores the cross-script pairs of ../shared/data/matching when present.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz

from clearway.screening.compare import DEFAULT_THRESHOLD, compare_names
from clearway.screening.normalize import warm_up

try:  # run as a script (bench/ on the path) or as the module bench.eval_matching
    import logic_v2  # type: ignore[import-not-found,unused-ignore]
except ImportError:
    from bench import logic_v2

ROOT = Path(__file__).resolve().parents[1]
EVAL_PAIRS = ROOT / "tests" / "screening" / "matching" / "data" / "eval_pairs.csv"
CROSS_SCRIPT = ROOT / ".." / "shared" / "data" / "matching" / "cross_script_pairs.csv"

Row = dict[str, str]
Scorer = Callable[[str, str, str], float]


def load(path: Path) -> list[Row]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def prf(
    scores: list[float], labels: list[int], threshold: float
) -> tuple[float, float, float, int, int, int]:
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and not y)
    fn = sum(1 for s, y in zip(scores, labels, strict=True) if s < threshold and y)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp, fp, fn


def best_threshold(scores: list[float], labels: list[int]) -> tuple[float, float]:
    candidates = sorted({round(s, 3) for s in scores})
    best = max(candidates, key=lambda t: prf(scores, labels, t)[2])
    return best, prf(scores, labels, best)[2]


def report(title: str, rows: list[Row], scores: list[float], threshold: float) -> None:
    labels = [int(r["label"]) for r in rows]
    by_category: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        by_category[row["category"]].append(i)
    print(f"\n== {title} (threshold {threshold:.2f})")
    print(f"{'category':<20}{'pairs':>6}{'P':>7}{'R':>7}{'F1':>7}{'FP':>5}{'FN':>5}")
    for category in sorted(by_category):
        idx = by_category[category]
        p, r, f, _tp, fp, fn = prf([scores[i] for i in idx], [labels[i] for i in idx], threshold)
        print(f"{category:<20}{len(idx):>6}{p:>7.3f}{r:>7.3f}{f:>7.3f}{fp:>5}{fn:>5}")
    p, r, f, _tp, fp, fn = prf(scores, labels, threshold)
    print(f"{'OVERALL':<20}{len(rows):>6}{p:>7.3f}{r:>7.3f}{f:>7.3f}{fp:>5}{fn:>5}")


def clearway_score(name1: str, name2: str, schema: str) -> float:
    return compare_names(name1, name2, schema).score


def wratio_score(name1: str, name2: str, _schema: str) -> float:
    return float(fuzz.WRatio(name1, name2, processor=str.lower)) / 100.0


def run(rows: list[Row], scorer: Scorer) -> tuple[list[float], float]:
    start = time.perf_counter()
    scores = [scorer(r["name1"], r["name2"], r["schema"]) for r in rows]
    return scores, time.perf_counter() - start


def errors(rows: list[Row], scores: list[float], threshold: float, limit: int) -> None:
    wrong = [(s, r) for s, r in zip(scores, rows, strict=True) if (s >= threshold) != bool(int(r["label"]))]
    print(f"\nmisclassified at {threshold:.2f}: {len(wrong)}")
    for score, row in wrong[:limit]:
        print(f"  {score:.3f} label={row['label']} [{row['category']}] {row['name1']!r} ~ {row['name2']!r}")


def cross_script(threshold: float) -> None:
    if not CROSS_SCRIPT.exists():
        print("\n(cross-script pairs not present: skipped)")
        return
    lines = [
        ln for ln in CROSS_SCRIPT.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")
    ]
    pairs = [ln.split(",")[:2] for ln in lines]
    hits = [compare_names(a, b, "Person").score for a, b in pairs]
    found = sum(1 for s in hits if s >= threshold)
    print(
        f"\n== cross_script_pairs.csv (all positives): recall {found}/{len(pairs)} = {found / len(pairs):.3f}"
    )
    for (a, b), s in zip(pairs, hits, strict=True):
        if s < threshold:
            print(f"  missed {s:.3f} {a} ~ {b}")
    if logic_v2.available():
        score = logic_v2.scorer()
        theirs = sum(1 for a, b in pairs if score(a, b, "Person") >= logic_v2.THRESHOLD)
        print(f"   nomenklatura logic-v2 at {logic_v2.THRESHOLD}: recall {theirs}/{len(pairs)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=EVAL_PAIRS)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--show-errors", type=int, default=40)
    args = parser.parse_args()
    rows = load(args.pairs)
    labels = [int(r["label"]) for r in rows]
    warm_up()  # rigour's name tables load on first use (seconds): not part of the pairs/s figure
    ours, elapsed = run(rows, clearway_score)
    report("Clearway compare_names", rows, ours, args.threshold)
    best, best_f1 = best_threshold(ours, labels)
    rate = len(rows) / elapsed
    print(f"(best threshold on this set: {best:.3f} -> F1 {best_f1:.3f}; {rate:,.0f} pairs/s incl. prep)")
    baseline, _ = run(rows, wratio_score)
    base_t, _ = best_threshold(baseline, labels)
    report("baseline rapidfuzz WRatio/100 at its best threshold", rows, baseline, base_t)
    if logic_v2.available():
        nomenklatura, elapsed = run(rows, logic_v2.scorer())
        report("nomenklatura logic-v2 at its published threshold", rows, nomenklatura, logic_v2.THRESHOLD)
        nk_best, nk_best_f1 = best_threshold(nomenklatura, labels)
        rate = len(rows) / elapsed
        print(f"(best threshold on this set: {nk_best:.3f} -> F1 {nk_best_f1:.3f}; {rate:,.0f} pairs/s)")
    else:
        print("\n(nomenklatura not installed: logic-v2 not run; see bench/logic_v2.py)")
    errors(rows, ours, args.threshold, args.show_errors)
    cross_script(args.threshold)


if __name__ == "__main__":
    main()
