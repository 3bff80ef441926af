"""The `conversion` check: a figure and its conversion in the same breath.

"8,000 square kilometers (3,088 square miles)", "25-mile (40 km)", "5,000 sq mi, or roughly
13,000 sq km". The first figure, read with its rounding and hedge, is converted into the
second figure's unit; the pair is consistent when that interval meets the interval the second
figure claims (its rounding, its hedge, and a whole step up for a converter who cut the
figure off instead of rounding it). docs/tolerances.md has the rules with examples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from itertools import pairwise

from claims.checks.finding import Finding
from claims.checks.tolerance import Bounds, bounds, conversion_bounds, fmt
from claims.checks.units import IncompatibleUnits, compatible, convert, same_unit, symbol
from claims.checks.wording import HEDGES, hedge
from claims.extraction.quantity import Quantity

# Kinds whose units pint converts by a fixed rule; money needs an exchange rate and a date.
CONVERTIBLE_KINDS = frozenset(
    {"area", "length", "speed", "mass", "volume", "temperature", "duration"}
)
_HEDGE = "|".join(re.escape(h) for h in HEDGES)
# What stands between a figure and its conversion: "(", ", or", "or about", "—", "/", ", i.e.".
# A bare space or comma is not enough: "6 feet 2 inches", "5 km, 10 miles and a marathon".
_CONNECTOR = re.compile(
    r"\s*(?:[(\[]|[—–/]|,?\s*(?:or|i\.e\.|that is|equivalent to|equal to)\b)\s*"
    rf"(?:(?:{_HEDGE})\s*)?",
    re.IGNORECASE,
)
# A bare "or" (no comma, no hedge) joins choices as often as restatements: "1 kg or 5 lb bags".
# Such a pair may be confirmed but never raises an alarm.
_CHOICE = re.compile(r"\s+or\s+", re.IGNORECASE)
# A temperature may be a reading (30 °C = 86 °F) or a difference (a rise of 1.5 °C = 2.7 °F);
# the two convert differently, and the words around it do not always say which.
_TEMPERATURE_DELTAS = {
    "degree_Celsius": "delta_degree_Celsius",
    "degree_Fahrenheit": "delta_degree_Fahrenheit",
    "kelvin": "kelvin",
}
# Unit words with more than one meaning: British "tons" are long tons (or loosely tonnes),
# American ones short tons; a gallon or a pint is American or imperial.
_OTHER_MEANINGS = {
    "ton": ("long_ton", "metric_ton"), "short_ton": ("long_ton", "metric_ton"),
    "long_ton": ("short_ton", "metric_ton"), "gallon": ("imperial_gallon",),
    "imperial_gallon": ("gallon",), "pint": ("imperial_pint",), "quart": ("imperial_quart",),
    "fluid_ounce": ("imperial_fluid_ounce",),
}  # fmt: skip
# "more than 3 inches (7.5 cm)": the bracket restates the figure, and the floor or ceiling is
# the pair's; the two figures are compared as figures.
_ONE_SIDED = frozenset({"more_than", "at_least", "less_than", "at_most"})
_COMPOUND_GAP = re.compile(r"\s*(?:and\s+)?")
_MAX_GAP = 32


def check_conversions(text: str, quantities: Iterable[Quantity]) -> list[Finding]:
    """A finding for every figure followed at once by the same amount in another unit."""
    ordered = merge_compounds(text, sorted(quantities, key=lambda q: q.start))
    findings = []
    for first, second in pairwise(ordered):
        if is_conversion_pair(text, first, second):
            finding = check_conversion(text, first, second)
            if finding.outcome != "inconsistent" or not _is_choice(text, first, second):
                findings.append(finding)
    return findings


def _is_choice(text: str, first: Quantity, second: Quantity) -> bool:
    return _CHOICE.fullmatch(text, first.end, second.start) is not None


def merge_compounds(text: str, ordered: list[Quantity]) -> list[Quantity]:
    """Join "6 feet 2 inches" into one figure (74 inches), so that "(1.88 m)" after it is
    checked against the whole height, not against "2 inches"."""
    merged: list[Quantity] = []
    for q in ordered:
        if merged and _is_compound(text, merged[-1], q):
            merged[-1] = _joined(text, merged[-1], q)
        else:
            merged.append(q)
    return merged


def _is_compound(text: str, big: Quantity, small: Quantity) -> bool:
    if big.kind != small.kind or big.kind not in ("length", "mass", "duration"):
        return False
    if not big.value.is_integer() or big.qualifier != "exact" or small.qualifier != "exact":
        return False
    if not _COMPOUND_GAP.fullmatch(text[big.end : small.start]):
        return False
    try:
        return convert(1.0, big.unit, small.unit) > 1.0
    except IncompatibleUnits:
        return False


def _joined(text: str, big: Quantity, small: Quantity) -> Quantity:
    return replace(
        big,
        end=small.end,
        text=text[big.start : small.end],
        value=convert(big.value, big.unit, small.unit) + small.value,
        unit=small.unit,
        si_value=big.si_value + small.si_value,
        step=small.step,
    )


def is_conversion_pair(text: str, first: Quantity, second: Quantity) -> bool:
    """True when `second` restates `first` in another unit of the same kind."""
    if first.kind != second.kind or first.kind not in CONVERTIBLE_KINDS:
        return False
    if same_unit(first.unit, second.unit) or not first.unit or not second.unit:
        return False
    gap = text[first.end : second.start]
    return 0 <= len(gap) <= _MAX_GAP and _CONNECTOR.fullmatch(gap) is not None


def check_conversion(text: str, first: Quantity, second: Quantity) -> Finding:
    """Whether `second` is `first` converted, within what each figure's precision allows."""
    start, end = first.start, _closing(text, second.end)
    if not compatible(first.unit, second.unit):
        return Finding(
            "conversion", "unverifiable", start, end, "",
            f"{first.text} and {second.text} measure different things; nothing to compare.",
        )  # fmt: skip
    try:
        finding = _compare(text, first, second, start, end)
        if finding.outcome == "inconsistent":
            return _other_reading(text, first, second, finding)
        return finding
    except IncompatibleUnits as exc:  # a unit pint knows by kind but cannot convert
        return Finding("conversion", "unverifiable", start, end, "", f"{exc}.")


def _compare(text: str, first: Quantity, second: Quantity, start: int, end: int) -> Finding:
    unit_1, unit_2 = symbol(first.unit), symbol(second.unit)
    claimed_1 = _bounds(text, first, unit_1, converted=False)
    claimed_2 = _bounds(text, second, unit_2, converted=True)
    reach = claimed_1.mapped(lambda x: convert(x, first.unit, second.unit))
    exact = convert(first.value, first.unit, second.unit)
    outcome = "consistent" if reach.overlaps(claimed_2) else "inconsistent"
    expected = f"{fmt(first.value)} {unit_1} = {fmt(exact, 5)} {unit_2}"
    explanation = (
        f"{fmt(first.value)} {unit_1} is {fmt(exact, 5)} {unit_2}. {_cap(claimed_1.rule)}, "
        f"i.e. {reach.text(unit_2)}; {second.text!r}: {claimed_2.rule}. "
        + ("The two overlap." if outcome == "consistent" else "The two do not overlap.")
    )
    return Finding("conversion", outcome, start, end, expected, explanation)


def _other_reading(text: str, first: Quantity, second: Quantity, reading: Finding) -> Finding:
    """A pair wrong as read may be right in the units' other meanings: a temperature as a
    difference ("warming of 1.5C (2.7F)"), long tons for tons, imperial gallons. The alarm
    stands only when no reading fits."""
    for unit_1, unit_2 in _alternative_units(first.unit, second.unit):
        if not compatible(unit_1, unit_2):
            continue
        other = _compare(text, replace(first, unit=unit_1), replace(second, unit=unit_2),
                         reading.start, reading.end)  # fmt: skip
        if other.outcome == "consistent":
            why = f"As first read the two do not match ({reading.expected}); {other.explanation}"
            return replace(other, explanation=why)
    return reading


def _alternative_units(unit_1: str, unit_2: str) -> list[tuple[str, str]]:
    pairs = []
    if unit_1 in _TEMPERATURE_DELTAS and unit_2 in _TEMPERATURE_DELTAS:
        pairs.append((_TEMPERATURE_DELTAS[unit_1], _TEMPERATURE_DELTAS[unit_2]))
    for a in (unit_1, *_OTHER_MEANINGS.get(unit_1, ())):
        pairs.extend((a, b) for b in (unit_2, *_OTHER_MEANINGS.get(unit_2, ())))
    return [pair for pair in pairs if pair != (unit_1, unit_2)]


def _bounds(text: str, q: Quantity, unit: str, *, converted: bool) -> Bounds:
    word, _ = hedge(text, q.start, q.text)
    make = conversion_bounds if converted else bounds
    qualifier = "exact" if q.qualifier in _ONE_SIDED else q.qualifier
    return make(
        q.value,
        qualifier=qualifier,
        step=q.step,
        value_high=q.value_high,
        unit=unit,
        wording=word if qualifier != "exact" else "",
    )


def _closing(text: str, end: int) -> int:
    """Take in the bracket that closes the conversion, so the finding spans the whole pair."""
    tail = text[end : end + 2]
    return end + tail.index(")") + 1 if ")" in tail.rstrip()[:1] else end


def _cap(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]
