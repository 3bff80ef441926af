"""Lengths of time: offsets ("two days later", "a week ago") and durations ("for five days").

The amount, unit and qualifier of a length are the extractor's (`Quantity`, kind "duration"):
the text is read for numbers once. This module reads only the words around a length that say
what it counts from: "ago", "later", "after ...", "in ... (future)", "after N days of X", "an
N-day summit".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from dateutil.relativedelta import relativedelta

from claims.extraction.quantity import Quantity
from claims.extraction.temporal.dates import in_future_clause
from claims.extraction.temporal.expression import UNIT_DAYS, TimeExpression
from claims.extraction.temporal.patterns import (
    AFTER_BEFORE,
    ATTRIBUTIVE_NOUN,
    DIRECTION,
    DURATION_CONTEXT,
    FIXED_OFFSET,
    IN_BEFORE,
    MONTH_BEFORE,
    OF_NOUN,
    SECOND_FIGURE,
)

_EARLIER_WORDS = ("ago", "earlier", "before", "beforehand", "previously")


@dataclass(frozen=True, slots=True)
class _Length:
    """A length of time as the extractor read it, in the temporal layer's units."""

    start: int  # where its qualifier starts ("nearly a week"), else the figure
    end: int
    amount: float
    high: float | None
    unit: str
    qualifier: str


def _length(q: Quantity) -> _Length | None:
    unit, amount, high = q.unit, q.value, q.value_high
    if unit == "fortnight":  # "a fortnight" is two weeks
        unit, amount, high = "week", amount * 2, (high * 2 if high is not None else None)
    if q.kind != "duration" or unit not in UNIT_DAYS:
        return None
    start = q.extras.get("qualifier_start", q.start)
    start = start if isinstance(start, int) and start <= q.start else q.start
    return _Length(start, q.end, amount, high, unit, q.qualifier)


def _after_a_date(text: str, q: Quantity) -> Quantity:
    """ "from March 1 to May 20 — 80 days": a "range" whose low end is the day of a date is
    the date's day and a length; the length is the high end alone."""
    near = max(0, q.start - 16)
    if (
        q.qualifier != "range"
        or q.value_high is None
        or not MONTH_BEFORE.search(text, near, q.start)
    ):
        return q
    second = SECOND_FIGURE.search(text, q.start, q.end)
    if second is None:
        return q
    start = second.end()
    return replace(
        q,
        start=start,
        text=text[start : q.end],
        value=q.value_high,
        value_high=None,
        qualifier="exact",
        extras={},
    )


def lengths(
    text: str, quantities: Iterable[Quantity], reference: date | None
) -> list[TimeExpression]:
    """The offsets and durations among the extractor's duration quantities."""
    out = []
    for q in quantities:
        length = _length(_after_a_date(text, q))
        if length is not None:
            out.append(_read(text, length, reference))
    return out


def _read(text: str, length: _Length, reference: date | None) -> TimeExpression:
    before = text[max(0, length.start - 24) : length.start]
    direction = DIRECTION.match(text, length.end)
    word = (direction["dir"] or "").casefold() if direction else ""
    if word and not DURATION_CONTEXT.search(before):
        return _offset(text, length, direction, word, reference)  # type: ignore[arg-type]
    if IN_BEFORE.search(before) and in_future_clause(text, length.start):
        # "will open in three days", "in two days' time": counted from the dateline.
        end = direction.end() if direction else length.end
        return _offset_expr(text, length, end, +1, "dateline", reference)
    after = AFTER_BEFORE.search(before)
    if after:
        # "After 11 days of talks, ...": the phrase, "after" included, opens its clause.
        of = OF_NOUN.match(text, length.end)
        noun = of["noun"].casefold() if of else None
        anchor = "start_of" if noun else "preceding"
        opened = replace(length, start=length.start - len(before) + after.start())
        return _offset_expr(text, opened, length.end, +1, anchor, reference, noun=noun)
    noun = None
    if text[length.end - 1 : length.end].isalpha() and "-" in text[length.start : length.end]:
        glued = ATTRIBUTIVE_NOUN.match(text, length.end)  # "an 11-day summit"
        noun = glued["noun"].casefold() if glued else None
    return _expr(text, length, length.end, "duration", noun=noun)


def _offset(
    text: str, length: _Length, m: re.Match[str], word: str, reference: date | None
) -> TimeExpression:
    direction = -1 if word in _EARLIER_WORDS or word.startswith("prior") else 1
    if word in ("ago", "hence") or word.startswith("from"):
        anchor = "dateline"
    elif word in ("after", "before") or word.startswith("prior"):
        anchor = "following" if _followed_by_word(text, m.end()) else "preceding"
    else:
        anchor = "preceding"
    return _offset_expr(text, length, m.end(), direction, anchor, reference)


def _offset_expr(
    text: str,
    length: _Length,
    end: int,
    direction: int,
    anchor: str,
    reference: date | None,
    noun: str | None = None,
) -> TimeExpression:
    resolved = None
    if anchor == "dateline" and reference is not None:
        resolved = _shift(reference, direction, length.amount, length.unit)
    return _expr(
        text,
        length,
        end,
        "offset",
        date=resolved,
        direction=direction,
        anchor=anchor,
        relative=anchor == "dateline",
        noun=noun,
    )


def _expr(text: str, length: _Length, end: int, kind: str, **fields: object) -> TimeExpression:
    return TimeExpression(
        length.start,
        end,
        text[length.start : end],
        kind,
        amount=length.amount,
        amount_high=length.high,
        unit=length.unit,
        qualifier=length.qualifier,
        **fields,  # type: ignore[arg-type]
    )


def _followed_by_word(text: str, at: int) -> bool:
    rest = text[at : at + 3].lstrip()
    return bool(rest) and (rest[0].isalnum() or rest[0] in "“\"'‘")


def _shift(reference: date, direction: int, amount: float, unit: str) -> date | None:
    if unit not in ("day", "week", "month", "year") or amount != int(amount):
        return None
    # relativedelta takes its units as keywords: the stub cannot tell them from `dt1`.
    return reference + relativedelta(**{f"{unit}s": direction * int(amount)})  # type: ignore[arg-type]


def fixed_offsets(text: str) -> list[TimeExpression]:
    """ "the next day", "the previous evening", "the day after": one day, with no number."""
    out = []
    for m in FIXED_OFFSET.finditer(text):
        direction = -1 if m["prev"] or (m["dir"] or "").casefold() == "before" else 1
        anchor = "preceding"
        if m["dir"] and _followed_by_word(text, m.end()):
            anchor = "following"
        out.append(
            TimeExpression(
                m.start(),
                m.end(),
                m[0],
                "offset",
                amount=1.0,
                unit="day",
                direction=direction,
                anchor=anchor,
            )
        )
    return out
