"""Hours between two moments of the text: "at 9 p.m. on Tuesday ... 14 hours later, at
11 a.m.", "on Monday night ... 36 hours later, on Wednesday".

Between two clock times the hours are counted to the minute; a clock time without its day is
known only modulo 24 hours, like a bare weekday modulo seven days. Between two days without
clock times, the hours are known only to the day: two days apart is anything from 24 to 72
hours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.checks.date_context import DateContext, is_reporting
from claims.checks.date_counts import bare_weekday, look_back_from, within_a_week
from claims.checks.date_verdicts import (
    CHECK,
    allowed_length,
    day_label,
    needs_dateline,
    unverifiable,
)
from claims.checks.finding import Finding
from claims.checks.tolerance import Bounds, fmt
from claims.extraction.lexicon.qualifiers import PREFIXES
from claims.extraction.temporal import UNIT_DAYS, TimeExpression

# Hedges of a moment ("about 11 a.m.") from the one lexicon of qualifiers.
_HEDGES = "|".join(
    re.escape(w).replace(r"\ ", r"\s+")
    for w in sorted(PREFIXES, key=len, reverse=True)
    if PREFIXES[w] == "approximate" and w[0].isalpha()
)
# Between an hour count and its moment: "14 hours later, at 11 a.m.", "36 hours later, on
# Wednesday morning", "14 hours later, at about 11 a.m.".
_GAP = re.compile(r"[\s,;:()–—-]*(?:(?:at|on|by)\s+)?(?:(?:" + _HEDGES + r")\s+)?", re.IGNORECASE)
# Between a clock time and its day: "at 9 p.m. on Tuesday", "on Tuesday at 9 p.m.".
_SAME_MOMENT = re.compile(
    r"[\s,]*(?:(?:on|at)\s+)?(?:(?:the\s+)?(?:morning|night|evening)\s+of\s+)?", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class _Moment:
    """A point of the text's time line: a day, a clock time, or both."""

    day: TimeExpression | None
    clock: TimeExpression | None

    @property
    def text(self) -> str:
        return " ".join(e.text for e in (self.clock, self.day) if e is not None)


def check_hours(ctx: DateContext, offset: TimeExpression) -> Finding | None:
    if offset.anchor != "preceding":
        return None
    later = _apposed_moment(ctx, offset)
    if later is None:
        return None
    start = min(e.start for e in (later.day, later.clock, offset) if e is not None)
    earlier = _preceding_moment(ctx, start)
    if earlier is None:
        return None
    if later.clock and earlier.clock:
        return _between_clocks(ctx, offset, earlier, later)
    if later.day and earlier.day:
        return _between_days(ctx, offset, earlier.day, later.day)
    return None


def _apposed_moment(ctx: DateContext, offset: TimeExpression) -> _Moment | None:
    i = ctx.positions[id(offset)]
    nxt = ctx.exprs[i + 1] if i + 1 < len(ctx.exprs) else None
    prev = ctx.exprs[i - 1] if i > 0 else None
    for expr, gap in (
        (nxt, (offset.end, nxt.start if nxt else 0)),
        (prev, (prev.end if prev else 0, offset.start)),
    ):
        if expr is not None and expr.kind in ("date", "time") and _GAP.fullmatch(ctx.text, *gap):
            return _moment(ctx, expr)
    return None


def _moment(ctx: DateContext, expr: TimeExpression) -> _Moment:
    """A date or a clock time with its partner: the clock time or day written beside it."""
    i = ctx.positions[id(expr)]
    partner_kind = "date" if expr.kind == "time" else "time"
    for j in (i + 1, i - 1):
        if 0 <= j < len(ctx.exprs) and ctx.exprs[j].kind == partner_kind:
            other = ctx.exprs[j]
            low, high = (expr.end, other.start) if j > i else (other.end, expr.start)
            if low <= high and _SAME_MOMENT.fullmatch(ctx.text, low, high):
                return _pair(expr, other)
    return _pair(expr, None)


def _pair(a: TimeExpression, b: TimeExpression | None) -> _Moment:
    exprs = [e for e in (a, b) if e is not None]
    day = next((e for e in exprs if e.kind == "date"), None)
    clock = next((e for e in exprs if e.kind == "time"), None)
    return _Moment(day, clock)


def _preceding_moment(ctx: DateContext, pair_start: int) -> _Moment | None:
    """The nearest earlier clock time or date in this or the previous sentence."""
    candidates = [
        e
        for e in ctx.exprs_between(look_back_from(ctx, pair_start), pair_start)
        if e.end <= pair_start and e.kind in ("date", "time")
    ]
    for expr in reversed(candidates):
        if expr.kind == "time" or not is_reporting(ctx, expr):
            return _moment(ctx, expr)
    return None


def _hours_claimed(offset: TimeExpression) -> Bounds:
    """What the stated length covers, in hours."""
    per_hour = UNIT_DAYS[offset.unit or "hour"] / UNIT_DAYS["hour"]
    return allowed_length(offset).mapped(lambda x: x * per_hour)


def _between_clocks(
    ctx: DateContext, offset: TimeExpression, earlier: _Moment, later: _Moment
) -> Finding | None:
    assert earlier.clock is not None and later.clock is not None
    minutes = (later.clock.minutes or 0) - (earlier.clock.minutes or 0)
    days = _days_apart(ctx, earlier.day, later.day)
    claimed = _hours_claimed(offset)
    if days is not None:
        hours = [days * 24 + minutes / 60]
        how = f"{earlier.text} to {later.text}"
    else:
        # Without both days a clock time is known modulo 24 hours.
        first = (minutes / 60) % 24
        hours = [first + 24 * k for k in range(0, 8)]
        how = f"{earlier.clock.text} to {later.clock.text}, the next such hour"
    hours = [h for h in hours if h > 0]
    if not hours:
        return None
    fits = [h for h in hours if claimed.contains(h)]
    shown = fits[0] if fits else hours[0]
    expected = f"{fmt(shown)} hours ({how})"
    explanation = (
        f"From {earlier.text} to {later.text} is {fmt(shown)} hours. For '{offset.text}', "
        f"{claimed.rule}; "
        f"the count falls {'inside' if fits else 'outside'}."
    )
    outcome = "consistent" if fits else "inconsistent"
    return Finding(CHECK, outcome, offset.start, offset.end, expected, explanation)


def _between_days(
    ctx: DateContext, offset: TimeExpression, earlier: TimeExpression, later: TimeExpression
) -> Finding | None:
    days = _days_apart(ctx, earlier, later)
    if days is None:
        if ctx.reference is None and (earlier.relative or later.relative):
            return unverifiable(offset, needs_dateline(offset, [earlier, later]))
        return None
    if days < 0:
        return None
    # Two days `days` apart hold moments from (days − 1) × 24 to (days + 1) × 24 hours apart.
    span_low, span_high = max(0, (days - 1) * 24), (days + 1) * 24
    claimed = _hours_claimed(offset)
    # Moments on two days `days` apart lie strictly between the two spans' ends.
    low, high = claimed.low, claimed.high
    fits = (low is None or low < span_high) and (high is None or high > span_low)
    assert earlier.date is not None and later.date is not None
    expected = f"{span_low}–{span_high} hours ({day_label(earlier.date)} → {day_label(later.date)})"
    explanation = (
        f"'{earlier.text}' and '{later.text}' are {days} day{'s' if days != 1 else ''} apart, so "
        f"between {span_low} and {span_high} hours without clock times. For '{offset.text}', "
        f"{claimed.rule}; the two {'overlap' if fits else 'do not overlap'}."
    )
    outcome = "consistent" if fits else "inconsistent"
    return Finding(CHECK, outcome, offset.start, offset.end, expected, explanation)


def _days_apart(
    ctx: DateContext, earlier: TimeExpression | None, later: TimeExpression | None
) -> int | None:
    """Days from one day to the other; two bare weekdays are read within a week."""
    if earlier is None or later is None or earlier.date is None or later.date is None:
        return None
    days = (later.date - earlier.date).days
    return within_a_week(days) if bare_weekday(earlier) or bare_weekday(later) else days
