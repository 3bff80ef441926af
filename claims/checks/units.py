"""Unit conversion for the checks: one pint registry, shared with the extractor when it has one.

Quantities carry unit strings that pint parses ("kilometer ** 2", "mile", "" for counts);
currencies carry ISO 4217 codes, which pint does not know and which the checks never convert.
"""

from __future__ import annotations

import functools
import importlib
from fractions import Fraction

import pint

# Where the extractor may keep its registry; converting through two registries would give
# two definitions of the same unit (a month is a trap already, RECIPES.md).
_EXTRACTOR_REGISTRIES = (
    ("claims.extraction.conversion", "UREG"),
    ("claims.extraction.units", "ureg"),
    ("claims.extraction.units", "UREG"),
    ("claims.extraction.units", "registry"),
)

SYMBOLS = {
    "sq_mi": "sq mi", "mi²": "sq mi", "degree_Celsius": "°C", "degree_Fahrenheit": "°F",
    "ton": "short ton", "long_ton": "long ton", "gal": "US gal", "imperial_gal": "imp gal",
    "pt": "US pt", "imperial_pt": "imp pt", "qt": "US qt", "imperial_qt": "imp qt",
    "floz": "US fl oz", "imperial_floz": "imp fl oz",
}  # fmt: skip


class IncompatibleUnits(ValueError):
    """The two units measure different things (km and kg), or one is not a pint unit."""


@functools.cache
def registry() -> pint.UnitRegistry:
    """The process's unit registry: the extractor's if it exposes one, else our own."""
    for module_name, attribute in _EXTRACTOR_REGISTRIES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        found = getattr(module, attribute, None)
        found = found() if callable(found) and not isinstance(found, pint.UnitRegistry) else found
        if isinstance(found, pint.UnitRegistry):
            return found
    return pint.UnitRegistry()


@functools.lru_cache(maxsize=512)
def _unit(unit: str) -> pint.Unit:
    try:
        return registry().Unit(unit) if unit else registry().dimensionless
    except (pint.errors.UndefinedUnitError, ValueError, AttributeError, TypeError) as exc:
        raise IncompatibleUnits(f"{unit!r} is not a unit pint knows") from exc


def compatible(unit_a: str, unit_b: str) -> bool:
    """True when a figure in `unit_a` can be converted to `unit_b`."""
    if unit_a == unit_b:
        return True
    try:
        return _unit(unit_a).dimensionality == _unit(unit_b).dimensionality
    except IncompatibleUnits:
        return False


def same_unit(unit_a: str, unit_b: str) -> bool:
    """True when the two strings name one unit ("km" and "kilometer")."""
    if unit_a == unit_b:
        return True
    try:
        return _unit(unit_a) == _unit(unit_b)
    except IncompatibleUnits:
        return False


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """`value` in `from_unit` expressed in `to_unit`; IncompatibleUnits when it cannot be."""
    if from_unit == to_unit:
        return value
    if not compatible(from_unit, to_unit):
        raise IncompatibleUnits(
            f"cannot convert {from_unit or 'a count'} to {to_unit or 'a count'}"
        )
    scale, offset = _affine(from_unit, to_unit)
    return value * scale + offset if offset else value * scale


@functools.lru_cache(maxsize=512)
def _affine(from_unit: str, to_unit: str) -> tuple[float, float]:
    """(a, b) such that x `from_unit` is a·x + b `to_unit`, asked of pint once per pair.

    pint converts a proportional unit as x · factor, so a = pint(1) gives its results to the
    bit. For an offset unit (°C, °F) pint's floats drift (0 °C → 31.999999999999936 °F); a
    and b are the fractions with small denominators they stand for (9/5, 32), when within
    1e-9 of them."""
    zero, one = (_pint_convert(x, from_unit, to_unit) for x in (0.0, 1.0))
    if not zero:
        return one, 0.0
    return _snapped(one - zero), _snapped(zero)


def _pint_convert(value: float, from_unit: str, to_unit: str) -> float:
    quantity = registry().Quantity(value, _unit(from_unit))
    return float(quantity.to(_unit(to_unit)).magnitude)


def _snapped(value: float) -> float:
    near = Fraction(value).limit_denominator(1_000)
    return float(near) if abs(near - Fraction(value)) <= 1e-9 * max(1.0, abs(value)) else value


@functools.lru_cache(maxsize=512)
def symbol(unit: str) -> str:
    """A short unit label for a person: 'km²', 'sq mi', 'mi', '°C'; '' for counts."""
    if not unit:
        return ""
    try:
        text = f"{_unit(unit):~P}"
    except IncompatibleUnits:
        return unit
    return SYMBOLS.get(text, SYMBOLS.get(unit, text))
