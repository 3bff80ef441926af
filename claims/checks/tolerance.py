"""How far a stated figure reaches: every tolerance rule of the machine checks, in one place.

A figure in a news text is a claim about an interval, not a point. `bounds()` turns a figure,
its qualifier and the rounding step its numeral shows into that interval, and says in words
which rule it applied, so a finding can quote it. docs/tolerances.md explains the numbers to
editors with examples; keep the two in step.

    >>> bounds(8000, step=1000).rule
    'the figure shows rounding to the nearest 1,000: ±500, so 7,500–8,500'
    >>> bounds(30, qualifier="approximate", step=10, unit="mi").rule
    "'approximate' widens the figure by ±10 %: 27–33 mi"
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

# "about", "some", "roughly", "nearly", "around" ... all arrive as qualifier "approximate".
APPROXIMATE_SHARE = 0.10
# A round figure's trailing zeros may be significant ("30" exactly) or placeholders ("30" for
# anything in 25–35). Read as placeholders, one significant digit can hold a third of the
# figure ("100" for 140), which no reader takes from it; so a round figure's rounding is
# held to at most the share that "about" gives.
ROUND_FIGURE_CAP = APPROXIMATE_SHARE
# A converted figure is sometimes cut off rather than rounded ("3,088" for 3,088.8).
TRUNCATION_NOTE = "a conversion may be cut off rather than rounded"
# A converted figure is worked out from the first, not estimated: rounded to a round figure it
# stays within ±5 % of what it converts ("22 miles (35 km)", not "(40 km)"). A hedge on it
# ("roughly 40 km") still widens it to ±10 %.
CONVERTED_ROUND_CAP = 0.05

QUALIFIER_WORDS = {
    "exact": "",
    "approximate": "'approximate'",
    "more_than": "'more than'",
    "at_least": "'at least'",
    "less_than": "'less than'",
    "at_most": "'at most'",
    "range": "the range",
}


# Float rounding in unit changes, relative to the figures compared (never a fixed amount,
# which would swallow the precision of "0.0079 in").
_FLOAT_SLACK = 1e-9


@dataclass(frozen=True, slots=True)
class Bounds:
    """The interval a figure claims: `low`/`high` inclusive, None for an open end."""

    low: float | None
    high: float | None
    rule: str

    def contains(self, x: float) -> bool:
        """True when `x` lies inside the interval (ends included, a hair of float slack).

        The slack is relative: a figure below one ("0.0079 in") keeps its precision."""
        slack = _FLOAT_SLACK * abs(x)
        above = self.low is None or x >= self.low - slack
        below = self.high is None or x <= self.high + slack
        return above and below

    def overlaps(self, other: Bounds) -> bool:
        """True when the two intervals share at least one value."""
        lo = _max_or_none(self.low, other.low)
        hi = _min_or_none(self.high, other.high)
        if lo is None or hi is None:
            return True
        return lo <= hi + _FLOAT_SLACK * max(abs(lo), abs(hi))

    def meets(self, other: Bounds) -> bool:
        """True when the two intervals share more than an end: two stated figures, "3 crews"
        (2.5–3.5) and "4 crews" (3.5–4.5), are two figures, as a count of 3.5 is written as
        one of them, not both. An interval of one value meets another at its end all the same."""
        lo = _max_or_none(self.low, other.low)
        hi = _min_or_none(self.high, other.high)
        if lo is None or hi is None:
            return True
        if hi - lo > _FLOAT_SLACK * max(abs(lo), abs(hi), 1.0):
            return True
        single = self.low == self.high or other.low == other.high
        return single and self.overlaps(other)

    def mapped(self, convert: Callable[[float], float], rule: str | None = None) -> Bounds:
        """The same interval with both ends passed through a monotonic `convert` (a unit change)."""
        ends = [None if e is None else convert(e) for e in (self.low, self.high)]
        if ends[0] is not None and ends[1] is not None and ends[0] > ends[1]:
            ends.reverse()
        return Bounds(ends[0], ends[1], self.rule if rule is None else rule)

    def widened(self, margin: float, rule: str) -> Bounds:
        """The interval grown by `margin` at each closed end (e.g. the size of a city)."""
        low = None if self.low is None else self.low - margin
        high = None if self.high is None else self.high + margin
        return Bounds(low, high, rule)

    def text(self, unit: str = "") -> str:
        """The interval for a person to read: '27–33 mi', 'at least 8,000 km²'."""
        return describe_interval(self.low, self.high, unit)


def bounds(
    value: float,
    *,
    qualifier: str = "exact",
    step: float | None = None,
    value_high: float | None = None,
    unit: str = "",
    wording: str = "",
) -> Bounds:
    """The interval that a figure stated with `qualifier` and rounding `step` claims.

    `step` is the rounding the numeral shows (1000 for "8,000", 1 for "3,088", 0.1 for
    "26.2"); None (number words, fractions) means it is read off the value. `unit` and
    `wording` (the qualifier as written, e.g. "some") only label the rule's text.
    """
    word = f"'{wording}'" if wording else QUALIFIER_WORDS.get(qualifier, "")
    if qualifier == "range" and value_high is not None:
        return _range_bounds(value, value_high, step, unit)
    if qualifier in ("more_than", "at_least"):
        # The stated figure itself is let through: "more than 5" for exactly 5 is a quibble.
        return Bounds(value, None, f"{word} sets a floor: {_iv(value, None, unit)}")
    if qualifier in ("less_than", "at_most"):
        return Bounds(None, value, f"{word} sets a ceiling: {_iv(None, value, unit)}")
    half, why = precision(value, step)
    if qualifier == "approximate":
        return _approximate_bounds(value, half, unit, word)
    return Bounds(value - half, value + half, f"{why}, so {_iv(value - half, value + half, unit)}")


def precision(value: float, step: float | None, cap: float = ROUND_FIGURE_CAP) -> tuple[float, str]:
    """Half the rounding the figure shows, and a sentence saying so.

    "3,088" → ±0.5; "8,000" → ±500; "30" → ±3, not ±5 (ROUND_FIGURE_CAP); "five" → ±0.5.
    A converted figure passes `cap=CONVERTED_ROUND_CAP`.
    """
    step = implied_step(value) if step is None or step <= 0 else step
    step = half_order_step(value, step)
    half = step / 2
    magnitude = abs(value)
    if step >= 10 and magnitude and half > cap * magnitude:
        capped = cap * magnitude
        what = "a round figure" if cap == ROUND_FIGURE_CAP else "a round converted figure"
        return capped, f"{what} is held to ±{_pct(cap)} at most: ±{fmt(capped)}"
    return half, f"the figure shows rounding to the nearest {fmt(step)}: ±{fmt(half)}"


def half_order_step(value: float, step: float) -> float:
    """The step of a round figure ending in 5: "1,500", "250" are as often rounded to the
    nearest 500 or 50 as to 100 or 10, so they get the wider step (held in by the ±10 % cap)."""
    if step < 10 or not float(value).is_integer():
        return step
    digit = round(abs(value) / step) % 10
    return step * 5 if digit == 5 else step


def implied_step(value: float) -> float:
    """The rounding a figure given in words or as a fraction shows: 1 for five, 10 for
    thirty, 0.5 for 3½."""
    if value == 0:
        return 1.0
    if float(value).is_integer():
        step, n = 1.0, abs(int(value))
        while n % 10 == 0:
            step, n = step * 10, n // 10
        return step
    return 1.0 / Fraction(value).limit_denominator(16).denominator


def conversion_bounds(
    value: float,
    *,
    qualifier: str = "exact",
    step: float | None = None,
    value_high: float | None = None,
    unit: str = "",
    wording: str = "",
) -> Bounds:
    """The interval a *converted* figure claims: as `bounds`, but an exact, precise figure's
    top end reaches a whole step up, since converters cut such figures off as often as they
    round them ("3,088" for 3,088.8 is a faithful conversion). A round figure ("50") was
    rounded, not cut off: it gets no such allowance, and is held to CONVERTED_ROUND_CAP."""
    base = bounds(
        value, qualifier=qualifier, step=step, value_high=value_high, unit=unit, wording=wording
    )
    top = value if value_high is None else max(value, value_high)
    step = implied_step(top) if step is None or step <= 0 else step
    if qualifier == "exact" and step >= 10:
        half, why = precision(value, step, cap=CONVERTED_ROUND_CAP)
        return Bounds(
            value - half, value + half, f"{why}, so {_iv(value - half, value + half, unit)}"
        )
    if qualifier not in ("exact", "range") or base.high is None or step >= 10:
        return base
    high = max(base.high, top + step)
    tail = f" {unit}" if unit else ""
    return Bounds(base.low, high, f"{base.rule}; {TRUNCATION_NOTE}: up to {fmt(high)}{tail}")


def _approximate_bounds(value: float, half: float, unit: str, word: str) -> Bounds:
    share = APPROXIMATE_SHARE * abs(value)
    width = max(share, half)
    low, high = value - width, value + width
    if width == share:
        why = f"widens the figure by ±{_pct(APPROXIMATE_SHARE)}"
    else:
        why = f"allows the figure's own rounding, ±{fmt(half)}"
    return Bounds(low, high, f"{word} {why}: {_iv(low, high, unit)}")


def _range_bounds(value: float, value_high: float, step: float | None, unit: str) -> Bounds:
    # Each end keeps the rounding it shows; a shared step (the extractor's) applies to both.
    low_half, _ = precision(value, step)
    high_half, _ = precision(value_high, step)
    low, high = min(value, value_high) - low_half, max(value, value_high) + high_half
    stated = _iv(value, value_high, unit)
    return Bounds(
        low, high, f"the range {stated}, each end to its rounding: {_iv(low, high, unit)}"
    )


def describe_interval(low: float | None, high: float | None, unit: str = "") -> str:
    """'27–33 mi', '8,000 km² or more', '5 days or less', 'any value'."""
    return _iv(low, high, unit)


def _iv(low: float | None, high: float | None, unit: str) -> str:
    tail = f" {unit}" if unit else ""
    if low is None and high is None:
        return "any value"
    if high is None:
        return f"{fmt(low)}{tail} or more"
    if low is None:
        return f"{fmt(high)}{tail} or less"
    lo, hi = fmt_pair(low, high)
    return f"{lo}–{hi}{tail}"


def fmt(x: float | None, digits: int = 3) -> str:
    """A number for a person: thousands separators, about `digits` significant digits but
    never fewer than the integer part (3,088, not 3,090), no trailing zeros."""
    if x is None:
        return "—"
    if x == 0:
        return "0"
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(x))))
    text = f"{x:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def fmt_pair(low: float, high: float) -> tuple[str, str]:
    """Both ends of an interval with enough digits that they do not print the same."""
    slack = abs(high - low) / 20
    for digits in (3, 4, 5, 6):
        lo, hi = fmt(low, digits), fmt(high, digits)
        exact_enough = abs(_num(lo) - low) <= slack and abs(_num(hi) - high) <= slack
        if (lo != hi and exact_enough) or digits == 6:
            return lo, hi
    return fmt(low), fmt(high)  # pragma: no cover - the loop always returns


def _num(text: str) -> float:
    return float(text.replace(",", ""))


def _pct(share: float) -> str:
    return f"{share * 100:g} %"


def _max_or_none(a: float | None, b: float | None) -> float | None:
    if a is None:
        return b
    return a if b is None else max(a, b)


def _min_or_none(a: float | None, b: float | None) -> float | None:
    if a is None:
        return b
    return a if b is None else min(a, b)


# --- dates (the date check) ----------------------------------------------------------------

# A whole number of weeks is counted to the day: a reporter picks weeks when the count is a
# multiple of seven ("a week later, on Monday" after a Monday), so "a week later" four days on
# is wrong. One day either side is left for an evening event reported the next day.
WEEK_SLACK_DAYS = 1.0


def date_length_bounds(
    amount: float, *, unit: str, qualifier: str = "exact", value_high: float | None = None
) -> Bounds:
    """The interval, in `unit`s, that a stated length of time claims (docs/tolerances.md, 7).

    Rule 1 with the unit as the step ("five days" covers 4.5–5.5 days), except that an exact
    whole number of weeks is held to its days, ±WEEK_SLACK_DAYS ("a fortnight": 13–15 days).
    """
    whole = amount == int(amount)
    if unit == "week" and qualifier == "exact" and whole and value_high is None:
        slack = WEEK_SLACK_DAYS / 7
        days = int(amount) * 7
        rule = (
            f"a whole number of weeks is counted to the day, ±{fmt(WEEK_SLACK_DAYS)}: "
            f"{days - 1}–{days + 1} days"
        )
        return Bounds(amount - slack, amount + slack, rule)
    step = 1.0 if whole else None
    return bounds(amount, qualifier=qualifier, step=step, value_high=value_high, unit=f"{unit}s")


# --- places and directions (the geography check) -------------------------------------------

# A gazetteer gives a city as one point; writers measure from wherever they think of the place
# as being: a radius of 0.1 km × √(population / 1,000), within 0.5–8 km (Kyiv: 5.4 km).
PLACE_RADIUS_KM_PER_ROOT_THOUSAND = 0.1
PLACE_RADIUS_KM = (0.5, 8.0)
# Half the arc a compass word covers: "north" is 315°–45°, "north-east" 22.5°–67.5°, a
# three-letter point ("north-north-east") ±22.5° about its own bearing.
CARDINAL_HALF_ARC = 45.0
OTHER_HALF_ARC = 22.5
# A bearing a few degrees past the edge of a word's arc is a toss-up between two words (Rhodes
# is 112° from Athens: "south-east" as fairly as "east"); the check allows that much more.
COMPASS_EDGE_MARGIN = 5.0
# A route is longer than the straight line, rarely by more than 1.6 times (Kyiv–Kharkiv: 480 km
# by road, 412 km straight).
ROUTE_DETOUR_MAX = 1.6
# A road between two towns is typically a fifth to a third longer than the straight line, and
# news copy often gives the road distance beside a compass word ("Flagstaff, some 145 miles
# north of Phoenix": 123 mi straight, about 145 by the interstate). A figure longer than the
# line by no more than this is `unverifiable`, never ✗, unless the text asks for the straight
# line ("as the crow flies"); a figure shorter than the line has no such excuse ("some 30
# miles" for 38 stays an alarm), nor one more than this much longer.
ROAD_DETOUR_USUAL = 1.3
# A distance between two towns is never held tighter than ±10 % (the share "about" gives): the
# gazetteer has each town as one point, and the writer may have measured from another (the
# town hall, the station, the edge of town) or along the main road. "Tucson is 118 miles
# south-east of Phoenix" (108 mi straight, 116 by the interstate) is not a false figure.
PLACE_DISTANCE_SHARE = APPROXIMATE_SHARE
# Unless the text asks for the straight line ("as the crow flies"), a distance between towns
# is given loosely, and holds within ±15 % (±20 % after "about", "some"); "Kupyansk, some 30
# miles to the north of Izium" (38 mi) is past even that: ✗.
PLACE_DISTANCE_LOOSE_SHARE = 0.15
PLACE_DISTANCE_LOOSE_HEDGED_SHARE = 0.20
# A sentence that gives several distances from one town, every one of them longer than its
# straight line, is giving distances by road, as a "by road" would say (Raleigh: 155 miles
# from Richmond, 263 from Washington, 150 from Charlotte; 139, 233 and 130 straight).
ROAD_LIST_MIN = 2
# How far a city's built-up area reaches from its gazetteer point, to tell a district of a
# city (or the city itself) from a town at a stated distance: 0.25 km × √(population / 1,000),
# within 1–20 km (Warsaw, 1.7 million: 10 km; its district Wola lies 4 km from the centre).
CITY_REACH_KM_PER_ROOT_THOUSAND = 0.25
CITY_REACH_KM = (1.0, 20.0)


def place_radius_km(population: int) -> float:
    """How far from its gazetteer point a place of `population` reaches, for tolerance."""
    radius = PLACE_RADIUS_KM_PER_ROOT_THOUSAND * math.sqrt(max(population, 0) / 1000)
    return min(max(radius, PLACE_RADIUS_KM[0]), PLACE_RADIUS_KM[1])


def city_reach_km(population: int) -> float:
    """How far from its gazetteer point a city's built-up area reaches (see CITY_REACH_KM)."""
    radius = CITY_REACH_KM_PER_ROOT_THOUSAND * math.sqrt(max(population, 0) / 1000)
    return min(max(radius, CITY_REACH_KM[0]), CITY_REACH_KM[1])


def place_distance_bounds(
    stated: Bounds,
    value: float,
    value_high: float | None = None,
    unit: str = "",
    *,
    hedged: bool = False,
    loose: bool = False,
) -> Bounds:
    """`stated` held no tighter than ±PLACE_DISTANCE_SHARE of the figure: a distance between
    two towns is never more exact than the towns are points. `loose` (a distance not said to
    be a straight line) reaches PLACE_DISTANCE_LOOSE_SHARE, or the hedged share after
    "about". One-sided claims keep their end."""
    share = PLACE_DISTANCE_SHARE
    if loose:
        share = PLACE_DISTANCE_LOOSE_HEDGED_SHARE if hedged else PLACE_DISTANCE_LOOSE_SHARE
    top = value if value_high is None else max(value, value_high)
    low = None if stated.low is None else min(stated.low, min(value, top) * (1 - share))
    high = None if stated.high is None else max(stated.high, top * (1 + share))
    if (low, high) == (stated.low, stated.high):
        return stated
    rule = f"a distance between towns is held to ±{_pct(share)} at least: {_iv(low, high, unit)}"
    return Bounds(low, high, rule)


def route_may_explain(
    low: float | None, high: float | None, straight: float, detour: float = ROUTE_DETOUR_MAX
) -> bool:
    """Whether [low, high] may be a route: longer than the line, at most `detour` times."""
    longer = high is None or high >= straight
    within = low is None or low <= detour * straight
    return longer and within


def direction_half_arc(points: str, distance_km: float, slack_km: float) -> float:
    """The degrees either side of a compass word's bearing that still fit it.

    `points` is the abbreviation ("N", "NE", "NNE"). Two places close together, each with
    an extent, leave their bearing uncertain by about atan(extent / distance), which is added.
    """
    base = CARDINAL_HALF_ARC if len(points) == 1 else OTHER_HALF_ARC
    if distance_km <= 0:
        return 180.0
    return min(180.0, base + math.degrees(math.atan2(slack_km, distance_km)))


# --- offline reference figures (the `reference` check against shipped country data) -------

# A country's population moves by a few per cent in a few years, and the data's figures are
# from about 2018 (reference_data.py): a claim whose own reach misses the data's figure by no
# more than this share of it is still consistent ("France has 68 million people": 67.0 million
# in 2018).
REFERENCE_POPULATION_DRIFT = 0.05
# A population is called wrong only when the data's figure lies farther than this share outside
# the claim's reach; between the two the years between may explain it: unverifiable. The data
# is some eight years old by now, the fastest-growing countries gain 3–4 % a year (Niger: 22.4
# million in 2018, some 28 million today), and wars move people (Syria: 16.9 million in the
# data, 23 million in the UN's 2023 estimate): 20 % would call true figures wrong.
REFERENCE_POPULATION_FAR = 0.35
# Areas are given with or without inland water, with or without overseas parts: a claim that
# misses the data's total area by no more than this share is unverifiable, never wrong.
REFERENCE_AREA_DEFINITION_SHARE = 0.10


def reference_gap(claimed: Bounds, reference: float) -> float:
    """How far `reference` lies outside the claim's interval, as a share of `reference`
    (0 when inside; one-sided claims have only their one end)."""
    if claimed.contains(reference) or not reference:
        return 0.0
    end = claimed.low if claimed.low is not None and reference < claimed.low else claimed.high
    return abs(reference - (end if end is not None else reference)) / abs(reference)
