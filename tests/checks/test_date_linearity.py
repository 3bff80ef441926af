"""The date check stays linear in the length of its text: four times the text takes about
four times as long (a quadratic scan: sixteen). The ratio, best of three, in process time,
holds on a busy machine where a bound in seconds would not."""

import time
from datetime import date

import pytest

from claims.checks.date_arithmetic import check_date_arithmetic

DATELINE = date(2022, 9, 14)


def _seconds(unit: str, size: int) -> float:
    text = unit * (size // len(unit))
    times = []
    for _ in range(3):
        started = time.process_time()
        check_date_arithmetic(text, DATELINE)
        times.append(time.process_time() - started)
    return min(times)


@pytest.mark.parametrize(
    ("unit", "size"),
    [
        # Every offset names an event told again in the same words, with no word of a kind.
        (
            "The city fell on Saturday. Five days after the city fell, on Wednesday, they came "
            "back. ",
            25_000,
        ),
        # N-day events, each with its two ends, in one sentence without a full stop.
        ("the 10-day trip began on Sept. 1 and ended on Sept. 10, ", 5_000),
        # "has lasted" looks back for the one date something began on.
        ("The strike, which began on Monday, has lasted three days, ", 25_000),
        # Weekdays with their dates, in one sentence: each looks for a year in its sentence.
        ("On Monday, Sept. 12, it rained; two days later, on Wednesday, it snowed, ", 25_000),
    ],
)
def test_four_times_the_text_takes_less_than_eight_times_as_long(unit, size):
    assert _seconds(unit, 4 * size) / _seconds(unit, size) < 8
