"""A fetch that fails in any way ends `failed` with the reason; the sweep re-sends a lost
message within a bounded time even under steady intake (review 16)."""

from __future__ import annotations

import contextlib
from datetime import timedelta

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.db import OperationalError
from django.utils import timezone

from claims import fetching, services, tasks
from claims.models import Article, ExtractionState
from claims.services import articles as art
from claims.services import extraction

PAGE = "<html><head><title>Bridge</title></head><body><p>The bridge is 40 km long.</p></body>"
URL = "https://93.184.215.14/story"

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(monkeypatch) -> Article:
    monkeypatch.setattr(art, "enqueue_fetch", lambda ids: None)
    monkeypatch.setattr(art, "enqueue_extraction", lambda ids: None)
    return services.article_ingest_url(url=URL).article


def fetches(monkeypatch, result) -> list[str]:
    calls: list[str] = []

    def fetch_html(url, policy):
        calls.append(url)
        if isinstance(result, BaseException):
            raise result
        return fetching.Fetched(url, result)

    monkeypatch.setattr(art.fetching, "fetch_html", fetch_html)
    return calls


def stale(article: Article, age: timedelta = timedelta(hours=1)) -> None:
    Article.objects.filter(pk=article.pk).update(extraction_queued_at=timezone.now() - age)


def test_a_fetch_that_raises_a_bug_ends_failed_with_the_reason(submitted, monkeypatch):
    fetches(monkeypatch, PAGE)

    def parser_bug(html, url):
        raise ValueError("parser bug")

    monkeypatch.setattr(art.intake, "document_from_html", parser_bug)
    tasks.fetch_article.apply(args=(submitted.pk,))
    submitted.refresh_from_db()
    assert submitted.extraction_state == ExtractionState.FAILED
    assert "ValueError: parser bug" in submitted.extraction_error
    assert submitted.extraction_attempts == 1 and submitted.extraction_started_at is not None


def test_a_fetch_over_the_soft_time_limit_ends_failed(submitted, monkeypatch):
    fetches(monkeypatch, SoftTimeLimitExceeded())
    tasks.fetch_article.apply(args=(submitted.pk,))
    submitted.refresh_from_db()
    assert submitted.extraction_state == ExtractionState.FAILED
    assert "fetching took longer than" in submitted.extraction_error


def test_a_fetch_whose_database_retries_are_used_up_ends_failed(submitted, monkeypatch):
    fetches(monkeypatch, OperationalError("server closed the connection"))
    with pytest.raises(OperationalError):  # the task itself ends failed, as it should
        tasks.fetch_article.apply(args=(submitted.pk,), retries=tasks.MAX_RETRIES)
    submitted.refresh_from_db()
    assert submitted.extraction_state == ExtractionState.FAILED
    assert "the database failed" in submitted.extraction_error


def test_a_fetch_that_never_finishes_is_failed_by_the_sweep_after_max_attempts(
    submitted, monkeypatch, django_capture_on_commit_callbacks
):
    """A worker that dies mid-fetch every time: the sweep sends it again, but not for ever."""
    calls = fetches(monkeypatch, PAGE)

    def dies(html, url):
        raise SystemError("worker died")

    monkeypatch.setattr(art.intake, "document_from_html", dies)
    monkeypatch.setattr(extraction, "broker_queue_is_empty", lambda: True)

    def worker_that_dies(ids):
        for article_id in ids:
            with contextlib.suppress(SystemError):  # the task never records it
                services.article_fetch(article_id=article_id)

    monkeypatch.setattr(extraction, "enqueue_fetch", worker_that_dies)
    for _ in range(10):
        stale(submitted)
        with django_capture_on_commit_callbacks(execute=True):
            services.articles_requeue_stalled(stall_seconds=600, max_attempts=5)
    submitted.refresh_from_db()
    assert submitted.extraction_state == ExtractionState.FAILED
    assert "gave up after 5 attempts" in submitted.extraction_error
    assert len(calls) == 5


def test_a_fetched_page_leaves_extraction_all_its_attempts(submitted, monkeypatch):
    fetches(monkeypatch, PAGE)
    services.article_fetch(article_id=submitted.pk)
    submitted.refresh_from_db()
    assert submitted.extraction_state == ExtractionState.QUEUED
    assert submitted.extraction_attempts == 0


def test_a_lost_message_is_sent_again_after_the_visibility_timeout_despite_a_backlog(
    submitted, monkeypatch, settings
):
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
    monkeypatch.setattr(extraction, "broker_queue_is_empty", lambda: False)
    sent: list[int] = []
    monkeypatch.setattr(extraction, "enqueue_fetch", sent.extend)
    monkeypatch.setattr(extraction, "enqueue_extraction", sent.extend)
    in_backlog = services.article_ingest_text(text="The road is 12 km long.").article
    stale(in_backlog, timedelta(minutes=30))  # past the stall time, not the visibility timeout
    stale(submitted, timedelta(days=3))
    assert services.articles_requeue_stalled(stall_seconds=600, max_attempts=5) == 1
    assert Article.objects.get(pk=submitted.pk).extraction_queued_at > timezone.now() - (
        timedelta(minutes=1)
    )
    stale(in_backlog, timedelta(hours=2))
    assert services.articles_requeue_stalled(stall_seconds=600, max_attempts=5) == 1
