"""Weekday names against the calendar: "On Wednesday, March 12" when March 12 is a Tuesday.

A date written with both a weekday and a day of the month says the same thing twice; the
calendar says whether the two agree. The year is the one written, else the one the dateline
gives (temporal.py's window rule); a written year is certain, an inferred one is not, so when
no year is written and the weekday would fit the year before or after, nothing is said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from claims.checks.finding import Finding
from claims.extraction.lexicon.calendar import WEEKDAYS
from claims.extraction.temporal import TimeExpression

CHECK = "date_arithmetic"
_LEADING_WEEKDAY = re.compile(r"(" + "|".join(WEEKDAYS) + r"),?\s+(?:the\s+)?\S")


def check_weekdays(exprs: Iterable[TimeExpression]) -> list[Finding]:
    """A finding for every calendar date that also names its weekday."""
    findings = []
    for expr in exprs:
        finding = check_weekday(expr)
        if finding is not None:
            findings.append(finding)
    return findings


def check_weekday(expr: TimeExpression) -> Finding | None:
    """Whether the weekday written before a calendar date is that date's weekday."""
    found = _LEADING_WEEKDAY.match(expr.text)
    if expr.kind != "date" or expr.date is None or found is None:
        return None
    stated = WEEKDAYS.index(found.group(1))
    actual = expr.date.weekday()
    when = f"{expr.date.day} {expr.date:%B %Y}"
    if stated == actual:
        why = f"{when} is a {WEEKDAYS[actual]}, as written."
        return Finding(CHECK, "consistent", expr.start, expr.end, f"{expr.date:%A}", why)
    if expr.relative and _fits_another_year(expr.date, stated):
        return None  # the year was inferred, and another year would make the weekday right
    why = f"{when} is a {WEEKDAYS[actual]}, not a {WEEKDAYS[stated]}"
    why += " (the year inferred from the dateline)." if expr.relative else "."
    return Finding(CHECK, "inconsistent", expr.start, expr.end, f"{expr.date:%A}", why)


def _fits_another_year(day: date, weekday: int) -> bool:
    for year in (day.year - 1, day.year + 1):
        try:
            if day.replace(year=year).weekday() == weekday:
                return True
        except ValueError:  # 29 February
            continue
    return False
