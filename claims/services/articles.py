"""Writes that bring articles in."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from claims import fetching, intake
from claims.intake import Document, IntakeError
from claims.models import Article, ExtractionState, SourceOrigin
from claims.services.extraction import enqueue_extraction

if TYPE_CHECKING:
    # The model of settings.AUTH_USER_MODEL. mypy's Django plugin types `Article.submitted_by`
    # from that setting, so a custom user model would be reported where the article is built.
    from django.contrib.auth.models import User

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool


def article_ingest(
    *,
    document: Document,
    origin: str,
    submitted_by: User | None = None,
    dateline: date | None = None,
    publisher: str = "",
) -> IngestResult:
    """Store a document once (by content hash) and enqueue its extraction after commit.

    `dateline` and `publisher` given by the person submitting win over what the document says.
    """
    existing = Article.objects.filter(content_hash=document.content_hash).first()
    if existing is not None:
        return IngestResult(existing, created=False)
    article = Article(
        raw=document.raw,
        raw_content_type=document.content_type,
        text=document.text,
        content_hash=document.content_hash,
        origin=origin,
        title=document.title,
        url=document.url,
        publisher=publisher or document.publisher,
        byline=document.byline,
        dateline=dateline or document.dateline,
        submitted_by=submitted_by,
        extraction_state=ExtractionState.QUEUED,
        extraction_queued_at=timezone.now(),
    )
    try:
        with transaction.atomic():
            article.save()
            transaction.on_commit(lambda: enqueue_extraction([article.pk]))
    except IntegrityError:
        # Someone stored the same text between our look-up and our insert.
        existing = Article.objects.filter(content_hash=document.content_hash).first()
        if existing is None:
            raise
        return IngestResult(existing, created=False)
    log.info("article %s ingested (%s)", article.pk, origin)
    return IngestResult(article, created=True)


def article_ingest_text(
    *,
    text: str,
    submitted_by: User | None = None,
    dateline: date | None = None,
    publisher: str = "",
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
    )


def article_ingest_file(
    *,
    data: bytes,
    filename: str,
    submitted_by: User | None = None,
    dateline: date | None = None,
    publisher: str = "",
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
    )


def article_ingest_url(
    *,
    url: str,
    submitted_by: User | None = None,
    dateline: date | None = None,
    publisher: str = "",
) -> IngestResult:
    """A web page: fetched with the address checks and limits of `claims.fetching`."""
    fetched = fetching.fetch_html(url, fetch_policy())
    document = intake.document_from_html(fetched.html, url=fetched.url)
    return article_ingest(
        document=document,
        origin=SourceOrigin.URL,
        submitted_by=submitted_by,
        dateline=dateline,
        publisher=publisher,
    )


def fetch_policy() -> fetching.FetchPolicy:
    return fetching.FetchPolicy(
        max_bytes=settings.INGEST_MAX_BYTES,
        connect_timeout=settings.FETCH_CONNECT_TIMEOUT,
        read_timeout=settings.FETCH_READ_TIMEOUT,
        deadline=settings.FETCH_DEADLINE,
        allow_private=settings.FETCH_ALLOW_PRIVATE_ADDRESSES,
    )
