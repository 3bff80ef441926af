"""SI magnitudes through pint: one registry for the process, one factor per unit.

Building a pint Quantity costs tens of microseconds, so multiplicative units are converted
once to a line (a factor, and an offset for temperatures) and cached.
pint's own definitions are the reference: its month is 1/12 of a 365.25-day year.
"""

from __future__ import annotations

from functools import lru_cache

import pint

from claims.extraction.lexicon.units import SI_TARGET

UREG: pint.UnitRegistry = pint.UnitRegistry()


@lru_cache(maxsize=256)
def _linear(unit: str, kind: str) -> tuple[float, float]:
    """pint's conversion of `unit` to SI as `a * value + b` (b is 0 but for temperatures).

    Every unit news uses converts linearly, so two pint calls per unit and process suffice.
    """
    target = SI_TARGET[kind]
    zero = float(UREG.Quantity(0.0, unit).to(target).magnitude)
    one = float(UREG.Quantity(1.0, unit).to(target).magnitude)
    return one - zero, zero


def to_si(value: float, unit: str, kind: str) -> float:
    """`value` in `unit` as a magnitude in SI base units; counts, percentages, money as is."""
    if kind not in SI_TARGET:
        return float(value)
    scale, offset = _linear(unit, kind)
    return value * scale + offset
