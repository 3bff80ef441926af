"""The value a time expression is read into, and the lengths of its units in days."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

KINDS = ("date", "offset", "interval", "duration", "time")
# Mean lengths in days, for comparing a stated length with a count of calendar days.
UNIT_DAYS = {
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 30.436875,
    "year": 365.2425,
}
# Units counted in hours on the clock rather than in days on the calendar.
CLOCK_UNITS = ("minute", "hour")


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression in a text; `text[start:end] == self.text`.

    `kind` is one of KINDS (see the package docstring). `date` is the resolved day of a `date`,
    of a dateline-anchored `offset`, or the first day of an `interval`; None when it cannot be
    resolved (a weekday without a dateline). `end_date` is an interval's last day. `amount`,
    `amount_high` (for "two to three days"), `unit` and `qualifier` describe the length of an
    `offset` or `duration`; `direction` is +1
    (later), -1 (earlier) or 0. `anchor` says what an offset counts from: `"dateline"`,
    `"preceding"` or `"following"`. `relative` is True when the reading depends on the dateline.
    `length_days` is an interval's length in days (last day minus first day).
    `noun` is what a length measures when the text says so: "summit" in "an 11-day summit",
    "talks" in "after 11 days of talks". A `time` is a clock time ("at 9 p.m."): `minutes`
    after midnight, and `date` when the same phrase names its day ("at 9 p.m. on Tuesday").
    """

    start: int
    end: int
    text: str
    kind: str
    date: dt.date | None = None  # the field's name shadows the type in the class body
    end_date: dt.date | None = None
    amount: float | None = None
    amount_high: float | None = None
    unit: str | None = None
    qualifier: str = "exact"
    direction: int = 0
    anchor: str | None = None
    relative: bool = False
    length_days: int | None = None
    noun: str | None = None
    minutes: int | None = None

    def delta(self) -> relativedelta | None:
        """The signed offset (`direction` × `amount` `unit`s), or None if it is not whole."""
        if self.amount is None or self.unit is None or self.amount != int(self.amount):
            return None
        sign = self.direction or 1
        n = sign * int(self.amount)
        return relativedelta(**{f"{self.unit}s": n})  # type: ignore[arg-type]
