"""Writes that bring articles in."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from claims.intake import Document
from claims.models import Article, ExtractionState

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool


def article_ingest(
    *,
    document: Document,
    origin: str,
    submitted_by: AbstractBaseUser | None = None,
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
            transaction.on_commit(lambda: _enqueue_extraction(article.pk))
    except IntegrityError:
        # Someone stored the same text between our look-up and our insert.
        existing = Article.objects.filter(content_hash=document.content_hash).first()
        if existing is None:
            raise
        return IngestResult(existing, created=False)
    log.info("article %s ingested (%s)", article.pk, origin)
    return IngestResult(article, created=True)


def _enqueue_extraction(article_id: int) -> None:
    from claims.tasks import extract_article

    extract_article.delay(article_id)
