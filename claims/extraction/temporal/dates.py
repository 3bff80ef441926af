"""One calendar day: explicit dates, weekday names and "yesterday"/"today"/"tomorrow"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from claims.extraction.lexicon.calendar import month_number
from claims.extraction.temporal.expression import TimeExpression
from claims.extraction.temporal.patterns import (
    CLAUSE_BREAK,
    CLOCK,
    DAY_MONTH,
    FUTURE,
    ISO,
    MONTH_DAY,
    RELATIVE_DAY,
    RELATIVE_DAY_OFFSET,
    WEEKDAY_RE,
    WEEKDAYS,
)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def place_in_year(month: int, day: int, reference: date | None) -> date | None:
    """The year rule: the window from nine months before to three months after the dateline."""
    if reference is None:
        return None
    for year in (reference.year, reference.year - 1, reference.year + 1):
        candidate = safe_date(year, month, day)
        if candidate and -275 < (candidate - reference).days <= 92:
            return candidate
    return None


def month_day(surface: str) -> tuple[int, int] | None:
    """The month and day of a date written without a year ("Friday, July 16", "16 July")."""
    for pattern in (MONTH_DAY, DAY_MONTH):
        m = pattern.fullmatch(surface)
        if m and not m["year"]:
            return month_number(m["mon"]), int(m["day"].rstrip("stndrh"))
    return None


def explicit_dates(text: str, reference: date | None) -> list[TimeExpression]:
    out = []
    for pattern in (MONTH_DAY, DAY_MONTH):
        for m in pattern.finditer(text):
            month, day = month_number(m["mon"]), int(m["day"].rstrip("stndrh"))
            if m["year"]:
                resolved, relative = safe_date(int(m["year"]), month, day), False
            else:
                resolved, relative = place_in_year(month, day, reference), True
            out.append(_date_expr(text, m, resolved, relative))
    for m in ISO.finditer(text):
        resolved = safe_date(int(m["year"]), int(m["mon"]), int(m["day"]))
        if resolved:
            out.append(_date_expr(text, m, resolved, False))
    return out


def _date_expr(text: str, m: re.Match[str], resolved: date | None, relative: bool):
    return TimeExpression(m.start(), m.end(), m[0], "date", date=resolved, relative=relative)


def weekdays(text: str, reference: date | None) -> list[TimeExpression]:
    out = []
    for m in WEEKDAY_RE.finditer(text):
        mod = " ".join((m["mod"] or "").casefold().split())
        resolved = None
        if reference is not None:
            future = mod == "" and in_future_clause(text, m.start())
            resolved = _resolve_weekday(WEEKDAYS.index(m["wd"]), mod, reference, future)
        out.append(TimeExpression(m.start(), m.end(), m[0], "date", resolved, relative=True))
    return out


def _resolve_weekday(weekday: int, mod: str, reference: date, future: bool) -> date | None:
    back = (reference.weekday() - weekday) % 7  # days back to the latest such day, 0 if today
    ahead = (weekday - reference.weekday()) % 7
    if mod in ("last", "past", "this past"):
        return reference - timedelta(days=back or 7)
    if mod == "next":
        return reference + timedelta(days=ahead or 7)
    if mod in ("this", "coming", "this coming") or (mod == "" and future):
        return reference + timedelta(days=ahead)
    if mod == "":
        return reference - timedelta(days=back)
    return None  # "the following Monday": counted from the story's time line, not the dateline


def in_future_clause(text: str, at: int) -> bool:
    """Whether the clause around `at` speaks of the future ("will meet on Friday")."""
    window_start = max(0, at - 120)
    before = text[window_start:at]
    breaks = list(CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    if clause.strip().casefold() in ("", "on"):
        # "On Sunday, voters will go to the polls": the date opens the sentence.
        after = text[at : at + 120]
        first = CLAUSE_BREAK.search(after)
        nxt = CLAUSE_BREAK.search(after, first.end()) if first else None
        clause = after[: nxt.start() if nxt else len(after)]
        if len(breaks) >= 1 and breaks[-1].group(0) == ",":
            # "will open in three days, on Friday": a date set off by a comma tells when the
            # clause before it happens.
            head = before[breaks[-2].end() if len(breaks) >= 2 else 0 : breaks[-1].start()]
            clause = f"{head} {clause}"
    return FUTURE.search(clause) is not None


def relative_days(text: str, reference: date | None) -> list[TimeExpression]:
    out = []
    for m in RELATIVE_DAY.finditer(text):
        words = " ".join(m[0].casefold().split())
        if words.startswith("the day"):
            shift = -2 if words.endswith("yesterday") else 2
        else:
            shift = RELATIVE_DAY_OFFSET.get(words, 0)
        resolved = reference + timedelta(days=shift) if reference else None
        out.append(TimeExpression(m.start(), m.end(), m[0], "date", resolved, relative=True))
    return out


def clock_times(text: str) -> list[TimeExpression]:
    """ "at 9 p.m.", "3:40am", "at 21:00", "noon": minutes after midnight (`date` is left to
    the reader of the clause, which knows the day the time belongs to)."""
    out = []
    for m in CLOCK.finditer(text):
        if m["word"]:
            minutes = 0 if m["word"].casefold() == "midnight" else 12 * 60
        elif m["h24"]:
            minutes = int(m["h24"]) * 60 + int(m["m24"])
        else:
            hour = int(m["h"]) % 12 + (12 if m["ap"].casefold() == "p" else 0)
            minutes = hour * 60 + int(m["m"] or 0)
        out.append(TimeExpression(m.start(), m.end(), m[0], "time", minutes=minutes))
    return out
