"""A quantity's normalised value in metric and in imperial units, for a person to read.

Conversion goes through the extractor's own pint registry, so the figures shown are the ones
the checks computed with (two registries could disagree on a month, RECIPES.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claims.checks.units import symbol
from claims.extraction.conversion import UREG
from claims.extraction.lexicon.units import SI_TARGET

# (from this magnitude in SI upwards, pint unit, label); the last row that fits wins.
Scale = Sequence[tuple[float, str, str]]
METRIC: dict[str, Scale] = {
    "area": [(0, "meter ** 2", "m²"), (1e4, "hectare", "ha"), (1e6, "kilometer ** 2", "km²")],
    "length": [(0, "millimeter", "mm"), (1, "meter", "m"), (1e3, "kilometer", "km")],
    "speed": [(0, "kilometer / hour", "km/h")],
    "mass": [(0, "gram", "g"), (1, "kilogram", "kg"), (1e3, "tonne", "t")],
    "volume": [(0, "liter", "L"), (1e3, "meter ** 3", "m³")],
    "temperature": [(0, "degree_Celsius", "°C")],
}
IMPERIAL: dict[str, Scale] = {
    "area": [(0, "foot ** 2", "sq ft"), (4046.86, "acre", "acres"), (2.59e6, "mile ** 2", "sq mi")],
    "length": [(0, "inch", "in"), (0.3048, "foot", "ft"), (1609.344, "mile", "mi")],
    "speed": [(0, "mile / hour", "mph")],
    "mass": [(0, "ounce", "oz"), (0.4536, "pound", "lb"), (907.185, "short_ton", "short tons")],
    "volume": [(0, "gallon", "US gal"), (1e3, "foot ** 3", "cu ft")],
    "temperature": [(0, "degree_Fahrenheit", "°F")],
}
# Time has one system: show it in seconds (SI) and in the calendar unit that reads best.
SECONDS: Scale = [(0, "second", "s")]
CALENDAR: Scale = [
    (0, "minute", "min"),
    (3600 * 2, "hour", "h"),
    (86400 * 2, "day", "days"),
    (86400 * 60, "month", "months"),
    (86400 * 730, "year", "years"),
]


@dataclass(frozen=True)
class Reading:
    system: str  # "Metric", "Imperial", …
    text: str  # "48.28 km"


def readings(kind: str, si_value: float, si_high: float | None = None) -> list[Reading]:
    """The value in each unit system; empty for kinds with no units (counts, money, %)."""
    if kind == "duration":
        scales: list[tuple[str, Scale]] = [("SI", SECONDS), ("Calendar", CALENDAR)]
    elif kind in METRIC:
        scales = [("Metric", METRIC[kind]), ("Imperial", IMPERIAL[kind])]
    else:
        return []
    return [Reading(name, _reading(scale, kind, si_value, si_high)) for name, scale in scales]


def stated(value: float, high: float | None, unit: str, kind: str) -> str:
    """The figure as the article gives it, with a short unit: '30 mi', '8,000 km²', '5 days'."""
    figures = "–".join(_format(v) for v in (value, high) if v is not None)
    if kind == "duration" and unit:
        # pint's symbols for time ('a' for a year) mean little to a reader; words do.
        label = unit if (high or value) == 1 else f"{unit}s"
    elif kind == "percentage":
        return f"{figures} %"
    else:
        label = symbol(unit)
    return f"{figures} {label}".strip()


def _reading(scale: Scale, kind: str, low: float, high: float | None) -> str:
    unit, label = _pick(scale, abs(low))
    figures = [_format(_convert(low, kind, unit))]
    if high is not None:
        figures.append(_format(_convert(high, kind, unit)))
    return f"{'–'.join(figures)} {label}"


def _pick(scale: Scale, magnitude: float) -> tuple[str, str]:
    chosen = scale[0]
    for row in scale:
        if magnitude >= row[0]:
            chosen = row
    return chosen[1], chosen[2]


def _convert(si_value: float, kind: str, unit: str) -> float:
    return float(UREG.Quantity(si_value, SI_TARGET[kind]).to(unit).magnitude)


def _format(value: float) -> str:
    """Four significant figures, thousands separated, no trailing zeros: 3,088.8 → '3,089'."""
    rounded = float(f"{value:.4g}")
    text = f"{rounded:,.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text
