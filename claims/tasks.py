"""Thin Celery tasks: ids in, a service call, safe to run twice."""

from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError

from claims import services

log = logging.getLogger(__name__)


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=2,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=8,
)
def extract_article(article_id: int) -> None:
    try:
        services.article_extract(article_id=article_id)
    except (OperationalError, InterfaceError):
        raise  # the database went away: retried with back-off
    except SoftTimeLimitExceeded:
        limit = settings.CELERY_TASK_SOFT_TIME_LIMIT
        services.article_fail(
            article_id=article_id,
            reason=f"extraction took longer than {limit} s; the article may be too long",
        )
    except Exception as exc:
        # Bad input or a bug: retrying would fail the same way, so record why and stop.
        log.exception("extraction of article %s failed", article_id)
        services.article_fail(article_id=article_id, reason=f"{type(exc).__name__}: {exc}")


@shared_task
def requeue_stalled_extractions() -> int:
    return services.articles_requeue_stalled(
        stall_seconds=settings.EXTRACTION_STALL_SECONDS,
        max_attempts=settings.EXTRACTION_MAX_ATTEMPTS,
    )
