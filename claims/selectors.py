"""Read queries shared by the web UI, the admin and the API."""

import operator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import reduce
from typing import Any, Protocol

from django.contrib.auth import get_user_model
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections
from django.db.models import (
    Case,
    Count,
    Exists,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Left
from django.utils import timezone
from django.utils.text import smart_split, unescape_string_literal

from claims.models import Article, Claim, ClaimState, Organization, Verdict
from claims.workflow import PENDING_CORRECTION

# --- the reviewers' queues (admin index, admin filters; the web UI may reuse them) -----------

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


def assignable_users() -> QuerySet[Any]:
    """People a claim can be assigned to: active editors, reviewers and superusers."""
    from claims.workflow import EDITORS, REVIEWERS

    in_newsroom = Q(groups__name__in=[EDITORS, REVIEWERS]) | Q(is_superuser=True)
    return (
        get_user_model().objects.filter(in_newsroom, is_active=True).distinct().order_by("username")
    )


# --- the REST API ---------------------------------------------------------------------------


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


# --- search: one function for the admin, the web lists and the API -------------------------
#
# On PostgreSQL, full-text search ('english': stemmed, stop words dropped) over the claim's
# sentence and over the article's title, publisher, byline and text, each answered from a GIN
# index on their stored `search_vector` (migrations 0011 and 0012; a test EXPLAINs both).
# Elsewhere (SQLite, the embedded default) every term is looked for with `icontains` instead,
# unstemmed.

SEARCH_CONFIG = "english"
# Only the first 200,000 characters of an article's text are searched: PostgreSQL refuses a
# tsvector over 1 MB, which a long text of unique tokens could reach, and an index expression
# that fails would refuse the article itself. 200,000 characters is some 30,000 words.
ARTICLE_TEXT_SEARCHED = 200_000


def claim_search_vector() -> SearchVector:
    """The claim's sentence (which holds the claim's own words): what migration 0012’s trigger
    stores in `Claim.search_vector`, which the search reads (tests/search/test_search_vector.py
    checks the two agree)."""
    return SearchVector("sentence", config=SEARCH_CONFIG)


def article_search_vector() -> SearchVector:
    """The article's facts and the head of its text: what migration 0011’s trigger stores in
    `Article.search_vector`, which the search reads (tests/search/test_search_vector.py checks
    the two agree). Not compared directly: for a word in most articles PostgreSQL would skip
    the index and compute this for every article's text (30 s on 10,000, bench/search.py)."""
    text = Left("text", ARTICLE_TEXT_SEARCHED)
    return SearchVector("title", "publisher", "byline", text, config=SEARCH_CONFIG)


def _unquoted(term: str) -> str:
    """A quoted phrase without its quotes; an unbalanced quote is just a character."""
    if term[0] in "\"'":
        try:
            return unescape_string_literal(term)
        except ValueError:
            return term
    return term


def _search_terms(search: str) -> list[tuple[str, bool]]:
    """Each term of `search` and whether it was a quoted phrase (a lone quote is a word)."""
    terms = []
    for term in smart_split(search):
        unquoted = _unquoted(term)
        if unquoted.strip():
            terms.append((unquoted, unquoted != term))
    return terms


def _search_query(terms: list[tuple[str, bool]]) -> SearchQuery:
    """Every word of every term, stemmed ("reservoirs" finds "reservoir"), as one AND query.
    Whole words, not prefixes: a prefix is stemmed too ("Kupy" to "kupi"), which would miss.

    A quoted phrase's words are in it too, but not their order: a phrase query would have
    PostgreSQL recompute the vector of every row the index offers (13 s for the 6,000 articles
    naming a town, bench/search.py); the order is checked on those rows by `_phrases_in`."""
    return reduce(
        operator.and_,
        (SearchQuery(term, search_type="plain", config=SEARCH_CONFIG) for term, _ in terms),
    )


def _any_contains(fields: tuple[str, ...], term: str) -> Q:
    """`term`, as written (any case), in one of `fields`."""
    return reduce(operator.or_, (Q(**{f"{f}__icontains": term}) for f in fields))


def _phrases_in(fields: tuple[str, ...], terms: list[tuple[str, bool]]) -> Q:
    """Each quoted phrase, as written (any case), in one of `fields`."""
    found = Q()
    for term, phrase in terms:
        if phrase:
            found &= _any_contains(fields, term)
    return found


def _on_postgresql(queryset: QuerySet[Any]) -> bool:
    return connections[queryset.db].vendor == "postgresql"


ARTICLE_FIELDS = ("title", "publisher", "byline", "text")
ARTICLE_FIELDS_OF_CLAIM = tuple(f"article__{f}" for f in ARTICLE_FIELDS)
NO_RANK = Value(0.0, output_field=FloatField())


def claims_search(*, queryset: QuerySet[Claim], search: str) -> QuerySet[Claim]:
    """Claims whose sentence, or whose article's title, publisher, byline or text, hold every
    term of `search`; annotated with `search_rank`: 1 where the claim's own sentence holds
    them all, else 0 (a flag, not ts_rank, which would recompute the vector of every match).
    A search with no terms (blank, or only quotes) keeps every claim, ranked 0.

    Each side is a subquery of its own, joined by UNION, so that PostgreSQL answers each from
    its GIN index; an OR across the join would read every claim.
    """
    terms = _search_terms(search)
    if not terms:
        return queryset.annotate(search_rank=NO_RANK)
    if not _on_postgresql(queryset):
        for term, _ in terms:
            fields = ("sentence", *ARTICLE_FIELDS_OF_CLAIM)
            queryset = queryset.filter(_any_contains(fields, term))
        return queryset.annotate(search_rank=NO_RANK)
    query = _search_query(terms)
    own_sentence = Q(search_vector=query) & _phrases_in(("sentence",), terms)
    by_sentence = Claim.objects.filter(own_sentence).order_by().values("pk")
    articles = _articles_matching(Article.objects.all(), query, terms)
    by_article = Claim.objects.filter(article__in=articles).order_by().values("pk")
    # The flag is read off each row found (its stored vector), not by running the sentence
    # search a second time.
    rank = Case(When(own_sentence, then=Value(1.0)), default=NO_RANK)
    return queryset.filter(pk__in=by_sentence.union(by_article)).annotate(search_rank=rank)


def claims_containing(*, queryset: QuerySet[Claim], search: str) -> QuerySet[Claim]:
    """Claims whose own words contain every term, as typed (parts of words too): for pickers
    that search while one types; the trigram index of migration 0004 answers it."""
    for term, _ in _search_terms(search):
        queryset = queryset.filter(text__icontains=term)
    return queryset


def articles_search(*, queryset: QuerySet[Article], search: str) -> QuerySet[Article]:
    """Articles whose title, publisher, byline or text hold every term of `search`."""
    terms = _search_terms(search)
    if not terms:
        return queryset
    if not _on_postgresql(queryset):
        for term, _ in terms:
            queryset = queryset.filter(_any_contains(ARTICLE_FIELDS, term))
        return queryset
    return _articles_matching(queryset, _search_query(terms), terms)


def _articles_matching(
    queryset: QuerySet[Article], query: SearchQuery, terms: list[tuple[str, bool]]
) -> QuerySet[Article]:
    found = queryset.filter(search_vector=query)
    return found.filter(_phrases_in(ARTICLE_FIELDS, terms))


# --- the editors' web UI ----------------------------------------------------------------------

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


# --- notifications (claims/services/notifications.py writes them) ---------------------------

UNREAD_COUNT_CAP = 99  # the badge says "99+" beyond: counting stays bounded on any table


def notifications_unread_count(*, user: Any, cap: int = UNREAD_COUNT_CAP) -> int:
    """One bounded COUNT on the (recipient, read_at) index; cap + 1 means "more than cap"."""
    from claims.models import Notification

    return Notification.objects.filter(recipient=user, read_at__isnull=True)[: cap + 1].count()


def notifications_for(*, user: Any, unread_only: bool = False) -> QuerySet[Any]:
    """Someone's notifications, newest first, with what a list shows: one query per page."""
    from claims.models import Notification

    queryset = Notification.objects.filter(recipient=user)
    if unread_only:
        queryset = queryset.filter(read_at__isnull=True)
    return (
        queryset.select_related("claim", "claim__article", "actor")
        .only(
            "id",
            "kind",
            "message",
            "created_at",
            "read_at",
            "recipient_id",
            "error_report_id",
            "claim__id",
            "claim__text",
            "claim__state",
            "claim__article__id",
            "claim__article__title",
            "actor__id",
            "actor__username",
            "actor__first_name",
            "actor__last_name",
        )
        .order_by("-created_at", "-id")
    )


def reviewers() -> QuerySet[Any]:
    """Everyone who may approve a correction: active reviewers and superusers."""
    from claims.workflow import REVIEWERS

    senior = Q(groups__name=REVIEWERS) | Q(is_superuser=True)
    return get_user_model().objects.filter(senior, is_active=True).distinct().order_by("username")


def assignable_user_named(*, username: str) -> Any | None:
    """The assignable person with this username: exactly, or else in any case when that names
    one person only; None when nobody fits (unknown, inactive, or outside the newsroom)."""
    if not username:
        return None
    people = assignable_users()
    exact = people.filter(username=username).first()
    if exact is not None:
        return exact
    loose = list(people.filter(username__iexact=username)[:2])
    return loose[0] if len(loose) == 1 else None


def assignable_users_search(*, search: str = "") -> QuerySet[Any]:
    """Assignable people whose username or name contains `search` (all of them when blank)."""
    queryset = assignable_users()
    for term in search.split():
        queryset = queryset.filter(
            Q(username__icontains=term)
            | Q(first_name__icontains=term)
            | Q(last_name__icontains=term)
        )
    return queryset


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
    for term, _ in _search_terms(title):
        queryset = queryset.filter(article__title__icontains=term)
    return queryset


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


# --- the public site ------------------------------------------------------------------------


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
    ordered = sorted(set(rows), key=lambda row: (row[1] is None, -(row[1] or 0), row[0]))
    return [(name, name) for name, _value in ordered]


# --- readers' error reports (claims/services/reports.py writes them) -------------------------


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
