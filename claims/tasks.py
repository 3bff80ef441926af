"""Thin Celery tasks: ids in, a service call, safe to run twice."""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings
from django.db import OperationalError
from django.utils import timezone

from claims import services
from claims.models import Article, ExtractionState

log = logging.getLogger(__name__)


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=2,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=8,
)
def extract_article(article_id: int) -> None:
    try:
        services.article_extract(article_id=article_id)
    except OperationalError:
        raise  # the database went away: retried with back-off
    except Exception as exc:
        # Bad input or a bug: retrying would fail the same way, so record why and stop.
        log.exception("extraction of article %s failed", article_id)
        services.article_fail(article_id=article_id, reason=f"{type(exc).__name__}: {exc}")


@shared_task
def requeue_stalled_extractions() -> int:
    """The database is the truth: re-enqueue articles that a lost message left behind."""
    cutoff = timezone.now() - timezone.timedelta(seconds=settings.EXTRACTION_STALL_SECONDS)
    stalled = list(
        Article.objects.filter(
            extraction_state__in=[ExtractionState.QUEUED, ExtractionState.RUNNING],
            extraction_queued_at__lt=cutoff,
        ).values_list("pk", flat=True)[:1000]
    )
    for article_id in stalled:
        Article.objects.filter(pk=article_id).update(extraction_queued_at=timezone.now())
        extract_article.delay(article_id)
    return len(stalled)
