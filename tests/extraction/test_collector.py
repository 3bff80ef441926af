"""The collector pause shared by overlapping extractions (claims/extraction/collector.py)."""

import gc
import threading

import pytest

from claims.extraction.collector import collector_paused


@pytest.fixture(autouse=True)
def _collector_on():
    gc.enable()
    yield
    gc.enable()


def test_the_collector_is_paused_inside_and_back_on_after():
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_overlapping_calls_leave_the_collector_off_until_the_last_one_leaves():
    x_inside, x_may_leave, x_left, y_may_leave = (threading.Event() for _ in range(4))
    seen: dict[str, bool] = {}

    def x() -> None:
        with collector_paused():
            x_inside.set()
            x_may_leave.wait(timeout=5)
        x_left.set()

    def y() -> None:
        x_inside.wait(timeout=5)
        with collector_paused():
            x_may_leave.set()
            x_left.wait(timeout=5)
            seen["after x left"] = gc.isenabled()  # x is out, y is still in: off
            y_may_leave.wait(timeout=5)

    threads = [threading.Thread(target=x), threading.Thread(target=y)]
    for t in threads:
        t.start()
    x_left.wait(timeout=5)
    y_may_leave.set()
    for t in threads:
        t.join(timeout=5)
    assert seen == {"after x left": False}
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_an_exception_inside_still_turns_the_collector_back_on():
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_many_threads_extracting_at_once_leave_the_collector_on():
    from claims.extraction import extract_quantities

    text = "Some 30 miles (48 km) north, 8,000 square kilometres and $3.2 million. " * 50
    threads = [
        threading.Thread(target=lambda: [extract_quantities(text) for _ in range(20)])
        for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert gc.isenabled()
