"""Time expressions in news text, resolved against the dateline: pure Python, no Django.

    from claims.extraction import find_time_expressions
    expressions = find_time_expressions(text, reference_date)  # list[TimeExpression], text order

What is found, and how it is read (`reference_date` is the article's dateline):

- `date`: one calendar day.
  - Weekday names. A bare "on Saturday" is the latest Saturday on or before the dateline (news
    reports the past; "on Wednesday" in a Wednesday article is that day), unless its clause is
    in the future tense ("will", "is due to", ...), then it is the first one on or after it.
    "last Friday" is strictly before the dateline, "next Monday" strictly after, "this Friday"
    and "this coming Friday" on or after. "the following/previous Monday" depends on the story's
    own time line and is left unresolved (`date` None).
  - "yesterday", "today", "tonight", "tomorrow", "last night", "this morning", "the day before
    yesterday", "the day after tomorrow".
  - Explicit dates: "September 10", "Sept. 10, 2022", "10 Sept", "10th of September 2022",
    "Saturday, September 10", "2022-09-10". A date without a year takes the year that puts it
    in the window from nine months before to three months after the dateline (so "December 28"
    in a January article is last December, "March 3" in a September article is this March,
    "November 5" in a September article is this November). Without a dateline it stays
    unresolved.
- `offset`: "N units ago / later / after / earlier / before / on / from now", "a week later",
  "the next day", "the day before". `amount` and `unit` say how much, `direction` which way
  (+1 later, -1 earlier), `anchor` what from: `"dateline"` ("ago", "from now": then `date` is
  resolved), `"preceding"` (the last event the text told: "two days later"), or `"following"`
  (the event named right after the phrase: "five days after the city fell").
- `interval`: "from June 1 to June 30", "June 1 to June 30", "between March 3 and 5", "June
  1-30", "from 4 to 8 March", "from Friday to Monday", "since Monday", "since the start of
  September" (a "since" interval ends on the dateline). `date` is the first day, `end_date`
  the last, `length_days` the days from first to last (known even without a dateline when
  both ends are explicit dates, e.g. 29 for June 1 to June 30). A year written at one end
  dates the other ("from March 1 to March 12, 2019": both in 2019). "from" may be left out
  only between two calendar dates or around a dash; "A and B" without "between" stays two
  dates.
- `duration`: a stated length of time that is not an offset: "a period of six weeks", "for
  five days", "a six-week siege".
- `time`: a clock time ("at 9 p.m.", "3:40am", "at 21:00", "noon"), `minutes` after midnight.

Lengths of time are not read here: they are the extractor's Quantities of kind "duration"
(`extract_quantities`, passed in as `quantities` or extracted on demand), so that one reader
reads every number ("a hundred days", "twenty-one", "a fortnight" = 2 weeks). This package
reads only the words around them: "ago/later/after/before/on/from now", "in N days" in a
future clause (from the dateline), "after N days of talks" (`anchor` "start_of", `noun`
"talks") and "an N-day summit" (a `duration` whose `noun` is "summit"). Units are `minute`,
`hour`, `day`, `week`, `month` and `year`; qualifiers are the Extraction API's.

Every regex is precompiled, anchored on fixed words and free of nested quantifiers, so the
scan is linear in the length of the text.

The package, one idea a module: `expression` (TimeExpression, UNIT_DAYS), `patterns` (the
words and regexes), `dates` (one calendar day), `offsets` (the words around
the extractor's lengths) and `intervals` (spans and "since"); this module finds them all and
settles overlaps.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from claims.extraction.quantity import Quantity
from claims.extraction.temporal.dates import (
    clock_times,
    explicit_dates,
    relative_days,
    weekdays,
)
from claims.extraction.temporal.expression import CLOCK_UNITS, KINDS, UNIT_DAYS, TimeExpression
from claims.extraction.temporal.intervals import day_ranges, join_intervals, since_months
from claims.extraction.temporal.offsets import fixed_offsets, lengths

__all__ = ["CLOCK_UNITS", "KINDS", "UNIT_DAYS", "TimeExpression", "find_time_expressions"]


def find_time_expressions(
    text: str,
    reference_date: date | None = None,
    quantities: Sequence[Quantity] | None = None,
) -> list[TimeExpression]:
    """Every time expression in `text`, in text order, resolved against `reference_date`.

    See the module docstring for what is found and the rules used to resolve it. Overlapping
    matches are settled in favour of the one that starts first, then the longest. The lengths
    of time are the extractor's `quantities` of kind "duration" (extracted here when not
    given), so that one reader reads every number.
    """
    if quantities is None:
        from claims.extraction.extractor import extract_quantities

        quantities = extract_quantities(text, reference_date=reference_date)
    found = (
        explicit_dates(text, reference_date)
        + weekdays(text, reference_date)
        + relative_days(text, reference_date)
        + lengths(text, quantities, reference_date)
        + fixed_offsets(text)
        + clock_times(text)
        + since_months(text, reference_date)
        + day_ranges(text, reference_date)
    )
    chosen = _without_overlaps(found)
    return join_intervals(text, chosen, reference_date)


def _without_overlaps(found: list[TimeExpression]) -> list[TimeExpression]:
    chosen: list[TimeExpression] = []
    for expr in sorted(found, key=lambda e: (e.start, -e.end)):
        if not chosen or expr.start >= chosen[-1].end:
            chosen.append(expr)
    return chosen
