"""The `conversion` check: a figure and its conversion in the same breath.

"8,000 square kilometers (3,088 square miles)", "25-mile (40 km)", "5,000 sq mi, or roughly
13,000 sq km". The first figure, read with its rounding and hedge, is converted into the
second figure's unit; the pair is consistent when that interval meets the interval the second
figure claims (its rounding, its hedge, and a whole step up for a converter who cut the
figure off instead of rounding it). A range is converted end by end ("250 to 400 feet
(76–122 m)"). Which figures make a pair is decided in `conversion_pairs`; what else a pair may
mean (a temperature difference, imperial gallons) in `conversion_readings`.
docs/tolerances.md has the rules with examples.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from itertools import pairwise

from claims.checks.conversion_pairs import (
    CONVERTIBLE_KINDS,
    is_conversion_pair,
    may_alarm,
    merge_compounds,
)
from claims.checks.conversion_readings import (
    DIFFERENCE,
    EITHER,
    MAYBE_DIFFERENCE,
    OFFSET,
    READING,
    TEMPERATURE_DELTAS,
    alternative_units,
    temperature_reading,
)
from claims.checks.finding import Finding
from claims.checks.tolerance import Bounds, bounds, conversion_bounds, fmt
from claims.checks.units import IncompatibleUnits, compatible, convert, symbol
from claims.checks.wording import hedge
from claims.extraction.quantity import Quantity

__all__ = [
    "CONVERTIBLE_KINDS",
    "check_conversion",
    "check_conversions",
    "is_conversion_pair",
    "merge_compounds",
]

# "more than 3 inches (7.5 cm)": the bracket restates the figure, and the floor or ceiling is
# the pair's; the two figures are compared as figures.
_ONE_SIDED = frozenset({"more_than", "at_least", "less_than", "at_most"})


def check_conversions(text: str, quantities: Iterable[Quantity]) -> list[Finding]:
    """A finding for every figure followed at once by the same amount in another unit."""
    ordered = merge_compounds(text, sorted(quantities, key=lambda q: q.start))
    findings = []
    for first, second in pairwise(ordered):
        if is_conversion_pair(text, first, second):
            finding = check_conversion(text, first, second)
            if finding.outcome != "inconsistent" or may_alarm(text, first, second):
                findings.append(finding)
    return findings


def check_conversion(text: str, first: Quantity, second: Quantity) -> Finding:
    """Whether `second` is `first` converted, within what each figure's precision allows."""
    start, end = first.start, _closing(text, second.end)
    if not compatible(first.unit, second.unit):
        return _unverifiable(
            start, end, f"{first.text} and {second.text} measure different things; "
            "nothing to compare.",
        )  # fmt: skip
    if (first.value_high is None) != (second.value_high is None):
        one, other = (first, second) if first.value_high is not None else (second, first)
        return _unverifiable(
            start, end, f"{one.text!r} is a range and {other.text!r} one figure: which end "
            "the single figure converts is not said.",
        )  # fmt: skip
    try:
        if first.kind == "temperature":
            return _temperature(text, first, second, start, end)
        finding = _compare_ends(text, first, second, start, end)
        if finding.outcome == "inconsistent":
            finding = _other_meaning(text, first, second, finding)
        if finding.outcome == "inconsistent":
            finding = _nautical_note(text, first, second, finding)
        return finding
    except IncompatibleUnits as exc:  # a unit pint knows by kind but cannot convert
        return _unverifiable(start, end, f"{exc}.")


def _unverifiable(start: int, end: int, why: str) -> Finding:
    return Finding("conversion", "unverifiable", start, end, "", why)


def _compare_ends(text: str, first: Quantity, second: Quantity, start: int, end: int) -> Finding:
    """The pair compared as figures, or two ranges end by end (low with low, high with high)."""
    if first.value_high is None or second.value_high is None:
        return _compare(text, first, second, start, end)
    low = _compare(text, _end_of(text, first, low=True), _end_of(text, second, low=True),
                   start, end)  # fmt: skip
    high = _compare(text, _end_of(text, first, low=False), _end_of(text, second, low=False),
                    start, end)  # fmt: skip
    outcome = "consistent" if low.outcome == high.outcome == "consistent" else "inconsistent"
    return Finding(
        "conversion", outcome, start, end, f"{low.expected}; {high.expected}",
        f"The range is converted end by end. Low ends: {low.explanation} "
        f"High ends: {high.explanation}",
    )  # fmt: skip


def _end_of(text: str, q: Quantity, *, low: bool) -> Quantity:
    """One end of a range as a figure of its own, hedged if the range is ("some 15–20 km")."""
    word, _ = hedge(text, q.start, q.text)
    value = q.value if low or q.value_high is None else q.value_high
    qualifier = "approximate" if word else "exact"
    label = f"the {'low' if low else 'high'} end of {q.text!r}"
    extras = {**q.extras, "label": label}
    return replace(q, value=value, value_high=None, qualifier=qualifier, extras=extras)


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
        f"i.e. {reach.text(unit_2)}; {second.extras.get('label', repr(second.text))}: "
        f"{claimed_2.rule}. "
        + ("The two overlap." if outcome == "consistent" else "The two do not overlap.")
    )
    return Finding("conversion", outcome, start, end, expected, explanation)


def _other_meaning(text: str, first: Quantity, second: Quantity, reading: Finding) -> Finding:
    """A pair wrong as read may be right in the units' other meanings: long tons or tonnes
    for tons, imperial gallons. The alarm stands only when no meaning fits."""
    for unit_1, unit_2 in alternative_units(first.unit, second.unit):
        if not compatible(unit_1, unit_2):
            continue
        other = _compare_ends(text, replace(first, unit=unit_1), replace(second, unit=unit_2),
                              reading.start, reading.end)  # fmt: skip
        if other.outcome == "consistent":
            why = f"As first read the two do not match ({reading.expected}); {other.explanation}"
            return replace(other, explanation=why)
    return reading


def _nautical_note(text: str, first: Quantity, second: Quantity, reading: Finding) -> Finding:
    """ "22 miles (40 km)" fits 22 nautical miles. "Miles" are statute miles unless the text
    says otherwise, so the alarm stands, but the editor is told what would fit."""
    units = (first, second)
    if "mile" not in (first.unit, second.unit):
        return reading
    nautical = [replace(q, unit="nautical_mile") if q.unit == "mile" else q for q in units]
    other = _compare_ends(text, nautical[0], nautical[1], reading.start, reading.end)
    if other.outcome != "consistent":
        return reading
    note = (
        f" Read as nautical miles the pair would fit ({other.expected}); the text says miles, "
        "which are statute miles unless it says otherwise."
    )
    return replace(reading, explanation=reading.explanation + note)


def _temperature(text: str, first: Quantity, second: Quantity, start: int, end: int) -> Finding:
    """A temperature pair, read as a reading and as a difference; the words around it decide
    between the two, and a pair they cannot decide is unverifiable (conversion_readings)."""
    absolute = _compare_ends(text, first, second, start, end)
    if first.unit not in TEMPERATURE_DELTAS or second.unit not in TEMPERATURE_DELTAS:
        return absolute
    delta = _compare_ends(
        text, replace(first, unit=TEMPERATURE_DELTAS[first.unit]),
        replace(second, unit=TEMPERATURE_DELTAS[second.unit]), start, end,
    )  # fmt: skip
    said = temperature_reading(text, first, second)
    fits = [f for f in (absolute, delta) if f.outcome == "consistent"]
    if said == OFFSET:
        if fits:
            return fits[0]
        return _unverifiable(start, end, f"{absolute.explanation} The pair counts from zero or "
                             "freezing, which this check does not model.")  # fmt: skip
    if absolute.outcome == delta.outcome:
        if absolute.outcome == "consistent":
            return absolute
        return replace(absolute, explanation=f"As a reading: {absolute.explanation} As a "
                       f"difference: {delta.explanation} Neither reading fits.")  # fmt: skip
    if said == DIFFERENCE:
        return _as(delta, "the words around the pair speak of a difference", absolute)
    if said == READING:
        return _as(absolute, "the words around the pair speak of a reading", delta)
    if said == EITHER and fits:
        why = "the words around the pair may speak of a change or of a level, and only this fits"
        return _as(fits[0], why, delta if fits[0] is absolute else absolute)
    if absolute.outcome == "consistent" and said != MAYBE_DIFFERENCE:
        return absolute  # nothing says difference: a temperature is a reading
    if delta.outcome == "consistent" and said == MAYBE_DIFFERENCE:
        return _as(delta, "a word of change before the pair makes it a difference", absolute)
    return _unverifiable(
        start, end, f"As a reading: {absolute.explanation} As a difference: "
        f"{delta.explanation} Only one reading fits, and the words around the pair do not say "
        "which is meant.",
    )  # fmt: skip


def _as(chosen: Finding, why: str, other: Finding) -> Finding:
    """The reading the words chose, with the other one shown."""
    kind = "difference" if "Δ" in chosen.expected else "reading"
    other_kind = "a reading" if kind == "difference" else "a difference"
    verdict = "fits" if other.outcome == "consistent" else "does not fit either"
    return replace(
        chosen,
        explanation=f"Taken as a {kind}, since {why}: {chosen.explanation} "
        f"As {other_kind} it {verdict} ({other.expected}).",
    )


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
