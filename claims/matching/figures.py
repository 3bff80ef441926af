"""Whether two stated figures are the same figure, by the tolerance rules of the checks.

Each figure claims an interval (claims.checks.tolerance: its rounding, its hedge); two figures
of one kind are the same when the intervals meet once converted to one unit. Figures in two
units may be conversions of each other, so both are read as the conversion check reads a
converted figure ("3,088 sq mi" for 3,088.8 is faithful). A floor or a ceiling ("more than
60 miles") is the same figure only as a floor (ceiling) at the same number: "more than 60
miles" and "67 miles" are compatible, but they state different figures. A range is the same
as a range whose ends match end by end; a range and a single figure are not the same figure.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from claims.checks.tolerance import Bounds, bounds, conversion_bounds, fmt
from claims.checks.units import IncompatibleUnits, compatible, convert, same_unit, symbol
from claims.extraction.quantity import Quantity

_FLOOR = frozenset({"more_than", "at_least"})
_CEILING = frozenset({"less_than", "at_most"})
_WORDS = {"approximate": "about ", "more_than": "more than ", "at_least": "at least ",
          "less_than": "less than ", "at_most": "at most "}  # fmt: skip


@dataclass(frozen=True, slots=True)
class FigureMatch:
    """Two figures of one kind compared: `same`, and the figures side by side for a person."""

    same: bool
    shown: str


def comparable(a: Quantity, b: Quantity) -> bool:
    """Same kind, and units that convert (a currency only to itself)."""
    return a.kind == b.kind and compatible(a.unit, b.unit)


def compare_figures(a: Quantity, b: Quantity) -> FigureMatch:
    """Whether `a` and `b` (comparable) state the same figure."""
    try:
        same = _same(a, b)
    except IncompatibleUnits:
        same = False
    left, right = describe(a), _in_units_of(b, a)
    if same and left == right:
        return FigureMatch(same, left)
    return FigureMatch(same, f"{left} {'=' if same else '≠'} {right}")


def describe(q: Quantity) -> str:
    """'about 108 km', 'more than 60 mi', '250–400 ft', '7.5 %', '1.2 million'."""
    unit = symbol(q.unit) if q.kind != "currency" else q.unit
    number = (
        fmt(q.value, 6) if q.value_high is None else f"{fmt(q.value, 6)}–{fmt(q.value_high, 6)}"
    )
    return f"{_WORDS.get(q.qualifier, '')}{number}{' ' + unit if unit else ''}"


def _in_units_of(b: Quantity, a: Quantity) -> str:
    """`b` as written, and in `a`'s unit when the two differ: '76 mi (122 km)'."""
    if same_unit(a.unit, b.unit) or a.kind == "currency":
        return describe(b)
    return f"{describe(b)} ({fmt(convert(b.value, b.unit, a.unit))} {symbol(a.unit)})"


def _same(a: Quantity, b: Quantity) -> bool:
    sides = (_side(a), _side(b))
    if sides[0] or sides[1]:
        return _same_one_sided(a, b, sides)
    if (a.value_high is None) != (b.value_high is None):
        return False
    if a.value_high is not None:
        return _overlap(_end(a, low=True), _end(b, low=True)) and _overlap(
            _end(a, low=False), _end(b, low=False)
        )
    return _overlap(a, b)


def _same_one_sided(a: Quantity, b: Quantity, sides: tuple[str, str]) -> bool:
    """A floor (ceiling) is the same figure as a floor (ceiling) or a figure at its number,
    never as the other side's bound ("fewer than 50" vs "more than 50")."""
    if sides[0] and sides[1] and sides[0] != sides[1]:
        return False
    if (a.value_high is not None) or (b.value_high is not None):
        return False
    as_figures = _overlap(_as_exact(a), _as_exact(b))
    return as_figures and _overlap(a, b)


def _side(q: Quantity) -> str:
    return "floor" if q.qualifier in _FLOOR else "ceiling" if q.qualifier in _CEILING else ""


def _as_exact(q: Quantity) -> Quantity:
    return replace(q, qualifier="exact") if _side(q) else q


def _end(q: Quantity, *, low: bool) -> Quantity:
    value = q.value if low or q.value_high is None else q.value_high
    return replace(q, value=value, value_high=None, qualifier="exact")


def _overlap(a: Quantity, b: Quantity) -> bool:
    """The two figures' intervals share more than an end, `b`'s carried into `a`'s unit."""
    converted = not same_unit(a.unit, b.unit)
    reach_a = _claimed(a, converted)
    reach_b = _claimed(b, converted).mapped(lambda x: convert(x, b.unit, a.unit))
    return reach_a.meets(reach_b)


def _claimed(q: Quantity, converted: bool) -> Bounds:
    return _interval(q.value, q.qualifier, q.step, q.value_high, converted)


@functools.lru_cache(maxsize=8_192)
def _interval(
    value: float, qualifier: str, step: float | None, value_high: float | None, converted: bool
) -> Bounds:
    # Wire copy states one figure in many sentences, each compared with several others: the
    # interval (and the rule's text the checks print with it) is worked out once a figure.
    make = conversion_bounds if converted else bounds
    return make(value, qualifier=qualifier, step=step, value_high=value_high)
