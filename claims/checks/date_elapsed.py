"""Time elapsed since something began: "After 11 days of talks, negotiators reached a deal on
Friday" counts from the day the talks began, dated elsewhere in the article, to Friday."""

from __future__ import annotations

import re

from claims.checks.date_context import DateContext, is_reporting, quoted_clause
from claims.checks.date_counts import EVENT_END, count_days, main_clause_date, preceding_dates
from claims.checks.date_events import event_groups
from claims.checks.date_verdicts import day_label, judge, needs_dateline, unverifiable
from claims.checks.finding import Finding
from claims.extraction.temporal import TimeExpression

_CLAUSE_OPENING = re.compile(r"(?:[,;]\s+(?:and|but|then)|;)\s+$", re.IGNORECASE)
# A clause tells of a beginning when it has one of these groups (date_events.py).
_BEGINNINGS = frozenset({"start", "opening"})


def check_elapsed(ctx: DateContext, offset: TimeExpression) -> Finding | None:
    d1 = main_clause_date(ctx, offset) or _clause_date(ctx, offset) or _date_before(ctx, offset)
    groups = event_groups(offset.noun or "")
    if d1 is None or not groups:
        return None
    began = [
        e
        for e in ctx.dates_of(groups, offset.start)
        if e is not d1
        and e.start < offset.start
        and not ctx.profile(e)[0]
        and ctx.profile(e)[1] & _BEGINNINGS
        and ctx.profile(e)[1] & groups
    ]
    if not began:
        return None
    if len({e.date or e.text for e in began}) > 1:
        named = "; ".join(quoted_clause(ctx, e) for e in began)
        why = f"The {offset.noun} began on more than one date in the text: {named}."
        return unverifiable(offset, why, "the start's date is ambiguous")
    start = began[0]
    if start.date is None or d1.date is None:
        return unverifiable(offset, needs_dateline(offset, [start, d1]))
    elapsed = count_days(offset, d1, start, ctx.reference)
    if elapsed is None:
        return None
    first = d1.date.fromordinal(d1.date.toordinal() - elapsed)
    dated = (
        f"{quoted_clause(ctx, start)} is {day_label(first)} and '{d1.text}' {day_label(d1.date)}"
    )
    # "after 11 days of talks" may count the first day of talks too.
    return judge(offset, [elapsed, elapsed + 1], first, d1.date, dated)


def _date_before(ctx: DateContext, offset: TimeExpression) -> TimeExpression | None:
    """ "Negotiators reached a deal on Friday after 11 days of talks": the date just before the
    phrase, in the same sentence."""
    s_start = ctx.sentences[ctx.sentence_index(offset.start)][0]
    before = [e for e in preceding_dates(ctx, offset.start) if e.start >= s_start]
    return before[0] if before else None


def _clause_date(ctx: DateContext, offset: TimeExpression) -> TimeExpression | None:
    """ "..., and after 11 days of talks, a deal was signed on Friday": the phrase opens a
    clause; the date is the first one after the comma that closes the phrase."""
    if not _CLAUSE_OPENING.search(ctx.text, max(0, offset.start - 12), offset.start):
        return None
    s_end = ctx.sentences[ctx.sentence_index(offset.start)][1]
    comma = EVENT_END.search(ctx.text, offset.end, s_end)
    if comma is None or comma.group(0) != ",":
        return None
    after = [e for e in ctx.dates_between(comma.end(), s_end) if not is_reporting(ctx, e)]
    return after[0] if after else None
