"""The reviewers' queues: bounded counts and the claims (and readers' reports) that wait."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from django.db.models import (
    Exists,
    OuterRef,
    QuerySet,
)
from django.utils import timezone

from claims.models import Claim, ClaimState, Verdict

QUEUE_COUNT_CAP = 1000  # counting stops here: "1000+" is as useful as an exact large number
PUBLISHED_WINDOW = timedelta(days=7)


def claims_to_review(*, queryset: QuerySet[Claim] | None = None) -> QuerySet[Claim]:
    return _claims(queryset).filter(state=ClaimState.IN_REVIEW)


def claims_machine_inconsistent(*, queryset: QuerySet[Claim] | None = None) -> QuerySet[Claim]:
    """Claims the machine checks found inconsistent that nobody has settled yet."""
    return (
        _claims(queryset)
        .filter(worst_outcome="inconsistent")
        .exclude(state__in=[ClaimState.PUBLISHED, ClaimState.DISMISSED])
    )


def claims_published_since(
    *, since: datetime | None = None, queryset: QuerySet[Claim] | None = None
) -> QuerySet[Claim]:
    """Published claims whose current verdict (or its correction) went out since `since`."""
    since = since or timezone.now() - PUBLISHED_WINDOW
    recent = Verdict.objects.filter(claim=OuterRef("pk"), is_current=True, published_at__gte=since)
    return _claims(queryset).filter(Exists(recent), state=ClaimState.PUBLISHED)


def _claims(queryset: QuerySet[Claim] | None) -> QuerySet[Claim]:
    return Claim.objects.all() if queryset is None else queryset


@dataclass(frozen=True)
class QueueCount:
    name: str
    label: str
    count: int
    capped: bool


class QueueSelector(Protocol):
    """A queue's claims, taken from `queryset` when one is given (an admin filter's)."""

    def __call__(self, *, queryset: QuerySet[Claim] | None = None) -> QuerySet[Claim]: ...


QUEUES: dict[str, tuple[str, QueueSelector]] = {
    "to_review": ("To review", claims_to_review),
    "inconsistent": ("Machine-inconsistent", claims_machine_inconsistent),
    "published_week": ("Published this week", claims_published_since),
}


def queue_claims(*, name: str, queryset: QuerySet[Claim] | None = None) -> QuerySet[Claim]:
    return QUEUES[name][1](queryset=queryset)


def queue_counts(*, cap: int = QUEUE_COUNT_CAP) -> list[QueueCount]:
    """One bounded COUNT per queue, so the admin index stays cheap on any table size."""
    counts = []
    for name, (label, selector) in QUEUES.items():
        n = selector()[: cap + 1].count()
        counts.append(QueueCount(name, label, min(n, cap), capped=n > cap))
    return counts


def error_reports_waiting(*, cap: int = QUEUE_COUNT_CAP) -> QueueCount:
    """The readers' reports that wait for a reviewer, counted as the claims' queues are."""
    from claims.models import ErrorReport, ErrorReportStatus

    waiting = ErrorReport.objects.filter(status=ErrorReportStatus.CORRECTION_REQUESTED)
    n = waiting[: cap + 1].count()
    return QueueCount("error_reports", "Readers' reports waiting", min(n, cap), capped=n > cap)


def error_reports_open_count(*, claim_id: int) -> int:
    """How many readers' reports about the claim still wait for a reviewer."""
    from claims.models import ErrorReport, ErrorReportStatus

    return ErrorReport.objects.filter(
        claim_id=claim_id, status=ErrorReportStatus.CORRECTION_REQUESTED
    ).count()
