"""Stated lengths of time in the date check: "from June 1 to June 30, a period of six weeks",
"the strike, which began on Monday, has lasted five days".
"""

from __future__ import annotations

import re

from claims.checks.date_context import DateContext, apposed
from claims.checks.date_verdicts import counts_text, day_label, judge, needs_dateline, unverifiable
from claims.checks.finding import Finding
from claims.extraction.temporal import TimeExpression

# "has lasted five days" is counted up to the dateline from the day the thing "began on".
_LASTED = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|already\s+)?(?:lasted|been\s+going\s+on|gone\s+on"
    r"|continued|raged|run)\s+(?:for\s+)?$",
    re.IGNORECASE,
)


_BEGAN = re.compile(
    r"\b(?:began|begun|started|erupted|broke\s+out|kicked\s+off)\s+(?:on\s+)?$", re.IGNORECASE
)


# A stated length may also be joined to its interval by a verb: "ran from 4 to 8 March,
# lasting five days", "which lasted from June 1 to June 30, six weeks in all".
_LENGTH_APPOSITION = re.compile(
    r"[\s,;:()\[\]–—-]*(?:(?:or|for|that\s+is|i\.e\.|namely|lasting|lasted|spanning|spanned"
    r"|which\s+(?:is|was)|in\s+all|in\s+total|a\s+total\s+of"
    r"|(?:a|the)\s+(?:period|span|space|stretch)\s+of)\s+)?",
    re.IGNORECASE,
)


def check_duration(ctx: DateContext, duration: TimeExpression) -> Finding | None:
    interval = apposed(ctx, duration, ("interval",), gap=_LENGTH_APPOSITION)
    if interval is None:
        return _check_lasted(ctx, duration)
    if interval.length_days is None:
        if ctx.reference is None and interval.relative:
            return unverifiable(duration, needs_dateline(duration, [interval]))
        return None
    counts = [interval.length_days]
    if interval.anchor != "dateline":
        counts.append(interval.length_days + 1)  # "June 1 to June 30" may count both ends
    dated = f"'{interval.text}' spans {counts_text(counts)}"
    return judge(duration, counts, interval.date, interval.end_date, dated)


def _check_lasted(ctx: DateContext, duration: TimeExpression) -> Finding | None:
    """ "The strike, which began on Monday, has now lasted five days": start to dateline."""
    if not _LASTED.search(ctx.text, max(0, duration.start - 40), duration.start):
        return None
    s_start, _ = ctx.sentences[ctx.sentence_index(duration.start)]
    starts = [
        e
        for e in ctx.exprs
        if s_start <= e.start < duration.start
        and (
            (e.kind == "date" and _BEGAN.search(ctx.text, max(0, e.start - 24), e.start))
            or (e.kind == "interval" and e.anchor == "dateline")
        )
    ]
    if len(starts) != 1:
        return None
    began = starts[0]
    if ctx.reference is None:
        return unverifiable(duration, needs_dateline(duration, [began]))
    if began.date is None or began.date >= ctx.reference:
        return None
    elapsed = (ctx.reference - began.date).days
    counts = [elapsed, elapsed + 1]  # "in its fifth day" counts the first day too
    dated = f"'{began.text}' is {day_label(began.date)} and the dateline {day_label(ctx.reference)}"
    return judge(duration, counts, began.date, ctx.reference, dated)
