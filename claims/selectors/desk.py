"""What the editors' web UI reads: their claims, the articles and their lists, the panel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, Left

from claims.models import Article, Claim, ClaimState, Verdict
from claims.selectors.queues import claims_machine_inconsistent
from claims.selectors.search import search_terms


def claims_with_current_rating(queryset: QuerySet[Claim]) -> QuerySet[Claim]:
    """Annotate `current_rating`, the current verdict's label, and `current_rating_value`, its
    number to sort by: indexed subqueries per row, no join that duplicates rows."""
    current = Verdict.objects.filter(claim=OuterRef("pk"), is_current=True).order_by()
    return queryset.annotate(
        current_rating=Subquery(current.values("rating_name")[:1]),
        current_rating_value=Subquery(current.values("rating_value")[:1]),
    )


@dataclass(frozen=True)
class PublishedVerdict:
    """What the public page shows: the verdict in force and the corrections that led to it."""

    verdict: Verdict
    corrections: list[Verdict]  # the current verdict first if it is a correction, then older
    superseded: list[Verdict]  # the earlier published versions, newest first


def claim_published_verdict(*, claim_id: int) -> PublishedVerdict | None:
    """The published verdict of a claim with its history of corrections, or None."""
    verdicts = list(
        Verdict.objects.filter(claim_id=claim_id, published_at__isnull=False)
        .filter(claim__state=ClaimState.PUBLISHED)
        .select_related("author", "reviewer")
        .order_by("-published_at", "-id")
    )
    current = next((v for v in verdicts if v.is_current), None)
    if current is None:
        return None
    return PublishedVerdict(
        verdict=current,
        corrections=[v for v in verdicts if v.supersedes_id is not None],
        superseded=[v for v in verdicts if not v.is_current],
    )


OPEN_STATES = (ClaimState.NEW, ClaimState.IN_PROGRESS, ClaimState.IN_REVIEW)


def claims_assigned(*, user: Any, limit: int = 20) -> QuerySet[Claim]:
    """The claims on someone's desk: assigned to them and not yet settled."""
    return (
        Claim.objects.filter(assignee=user, state__in=OPEN_STATES)
        .select_related("article")
        .only("id", "text", "kind", "state", "worst_outcome", "article__id", "article__title")
        .order_by("-updated_at", "-id")[:limit]
    )


def claims_sent_back(*, user: Any, limit: int = 20) -> QuerySet[Claim]:
    """Claims a reviewer sent back to this person: in progress, theirs, with the comment."""
    return (
        Claim.objects.filter(assignee=user, state=ClaimState.IN_PROGRESS)
        .exclude(review_comment="")
        .select_related("article")
        .only("id", "text", "state", "review_comment", "article__id", "article__title")
        .order_by("-updated_at", "-id")[:limit]
    )


def claims_inconsistent_recent(*, limit: int = 20) -> QuerySet[Claim]:
    """The machine-inconsistent queue, newest first, with the article's title for the link."""
    return (
        claims_machine_inconsistent()
        .select_related("article")
        .only("id", "text", "kind", "state", "worst_outcome", "article__id", "article__title")
        .order_by("-created_at", "-id")[:limit]
    )


def articles_recent_progress(*, limit: int = 20) -> QuerySet[Article]:
    """The dashboard's articles, without their texts: the table is polled every second."""
    return (
        Article.objects.defer("raw", "text", "search_vector")
        .annotate(claim_count=Count("claims"))
        .order_by("-created_at", "-id")[:limit]
    )


def article_for_reading(*, article_id: int) -> Article:
    """An article with its claims and their findings: three queries whatever their number."""
    from claims.models import CheckResult

    claims = Claim.objects.order_by("start", "end", "id").prefetch_related(
        Prefetch("check_results", queryset=CheckResult.objects.order_by("start", "id"))
    )
    return (
        Article.objects.defer("raw", "search_vector")
        .prefetch_related(Prefetch("claims", queryset=claims))
        .get(pk=article_id)
    )


def claim_for_panel(*, claim_id: int) -> Claim:
    """A claim with everything its panel shows, in a fixed number of queries."""
    from claims.models import CheckResult, Quantity, Source

    return (
        Claim.objects.select_related("assignee")
        .prefetch_related(
            Prefetch("quantities", queryset=Quantity.objects.order_by("start", "id")),
            Prefetch(
                "check_results",
                queryset=CheckResult.objects.select_related("source").order_by("start", "id"),
            ),
            Prefetch("sources", queryset=Source.objects.select_related("added_by")),
            Prefetch("verdicts", queryset=Verdict.objects.select_related("author", "reviewer")),
        )
        .get(pk=claim_id)
    )


def claim_history(*, claim: Claim, limit: int = 50) -> list[Any]:
    """The claim's recorded changes, newest first, each with the change it made."""
    return list(claim.history.select_related("history_user").order_by("-history_date")[:limit])


def claims_for_list() -> QuerySet[Claim]:
    """The claims list: one query per page (plus the count), whatever the page size."""
    return claims_with_current_rating(
        Claim.objects.select_related("article", "assignee")
        .defer(
            "sentence", "search_vector", "article__raw", "article__text", "article__search_vector"
        )
        .order_by("-created_at", "-id")
    )


def article_named(*, article_id: int) -> Article | None:
    """An article's title and id alone (None if there is none with that id)."""
    return Article.objects.only("id", "title").filter(pk=article_id).first()


def articles_for_list() -> QuerySet[Article]:
    """The articles list: one query per page (plus the count), whatever the page size. The
    texts stay in the database; `first_words` stands in for a missing title, and the claim
    counts are subqueries, so they are counted for the rows of the page only."""
    return (
        Article.objects.select_related("submitted_by")
        .defer("raw", "text", "search_vector")
        .annotate(
            first_words=Left("text", FIRST_WORDS),
            claim_count=_claims_counted(Q()),
            inconsistent_count=_claims_counted(Q(worst_outcome="inconsistent")),
        )
        .order_by("-created_at", "-id")
    )


FIRST_WORDS = 120  # characters of the text shown for an article without a title


def _claims_counted(condition: Q) -> Coalesce:
    claims = Claim.objects.filter(condition, article=OuterRef("pk")).order_by().values("article")
    return Coalesce(Subquery(claims.annotate(n=Count("pk")).values("n")), 0)


def articles_with_inconsistent_claims(
    *, queryset: QuerySet[Article], present: bool = True
) -> QuerySet[Article]:
    inconsistent = Claim.objects.filter(article=OuterRef("pk"), worst_outcome="inconsistent")
    return queryset.filter(Exists(inconsistent) if present else ~Exists(inconsistent))


PUBLISHERS_OFFERED = 200


def article_publishers(*, limit: int = PUBLISHERS_OFFERED) -> list[str]:
    """The publishers named on articles, for the list's filter (the first `limit`, A to Z)."""
    names = Article.objects.exclude(publisher="").order_by("publisher").values_list("publisher")
    return [name for (name,) in names.distinct()[:limit]]


def claims_in_articles_titled(*, queryset: QuerySet[Claim], title: str) -> QuerySet[Claim]:
    """Claims of the articles whose title holds every term of `title` (as typed, any case;
    the trigram index of migration 0004 answers it)."""
    for term, _ in search_terms(title):
        queryset = queryset.filter(article__title__icontains=term)
    return queryset
