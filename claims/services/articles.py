"""Writes that bring articles in."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Case, DateField, F, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from claims import fetching, intake
from claims.intake import Document, IntakeError
from claims.models import Article, ExtractionState, SourceOrigin
from claims.models.article import FACT_FIELDS
from claims.services.extraction import enqueue_extraction, enqueue_fetch

if TYPE_CHECKING:
    # The model of settings.AUTH_USER_MODEL. mypy's Django plugin types `Article.submitted_by`
    # from that setting, so a custom user model would be reported where the article is built.
    from django.contrib.auth.models import User

log = logging.getLogger(__name__)


# The facts as the newsroom names them, in messages.
FACT_LABELS = {
    "title": "title",
    "dateline": "dateline",
    "publisher": "publisher",
    "byline": "byline",
    "url": "web address",
}


@dataclass(frozen=True)
class FactDifference:
    """A fact a submission gives that differs from the one stored (both as shown)."""

    field: str
    stored: str
    submitted: str

    @property
    def label(self) -> str:
        return FACT_LABELS[self.field]

    def __str__(self) -> str:
        stored = f"“{self.stored}”" if self.stored else "none"
        return f"{self.label} “{self.submitted}” (stored: {stored})"


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool
    # For a text (or address) stored already: the facts this submission gives that differ
    # from the stored ones. They are not applied: an article's facts change only when someone
    # corrects them on purpose (services.article_update_facts), never by a second submission.
    differences: tuple[FactDifference, ...] = ()


def fact_differences(article: Article, given: dict[str, Any]) -> tuple[FactDifference, ...]:
    """The facts in `given` (by FACT_FIELDS name; empty ones are not given) that differ."""
    found = []
    for name in FACT_FIELDS:
        value = given.get(name)
        if value in (None, "") or value == getattr(article, name):
            continue
        found.append(FactDifference(name, _shown(getattr(article, name)), _shown(value)))
    return tuple(found)


def _shown(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value or "")


def article_ingest(
    *,
    document: Document,
    origin: str,
    submitted_by: User | None = None,
    dateline: date | None = None,
    publisher: str = "",
    title: str = "",
) -> IngestResult:
    """Store a document once (by content hash) and enqueue its extraction after commit.

    The `dateline`, `publisher` and `title` given by the person submitting win over what the
    document says; the title is otherwise the page's, else the text's headline, else its first
    sentence (claims.intake).
    """
    facts = {
        "title": title.strip() or document.title,
        "url": document.url,
        "publisher": publisher.strip() or document.publisher,
        "byline": document.byline,
        "dateline": dateline or document.dateline,
    }
    existing = Article.objects.filter(content_hash=document.content_hash).first()
    if existing is not None:
        return IngestResult(existing, False, fact_differences(existing, facts))
    article = Article(
        raw=document.raw,
        raw_content_type=document.content_type,
        text=document.text,
        content_hash=document.content_hash,
        origin=origin,
        **{**facts, "title": facts["title"] or document.fallback_title},
        submitted_by=submitted_by,
        extraction_state=ExtractionState.QUEUED,
        extraction_queued_at=timezone.now(),
    )
    result = _store_new(article, enqueue_extraction)
    if result.created:
        log.info("article %s ingested (%s)", article.pk, origin)
        return result
    return replace(result, differences=fact_differences(result.article, facts))


def article_ingest_text(
    *,
    text: str,
    submitted_by: User | None = None,
    dateline: date | None = None,
    publisher: str = "",
    title: str = "",
) -> IngestResult:
    """Pasted text (or HTML someone pasted)."""
    if len(text.encode("utf-8")) > settings.INGEST_MAX_BYTES:
        raise IntakeError(f"the text is over the limit of {settings.INGEST_MAX_BYTES:,} bytes")
    return article_ingest(
        document=intake.document_from_any(text),
        origin=SourceOrigin.PASTE,
        submitted_by=submitted_by,
        dateline=dateline,
        publisher=publisher,
        title=title,
    )


def article_ingest_file(
    *,
    data: bytes,
    filename: str,
    submitted_by: User | None = None,
    dateline: date | None = None,
    publisher: str = "",
    title: str = "",
) -> IngestResult:
    """An uploaded or local .txt or .html file."""
    document = intake.document_from_file(
        data, filename=filename, max_bytes=settings.INGEST_MAX_BYTES
    )
    return article_ingest(
        document=document,
        origin=SourceOrigin.FILE,
        submitted_by=submitted_by,
        dateline=dateline,
        publisher=publisher,
        title=title,
    )


def article_ingest_url(
    *,
    url: str,
    submitted_by: User | None = None,
    dateline: date | None = None,
    publisher: str = "",
    title: str = "",
) -> IngestResult:
    """A web page: stored at once as `fetching`; a task fetches it (`article_fetch`), so no
    web request waits on someone else's server. The same address submitted again is the same
    article (one whose fetch failed is tried again)."""
    url = fetching.check_submitted_url(url, allow_private=settings.FETCH_ALLOW_PRIVATE_ADDRESSES)
    given = {"title": title.strip(), "publisher": publisher.strip(), "dateline": dateline}
    existing = Article.objects.filter(url=url).order_by("pk").first()
    if existing is not None:
        result = _refetch_if_failed(existing)
        return replace(result, differences=fact_differences(result.article, given))
    article = Article(
        raw="",
        text="",
        content_hash=_placeholder_hash(url),
        origin=SourceOrigin.URL,
        url=url,
        title=title.strip(),
        publisher=publisher.strip(),
        dateline=dateline,
        submitted_by=submitted_by,
        extraction_state=ExtractionState.FETCHING,
        extraction_queued_at=timezone.now(),
    )
    result = _store_new(article, enqueue_fetch)
    if result.created:
        log.info("article %s submitted by address; fetching", article.pk)
    return result


def _store_new(article: Article, send: Callable[[list[int]], None]) -> IngestResult:
    """Insert `article` and `send` it on once the transaction commits. The same text (or, for
    an address, its placeholder hash) stored by another request between our look-up and our
    insert is handed back instead."""
    try:
        with transaction.atomic():
            article.save()
            transaction.on_commit(lambda: send([article.pk]))
    except IntegrityError:
        existing = Article.objects.filter(content_hash=article.content_hash).first()
        if existing is None:
            raise
        return IngestResult(existing, created=False)
    return IngestResult(article, created=True)


def _placeholder_hash(url: str) -> str:
    """Unique per address until the page arrives; never a text's hash (not all hex)."""
    return "fetch-" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:58]


def _refetch_if_failed(article: Article) -> IngestResult:
    refetch = Article.objects.filter(
        pk=article.pk, extraction_state=ExtractionState.FAILED, text=""
    ).update(
        extraction_state=ExtractionState.FETCHING,
        extraction_error="",
        extraction_queued_at=timezone.now(),
        extraction_finished_at=None,
        extraction_attempts=0,
    )
    if refetch:
        transaction.on_commit(lambda: enqueue_fetch([article.pk]))
        article.refresh_from_db()
    return IngestResult(article, created=bool(refetch))


def article_fetch(*, article_id: int) -> Article | None:
    """Fetch a `fetching` article's page and queue its extraction, or fail it with the reason.

    The fetch is claimed with a conditional UPDATE that counts the attempt, so a fetch that
    never finishes (a dead worker, a hang) is failed by the sweep after EXTRACTION_MAX_ATTEMPTS
    instead of being fetched again for ever. The page is filled in with a conditional UPDATE,
    so a fetch run twice stores once. An error other than IntakeError propagates: the task
    (`claims.tasks.fetch_article`) retries database errors and fails the article on the rest.
    """
    article = Article.objects.filter(pk=article_id, extraction_state=ExtractionState.FETCHING)
    now = timezone.now()
    limit = settings.EXTRACTION_MAX_ATTEMPTS
    gave_up = f"gave up after {limit} attempts that did not finish"
    if _fetch_failed(article.filter(extraction_attempts__gte=limit), gave_up):
        return None
    if not article.update(
        extraction_attempts=F("extraction_attempts") + 1, extraction_started_at=now
    ):
        return None
    found = article.first()
    if found is None:
        return None
    try:
        fetched = fetching.fetch_html(found.url, fetch_policy())
        document = intake.document_from_html(fetched.html, url=fetched.url)
    except IntakeError as exc:
        _fetch_failed(article, str(exc))
        return None
    try:
        with transaction.atomic():
            stored = article.update(**_page_fields(document))
            if stored:
                _record_page_facts(article_id)
                transaction.on_commit(lambda: enqueue_extraction([article_id]))
    except IntegrityError:
        same = Article.objects.filter(content_hash=document.content_hash).first()
        _fetch_failed(article, f"the same text is already stored as article {same and same.pk}")
        return None
    log.info("article %s fetched from %s", article_id, fetched.url)
    # The caller gets the state and the facts; the page and its text stay in the database.
    return Article.objects.defer("raw", "text", "search_vector").get(pk=article_id)


def _page_fields(document: Document) -> dict[str, Any]:
    """What the page brings. A fact already in the row wins: given on submission, or
    corrected by an editor while the page was being fetched (read at the update, not before
    the fetch, so that such a correction is not lost)."""
    return {
        "raw": document.raw,
        "raw_content_type": document.content_type,
        "text": document.text,
        "content_hash": document.content_hash,
        "title": _unless_set("title", document.title),
        "url": document.url,
        "publisher": _unless_set("publisher", document.publisher),
        "byline": _unless_set("byline", document.byline),
        "dateline": Coalesce(F("dateline"), Value(document.dateline, DateField())),
        "extraction_state": ExtractionState.QUEUED,
        "extraction_queued_at": timezone.now(),
        # The fetch's attempts are not extraction's: extraction gets all of its own.
        "extraction_attempts": 0,
        "updated_at": timezone.now(),
    }


def _unless_set(name: str, value: str) -> Case:
    return Case(When(**{name: ""}, then=Value(value)), default=F(name))


def _record_page_facts(article_id: int) -> None:
    """The facts the page brought go into the article's history like an editor's change, so
    that an edit based on the facts as they were before the page came is refused as stale
    (services.article_facts)."""
    article = Article.objects.defer("raw", "text", "search_vector").get(pk=article_id)
    Article.history.bulk_history_create(
        [article], update=True, default_change_reason="filled in the facts from the fetched page"
    )


def article_fetch_fail(*, article_id: int, reason: str) -> bool:
    """End a fetch that raised something else than bad input (a bug, a time limit, retries
    exhausted) as `failed` with the reason; only while the article is still being fetched."""
    article = Article.objects.filter(pk=article_id, extraction_state=ExtractionState.FETCHING)
    return _fetch_failed(article, reason)


def _fetch_failed(article: QuerySet[Article], reason: str) -> bool:
    return bool(
        article.update(
            extraction_state=ExtractionState.FAILED,
            extraction_error=f"the page could not be fetched: {reason}"[:2000],
            extraction_finished_at=timezone.now(),
        )
    )


def fetch_policy() -> fetching.FetchPolicy:
    return fetching.FetchPolicy(
        max_bytes=settings.INGEST_MAX_BYTES,
        connect_timeout=settings.FETCH_CONNECT_TIMEOUT,
        read_timeout=settings.FETCH_READ_TIMEOUT,
        deadline=settings.FETCH_DEADLINE,
        allow_private=settings.FETCH_ALLOW_PRIVATE_ADDRESSES,
    )
