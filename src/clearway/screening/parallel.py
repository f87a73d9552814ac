"""Run a function over a batch on several cores, results in input order (batch commands).

Workers are forked from the calling process once it holds what the work needs: the screening index and
rigour's name tables (10-20 s to build per process) are then shared copy-on-write instead of being
rebuilt by every worker, and the function itself is never pickled, only the items and the results.
Where `fork` is not available the batch runs in the calling process.

Not for servers: a process is forked per batch, and the function is handed over through a module
global (one batch at a time per process).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from clearway.interpreter import freeze_long_lived

T = TypeVar("T")
R = TypeVar("R")

CHUNK = 32  # items per round trip: large enough to amortise pickling, small enough to keep order cheap

_task: Callable[[Any], Any] | None = None


# Each worker ends up with a private copy of most of the pages it touches: ≈ 230 MB over OFAC + UN,
# measured on `clearway screen --batch`. More workers than this only on request (`--workers`).
DEFAULT_MAX_WORKERS = 8


def usable_cores() -> int:
    """The CPUs this process may run on (a container's limit, not the host's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def default_workers() -> int:
    return min(usable_cores(), DEFAULT_MAX_WORKERS)


def map_in_order(
    task: Callable[[T], R],
    items: Sequence[T],
    workers: int,
    before_fork: Callable[[], object] | None = None,
) -> Iterator[R]:
    """`map(task, items)` on up to `workers` forked processes; in this process for one worker or a
    batch too small to be worth a fork. `before_fork` runs first when workers are forked (to build what
    they should share). The workers are forked now, before the caller starts threads of its own (a
    progress bar): a fork copies only the forking thread. A worker that dies (killed, out of memory)
    fails the batch with `BrokenProcessPool` instead of leaving it waiting."""
    global _task
    workers = min(workers, -(-len(items) // CHUNK))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return map(task, items)
    if _task is not None:
        raise RuntimeError("map_in_order is already running in this process")
    if before_fork is not None:
        before_fork()
    # A worker's full collections would walk (and so write to: the collector keeps its state in each
    # object's header) every object it inherited, copying page after page of the index and caches it
    # shares with this process: frozen, they are skipped. 2 workers on 2 cores: 1,110-1,280 → 1,455
    # queries/s on a parent that had screened 6,000 queries before (bench/bench_screening.py's case).
    freeze_long_lived()
    _task = task
    try:
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        chunks = pool.map(_run_chunk, _chunks(items))
    except BaseException:
        _task = None
        raise
    return _results(pool, chunks)


def _results(pool: ProcessPoolExecutor, chunks: Iterator[list[Any]]) -> Iterator[Any]:
    global _task
    try:
        for results in chunks:
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _task = None


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _run_chunk(chunk: Sequence[Any]) -> list[Any]:
    task = _task
    assert task is not None, "workers are forked after the task is set"
    return [task(item) for item in chunk]
