"""Counting days between the text's dates for the date check: which dates an offset counts
between, and how a bare weekday, known only as a day of the week, is counted."""

from __future__ import annotations

import re
from datetime import date

from claims.checks.date_context import REACH, DateContext, is_opening, is_reporting
from claims.checks.date_verdicts import allowed_days
from claims.extraction.lexicon.calendar import WEEKDAYS
from claims.extraction.temporal import UNIT_DAYS, TimeExpression

_BARE_WEEKDAY = re.compile(r"(?:" + "|".join(WEEKDAYS) + r")(?:[’']s)?")
_RELATIVE_OPENING = re.compile(r"\s*(?:which|who|whom|whose|that|where|when)\b", re.IGNORECASE)
# Where the event named after "N days after" ends: the next punctuation of a clause.
EVENT_END = re.compile(r"[,;:()“”\"—–.!?]|\s-\s")


def main_clause_date(ctx: DateContext, offset: TimeExpression) -> TimeExpression | None:
    """ "Two days after the election on Sunday, the president resigned on Wednesday": an offset
    that opens its sentence dates the event of the main clause, after the comma. A date in a
    relative clause ("..., which began on Monday") or a reporting date is not that event."""
    s_start, s_end = ctx.sentences[ctx.sentence_index(offset.start)]
    if not is_opening(ctx.text[s_start : offset.start]):
        return None
    comma = EVENT_END.search(ctx.text, offset.end, s_end)
    if comma is None or comma.group(0) != ",":
        return None
    for expr in ctx.dates_between(comma.end(), s_end):
        if _RELATIVE_OPENING.match(ctx.text, comma.end()) or is_reporting(ctx, expr):
            return None
        return expr
    return None


def count_days(
    offset: TimeExpression,
    later: TimeExpression | date,
    earlier: TimeExpression | date,
    reference: date | None,
) -> int | None:
    """Days from `earlier` to `later` as the offset claims them (None: the wrong way round, or
    nothing the dates can tell). Each end is a date expression, or the dateline as a `date`.

    A bare weekday ("on Friday") is read as the latest such day on or before the dateline (the
    next one in the future tense), but a story may tell of a Friday weeks before: only its day
    of the week is sure. So with a bare weekday at one end the count is any count of the same
    remainder mod 7 on the side the weekday may move to, however many weeks from the one read,
    and the one the stated length allows is taken (else the nearest to it); a stated length
    that allows a whole week of counts is not judged. Two bare weekdays are read within a week
    of each other (1–7 days), and a stated length of more than a week is not judged between
    them.
    """
    d_later, d_earlier = _day(later), _day(earlier)
    if d_later is None or d_earlier is None:
        return None
    actual = offset.direction * (d_later - d_earlier).days
    moves_later, moves_earlier = _moves(later, reference), _moves(earlier, reference)
    if not moves_later and not moves_earlier:
        return actual if actual > 0 else None
    if moves_later and moves_earlier:
        if (offset.amount or 0.0) * UNIT_DAYS[offset.unit or "day"] > 7:
            return None
        return within_a_week(actual, least=1)
    allowed = allowed_days(offset)
    if allowed.low is None or allowed.high is None or allowed.high - allowed.low >= 7:
        return None
    # The later end moving back, or the earlier end moving forward, shortens the count.
    sign = offset.direction * (moves_later or -moves_earlier)
    return _moved_by_weeks(actual, sign, allowed.low, allowed.high)


def within_a_week(days: int, *, least: int = 0) -> int:
    """A count of days between two dates of which one or both are bare weekdays, known only
    by their day of the week: moved by whole weeks to lie in [least, least + 6]."""
    return least + (days - least) % 7


def _moved_by_weeks(actual: int, sign: int, low: float, high: float) -> int | None:
    """The count `actual` moved by whole weeks the way one end may move (`sign` -1: shorter,
    +1: longer), kept positive: one that [low, high] (narrower than a week) holds, else the
    one nearest to it. The counts are those ≡ `actual` (mod 7) on the allowed side, so how
    many weeks away the weekday was read does not matter."""
    shortest = within_a_week(actual, least=1)  # the least positive count ≡ actual (mod 7)
    if sign < 0 and actual < 1:
        return None
    lowest = shortest if sign < 0 else max(actual, shortest)
    highest = actual if sign < 0 else None
    stated = (low + high) / 2
    # Of the counts lowest, lowest + 7, ... (up to highest), the one nearest to `stated`: a
    # count inside [low, high], if any, is nearer to its middle than any other.
    weeks = max(0, round((stated - lowest) / 7))
    nearest = lowest + 7 * weeks
    return nearest if highest is None else min(nearest, highest)


def _day(end: TimeExpression | date) -> date | None:
    return end.date if isinstance(end, TimeExpression) else end


def _moves(end: TimeExpression | date, reference: date | None) -> int:
    """How a date may move by whole weeks: 0 (it is sure), -1 (a past weekday: earlier),
    +1 (a weekday still to come: later)."""
    if not isinstance(end, TimeExpression) or not bare_weekday(end) or end.date is None:
        return 0
    return -1 if reference is None or end.date <= reference else 1


def preceding_dates(ctx: DateContext, pair_start: int) -> list[TimeExpression]:
    """The earlier dates in this or the previous sentence that date an event, nearest first."""
    return [
        expr
        for expr in reversed(ctx.dates_between(look_back_from(ctx, pair_start), pair_start))
        if expr.end <= pair_start and not is_reporting(ctx, expr)
    ]


def look_back_from(ctx: DateContext, pair_start: int) -> int:
    """Where an event told before `pair_start` is looked for: the start of the previous
    sentence, within a clause's reach."""
    lowest = ctx.sentences[max(0, ctx.sentence_index(pair_start) - 1)][0]
    return max(lowest, pair_start - REACH)


def bare_weekday(expr: TimeExpression) -> bool:
    return _BARE_WEEKDAY.fullmatch(expr.text) is not None
