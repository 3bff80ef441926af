"""What the REST API reads: its lists, without the texts it never sends."""

from __future__ import annotations

from typing import Any

from django.db.models import (
    Prefetch,
    Q,
    QuerySet,
)

from claims.models import Article, Claim, ClaimState, Verdict
from claims.selectors.matching import matches_shown
from claims.selectors.public import with_publication_dates
from claims.workflow import PENDING_CORRECTION


def articles_for_api() -> QuerySet[Article]:
    # The list never needs the (possibly megabytes of) raw and cleaned text; detail adds text.
    return Article.objects.defer("raw", "text", "search_vector").order_by("-id")


def claims_for_api() -> QuerySet[Claim]:
    """Claims with everything the API shows, in a fixed number of queries per page."""
    from claims.models import CheckResult, Quantity

    return (
        Claim.objects.select_related("assignee")
        .prefetch_related(
            Prefetch("quantities", queryset=Quantity.objects.order_by("start")),
            Prefetch("check_results", queryset=CheckResult.objects.order_by("start", "id")),
            # The current verdict and a correction waiting for approval, in one query; the
            # serializer tells them apart.
            Prefetch(
                "verdicts",
                queryset=Verdict.objects.filter(
                    Q(is_current=True) | Q(**PENDING_CORRECTION)
                ).select_related("author", "reviewer"),
                to_attr="current_verdicts",
            ),
            # Seen before: the matches with their earlier claims' published verdicts.
            Prefetch("matches", queryset=matches_shown()),
        )
        .order_by("-id")
    )


def sources_for_api() -> QuerySet[Any]:
    from claims.models import Source

    return Source.objects.select_related("added_by").order_by("-id")


def published_claims() -> QuerySet[Claim]:
    """Published claims with what their ClaimReview needs: never the article's texts, which
    may be megabytes each (the feed shows its title, address, publisher and dateline)."""
    return (
        with_publication_dates(Claim.objects.filter(state=ClaimState.PUBLISHED))
        .select_related("article")
        .defer("article__raw", "article__text", "article__search_vector")
        .prefetch_related(
            Prefetch(
                "verdicts",
                queryset=Verdict.objects.filter(is_current=True).select_related("author"),
                to_attr="current_verdicts",
            )
        )
        .order_by("-id")
    )
