"""The `reference` machine check on stored claims, run when a source brings a reference value,
and the rating it suggests, named on the newsroom's scale.

The check (claims/checks/reference.py) grades how close the source came; `grade_label` is the
one place that turns a grade into a label of the scale in use (claims.models.RatingScale).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from claims.checks.finding import Finding, worst_outcome
from claims.checks.reference import FAR, INSIDE, NEAR, ReferenceComparison, compare_reference_value
from claims.models import CheckResult, Claim, Quantity, RatingLabel, RatingScale, Source
from claims.services.reference_values import reference_reading, states_change

log = logging.getLogger(__name__)

# Each grade as a point on ClaimReview's line (1 worst, 5 best): inside the source's figure is
# true, near it mostly true, far from it false.
GRADE_VALUES = {INSIDE: 5, NEAR: 4, FAR: 1}


def grade_label(grade: str, labels: Iterable[RatingLabel]) -> RatingLabel | None:
    """The label of a scale that a grade suggests: the numbered label nearest the grade's
    point, the lower one on a tie (the cautious reading), the first listed among equals.
    A scale without numbers gets no suggestion: the machine cannot place a grade on it."""
    target = GRADE_VALUES[grade]
    return min(
        (label for label in labels if label.rating_value is not None),
        key=lambda label: (abs(label.rating_value - target), label.rating_value, label.position),  # type: ignore[operator]
        default=None,
    )


def scale_labels() -> list[RatingLabel]:
    """The labels of the scale in use, in its order."""
    return list(RatingScale.current().labels.all())


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The rating the machine suggests for a claim, and the source it rests on."""

    rating: RatingLabel
    source: Source

    @property
    def name(self) -> str:
        return self.rating.choice_name


def source_check_reference(*, source: Source) -> CheckResult | None:
    """Replace the source's reference finding; None when it has no reference value.

    The claim's quantity whose unit the reference converts to is used (in a figure with its
    conversion, either one will do; the first that converts wins).
    """
    CheckResult.objects.filter(source=source).delete()
    result = None
    if source.reference_value is not None:
        finding = _worded(_reference_comparison(source.claim, source), scale_labels())
        result = CheckResult.from_finding(finding, claim_id=source.claim_id, source=source)
        result.save(force_insert=True)
    claim_refresh_worst_outcome(claim_id=source.claim_id)
    return result


def claim_suggestion(*, claim: Claim) -> Suggestion | None:
    """The most cautious rating the claim's reference values suggest, on the scale in use;
    None without one.

    Reads the claim's prefetched sources and quantities; the scale costs a query only when a
    source has a reference value."""
    comparisons = [
        (comparison.grade, source)
        for source in claim.sources.all()
        if source.reference_value is not None
        for comparison in [_reference_comparison(claim, source)]
        if comparison.grade
    ]
    labels = scale_labels() if comparisons else []
    suggestions = [
        Suggestion(label, source)
        for grade, source in comparisons
        if (label := grade_label(grade, labels)) is not None
    ]
    return min(suggestions, key=lambda s: s.rating.rating_value or 0, default=None)


def _worded(comparison: ReferenceComparison, labels: list[RatingLabel]) -> Finding:
    """The finding with the suggested rating named on the scale in use."""
    finding = comparison.finding
    label = grade_label(comparison.grade, labels) if comparison.grade else None
    if label is None:
        return finding
    name = label.choice_name
    return replace(
        finding,
        expected=f"{finding.expected} (the machine suggests: {name})",
        explanation=f"{finding.explanation} The machine suggests: {name}.",
    )


def _reference_comparison(claim: Claim, source: Source) -> ReferenceComparison:
    quantities = sorted(claim.quantities.all(), key=lambda q: (q.start, q.pk))
    try:
        comparisons = list(_per_quantity(claim, quantities, source))
    except Exception:  # a unit pint chokes on must not break the editor's save
        log.exception("reference check of source %s failed", source.pk)
        return _unverifiable(claim, f"The unit “{source.reference_unit}” could not be read.")
    if not comparisons:
        return _unverifiable(
            claim, "The claim has no extracted quantity to compare the reference with."
        )
    return next((c for c in comparisons if c.grade), comparisons[0])


def _unverifiable(claim: Claim, explanation: str) -> ReferenceComparison:
    finding = Finding("reference", "unverifiable", claim.start, claim.end, "", explanation)
    return ReferenceComparison(finding, "")


def _per_quantity(
    claim: Claim, quantities: list[Quantity], source: Source
) -> Iterable[ReferenceComparison]:
    assert source.reference_value is not None  # the callers look first
    reading = reference_reading(claim, quantities, source.reference_unit)
    unit = reading.unit if reading is not None else source.reference_unit
    value = source.reference_value * (reading.multiplier if reading is not None else 1.0)
    for q in quantities:
        if value < 0 < q.value and states_change(claim, [q]):
            yield _by_size(compare_reference_value(**_compared(q), reference_value=-value,
                                                   reference_unit=unit))  # fmt: skip
        else:
            yield compare_reference_value(
                **_compared(q), reference_value=value, reference_unit=unit
            )


BY_SIZE = (
    "The claim gives the size of a change and the source a signed one: they are compared by "
    "size; whether it rose or fell is for the editor to read in the source."
)


def _by_size(comparison: ReferenceComparison) -> ReferenceComparison:
    finding = comparison.finding
    return replace(
        comparison, finding=replace(finding, explanation=f"{BY_SIZE} {finding.explanation}")
    )


def _compared(q: Quantity) -> dict[str, Any]:
    return dict(
        value=q.value,
        unit=q.unit,
        qualifier=q.qualifier,
        step=q.step,
        value_high=q.value_high,
        surface=q.text,
        start=q.start,
        end=q.end,
    )


def claim_refresh_worst_outcome(*, claim_id: int) -> None:
    outcomes = CheckResult.objects.filter(claim_id=claim_id).values_list("outcome", flat=True)
    Claim.objects.filter(pk=claim_id).update(worst_outcome=worst_outcome(outcomes))
