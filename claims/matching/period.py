"""Which days and years a claim's sentence names, read by the extraction's temporal layer.

Explicit dates ("September 10, 2022"), intervals and dateline-relative days come from
`find_time_expressions`; a bare year ("in 2019") is read with the same year pattern. Two
sentences are in the same period when the days (or, when either names none, the years) of one
are among those of the other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from claims.extraction import find_time_expressions
from claims.extraction.quantity import Quantity
from claims.extraction.temporal.patterns import YEAR

_BARE_YEAR = re.compile(r"(?<![\d,.])" + YEAR)


@dataclass(frozen=True, slots=True)
class Period:
    """The calendar days and the years a sentence names."""

    days: frozenset[date] = frozenset()
    years: frozenset[int] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.years)


def period_named(
    sentence: str, quantities: Sequence[Quantity], reference_date: date | None = None
) -> Period:
    """The days and years `sentence` names (offsets of `quantities` are into `sentence`)."""
    days: set[date] = set()
    taken = [(q.start, q.end) for q in quantities]
    for expr in find_time_expressions(sentence, reference_date, quantities):
        taken.append((expr.start, expr.end))
        days.update(d for d in (expr.date, expr.end_date) if d is not None)
    years = {d.year for d in days}
    for m in _BARE_YEAR.finditer(sentence):
        if not any(s <= m.start() < e for s, e in taken):
            years.add(int(m.group()))
    return Period(frozenset(days), frozenset(years))


def compare_periods(a: Period, b: Period) -> tuple[bool | None, str]:
    """Whether two sentences name the same period, and why; None when either names none."""
    if not a or not b:
        return None, ""
    if a.days and b.days:
        x, y, show = a.days, b.days, _days
    else:
        x, y, show = a.years, b.years, _years  # type: ignore[assignment]
    if x <= y or y <= x:
        return True, f"same period: {show(x | y)}"
    return False, f"other period: {show(x)} vs {show(y)}"


def _days(days: frozenset) -> str:
    return ", ".join(d.isoformat() for d in sorted(days))


def _years(years: frozenset) -> str:
    return ", ".join(str(y) for y in sorted(years))
