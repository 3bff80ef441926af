"""The `date_arithmetic` check: a stated interval against the dates the text itself gives.

    from claims.checks.date_arithmetic import check_date_arithmetic
    findings = check_date_arithmetic(text, reference_date)  # list[Finding]

These shapes are checked (dates come from `claims.extraction.temporal`, weekdays resolved
against the dateline):

1. An offset set beside a date: "on Wednesday, two days later", "three days later, on
   Thursday", "on Wednesday, five days after the city fell", "on Sunday, five days ago". The
   date (D1) must be in apposition: only punctuation, "on" or "or" between the two; or
   the offset opens its sentence and D1 is the main clause's first date after the comma
   ("Two days after the vote on Sunday, the president resigned on Wednesday"), neither in a
   relative clause nor a reporting date.
   - "N ago" / "N from now" claims D1 = dateline ∓ N.
   - "N later" / "N earlier" counts from the preceding dated event: the nearest date before the
     pair in the same or the previous sentence (a reporting date such as "said on Tuesday" is
     not an event).
   - "N after X" / "N before X" counts from the event X named after the phrase. If X's own
     clause carries a date ("after the vote on Sunday"), that is the anchor. Otherwise X is
     linked to a dated clause elsewhere in the text, and only when the link is confident:
     that clause must describe the same kind of event (the same entry of `EVENT_GROUPS`:
     "recaptured" links to "took back control", never to "captured" or to a shared noun such
     as "forces"), it must not be a reporting date, its date must lie on the side of D1 that
     the phrase claims, every place or person the event names must stand in its sentence
     too, and every such clause must give the same date. An event brought in with "a" or
     "an" ("after a missile attack") is a new one and is not linked. Two different dates
     make the finding `unverifiable`, and so do matching dates that all lie on the wrong
     side of D1; none make no finding. "N later" whose nearest event does not fit while
     another of the same or previous sentence does is `unverifiable` too (which event).
2. A stated length set beside an interval: "from June 1 to June 30, a period of six weeks".
   The interval counts its days both ways (29 from first to last day, 30 counting both).
   "The strike, which began on Monday, has lasted five days" counts from the one date that
   something "began on" in the sentence to the dateline, the same two ways.
3. Two bare weekday names are at most a week apart: if the dateline puts the later event
   before the earlier one ("Saturday ... three days later, on Tuesday" in a Monday article,
   where Tuesday is still to come), the count wraps by seven days.
4. A weekday written before a calendar date ("On Tuesday, March 12") must be that date's
   weekday, in a year written in its sentence when none is written with it, else in the
   dateline's year (weekdays.py).
5. "After 11 days of talks, negotiators reached a deal on Friday": from the one date the
   talks began (a clause of the same kind of event telling of a start) to the main clause's
   date (date_elapsed.py). "After five days, rescuers found him on Thursday" counts from the
   preceding event, like "five days later".
6. Hours and minutes (date_hours.py): between two clock times to the minute, between two
   days only to the day.
7. "an 11-day summit" against the one interval of its sentence, or the date it began and the
   date it ends, counting its first and last day (date_durations.py).
8. "will open in three days, on Friday", "in two days' time": from the dateline.

The lengths of time are the extractor's quantities (one reader); `check_text` passes them in.
Tolerances come from `claims.checks.tolerance.date_length_bounds` (the unit as the rounding
step, an exact number of weeks to the day). A bare weekday is known only by its day of the week
(date_counts.py). Where a step is unsure (which event, which date, no dateline) the finding is
`unverifiable` with the reason; nothing is said when the text gives nothing to compare with: a
wrong `inconsistent` costs more than silence.

The offsets are checked here; the text's sentences and clauses and the linking of an event to
its date are in date_context.py (event words in date_events.py), counting between dates in
date_counts.py, stated lengths in date_durations.py, and the wording of findings in
date_verdicts.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from claims.checks.date_context import (
    REACH,
    DateContext,
    apposed,
    names_present,
    quoted_clause,
    same_event,
)
from claims.checks.date_counts import (
    EVENT_END,
    bare_weekday,
    count_days,
    main_clause_date,
    preceding_dates,
)
from claims.checks.date_durations import check_duration
from claims.checks.date_elapsed import check_elapsed
from claims.checks.date_events import (
    EVENT_GROUPS,
    INDEFINITE,
    PROPER_NOUN,
    event_groups,
    told_words,
)
from claims.checks.date_hours import check_hours
from claims.checks.date_verdicts import (
    CHECK,
    day_label,
    judge,
    needs_dateline,
    unverifiable,
)
from claims.checks.finding import Finding
from claims.checks.weekdays import check_weekdays
from claims.extraction.quantity import Quantity
from claims.extraction.temporal import CLOCK_UNITS, TimeExpression

__all__ = ["CHECK", "EVENT_GROUPS", "check_date_arithmetic"]

# Days, weeks, months and years are counted on the calendar; hours are not (a date has no time).
CHECKED_UNITS = ("day", "week", "month", "year")


def check_date_arithmetic(
    text: str, reference_date: date | None = None, quantities: Sequence[Quantity] | None = None
) -> list[Finding]:
    """Findings for every stated interval that the text's own dates can be held against.

    `reference_date` is the article's dateline; weekdays and "N days ago" need it. See the
    module docstring for the shapes checked and the rule that links an event to its date.
    """
    ctx = DateContext.build(text, reference_date, quantities)
    findings = []
    for expr in ctx.exprs:
        if expr.amount is None:
            continue
        if expr.unit in CLOCK_UNITS:
            finding = check_hours(ctx, expr) if expr.kind == "offset" else None
        elif expr.unit not in CHECKED_UNITS:
            continue
        elif expr.kind == "offset" and expr.anchor == "start_of":
            finding = check_elapsed(ctx, expr)
        elif expr.kind == "offset":
            finding = _check_offset(ctx, expr)
        elif expr.kind == "duration":
            finding = check_duration(ctx, expr)
        else:
            finding = None
        if finding is not None:
            findings.append(finding)
    return findings + check_weekdays(ctx)


@dataclass(frozen=True, slots=True)
class _Link:
    """The dated event an offset counts from, or why none could be chosen."""

    anchor: TimeExpression | None
    label: str  # the words that date the anchor, for the explanation
    problem: str = ""


def _check_offset(ctx: DateContext, offset: TimeExpression) -> Finding | None:
    # After "N days after/before", a date belongs to the event named ("after Monday's vote").
    after_too = offset.anchor != "following"
    d1 = apposed(ctx, offset, ("date",), after_too=after_too)
    if d1 is None and offset.anchor == "dateline":
        d1 = _since_start(ctx, offset)
    elif d1 is None:
        d1 = main_clause_date(ctx, offset)
    if d1 is None:
        return None
    if offset.anchor == "dateline":
        return _against_dateline(ctx, offset, d1)
    if offset.anchor == "preceding":
        return _against_preceding(ctx, offset, d1)
    link = _following_event(ctx, offset, d1)
    if link is None:
        return None
    if link.problem:
        return unverifiable(offset, link.problem, "the event's date is ambiguous")
    return _against_event(ctx, offset, d1, link)


def _against_preceding(
    ctx: DateContext, offset: TimeExpression, d1: TimeExpression
) -> Finding | None:
    """ "N days later" counts from the nearest earlier dated event; when that count is wrong
    but another dated event just before fits, which event is meant is unsure."""
    candidates = preceding_dates(ctx, min(offset.start, d1.start))
    if not candidates:
        return None
    finding = _against_event(
        ctx, offset, d1, _Link(candidates[0], quoted_clause(ctx, candidates[0]))
    )
    if finding is None or finding.outcome != "inconsistent":
        return finding
    for other in candidates[1:]:
        alternative = _against_event(ctx, offset, d1, _Link(other, quoted_clause(ctx, other)))
        if alternative is not None and alternative.outcome == "consistent":
            why = (
                f"'{offset.text}' may count from {quoted_clause(ctx, candidates[0])} (which "
                f"does not fit) or from {quoted_clause(ctx, other)} (which does); the text "
                "does not say which event it means."
            )
            return unverifiable(offset, why, "the event counted from is ambiguous")
    return finding


def _since_start(ctx: DateContext, offset: TimeExpression) -> TimeExpression | None:
    """ "closed since Monday, four days ago": the day a "since" interval starts, as a date."""
    since = apposed(ctx, offset, ("interval",), after_too=False)
    if since is None or since.anchor != "dateline" or since.date is None:
        return None
    day = ctx.text[since.start : since.end].split(None, 1)[-1]  # "since Monday" → "Monday"
    return replace(since, kind="date", start=since.end - len(day), text=day, end_date=None)


def _against_dateline(
    ctx: DateContext, offset: TimeExpression, d1: TimeExpression
) -> Finding | None:
    if ctx.reference is None:
        return unverifiable(offset, needs_dateline(offset, [d1]))
    if d1.date is None:
        why = f"'{d1.text}' could not be placed on the calendar."
        return unverifiable(offset, why, "no calendar date to count from")
    actual = count_days(offset, d1, ctx.reference, ctx.reference)
    if actual is None:
        return None
    d1_date = ctx.reference + timedelta(days=offset.direction * actual)
    first, last = sorted((d1_date, ctx.reference))
    dated = f"'{d1.text}' is {day_label(d1_date)} and the dateline {day_label(ctx.reference)}"
    return judge(offset, [actual], first, last, dated)


def _following_event(ctx: DateContext, offset: TimeExpression, d1: TimeExpression) -> _Link | None:
    """The date of the event named after "N days after": in its own words, or linked."""
    limit = min(ctx.sentences[ctx.sentence_index(offset.start)][1], offset.end + REACH)
    end = EVENT_END.search(ctx.text, offset.end, limit)
    event_end = end.start() if end else limit
    event = ctx.text[offset.end : event_end].strip()
    inside = ctx.dates_between(offset.end, event_end)
    if inside:
        return _Link(inside[0], f"'{event}'")
    groups = event_groups(event)
    if INDEFINITE.match(event):
        return None  # "after a missile attack" brings in an event the text has not dated
    if not groups:
        return _choose_link(ctx, offset, d1, event, _told_again(ctx, offset, d1, event))
    names = PROPER_NOUN.findall(event)
    linked = [
        e
        for e in ctx.dates_of(groups, offset.start)
        if e is not d1
        and not ctx.profile(e)[0]
        and same_event(ctx, e, event, groups)
        and names_present(ctx, e, names)
    ]
    return _choose_link(ctx, offset, d1, event, linked)


def _told_again(
    ctx: DateContext, offset: TimeExpression, d1: TimeExpression, event: str
) -> list[TimeExpression]:
    """Earlier dates whose clause tells the same event in the same words: "The dam failed on
    Sept. 10. ... six days after the dam failed". Every content word of the event (two at
    least, so a lone noun such as "the vote" never links by itself) must stand in the clause.
    Only dates within the reach of a long article are looked at, like `DateContext.dates_of`,
    so that many articles pasted together stay linear."""
    words = told_words(event)
    if len(words) < 2:
        return []
    return [
        e
        for e in ctx.dates_before(offset.start)
        if e is not d1 and words <= ctx.told_words(e) and not ctx.profile(e)[0]
    ]


def _choose_link(
    ctx: DateContext,
    offset: TimeExpression,
    d1: TimeExpression,
    event: str,
    linked: list[TimeExpression],
) -> _Link | None:
    if d1.date is not None and linked:
        # Only a date on the claimed side of D1 can be the event (later: before D1).
        sided = [e for e in linked if e.date and offset.direction * (d1.date - e.date).days > 0]
        if not sided:
            names = "; ".join(quoted_clause(ctx, e) for e in linked)
            side = "after" if offset.direction > 0 else "before"
            why = (
                f"'{event}' matches only {names}, which is not {side} '{d1.text}': either the "
                "text means another event or it contradicts itself; the link is not sure."
            )
            return _Link(None, "", why)
        linked = sided
    if not linked:
        return None
    if len({e.date or e.text for e in linked}) > 1:
        names = "; ".join(quoted_clause(ctx, e) for e in linked)
        return _Link(None, "", f"'{event}' matches events on different dates: {names}.")
    return _Link(linked[0], quoted_clause(ctx, linked[0]))


def _against_event(
    ctx: DateContext, offset: TimeExpression, d1: TimeExpression, link: _Link
) -> Finding | None:
    anchor = link.anchor
    assert anchor is not None
    if d1.date is None or anchor.date is None:
        return unverifiable(offset, needs_dateline(offset, [anchor, d1]))
    actual = count_days(offset, d1, anchor, ctx.reference)
    if actual is None:
        return None  # the linked date is on the wrong side: the link is not trusted
    # The end that is a bare weekday, known only by its day of the week, is dated from the other.
    shift = timedelta(days=offset.direction * actual)
    anchor_date, d1_date = d1.date - shift, d1.date
    if bare_weekday(d1) and not bare_weekday(anchor):
        anchor_date, d1_date = anchor.date, anchor.date + shift
    first, last = sorted((anchor_date, d1_date))
    dated = f"{link.label} is {day_label(anchor_date)} and '{d1.text}' {day_label(d1_date)}"
    if d1.relative or anchor.relative:
        dated += f" (against the dateline, {day_label(ctx.reference)})" if ctx.reference else ""
    return judge(offset, [actual], first, last, dated)
