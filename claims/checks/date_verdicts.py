"""The findings of the date check: a stated length held to the counted days, in words."""

from __future__ import annotations

from datetime import date

from claims.checks.finding import Finding
from claims.checks.tolerance import Bounds, date_length_bounds
from claims.extraction.temporal import UNIT_DAYS, TimeExpression

CHECK = "date_arithmetic"


def judge(
    stated: TimeExpression,
    actual_days: list[int],
    first: date | None,
    last: date | None,
    dated: str,
) -> Finding:
    unit = stated.unit or "day"
    allowed = allowed_length(stated)
    in_units = [days / UNIT_DAYS[unit] for days in actual_days]
    fits = [i for i, x in enumerate(in_units) if allowed.contains(x)]
    shown = fits[0] if fits else 0
    expected = _expected(actual_days[shown], in_units[shown], unit, first, last)
    if shown == 1:  # the second count is the one that includes both end days
        head, sep, tail = expected.partition(" (")
        expected = f"{head} counting both ends{sep}{tail}"
    verdict = "inside" if fits else "outside"
    explanation = (
        f"The text's dates are {_counts_phrase(actual_days)} apart: {dated}. "
        f"For '{stated.text}', {allowed.rule}; the count falls {verdict}."
    )
    ok = bool(fits)
    outcome = "consistent" if ok else "inconsistent"
    return Finding(CHECK, outcome, stated.start, stated.end, expected, explanation)


def allowed_length(stated: TimeExpression) -> Bounds:
    """What the stated length covers, in its own unit (claims.checks.tolerance)."""
    return date_length_bounds(
        stated.amount or 0.0,
        unit=stated.unit or "day",
        qualifier=stated.qualifier,
        value_high=stated.amount_high,
    )


def allowed_days(stated: TimeExpression) -> Bounds:
    """What the stated length covers, in days."""
    per_unit = UNIT_DAYS[stated.unit or "day"]
    return allowed_length(stated).mapped(lambda x: x * per_unit)


def _counts_phrase(days: list[int]) -> str:
    return " or ".join(f"{d} day{'s' if d != 1 else ''}" for d in days)


def _expected(days: int, in_units: float, unit: str, first: date | None, last: date | None):
    text = f"{days} day{'s' if days != 1 else ''}"
    if unit != "day":
        text += f" ≈ {in_units:.1f} {unit}s"
    if first and last:
        text += f" ({day_label(first)} → {day_label(last)})"
    return text


def unverifiable(
    stated: TimeExpression, why: str, expected: str = "needs the article's dateline"
) -> Finding:
    return Finding(CHECK, "unverifiable", stated.start, stated.end, expected, why)


def needs_dateline(stated: TimeExpression, exprs: list[TimeExpression]) -> str:
    named = " and ".join(f"'{e.text}'" for e in exprs)
    return (
        f"{named} can only be placed on the calendar against the article's dateline, "
        f"which was not given, so '{stated.text}' cannot be counted."
    )


def day_label(d: date | None) -> str:
    return "" if d is None else f"{d:%a} {d.day} {d:%b %Y}"


def counts_text(counts: list[int]) -> str:
    if len(counts) == 1:
        return f"{counts[0]} days"
    return f"{counts[0]} days ({counts[1]} counting both ends)"
