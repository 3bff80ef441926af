"""Stated lengths of time in the date check: "from June 1 to June 30, a period of six weeks",
"the strike, which began on Monday, has lasted five days".
"""

from __future__ import annotations

import re
from dataclasses import replace

from claims.checks.date_context import REACH, DateContext, apposed
from claims.checks.date_counts import bare_weekday, within_a_week
from claims.checks.date_events import STAY_NOUNS
from claims.checks.date_verdicts import counts_text, day_label, judge, needs_dateline, unverifiable
from claims.checks.finding import Finding
from claims.extraction.temporal import TimeExpression

# Groups of date_events.py that tell of a beginning and of an end.
_BEGINNINGS = frozenset({"start", "opening"})
_ENDINGS = frozenset({"end", "closure"})

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
    if duration.noun is not None:
        return check_event_length(ctx, duration)
    interval = apposed(ctx, duration, ("interval",), gap=_LENGTH_APPOSITION)
    if interval is None:
        return _check_lasted(ctx, duration)
    if interval.length_days is None:
        if ctx.reference is None and interval.relative:
            return unverifiable(duration, needs_dateline(duration, [interval]))
        return None
    if interval.length_days < 0:
        return None  # its end reads before its start: a year misread, nothing to count
    counts = [interval.length_days]
    if interval.anchor != "dateline":
        counts.append(interval.length_days + 1)  # "June 1 to June 30" may count both ends
    dated = f"'{interval.text}' spans {counts_text(counts)}"
    return judge(duration, counts, interval.date, interval.end_date, dated)


def _check_lasted(ctx: DateContext, duration: TimeExpression) -> Finding | None:
    """ "The strike, which began on Monday, has now lasted five days": start to dateline."""
    if not _LASTED.search(ctx.text, max(0, duration.start - 40), duration.start):
        return None
    # Its sentence, within a clause's reach: a run-on text stays linear.
    s_start = max(ctx.sentences[ctx.sentence_index(duration.start)][0], duration.start - REACH)
    starts = [
        e
        for e in ctx.exprs_between(s_start, duration.start)
        if (
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


def check_event_length(ctx: DateContext, duration: TimeExpression) -> Finding | None:
    """ "an 11-day festival from June 3 to June 13", "a five-day strike began on Monday ... ends
    on Friday": an event of N days counts its first and its last day (Monday to Wednesday is a
    three-day meeting). The two ends are the one interval of the sentence, else the one date
    the event began on and the one it ends on, in this sentence or the next."""
    ends = _interval_in_sentence(ctx, duration) or _began_and_ended(ctx, duration)
    if ends is None:
        return None
    first, last, label = ends
    if first.date is None or last.date is None:
        if ctx.reference is None and (first.relative or last.relative):
            return unverifiable(duration, needs_dateline(duration, [first, last]))
        return None
    days = (last.date - first.date).days
    if bare_weekday(first) or bare_weekday(last):
        days = within_a_week(days)
    if days < 0:
        return None
    counted = days + 1
    dated = f"{label} runs {counted} days counting its first and last day"
    if duration.unit == "week" and first.date.weekday() == 0 and last.date.weekday() == 4:
        # "a two-week trial from Monday, Jan. 8, to Friday, Jan. 19": working weeks, whose
        # last weekend is not a day of the event.
        dated += " (working weeks, Monday to Friday, without the last weekend)"
        return judge(duration, [counted, counted + 2], first.date, last.date, dated)
    finding = judge(duration, [counted], first.date, last.date, dated)
    if (
        finding.outcome == "inconsistent"
        and duration.noun in STAY_NOUNS
        and judge(duration, [days], None, None, "").outcome == "consistent"
    ):
        # "a 10-day trip from June 1 to 11" counts nights: a usual count for a stay.
        return unverifiable(
            duration,
            f"{label} runs {counted} days counting its first and last day, but {days} without "
            f"the last (as nights or a stay are counted); the text does not say which count "
            f"'{duration.text}' uses.",
            f"{counted} days counting both ends, {days} without the last",
        )
    return finding


def _interval_in_sentence(
    ctx: DateContext, duration: TimeExpression
) -> tuple[TimeExpression, TimeExpression, str] | None:
    s_start, s_end = ctx.sentences[ctx.sentence_index(duration.start)]
    intervals = [
        e
        for e in ctx.exprs_between(s_start, s_end)
        if e.kind == "interval" and e.anchor != "dateline"
    ]
    if len(intervals) != 1:
        return None
    interval = intervals[0]
    last = replace(interval, date=interval.end_date)
    return interval, last, f"'{interval.text}'"


def _began_and_ended(
    ctx: DateContext, duration: TimeExpression
) -> tuple[TimeExpression, TimeExpression, str] | None:
    index = ctx.sentence_index(duration.start)
    # This sentence and the next, within the reach of a clause either side of the length.
    s_start = max(ctx.sentences[index][0], duration.start - REACH)
    s_end = min(ctx.sentences[min(index + 1, len(ctx.sentences) - 1)][1], duration.end + REACH)
    began, ended = [], []
    for expr in ctx.dates_between(s_start, s_end):
        if ctx.profile(expr)[0]:
            continue
        # The verb right before the date says what it dates: "opened on June 1 and closed on
        # June 14"; else its clause.
        groups = ctx.lead_groups(expr) or ctx.profile(expr)[1]
        if groups & _BEGINNINGS:
            began.append(expr)
        elif groups & _ENDINGS:
            ended.append(expr)
    if len(began) != 1 or len(ended) != 1 or ended[0].start < began[0].start:
        return None
    first, last = began[0], ended[0]
    return first, last, f"from '{first.text}' to '{last.text}'"
