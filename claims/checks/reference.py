"""The `reference` check: a claim against a reference value an editor took from a source.

The reference is converted into the claim's unit (pint), then held against the interval the
claim states (its rounding and hedge, tolerance.py). Inside: consistent, graded INSIDE.
Outside: inconsistent, graded NEAR when the reference lies within NEAR_SHARE of the claim's
reach, else FAR. The grade is neutral: the newsroom's rating scale is data of the Django app,
which words the suggestion in it (claims/services/references.py); the editor rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claims.checks.finding import Finding
from claims.checks.tolerance import Bounds, bounds, fmt
from claims.checks.units import IncompatibleUnits, convert, symbol
from claims.checks.wording import leading_hedge
from claims.extraction.quantity import Quantity

# How far outside the claim's own tolerance (a share of the reference value) is still near:
# 8,000 km² against a source's 8,600 km² is off by 1 %, not by 7 %.
NEAR_SHARE = 0.10
INSIDE, NEAR, FAR = "inside", "near", "far"
GRADES = (INSIDE, NEAR, FAR)


@dataclass(frozen=True, slots=True)
class ReferenceComparison:
    """The finding, and how close the reference came: one of GRADES, "" if unverifiable."""

    finding: Finding
    grade: str


def check_reference(
    quantity: Quantity, reference_value: float, reference_unit: str, *, hedge: str = ""
) -> Finding:
    """Hold an extracted quantity against a source's value in `reference_unit`.

    `hedge` names the qualifier as written ("some"); by default it is read off the mention.
    """
    return check_reference_value(
        value=quantity.value,
        unit=quantity.unit,
        qualifier=quantity.qualifier,
        step=quantity.step,
        value_high=quantity.value_high,
        surface=quantity.text,
        start=quantity.start,
        end=quantity.end,
        reference_value=reference_value,
        reference_unit=reference_unit,
        hedge=hedge or leading_hedge(quantity.text),
    )


def check_reference_value(**figures: Any) -> Finding:
    """Hold a claim's stored figures against a source's value (for claims without a Quantity);
    the arguments are `compare_reference_value`'s."""
    return compare_reference_value(**figures).finding


def compare_reference_value(
    *,
    value: float,
    unit: str,
    reference_value: float,
    reference_unit: str,
    qualifier: str = "exact",
    step: float | None = None,
    value_high: float | None = None,
    surface: str = "",
    start: int = 0,
    end: int = 0,
    hedge: str = "",
) -> ReferenceComparison:
    """`check_reference_value` with the grade, for whoever words a suggestion from it."""
    surface = surface or f"{fmt(value)} {symbol(unit)}".strip()
    try:
        reference = convert(reference_value, reference_unit, unit)
    except IncompatibleUnits as exc:
        why = _incompatible(unit, reference_unit, exc)
        return ReferenceComparison(Finding("reference", "unverifiable", start, end, "", why), "")
    claimed = bounds(value, qualifier=qualifier, step=step, value_high=value_high,
                     unit=symbol(unit), wording=hedge)  # fmt: skip
    grade = grade_of(claimed, reference)
    outcome = "consistent" if grade == INSIDE else "inconsistent"
    shown = f"{fmt(reference, 5)} {symbol(unit)}".strip()
    source = f"{fmt(reference_value, 5)} {symbol(reference_unit)}".strip()
    given = shown if source == shown else f"{source} = {shown}"
    explanation = (
        f"The source gives {given}. {surface!r}: {claimed.rule}. "
        f"{_verdict(claimed, reference, symbol(unit))}"
    )
    return ReferenceComparison(Finding("reference", outcome, start, end, shown, explanation), grade)


def grade_of(claimed: Bounds, reference: float) -> str:
    """INSIDE the claim's reach, NEAR just outside (NEAR_SHARE of the reference), else FAR."""
    if claimed.contains(reference):
        return INSIDE
    if _gap(claimed, reference) <= NEAR_SHARE * abs(reference):
        return NEAR
    return FAR


def _gap(claimed: Bounds, x: float) -> float:
    if claimed.low is not None and x < claimed.low:
        return claimed.low - x
    if claimed.high is not None and x > claimed.high:
        return x - claimed.high
    return 0.0


def _verdict(claimed: Bounds, reference: float, unit: str) -> str:
    gap = _gap(claimed, reference)
    if not gap:
        return "The source's value lies inside."
    share = gap / abs(reference) * 100 if reference else float("inf")
    near = share <= NEAR_SHARE * 100
    how = f"{'within' if near else 'more than'} {NEAR_SHARE * 100:g} % of it"
    return f"The source's value lies {fmt(gap)} {unit} ({share:.1f} %) outside, {how}."


def _incompatible(unit: str, reference_unit: str, exc: IncompatibleUnits) -> str:
    claim, ref = symbol(unit) or "a count", symbol(reference_unit) or "a count"
    if unit.isupper() and reference_unit.isupper():
        return f"The claim is in {claim} and the source in {ref}: comparing needs an exchange rate."
    return (
        f"The claim is in {claim} and the source in {ref}, which measure different things ({exc})."
    )
