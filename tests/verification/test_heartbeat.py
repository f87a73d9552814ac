"""The lease heartbeat of a worker: renews the job it holds every interval, never before the first interval,
never after release, never again once a renewal finds the claim lost, and ends its thread when idle."""

from __future__ import annotations

import itertools
import threading
import time

import pytest

from clearway.verification import worker as worker_module
from clearway.verification.queue import Claim
from clearway.verification.worker import _Heartbeat

INTERVAL = 0.05


def claim(job_id: int) -> Claim:
    return Claim(job_id, f"execution-{job_id}", 1, "test-worker", {})


class Renewals:
    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.calls: list[tuple[int, float]] = []
        self.lock = threading.Lock()

    def __call__(self, held: Claim) -> bool:
        with self.lock:
            self.calls.append((held.job_id, time.monotonic()))
        return self.answer

    def of(self, job_id: int) -> list[float]:
        with self.lock:
            return [at for job, at in self.calls if job == job_id]


def wait_for(condition: object, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_renews_every_interval_from_one_interval_after_hold() -> None:
    renewals = Renewals()
    heartbeat = _Heartbeat(renewals, INTERVAL, "test")
    held_at = time.monotonic()
    heartbeat.hold(claim(1))
    wait_for(lambda: len(renewals.of(1)) >= 3)
    heartbeat.release()
    times = renewals.of(1)
    assert times[0] - held_at >= INTERVAL * 0.9  # not at once: the job just started
    assert all(later - earlier >= INTERVAL * 0.9 for earlier, later in itertools.pairwise(times))


def test_a_job_held_while_the_thread_idles_is_renewed_in_time() -> None:
    """The thread is not woken on hold: it must still notice a new job within one interval."""
    renewals = Renewals()
    heartbeat = _Heartbeat(renewals, INTERVAL, "test")
    heartbeat.hold(claim(1))
    heartbeat.release()
    time.sleep(INTERVAL * 2.5)  # the thread now sleeps with no job
    held_at = time.monotonic()
    heartbeat.hold(claim(2))
    wait_for(lambda: bool(renewals.of(2)))
    heartbeat.release()
    assert renewals.of(2)[0] - held_at >= INTERVAL * 0.9


def test_nothing_is_renewed_after_release() -> None:
    renewals = Renewals()
    heartbeat = _Heartbeat(renewals, INTERVAL, "test")
    heartbeat.hold(claim(1))
    wait_for(lambda: bool(renewals.of(1)))
    heartbeat.release()
    count = len(renewals.of(1))
    time.sleep(INTERVAL * 3)
    assert len(renewals.of(1)) == count


def test_a_lost_claim_is_not_renewed_again() -> None:
    renewals = Renewals(answer=False)
    heartbeat = _Heartbeat(renewals, INTERVAL, "test")
    heartbeat.hold(claim(1))
    wait_for(lambda: bool(renewals.of(1)))
    time.sleep(INTERVAL * 3)
    heartbeat.release()
    assert len(renewals.of(1)) == 1


def test_the_thread_ends_when_idle_and_a_new_one_serves_the_next_job(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker_module, "HEARTBEAT_IDLE_SECONDS", INTERVAL * 2)
    renewals = Renewals()
    heartbeat = _Heartbeat(renewals, INTERVAL, "test")
    heartbeat.hold(claim(1))
    heartbeat.release()
    wait_for(lambda: heartbeat._thread is None)
    heartbeat.hold(claim(2))
    wait_for(lambda: bool(renewals.of(2)))
    heartbeat.release()
