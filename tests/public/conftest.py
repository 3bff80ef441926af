"""Published fact-checks made directly (factories), at the dates a test needs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from claims.models import CheckResult, Claim, ClaimState, Organization, Verdict
from tests.factories import (
    ClaimFactory,
    EditorFactory,
    PublishedVerdictFactory,
    ReviewerFactory,
    rated,
)


def at(day: str) -> datetime:
    """Noon UTC on an ISO day."""
    return datetime.fromisoformat(f"{day}T12:00:00").replace(tzinfo=UTC)


def publish(day: str = "2026-03-01", rating: int = 2, **claim_fields) -> Claim:
    claim = ClaimFactory(state=ClaimState.PUBLISHED, **claim_fields)
    PublishedVerdictFactory(claim=claim, **rated(rating), published_at=at(day))
    return claim


def correct(claim: Claim, *, day: str, rating: int, note: str = "Re-measured.") -> Verdict:
    """A published correction, as correction_approve leaves it."""
    old = Verdict.objects.get(claim=claim, is_current=True)
    old.is_current = False
    old.save(update_fields=["is_current"])
    return Verdict.objects.create(
        claim=claim,
        **rated(rating),
        rationale="Corrected.",
        author=EditorFactory(),
        reviewer=ReviewerFactory(),
        published_at=at(day),
        supersedes=old,
        correction_note=note,
    )


def finding(claim: Claim, outcome: str, expected: str) -> CheckResult:
    return CheckResult.objects.create(
        claim=claim,
        check_name="conversion",
        outcome=outcome,
        start=claim.start,
        end=claim.end,
        expected=expected,
        explanation=f"The machine found it {outcome}.",
    )


@pytest.fixture
def organization(db) -> Organization:
    return Organization.current()
