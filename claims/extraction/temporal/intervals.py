"""Intervals: "from June 1 to June 30", "between March 3 and 5", "4-8 March", "since Monday"."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from claims.extraction.temporal.dates import month_day, month_number, place_in_year, safe_date
from claims.extraction.temporal.expression import TimeExpression
from claims.extraction.temporal.patterns import (
    DAYS_MONTH,
    MONTH,
    RANGE_DAY_TAIL,
    RANGE_JOIN,
    RANGE_OPENER,
    SINCE_MONTH,
    SINCE_OPENER,
    WEEKDAYS,
)


def since_months(text: str, reference: date | None) -> list[TimeExpression]:
    out = []
    for m in SINCE_MONTH.finditer(text):
        month = month_number(m["mon"])
        if m["year"]:
            first = safe_date(int(m["year"]), month, 1)
        else:
            first = place_in_year(month, 1, reference)
        out.append(_since(m.start(), m.end(), text, first, reference))
    return out


def _since(start: int, end: int, text: str, first: date | None, reference: date | None):
    last = reference if first is not None else None
    length = (last - first).days if first and last else None
    return TimeExpression(
        start,
        end,
        text[start:end],
        "interval",
        first,
        end_date=last,
        anchor="dateline",
        relative=True,
        length_days=length,
    )


def day_ranges(text: str, reference: date | None) -> list[TimeExpression]:
    """ "from 4 to 8 March", "4-8 March 2022": two days of one month."""
    out = []
    for m in DAYS_MONTH.finditer(text):
        first_day, last_day = (int(m[g].rstrip("stndrh")) for g in ("d1", "d2"))
        if last_day <= first_day or not _range_words_agree(m["opener"], m["join"]):
            continue
        month = month_number(m["mon"])
        if m["year"]:
            first = safe_date(int(m["year"]), month, first_day)
        else:
            first = place_in_year(month, first_day, reference)
        last = safe_date(first.year, month, last_day) if first else None
        out.append(
            TimeExpression(
                m.start(),
                m.end(),
                m[0],
                "interval",
                first,
                end_date=last,
                relative=not m["year"],
                length_days=last_day - first_day,
            )
        )
    return out


def join_intervals(
    text: str, exprs: list[TimeExpression], reference: date | None
) -> list[TimeExpression]:
    """Turn "from A to B", "between A and B", "A–B", "A-30" and "since A" into intervals."""
    out: list[TimeExpression] = []
    i = 0
    while i < len(exprs):
        a = exprs[i]
        b = exprs[i + 1] if i + 1 < len(exprs) else None
        joined = _pair_interval(text, a, b, reference) if a.kind == "date" else None
        if joined is not None:
            out.append(joined)
            i += 2
            continue
        tail = _day_tail_interval(text, a, b, reference) if a.kind == "date" else None
        since = _since_interval(text, a, reference) if a.kind == "date" else None
        out.append(tail or since or a)
        i += 1
    return out


def _pair_interval(
    text: str, a: TimeExpression, b: TimeExpression | None, reference: date | None
) -> TimeExpression | None:
    if b is None or b.kind != "date" or not RANGE_JOIN.fullmatch(text, a.end, b.start):
        return None
    opener = RANGE_OPENER.search(text, max(0, a.start - 12), a.start)
    joiner = text[a.end : b.start]
    # "June 1 to June 30" needs no "from": two calendar dates joined by "to" make a span.
    calendar = _has_month(a.text) and _has_month(b.text) and joiner.strip().casefold() != "and"
    if not (calendar and opener is None) and not _range_words_agree(opener, joiner):
        return None
    start = opener.start() if opener else a.start
    a, b = _share_written_year(a, b)
    return _interval(text, start, b.end, a, b.date, b)


def _share_written_year(
    a: TimeExpression, b: TimeExpression
) -> tuple[TimeExpression, TimeExpression]:
    """ "from March 1 to March 12, 2019" is 2019 at both ends, and so is "from March 1, 2019 to
    March 12": a year written at one end dates a month and day without one at the other, the
    nearest such day on the right side of it ("from Dec. 28 to Jan. 3, 2020" starts in 2019)."""
    if a.date is not None and not a.relative and b.relative:
        last = _in_year_of(b, a.date, +1)
        return a, (replace(b, date=last, relative=False) if last else b)
    if b.date is not None and not b.relative and a.relative:
        first = _in_year_of(a, b.date, -1)
        return (replace(a, date=first, relative=False) if first else a), b
    return a, b


def _in_year_of(expr: TimeExpression, other: date, side: int) -> date | None:
    """The month and day of `expr` (written without a year) in `other`'s year, or the year
    after (`side` +1) or before (-1) when that day would fall on the wrong side of `other`."""
    written = month_day(expr.text)
    if written is None:
        return None
    day = safe_date(other.year, *written)
    if day is not None and side * (day - other).days < 0:
        day = safe_date(other.year + side, *written)
    return day


def _day_tail_interval(
    text: str, a: TimeExpression, b: TimeExpression | None, reference: date | None
) -> TimeExpression | None:
    """ "from June 1 to 30", "June 1-30": the second end shares the first one's month."""
    m = RANGE_DAY_TAIL.match(text, a.end, b.start if b else len(text))
    if m is None or not _has_month(a.text):
        return None
    opener = RANGE_OPENER.search(text, max(0, a.start - 12), a.start)
    if not _range_words_agree(opener, text[a.end : m.start("day")]):
        return None
    day = int(m["day"].rstrip("stndrh"))
    last = safe_date(a.date.year, a.date.month, day) if a.date else None
    start = opener.start() if opener else a.start
    return _interval(text, start, m.end(), a, last, None, tail_day=day)


def _range_words_agree(opener: re.Match[str] | str | None, joiner: str) -> bool:
    """ "from A to B", "between A and B" or a bare dash "A–B"; not "A and B" alone."""
    joiner = joiner.strip().casefold()
    if opener is None:
        return joiner in ("-", "–", "—")
    word = opener if isinstance(opener, str) else opener["w"]
    return (word.casefold() == "between") == (joiner == "and")


def _has_month(surface: str) -> bool:
    return re.search(MONTH, surface) is not None


def _interval(
    text: str,
    start: int,
    end: int,
    a: TimeExpression,
    last: date | None,
    b: TimeExpression | None,
    tail_day: int | None = None,
) -> TimeExpression:
    first = a.date
    if first and last and last < first and b is not None and b.relative:
        last = _roll_forward(last, b)
    length = (last - first).days if first and last else None
    if length is None:
        length = _length_without_year(a, b, tail_day)
    relative = a.relative or (b.relative if b else False)
    return TimeExpression(
        start,
        end,
        text[start:end],
        "interval",
        first,
        end_date=last,
        relative=relative,
        length_days=length,
    )


def _roll_forward(last: date, b: TimeExpression | None) -> date:
    """An interval's end comes after its start: "from Friday to Monday", "December 20 to 3 Jan"."""
    if b is not None and b.text.split()[0].rstrip(",") in WEEKDAYS and not _has_month(b.text):
        return last + timedelta(days=7)
    return last.replace(year=last.year + 1) if not (last.month == 2 and last.day == 29) else last


def _length_without_year(
    a: TimeExpression, b: TimeExpression | None, tail_day: int | None
) -> int | None:
    """Days between two explicit month-day dates when no dateline fixes the year.

    The count is the same in every year unless the span crosses the end of February, so it is
    computed in a common and a leap year and kept only when both agree.
    """
    first = month_day(a.text)
    if first is None:
        return None
    last = (first[0], tail_day) if tail_day is not None else None
    if last is None and b is not None:
        last = month_day(b.text)
    if last is None:
        return None
    lengths = {_days_between(first, last, year) for year in (2001, 2004)}
    return lengths.pop() if len(lengths) == 1 and None not in lengths else None


def _days_between(first: tuple[int, int], last: tuple[int, int], year: int) -> int | None:
    a = safe_date(year, *first)
    b = safe_date(year if last >= first else year + 1, *last)
    return (b - a).days if a and b else None


def _since_interval(text: str, a: TimeExpression, reference: date | None) -> TimeExpression | None:
    opener = SINCE_OPENER.search(text, max(0, a.start - 8), a.start)
    if opener is None:
        return None
    return _since(opener.start(), a.end, text, a.date, reference)
