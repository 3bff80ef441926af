"""The extractor and the checks are called from several threads at once (runserver and
in-process tasks are threaded): nothing they share may be left wrong by an unlucky switch."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from claims.checks import gazetteer as gazetteer_module
from claims.checks.gazetteer import TIERS, _Tier, skeleton
from claims.extraction import collector, extract_quantities, extractor

TEXT = "The lake covers 120 square miles (311 square kilometres), some 30 miles north. " * 3


@pytest.fixture
def frequent_switches() -> Iterator[None]:
    """Threads switch every microsecond instead of every 5 ms, so races show at once."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def run_together(work: Callable[[], None], threads: int) -> None:
    start = threading.Barrier(threads)
    failures: list[BaseException] = []

    def run() -> None:
        start.wait()
        try:
            work()
        except BaseException as exc:  # a failure in a thread must fail the test
            failures.append(exc)

    pool = [threading.Thread(target=run) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    assert not failures, failures


def test_extracting_in_many_threads_leaves_the_garbage_collector_on(frequent_switches):
    assert gc.isenabled()
    for _ in range(5):
        run_together(lambda: [extract_quantities(TEXT) for _ in range(40)], threads=8)
        assert gc.isenabled()


def test_a_call_overlapping_another_leaves_the_collector_on(monkeypatch):
    """Two real threads in the order that left the collector off: X is inside a call; Y asks
    whether the collector is on (off: X paused it); X finishes (and turned it back on); then
    Y goes on. Whatever the extractor asks of the gc module, that order is forced here (each
    wait gives up after a second, so an extractor that asks nothing passes straight on)."""
    x_inside, y_asked, x_done = threading.Event(), threading.Event(), threading.Event()
    real_extract = extractor._extract

    def extract(text: str) -> list:
        if threading.current_thread().name == "X":
            x_inside.set()
            y_asked.wait(timeout=1)
        return real_extract(text)

    class PinnedGc:
        def __getattr__(self, name: str) -> Any:
            return getattr(gc, name)

        def isenabled(self) -> bool:
            answer = gc.isenabled()
            if threading.current_thread().name == "Y":
                y_asked.set()
                x_done.wait(timeout=1)
            return answer

        def enable(self) -> None:
            gc.enable()
            if threading.current_thread().name == "X":
                x_done.set()

    monkeypatch.setattr(extractor, "_extract", extract)
    monkeypatch.setattr(collector, "gc", PinnedGc())  # the one module that switches it
    x = threading.Thread(target=extract_quantities, args=(TEXT,), name="X")
    y = threading.Thread(
        target=lambda: x_inside.wait(timeout=1) and extract_quantities(TEXT), name="Y"
    )
    try:
        x.start()
        y.start()
        x.join()
        y.join()
        assert gc.isenabled()
    finally:
        gc.enable()  # as it was: the rest of the suite must not run with it off


def test_extracting_in_many_threads_finds_what_one_thread_finds(frequent_switches):
    expected = extract_quantities(TEXT)
    found: list[list] = []
    run_together(lambda: found.append(extract_quantities(TEXT)), threads=8)
    assert found == [expected] * 8


def test_a_thread_never_reads_a_half_built_loose_index(frequent_switches):
    """Odessa's looser spelling, looked up by one thread while another builds the index."""
    expected = _Tier.load(TIERS[0]).find("odessa", loose=True)
    assert expected
    for _ in range(3):
        tier = _Tier.load(TIERS[0])  # a fresh tier: its loose index is not built yet
        answers: list[int] = []
        run_together(lambda t=tier, a=answers: a.append(len(t.find("odessa", loose=True))), 4)
        assert answers == [len(expected)] * 4


def test_the_loose_index_is_built_once(frequent_switches, monkeypatch):
    calls: list[str] = []

    def counting(folded: str) -> str:
        calls.append(folded)
        return skeleton(folded)

    tier = _Tier.load(TIERS[0])
    spellings = sum(1 if isinstance(held, int) else len(held) for held in tier.exact.values())
    monkeypatch.setattr(gazetteer_module, "skeleton", counting)
    run_together(lambda: tier.find("zzzz", loose=True), threads=4)
    # One skeleton per (spelling, place) for the index, and one per lookup.
    assert len(calls) == spellings + 4


def test_the_process_gazetteer_is_built_once(frequent_switches, monkeypatch):
    built: list[object] = []

    class Slow:
        def __init__(self) -> None:
            built.append(self)
            for _ in range(20_000):  # long enough for the other threads to ask meanwhile
                pass

    monkeypatch.setattr(gazetteer_module, "Gazetteer", Slow)
    monkeypatch.setattr(gazetteer_module, "_gazetteer", None, raising=False)
    answers: list[object] = []
    run_together(lambda: answers.append(gazetteer_module.gazetteer()), threads=8)
    assert len(built) == 1
    assert answers == built * 8
