"""Batches on several processes: same results, same order, and really on other processes."""

from __future__ import annotations

import gc
import os
import signal
from concurrent.futures.process import BrokenProcessPool

import pytest

from clearway.screening import parallel
from clearway.screening.parallel import CHUNK, map_in_order


def _square_and_pid(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def test_results_come_back_in_input_order_from_forked_workers() -> None:
    items = list(range(CHUNK * 6 + 5))
    results = list(map_in_order(_square_and_pid, items, workers=2))
    assert [square for square, _pid in results] == [n * n for n in items]
    pids = {pid for _square, pid in results}
    assert os.getpid() not in pids
    assert 1 <= len(pids) <= 2  # which worker takes which chunk is up to the scheduler


@pytest.mark.parametrize(("count", "workers"), [(CHUNK * 4, 1), (CHUNK, 4), (0, 2)])
def test_one_worker_or_a_small_batch_runs_in_this_process(count: int, workers: int) -> None:
    results = list(map_in_order(_square_and_pid, list(range(count)), workers))
    assert {pid for _square, pid in results} <= {os.getpid()}
    assert len(results) == count


def _fail_on_seven(number: int) -> int:
    if number == 7:
        raise ValueError("seven")
    return number


def test_an_error_in_a_worker_reaches_the_caller_and_frees_the_slot() -> None:
    with pytest.raises(ValueError, match="seven"):
        list(map_in_order(_fail_on_seven, list(range(CHUNK * 4)), workers=2))
    assert parallel._task is None  # the next batch can run
    after = list(map_in_order(_fail_on_seven, list(range(8, 8 + CHUNK * 3)), workers=2))
    assert after == list(range(8, 8 + CHUNK * 3))


def _killed_on_seven(number: int) -> int:
    if number == 7:
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
    return number


def test_a_killed_worker_fails_the_batch_instead_of_hanging() -> None:
    with pytest.raises(BrokenProcessPool):
        list(map_in_order(_killed_on_seven, list(range(CHUNK * 4)), workers=2))
    assert parallel._task is None


class _Payload:
    """An object tracked by the cyclic collector, made just before the batch."""


def _freeze_count(_number: int) -> int:
    return gc.get_freeze_count()


def test_objects_alive_at_the_fork_are_frozen_out_of_the_workers_collections() -> None:
    gc.unfreeze()  # whatever earlier tests froze: the count below must come from the batch itself
    inherited = [_Payload() for _ in range(1000)]
    counts = list(map_in_order(_freeze_count, list(range(CHUNK * 2)), workers=2))
    # The workers' collections skip what they inherited (no copy-on-write of its pages by the collector).
    assert min(counts) >= len(inherited)
    assert all(gc.is_tracked(payload) for payload in inherited)
