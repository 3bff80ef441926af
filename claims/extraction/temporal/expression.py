"""The value a time expression is read into, and the lengths of its units in days."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

KINDS = ("date", "offset", "interval", "duration")
# Mean lengths in days, for comparing a stated length with a count of calendar days.
UNIT_DAYS = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.436875, "year": 365.2425}


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

    def delta(self) -> relativedelta | None:
        """The signed offset (`direction` × `amount` `unit`s), or None if it is not whole."""
        if self.amount is None or self.unit is None or self.amount != int(self.amount):
            return None
        sign = self.direction or 1
        n = sign * int(self.amount)
        return relativedelta(**{f"{self.unit}s": n})  # type: ignore[arg-type]
