"""Thin Celery tasks: ids in, a service call, safe to run twice."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.db import InterfaceError, OperationalError

from claims import services

log = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
MAX_RETRIES = 8


def _backoff(task: Task) -> int:
    return get_exponential_backoff_interval(
        factor=2, retries=task.request.retries, maximum=300, full_jitter=True
    )


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=MAX_RETRIES)
def extract_article(self: Task, article_id: int, token: str | None = None) -> None:
    """`token` names the run; the first attempt makes one up and its retries carry it, so a
    retry after a database error continues the run its first attempt claimed."""
    token = token or services.new_run_token()
    try:
        article = services.article_extract(article_id=article_id, token=token)
    except DATABASE_ERRORS as exc:
        log.warning("article %s: database error (%s); retrying run %s", article_id, exc, token)
        raise self.retry(
            args=(article_id,), kwargs={"token": token}, exc=exc, countdown=_backoff(self)
        ) from exc
    except SoftTimeLimitExceeded:
        limit = settings.CELERY_TASK_SOFT_TIME_LIMIT
        services.article_fail(
            article_id=article_id,
            reason=f"extraction took longer than {limit} s; the article may be too long",
            token=token,
        )
    except Exception as exc:
        # Bad input or a bug: retrying would fail the same way, so record why and stop.
        log.exception("extraction of article %s failed", article_id)
        services.article_fail(
            article_id=article_id, reason=f"{type(exc).__name__}: {exc}", token=token
        )
    else:
        if article is not None and settings.MATCH_ENABLED:
            try:
                services.matching_schedule(article_id=article_id)
            except Exception:  # the broker went away: the article is done all the same
                log.warning("article %s: matching could not be queued", article_id, exc_info=True)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=MAX_RETRIES)
def match_article(self: Task, article_id: int) -> None:
    """Seen before: match the article's claims with earlier ones. A failure here never fails
    the article, whose extraction is done; the article is left with no `matched_at`."""
    try:
        services.articles_match_pending(article_id=article_id)
    except DATABASE_ERRORS as exc:
        log.warning("article %s: database error while matching (%s); retrying", article_id, exc)
        raise self.retry(exc=exc, countdown=_backoff(self)) from exc
    except Exception:
        log.exception("matching of article %s failed", article_id)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=MAX_RETRIES)
def fetch_article(self: Task, article_id: int) -> None:
    """Fetch a submitted web address's page; the article is then queued for extraction.

    Database errors are retried; anything else (a bug, the time limit, retries used up) ends
    the article `failed` with the reason, never left `fetching` to be fetched again."""
    try:
        services.article_fetch(article_id=article_id)
    except DATABASE_ERRORS as exc:
        if self.request.retries >= self.max_retries:
            _fetch_fail(article_id, f"the database failed {self.max_retries + 1} times ({exc})")
            raise
        log.warning("fetch of article %s: database error (%s); retrying", article_id, exc)
        raise self.retry(exc=exc, countdown=_backoff(self)) from exc
    except SoftTimeLimitExceeded:
        limit = settings.CELERY_TASK_SOFT_TIME_LIMIT
        _fetch_fail(article_id, f"fetching took longer than {limit} s")
    except Exception as exc:
        # A bug or a page the parser cannot take: fetching again would fail the same way.
        log.exception("fetch of article %s failed", article_id)
        _fetch_fail(article_id, f"{type(exc).__name__}: {exc}")


def _fetch_fail(article_id: int, reason: str) -> None:
    try:
        services.article_fetch_fail(article_id=article_id, reason=reason)
    except DATABASE_ERRORS:
        # The sweep fails it once its attempts are used up.
        log.exception("article %s: could not record the failed fetch", article_id)


@shared_task
def requeue_stalled_extractions() -> int:
    """Beat's sweep; routed to its own queue (settings.CELERY_TASK_ROUTES), so it never waits
    behind the extraction backlog."""
    sent = services.articles_requeue_stalled(
        stall_seconds=settings.EXTRACTION_STALL_SECONDS,
        max_attempts=settings.EXTRACTION_MAX_ATTEMPTS,
    )
    if settings.MATCH_ENABLED:
        sent += services.articles_rematch_unmatched(stall_seconds=settings.EXTRACTION_STALL_SECONDS)
    return sent


EMAIL_MAX_RETRIES = 5


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=EMAIL_MAX_RETRIES)
def email_notification(self: Task, notification_id: int) -> None:
    """Email one notification; a mail server that fails is tried again later, a few times.

    Never raises out of an in-process run (the embedded default runs tasks eagerly, inside
    the request that made the move): the move is done, only its email is lost, and the log
    says so. The notification itself stays in the app."""
    from claims.services.notifications import notification_send_email

    _mail_or_retry(
        self,
        f"email of notification {notification_id}",
        partial(notification_send_email, notification_id=notification_id),
    )


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=EMAIL_MAX_RETRIES)
def email_report_acknowledgement(self: Task, report_id: int) -> None:
    """Thank a reader for their error report by email; as `email_notification`, a failing mail
    server is tried again a few times, and an in-process run never raises."""
    from claims.services.reports import error_report_acknowledge

    _mail_or_retry(
        self,
        f"acknowledgement of report {report_id}",
        partial(error_report_acknowledge, report_id=report_id),
    )


def _mail_or_retry(task: Task, what: str, send: Callable[[], object]) -> None:
    """Send; on failure retry later with a backoff, up to the task's limit, then log. An
    in-process (eager) run logs at once and never raises into the request that queued it."""
    try:
        send()
    except Exception as exc:
        if task.request.is_eager or task.request.retries >= task.max_retries:
            log.exception("%s could not be sent", what)
            return
        log.warning("%s failed (%s); retrying", what, exc)
        raise task.retry(exc=exc, countdown=_backoff(task)) from exc
