"""Screening benchmark on the full OFAC SDN + UN consolidated lists (from ../shared/data when present).

    .venv/bin/python bench/bench_screening.py [--queries 2000] [--seed 1]

Prints (never asserts): comparison-core pairs/s on one core; index build time and memory; single-query
p50/p99 latency and batch throughput (one process, then every CPU); candidate-stage and end-to-end recall
on generated variants of real list names (typos, reorderings, glued words, titles, dropped middle names,
initials, Cyrillic spellings); latency and alert rate on ordinary made-up customer names; latency of
variants whose schema is unknown; and in the same run a baseline (rapidfuzz WRatio over all names, and
nomenklatura's logic-v2 if it happens to be installed).
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.screening.matching.variants

from tests.screening.matching.variants import ORGANIZATION_VARIANTS, PERSON_VARIANTS  # noqa: E402

from bench import logic_v2  # noqa: E402
from bench.customers import ordinary_parties  # noqa: E402
from clearway.interpreter import tune_collector  # noqa: E402
from clearway.screening import align as align_module  # noqa: E402
from clearway.screening.align import align  # noqa: E402
from clearway.screening.compare import DEFAULT_THRESHOLD, Party, compare_names, prepare_party  # noqa: E402
from clearway.screening.entry import EntrySchema, ListEntry  # noqa: E402
from clearway.screening.index import ScreeningIndex  # noqa: E402
from clearway.screening.lists.load import load_entries  # noqa: E402
from clearway.screening.normalize import prepare_name  # noqa: E402
from clearway.screening.parallel import usable_cores  # noqa: E402
from clearway.screening.service import screen_batch  # noqa: E402

DATA = ROOT / ".." / "shared" / "data" / "lists"

Query = tuple[str, Party, str]  # (variant kind, query, expected entry id)


def section(title: str) -> None:
    print(f"\n== {title}")


def load_lists() -> list[ListEntry]:
    if not DATA.exists():
        sys.exit(f"no list data at {DATA}: this benchmark needs ../shared/data")
    return [*load_entries(DATA / "ofac"), *load_entries(DATA / "un" / "UN_consolidated.xml")]


def warm_up() -> float:
    """rigour loads its name and legal-form tables on first use: a one-time cost per process."""
    start = time.perf_counter()
    for schema in ("Person", "Organization", "LegalEntity", "Vessel"):
        compare_names("warm up", "warm-up", schema)
    return time.perf_counter() - start


def build_index(entries: list[ListEntry]) -> tuple[ScreeningIndex, float, float, float]:
    gc.collect()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    index = ScreeningIndex(entries)
    seconds = time.perf_counter() - start
    rss_growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    # Memory again with tracemalloc (slower, so timed separately): what the index holds.
    tracemalloc.start()
    ScreeningIndex(entries)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return index, seconds, rss_growth, peak / 2**20


def bench_saved_index(index: ScreeningIndex) -> None:
    """What a restarted server or CLI process with unchanged lists pays instead of a build."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "index.pickle"
        start = time.perf_counter()
        index.save(path)
        saved = time.perf_counter() - start
        start = time.perf_counter()
        ScreeningIndex.load(path)
        loaded = time.perf_counter() - start
        size = path.stat().st_size / 2**20
    print(f"saved index: written in {saved:.2f} s, loaded in {loaded:.2f} s ({size:.0f} MiB on disk)")


def make_queries(entries: list[ListEntry], count: int, rng: random.Random) -> list[Query]:
    queries: list[Query] = []
    pool = [e for e in entries if e.schema in (EntrySchema.PERSON, EntrySchema.ORGANIZATION)]
    while len(queries) < count:
        listed = rng.choice(pool)
        variants = PERSON_VARIANTS if listed.schema == EntrySchema.PERSON else ORGANIZATION_VARIANTS
        kind = rng.choice(list(variants))
        text = variants[kind](listed.caption, rng)
        if text:
            queries.append((kind, Party(text, listed.schema.value), listed.entry_id))
    return queries


def bench_pairs(index: ScreeningIndex, rng: random.Random, count: int) -> None:
    section("comparison core (one core, prepared names)")
    names = [name for prepared in index.entries for name in prepared.names]
    pairs = [(rng.choice(names), rng.choice(names)) for _ in range(count // 2)]
    # Half the pairs are a name against a variant of itself (the pairs screening actually scores).
    for _ in range(count - len(pairs)):
        name = rng.choice(names)
        variant = PERSON_VARIANTS["typo"](name.original, rng) or name.original
        pairs.append((prepare_name(variant, name.kind), name))
    for label in ("cold token-similarity memo", "warm memo (tokens seen before)"):
        if label.startswith("cold"):
            align_module.clear_memo()
        rate = _rate(lambda: [align(a, b) for a, b in pairs], len(pairs))
        print(f"align(): {rate:>10,.0f} pairs/s  ({label})")
    texts = [(a.original, b.original) for a, b in pairs[:5000]]
    rate = _rate(lambda: [fuzz.WRatio(a, b) for a, b in texts], len(texts))
    print(f"baseline rapidfuzz WRatio on the raw strings: {rate:,.0f} pairs/s")
    fresh = [(f"{a} {i}", f"{b} {i}") for i, (a, b) in enumerate(texts[:2000])]
    ours = _rate(lambda: [compare_names(a, b, "LegalEntity") for a, b in fresh], len(fresh))
    print(f"compare_names() incl. preparing both names (CLI path, unseen names): {ours:,.0f} pairs/s")
    if logic_v2.available():
        score = logic_v2.scorer()
        others = [(f"{a} {i}", f"{b} {i}") for i, (a, b) in enumerate(texts[2000:3000])]
        rate = _rate(lambda: [score(a, b, "LegalEntity") for a, b in others], len(others))
        print(f"baseline nomenklatura logic-v2, pairs of the same kind: {rate:,.0f} pairs/s")
        print(f"ratio: compare_names() is {ours / rate:.1f}x logic-v2's pairs/s")


def _rate(action: Callable[[], object], count: int) -> float:
    gc.collect()
    start = time.perf_counter()
    action()
    return count / (time.perf_counter() - start)


def bench_queries(index: ScreeningIndex, queries: list[Query]) -> dict[str, list[tuple[bool, bool]]]:
    section("single queries against the index (query preparation included)")
    latencies: list[float] = []
    outcome: dict[str, list[tuple[bool, bool]]] = {}
    for kind, party, expected in queries:
        start = time.perf_counter()
        hits = index.search(party, DEFAULT_THRESHOLD)
        latencies.append(time.perf_counter() - start)
        candidates = index.candidates(prepare_party(party))
        found = expected in {index.entries[p].entry.entry_id for p in candidates}
        matched = expected in {hit.entry.entry.entry_id for hit in hits}
        outcome.setdefault(kind, []).append((found, matched))
    latencies.sort()
    p50 = latencies[len(latencies) // 2] * 1e3
    p99 = latencies[int(len(latencies) * 0.99)] * 1e3
    print(f"{len(queries)} distinct queries, each screened once: p50 {p50:.3f} ms, p99 {p99:.3f} ms")
    batch = [party for _kind, party, _expected in queries]
    again: list[float] = []
    start = time.perf_counter()
    for party in batch:
        began = time.perf_counter()
        index.search(party, DEFAULT_THRESHOLD)
        again.append(time.perf_counter() - began)
    seconds = time.perf_counter() - start
    again.sort()
    p50, p99 = again[len(again) // 2] * 1e3, again[int(len(again) * 0.99)] * 1e3
    print(
        f"the same queries again (names prepared, token similarities known): {len(batch) / seconds:,.0f}"
        f" queries/s, p50 {p50:.3f} ms, p99 {p99:.3f} ms"
    )
    return outcome


def bench_unknown_kind(
    index: ScreeningIndex, entries: list[ListEntry], rng: random.Random, count: int
) -> None:
    """Other unseen variants of list names, screened as `clearway screen NAME` does without `--schema`: as
    a LegalEntity, read both as a person's and as a company's name (`index._query_readings`)."""
    section(f"{count} other unseen variants, their schema unknown (LegalEntity, the CLI's default)")
    queries = make_queries(entries, count, rng)
    latencies: list[float] = []
    matched = 0
    for _kind, party, expected in queries:
        unknown = Party(party.name)
        start = time.perf_counter()
        hits = index.search(unknown, DEFAULT_THRESHOLD)
        latencies.append(time.perf_counter() - start)
        matched += expected in {hit.entry.entry.entry_id for hit in hits}
    print(_percentiles(latencies))
    print(f"expected entry among the hits: {matched / count:.4f}")


def _percentiles(latencies: list[float]) -> str:
    """p50, p90 and p99 of latencies in seconds, in milliseconds."""
    ordered = sorted(latencies)
    p50, p90, p99 = (ordered[int(len(ordered) * q)] * 1e3 for q in (0.5, 0.9, 0.99))
    return f"p50 {p50:.3f} ms, p90 {p90:.3f} ms, p99 {p99:.3f} ms"


def bench_batches(index: ScreeningIndex, entries: list[ListEntry], rng: random.Random, count: int) -> None:
    """`clearway screen --batch` without its file I/O: unseen queries screened in order on one process,
    then other unseen queries on every usable CPU (forked workers)."""
    section(f"batches of {count} unseen queries (`screen_batch`, results in input order)")
    cores = usable_cores()
    for workers in sorted({1, cores}):
        parties = [party for _kind, party, _expected in make_queries(entries, count, rng)]
        start = time.perf_counter()
        results = list(screen_batch(index, {}, parties, None, DEFAULT_THRESHOLD, workers))
        seconds = time.perf_counter() - start
        assert len(results) == len(parties)
        rate = len(parties) / seconds
        print(f"{workers} worker(s): {rate:,.0f} queries/s, {1e3 / rate:.3f} ms a query")


def bench_customers(index: ScreeningIndex, rng: random.Random, count: int) -> None:
    """Ordinary made-up customers (`bench/customers.py`), none derived from a list name: the traffic a KYC
    system mostly screens. Reports latency and how many raise an alert at the default threshold."""
    section(f"{count} ordinary customer names, not variants of list names (query preparation included)")
    parties = ordinary_parties(count, rng)
    for label in ("first time", "again (names prepared, token similarities known)"):
        latencies: list[float] = []
        alerted = 0
        for party in parties:
            start = time.perf_counter()
            hits = index.search(party, DEFAULT_THRESHOLD)
            latencies.append(time.perf_counter() - start)
            alerted += bool(hits)
        print(f"{label}: {_percentiles(latencies)}")
    print(f"alerts at ≥ {DEFAULT_THRESHOLD}: {alerted} of {count} ({alerted / count:.1%})")


def report_recall(outcome: dict[str, list[tuple[bool, bool]]]) -> None:
    section(f"recall on generated variants (candidate stage; hits at ≥ {DEFAULT_THRESHOLD})")
    total = [o for results in outcome.values() for o in results]
    for kind, results in sorted(outcome.items()):
        cand = sum(found for found, _ in results) / len(results)
        hit = sum(matched for _, matched in results) / len(results)
        print(f"{kind:<12} n={len(results):>5}  candidates {cand:.4f}  hits {hit:.4f}")
    cand = sum(found for found, _ in total) / len(total)
    hit = sum(matched for _, matched in total) / len(total)
    print(f"{'ALL':<12} n={len(total):>5}  candidates {cand:.4f}  hits {hit:.4f}")


def bench_baseline(index: ScreeningIndex, queries: list[Query], ours_p50: float) -> None:
    section("baseline: rapidfuzz WRatio against every list name (process.extract, best 10)")
    names: list[str] = []
    owners: list[str] = []
    for prepared in index.entries:
        for name in prepared.names:
            names.append(name.original)
            owners.append(prepared.entry.entry_id)
    sample = queries[:200]
    latencies = []
    top10 = 0
    for _kind, party, expected in sample:
        start = time.perf_counter()
        best = process.extract(party.name, names, scorer=fuzz.WRatio, limit=10)
        latencies.append(time.perf_counter() - start)
        top10 += expected in {owners[i] for _name, _score, i in best}
    p50 = statistics.median(latencies) * 1e3
    print(f"{len(sample)} queries: p50 {p50:.2f} ms; expected entry in the top 10: {top10 / len(sample):.4f}")
    print(f"ratio: Clearway single-query p50 is {p50 / ours_p50:.1f}x faster than a WRatio scan")
    if not logic_v2.available():
        print("nomenklatura not installed: logic-v2 not run (published: ~2,400 pairs/s, P 0.76 / R 0.83)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--pairs", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    tune_collector()  # as every clearway process does
    rng = random.Random(args.seed)
    entries = load_lists()
    init = warm_up()
    index, seconds, rss_mb, traced_mb = build_index(entries)
    section("index over OFAC SDN + UN consolidated")
    print(f"one-time library initialisation (rigour name tables): {init:.2f} s")
    print(f"{len(index)} entries, {index.name_count} names, {index.key_count} blocking keys")
    print(f"build: {seconds:.2f} s; memory: {traced_mb:.0f} MiB (tracemalloc), RSS +{rss_mb:.0f} MiB")
    bench_saved_index(index)
    gc.freeze()  # as ScreeningService does once an index is active
    bench_pairs(index, rng, args.pairs)
    queries = make_queries(entries, args.queries, rng)
    outcome = bench_queries(index, queries)
    report_recall(outcome)
    bench_customers(index, rng, args.queries)
    bench_unknown_kind(index, entries, rng, args.queries)
    bench_batches(index, entries, rng, 4 * args.queries)  # long enough to amortise forking the workers
    latencies = []
    for _kind, party, _expected in queries[:500]:
        start = time.perf_counter()
        index.search(party, DEFAULT_THRESHOLD)
        latencies.append(time.perf_counter() - start)
    bench_baseline(index, queries, statistics.median(latencies) * 1e3)


if __name__ == "__main__":
    main()
