"""The `reference` check: a claim against a reference value an editor took from a source.

The reference is converted into the claim's unit (pint), then held against the interval the
claim states (its rounding and hedge, tolerance.py). Inside: consistent, and the suggested
rating is "accurate". Outside: inconsistent, "mostly accurate" when the reference lies within
MOSTLY_ACCURATE_SHARE of the claim's reach, else "inaccurate". The rating is a suggestion for
the editor, who rules.
"""

from __future__ import annotations

from claims.checks.finding import Finding
from claims.checks.tolerance import Bounds, bounds, fmt
from claims.checks.units import IncompatibleUnits, convert, symbol
from claims.checks.wording import leading_hedge
from claims.extraction.quantity import Quantity

# How far outside the claim's own tolerance (a share of the reference value) still reads as
# "mostly accurate": 8,000 km² against a source's 8,600 km² is off by 1 %, not by 7 %.
MOSTLY_ACCURATE_SHARE = 0.10
RATINGS = ("accurate", "mostly accurate", "inaccurate")


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


def check_reference_value(
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
) -> Finding:
    """Hold a claim's stored figures against a source's value (for claims without a Quantity)."""
    surface = surface or f"{fmt(value)} {symbol(unit)}".strip()
    try:
        reference = convert(reference_value, reference_unit, unit)
    except IncompatibleUnits as exc:
        why = _incompatible(unit, reference_unit, exc)
        return Finding("reference", "unverifiable", start, end, "", why)
    claimed = bounds(value, qualifier=qualifier, step=step, value_high=value_high,
                     unit=symbol(unit), wording=hedge)  # fmt: skip
    rating = suggest_rating(claimed, reference)
    outcome = "consistent" if rating == "accurate" else "inconsistent"
    shown = f"{fmt(reference, 5)} {symbol(unit)}".strip()
    source = f"{fmt(reference_value, 5)} {symbol(reference_unit)}".strip()
    given = shown if source == shown else f"{source} = {shown}"
    expected = f"{shown} (suggests: {rating})"
    explanation = (
        f"The source gives {given}. {surface!r}: {claimed.rule}. "
        f"{_verdict(claimed, reference, symbol(unit))} Suggests: {rating}."
    )
    return Finding("reference", outcome, start, end, expected, explanation)


def suggest_rating(claimed: Bounds, reference: float) -> str:
    """'accurate' inside the claim's reach, 'mostly accurate' just outside, else 'inaccurate'."""
    if claimed.contains(reference):
        return "accurate"
    if _gap(claimed, reference) <= MOSTLY_ACCURATE_SHARE * abs(reference):
        return "mostly accurate"
    return "inaccurate"


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
    return f"The source's value lies {fmt(gap)} {unit} ({share:.1f} %) outside.".replace(
        " (", " (", 1
    )


def _incompatible(unit: str, reference_unit: str, exc: IncompatibleUnits) -> str:
    claim, ref = symbol(unit) or "a count", symbol(reference_unit) or "a count"
    if unit.isupper() and reference_unit.isupper():
        return f"The claim is in {claim} and the source in {ref}: comparing needs an exchange rate."
    return (
        f"The claim is in {claim} and the source in {ref}, which measure different things ({exc})."
    )
