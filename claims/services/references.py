"""The `reference` machine check on stored claims, run when a source brings a reference value."""

from __future__ import annotations

import logging

from claims.checks import check_reference_value
from claims.checks.finding import Finding, worst_outcome
from claims.models import CheckResult, Claim, Source

log = logging.getLogger(__name__)


def source_check_reference(*, source: Source) -> CheckResult | None:
    """Replace the source's reference finding; None when it has no reference value.

    The claim's quantity whose unit the reference converts to is used (in a figure with its
    conversion, either one will do; the first that converts wins).
    """
    CheckResult.objects.filter(source=source).delete()
    result = None
    if source.reference_value is not None:
        finding = _reference_finding(source, source.reference_value)
        result = CheckResult.from_finding(finding, claim_id=source.claim_id, source=source)
        result.save(force_insert=True)
    claim_refresh_worst_outcome(claim_id=source.claim_id)
    return result


def _reference_finding(source: Source, reference_value: float) -> Finding:
    claim = source.claim
    try:
        findings = _findings_per_quantity(source, reference_value)
    except Exception:  # a unit pint chokes on must not break the editor's save
        log.exception("reference check of source %s failed", source.pk)
        return _unverifiable(claim, f"The unit “{source.reference_unit}” could not be read.")
    if not findings:
        return _unverifiable(
            claim, "The claim has no extracted quantity to compare the reference with."
        )
    return next((f for f in findings if f.outcome != "unverifiable"), findings[0])


def _unverifiable(claim: Claim, explanation: str) -> Finding:
    return Finding("reference", "unverifiable", claim.start, claim.end, "", explanation)


def _findings_per_quantity(source: Source, reference_value: float) -> list[Finding]:
    return [
        check_reference_value(
            value=q.value,
            unit=q.unit,
            qualifier=q.qualifier,
            step=q.step,
            value_high=q.value_high,
            surface=q.text,
            start=q.start,
            end=q.end,
            reference_value=reference_value,
            reference_unit=source.reference_unit,
        )
        for q in source.claim.quantities.order_by("start")
    ]


def claim_refresh_worst_outcome(*, claim_id: int) -> None:
    outcomes = CheckResult.objects.filter(claim_id=claim_id).values_list("outcome", flat=True)
    Claim.objects.filter(pk=claim_id).update(worst_outcome=worst_outcome(outcomes))
