"""The public site's reads: published fact-checks, their dates, ratings and the organisation."""

from __future__ import annotations

from typing import Any

from django.db.models import (
    Exists,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
)

from claims.models import Claim, ClaimState, Organization, Verdict


def claim_for_public_page(*, claim_id: int) -> Claim | None:
    """A published claim with its article, sources, published verdicts (with their people)
    and the machine's conclusive findings; None when not published."""
    from claims.models import CheckResult, Source

    return (
        with_publication_dates(Claim.objects.filter(pk=claim_id, state=ClaimState.PUBLISHED))
        .select_related("article")
        .defer("article__raw", "article__text", "article__search_vector")
        .prefetch_related(
            Prefetch("sources", queryset=Source.objects.order_by("created_at", "id")),
            Prefetch(
                "verdicts",
                queryset=Verdict.objects.filter(published_at__isnull=False)
                .select_related("supersedes", "author", "reviewer")
                .order_by("-published_at", "-id"),
            ),
            # The machine's arithmetic shown to readers: only findings that reached a
            # conclusion (PUBLIC_OUTCOMES); "unverifiable" tells a reader nothing.
            Prefetch(
                "check_results",
                queryset=CheckResult.objects.filter(outcome__in=PUBLIC_OUTCOMES).order_by(
                    "start", "id"
                ),
                to_attr="public_findings",
            ),
        )
        .first()
    )


PUBLIC_OUTCOMES = ("consistent", "inconsistent")


def organization_for(*, request: Any = None) -> Organization:
    """The organisation, read once per request (kept on the request) and once per call
    without one. DRF's Request wraps Django's: the row is kept on the inner one."""
    holder = getattr(request, "_request", request)
    if holder is None:
        return Organization.current()
    cached = getattr(holder, "_factcheck_organization", None)
    if cached is None:
        cached = Organization.current()
        holder._factcheck_organization = cached
    return cached


def _published_verdicts() -> QuerySet[Verdict]:
    return Verdict.objects.filter(published_at__isnull=False, claim__state=ClaimState.PUBLISHED)


def with_publication_dates(queryset: QuerySet[Claim]) -> QuerySet[Claim]:
    """Annotate `first_published` (the first verdict's publication: ClaimReview's
    datePublished) and `last_corrected` (the latest published correction, or None: its
    dateModified), one indexed subquery each."""
    published = Verdict.objects.filter(claim=OuterRef("pk"), published_at__isnull=False)
    first = published.order_by("published_at", "id").values("published_at")[:1]
    corrected = published.filter(supersedes__isnull=False).order_by("-published_at", "-id")
    return queryset.annotate(
        first_published=Subquery(first),
        last_corrected=Subquery(corrected.values("published_at")[:1]),
    )


def public_checks() -> QuerySet[Claim]:
    """Published fact-checks, newest first publication first, with `first_published` (the
    first verdict's publication: datePublished), `last_corrected` (the latest published
    correction, or None: dateModified) and their current verdict in `current_verdicts`: a
    fixed number of queries per page, never the article's texts."""
    return (
        with_publication_dates(Claim.objects.filter(state=ClaimState.PUBLISHED))
        .filter(first_published__isnull=False)  # type: ignore[misc]
        .select_related("article")
        .only(*PUBLIC_CLAIM_FIELDS)
        .prefetch_related(
            Prefetch(
                "verdicts",
                queryset=Verdict.objects.filter(is_current=True, published_at__isnull=False),
                to_attr="current_verdicts",
            )
        )
        .order_by("-first_published", "-id")
    )


# What the index and the feeds show of a claim and its article.
PUBLIC_CLAIM_FIELDS = (
    "id",
    "text",
    "sentence",
    "state",
    "article_id",
    "article__id",
    "article__title",
    "article__publisher",
    "article__url",
    "article__dateline",
)


def public_checks_rated(*, queryset: QuerySet[Claim], rating: str) -> QuerySet[Claim]:
    """Those whose verdict in force carries the rating `rating` (as public_ratings gives it)."""
    current = Verdict.objects.filter(claim=OuterRef("pk"), is_current=True, rating_name=rating)
    return queryset.filter(Exists(current))


def public_ratings() -> list[tuple[str, str]]:
    """The labels that published verdicts in force carry, as (name, name): best number first,
    then the labels without one, by name. A verdict keeps the label it was published with, so
    labels of earlier scales are listed while verdicts carry them."""
    rows = (
        _published_verdicts()
        .filter(is_current=True)
        .order_by()
        .values_list("rating_name", "rating_value")
        .distinct()
    )
    ordered = sorted(rows, key=lambda row: (row[1] is None, -(row[1] or 0), row[0]))
    return [(name, name) for name, _value in ordered]
