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
    of the week is sure. So with a bare weekday at one end the count is the one read, or that
    count moved by whole weeks the way the weekday may move, and the one the stated length
    allows is taken (else the count as read); a stated length that allows a whole week of
    counts is not judged. Two bare weekdays are read within a week of each other (1–7 days),
    and a stated length of more than a week is not judged between them.
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
        return actual % 7 or 7
    allowed = allowed_days(offset)
    if allowed.low is None or allowed.high is None or allowed.high - allowed.low >= 7:
        return None
    # The later end moving back, or the earlier end moving forward, shortens the count.
    sign = offset.direction * (moves_later or -moves_earlier)
    counts = [c for c in (actual + sign * 7 * j for j in range(0, 60)) if c > 0]
    counts = [c for c in counts if c <= allowed.high + 7] or counts[:1]
    fitting = [c for c in counts if allowed.contains(c)]
    if fitting:
        return fitting[0]
    if actual > 0 and actual in counts:
        return actual
    stated = (allowed.low + allowed.high) / 2
    return min(counts, key=lambda c: abs(c - stated)) if counts else None


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
    lowest = ctx.sentences[max(0, ctx.sentence_index(pair_start) - 1)][0]
    lowest = max(lowest, pair_start - REACH)
    return [
        expr
        for expr in reversed(ctx.dates_between(lowest, pair_start))
        if expr.end <= pair_start and not is_reporting(ctx, expr)
    ]


def weekday_only(*exprs: TimeExpression) -> bool:
    """Whether one of the dates is a bare weekday ("on Friday", "Friday's"): it is read against
    the dateline, but a story may tell of a Friday weeks before it, so only its day of the
    week is sure."""
    return any(bare_weekday(e) for e in exprs)


def bare_weekday(expr: TimeExpression) -> bool:
    return _BARE_WEEKDAY.fullmatch(expr.text) is not None
