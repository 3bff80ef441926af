"""Weekday names against the calendar: "On Wednesday, March 12" when March 12 is a Tuesday.

A date written with both a weekday and a day of the month says the same thing twice; the
calendar says whether the two agree. The year is the one written, else the one the dateline's
window gives (nine months before to three months after it: the rule the temporal layer reads
every date without a year by). A contradiction in that year is `inconsistent`, and the
explanation says the year was inferred (and which other year the weekday would fit). With no
year written and no dateline, the weekday cannot be checked: `unverifiable`.
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
_HAS_DAY_OF_MONTH = re.compile(r"\d")


def check_weekdays(exprs: Iterable[TimeExpression], reference: date | None = None) -> list[Finding]:
    """A finding for every calendar date that also names its weekday."""
    findings = []
    for expr in exprs:
        finding = check_weekday(expr, reference)
        if finding is not None:
            findings.append(finding)
    return findings


def check_weekday(expr: TimeExpression, reference: date | None = None) -> Finding | None:
    """Whether the weekday written before a calendar date is that date's weekday."""
    found = _LEADING_WEEKDAY.match(expr.text)
    if expr.kind != "date" or found is None or not _HAS_DAY_OF_MONTH.search(expr.text):
        return None
    stated = WEEKDAYS.index(found.group(1))
    if expr.date is None:
        if expr.relative and reference is None:
            why = (
                f"'{expr.text}' gives no year and the article no dateline, so the calendar "
                "cannot say which weekday it is."
            )
            return Finding(CHECK, "unverifiable", expr.start, expr.end, "needs a year", why)
        return None
    actual = expr.date.weekday()
    when = f"{expr.date.day} {expr.date:%B %Y}"
    if stated == actual:
        why = f"{when} is a {WEEKDAYS[actual]}, as written."
        return Finding(CHECK, "consistent", expr.start, expr.end, f"{expr.date:%A}", why)
    why = f"{when} is a {WEEKDAYS[actual]}, not a {WEEKDAYS[stated]}"
    if expr.relative:
        why += (
            f". No year is written: the dateline's window (nine months before it to three "
            f"months after) puts the date in {expr.date.year}"
        )
        other = _other_year(expr.date, stated)
        if other is not None:
            why += f"; the weekday would fit {other}, outside that window"
    return Finding(CHECK, "inconsistent", expr.start, expr.end, f"{expr.date:%A}", why + ".")


def _other_year(day: date, weekday: int) -> int | None:
    for year in (day.year - 1, day.year + 1):
        try:
            if day.replace(year=year).weekday() == weekday:
                return year
        except ValueError:  # 29 February
            continue
    return None
