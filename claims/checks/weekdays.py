"""Weekday names against the calendar: "On Wednesday, March 12" when March 12 is a Tuesday.

A date written with both a weekday and a day of the month says the same thing twice; the
calendar says whether the two agree. The year is the one written with the date. Without one,
a year written elsewhere in the sentence dates it ("Kennedy was shot on Friday, Nov. 22, in
Dallas in 1963", "The 2021 floods began on Wednesday, July 14", "Last year the floods ..."
against the dateline), but not a year that belongs to another date of the sentence. When the
weekday does not fit that year but fits one the text could also mean (the year before or
after it, a season or span across the new year, or the dateline's year), which year is meant
is unsure: `unverifiable`, naming the year. When the sentence names no year, the year is the
one the dateline's window gives (nine months before to three months after it: the rule the
temporal layer reads every date without a year by); a contradiction in that year is
`inconsistent`, and the explanation says the year was inferred (and which other year the
weekday would fit). With no year in the sentence and no dateline, the weekday cannot be
checked: `unverifiable`.
"""

from __future__ import annotations

import re
from datetime import date

from claims.checks.date_context import REACH, DateContext
from claims.checks.finding import Finding
from claims.extraction.lexicon.calendar import WEEKDAYS
from claims.extraction.temporal import TimeExpression
from claims.extraction.temporal.dates import month_day, safe_date

CHECK = "date_arithmetic"
_LEADING_WEEKDAY = re.compile(r"(" + "|".join(WEEKDAYS) + r"),?\s+(?:the\s+)?\S")
_HAS_DAY_OF_MONTH = re.compile(r"\d")
# A year on its own ("in 1963", "the 2021 floods"), not a figure ("1,963", "2021.5").
_YEAR = re.compile(r"(?<![\d,.])\b(?:1[89]\d\d|20\d\d|2100)\b(?![.,]?\d)")
_RELATIVE_YEAR = re.compile(r"\b(last|next|this)\s+year\b", re.IGNORECASE)
_YEAR_SHIFT = {"last": -1, "next": 1, "this": 0}


def check_weekdays(ctx: DateContext) -> list[Finding]:
    """A finding for every calendar date of the text that also names its weekday."""
    findings = []
    for expr in ctx.exprs:
        finding = check_weekday(ctx, expr)
        if finding is not None:
            findings.append(finding)
    return findings


def check_weekday(ctx: DateContext, expr: TimeExpression) -> Finding | None:
    """Whether the weekday written before a calendar date is that date's weekday."""
    found = _LEADING_WEEKDAY.match(expr.text)
    if expr.kind != "date" or found is None or not _HAS_DAY_OF_MONTH.search(expr.text):
        return None
    stated = WEEKDAYS.index(found.group(1))
    written = month_day(expr.text) if expr.relative else None
    years = sentence_years(ctx, expr) if written else []
    if written and years:
        return _in_sentence_years(expr, stated, written, years, expr.date)
    return _in_date_year(expr, stated, ctx.reference)


def sentence_years(ctx: DateContext, expr: TimeExpression) -> list[int]:
    """The years written in `expr`'s sentence outside every other time expression ("in 1963",
    "the 2021 floods"; "last year" against the dateline), in text order, each once; within a
    clause's reach of the date, so that a run-on sentence stays linear."""
    s_start, s_end = ctx.sentences[ctx.sentence_index(expr.start)]
    s_start, s_end = max(s_start, expr.start - REACH), min(s_end, expr.end + REACH)
    taken = [(e.start, e.end) for e in ctx.exprs_between(s_start, s_end)]
    years: dict[int, None] = {}
    for m in _YEAR.finditer(ctx.text, s_start, s_end):
        if not any(start <= m.start() < end for start, end in taken):
            years[int(m.group(0))] = None
    if ctx.reference is not None:
        for m in _RELATIVE_YEAR.finditer(ctx.text, s_start, s_end):
            years[ctx.reference.year + _YEAR_SHIFT[m.group(1).lower()]] = None
    return list(years)


def _in_sentence_years(
    expr: TimeExpression,
    stated: int,
    written: tuple[int, int],
    years: list[int],
    window_day: date | None,
) -> Finding | None:
    days = {y: d for y in years if (d := safe_date(y, *written)) is not None}
    if not days:
        return None
    fits = [y for y, d in days.items() if d.weekday() == stated]
    named = _years_text(list(days))
    given = f"No year is written with '{expr.text}'; the sentence gives {named}"
    first = next(iter(days.values()))
    if len(fits) == len(days):
        why = f"{_when(first)} is a {WEEKDAYS[stated]}, as written. {given}."
        return Finding(CHECK, "consistent", expr.start, expr.end, f"{first:%A}", why)
    if fits:
        why = f"{given}: the weekday fits {_years_text(fits)} but not every year named."
        return Finding(CHECK, "unverifiable", expr.start, expr.end, "which year", why)
    others = _other_years(days, window_day)
    other_fits = [y for y in others if _weekday(y, written) == stated]
    wrong = "; ".join(f"{_when(d)} is a {d:%A}" for d in days.values())
    if other_fits:
        why = (
            f"{given}, in which {wrong}, not a {WEEKDAYS[stated]}; but it is a "
            f"{WEEKDAYS[stated]} in {_years_text(other_fits)}, a year the text could also mean "
            "(a season or span across the new year, or the dateline's year)."
        )
        expected = f"which year: {named} or {_years_text(other_fits)}"
        return Finding(CHECK, "unverifiable", expr.start, expr.end, expected, why)
    why = f"{wrong}, not a {WEEKDAYS[stated]}. {given}, and no year next to it fits either."
    return Finding(CHECK, "inconsistent", expr.start, expr.end, f"{first:%A}", why)


def _other_years(days: dict[int, date], window_day: date | None) -> list[int]:
    """Years the text could mean besides those written: each one's neighbours, the dateline's."""
    others = {y + k for y in days for k in (-1, 1)}
    if window_day is not None:
        others.add(window_day.year)
    return sorted(others - set(days))


def _in_date_year(expr: TimeExpression, stated: int, reference: date | None) -> Finding | None:
    """The year written with the date, else the one the dateline's window gives."""
    if expr.date is None:
        if expr.relative and reference is None:
            why = (
                f"'{expr.text}' gives no year and the article no dateline, so the calendar "
                "cannot say which weekday it is."
            )
            return Finding(CHECK, "unverifiable", expr.start, expr.end, "needs a year", why)
        return None
    actual = expr.date.weekday()
    if stated == actual:
        why = f"{_when(expr.date)} is a {WEEKDAYS[actual]}, as written."
        return Finding(CHECK, "consistent", expr.start, expr.end, f"{expr.date:%A}", why)
    why = f"{_when(expr.date)} is a {WEEKDAYS[actual]}, not a {WEEKDAYS[stated]}"
    if expr.relative:
        why += (
            f". No year is written: the dateline's window (nine months before it to three "
            f"months after) puts the date in {expr.date.year}"
        )
        other = _other_year(expr.date, stated)
        if other is not None:
            why += f"; the weekday would fit {other}, outside that window"
    return Finding(CHECK, "inconsistent", expr.start, expr.end, f"{expr.date:%A}", why + ".")


def _when(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _years_text(years: list[int]) -> str:
    return " and ".join(str(y) for y in years)


def _weekday(year: int, written: tuple[int, int]) -> int | None:
    day = safe_date(year, *written)
    return None if day is None else day.weekday()


def _other_year(day: date, weekday: int) -> int | None:
    for year in (day.year - 1, day.year + 1):
        if _weekday(year, (day.month, day.day)) == weekday:
            return year
    return None
