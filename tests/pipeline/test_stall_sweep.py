"""The stall sweep and the worker: a run writes its result only while it owns the article, and
the sweep re-sends only what is really stalled, from a queue of its own (issue 16, item 3)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from claims import services
from claims.models import Article, ExtractionState
from claims.services import extraction
from tests.paths import REPO

TEXT = "The new bridge, 40 km north of the capital, is 1.2 km long and cost 85 million euros."


def running_for_an_hour(article: Article) -> None:
    Article.objects.filter(pk=article.pk).update(
        extraction_state=ExtractionState.RUNNING,
        extraction_started_at=timezone.now() - timedelta(hours=1),
        extraction_attempts=1,
    )


@pytest.mark.django_db(transaction=True)
def test_the_sweep_never_sends_back_an_article_that_finished_while_it_waited(
    monkeypatch, on_postgres
):
    """The worker holds the row while it writes the result; the sweep must not wait for it
    and then flip the finished article back to queued."""
    monkeypatch.setattr(extraction, "enqueue_extraction", lambda ids: None)
    article = services.article_ingest_text(text=TEXT).article
    running_for_an_hour(article)
    holding, errors = threading.Event(), []

    def worker_writes_its_result() -> None:
        try:
            with transaction.atomic():
                Article.objects.select_for_update().get(pk=article.pk)
                holding.set()
                time.sleep(1.0)
                Article.objects.filter(pk=article.pk).update(extraction_state="done")
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=worker_writes_its_result)
    thread.start()
    assert holding.wait(10)
    services.articles_requeue_stalled(stall_seconds=600, max_attempts=5)
    thread.join(10)
    assert not errors
    assert Article.objects.get(pk=article.pk).extraction_state == ExtractionState.DONE


@pytest.mark.django_db
def test_a_run_that_lost_its_claim_to_the_sweep_writes_nothing(monkeypatch):
    """Run A stalls; the sweep hands the article to run B, which finishes; when A wakes up
    its result is dropped: the article is extracted once, by B."""
    monkeypatch.setattr(extraction, "enqueue_extraction", lambda ids: None)
    article = services.article_ingest_text(text=TEXT).article
    stores: list[int] = []
    real_store = extraction._store_drafts
    monkeypatch.setattr(
        extraction, "_store_drafts", lambda a, d, t: (stores.append(a.pk), real_store(a, d, t))
    )
    real_drafts = extraction.draft_claims
    nested = []

    def slow_run_a(text, **kwargs):
        if not nested:  # run A, stalled in the slow part: meanwhile the sweep and run B
            nested.append(1)
            Article.objects.filter(pk=article.pk).update(
                extraction_started_at=timezone.now() - timedelta(hours=1)
            )
            assert services.articles_requeue_stalled(stall_seconds=600, max_attempts=5) == 1
            assert services.article_extract(article_id=article.pk) is not None  # run B
        return real_drafts(text, **kwargs)

    monkeypatch.setattr(extraction, "draft_claims", slow_run_a)
    assert services.article_extract(article_id=article.pk) is None  # run A
    article.refresh_from_db()
    assert stores == [article.pk]
    assert article.extraction_state == ExtractionState.DONE
    assert article.extraction_attempts == 2


def test_articles_waiting_in_a_backlog_are_not_sent_twice(broker):
    """Queued past the stall time but their messages still wait in the queue: not stalled,
    only slow (until the visibility timeout, an hour: then they are sent again regardless)."""
    ids = [
        services.article_ingest_text(text=f"{TEXT} Span {n}: {n} km.").article.pk for n in range(3)
    ]
    Article.objects.filter(pk__in=ids).update(
        extraction_queued_at=timezone.now() - timedelta(minutes=30)
    )
    assert broker.llen("celery") == 3
    assert services.articles_requeue_stalled(stall_seconds=600, max_attempts=5) == 0
    assert broker.llen("celery") == 3

    broker.delete("celery")  # the messages are lost: now the same articles are stalled
    assert services.articles_requeue_stalled(stall_seconds=600, max_attempts=5) == 3
    assert broker.llen("celery") == 3


def test_the_sweep_travels_on_its_own_queue_not_behind_the_extraction_backlog(broker):
    from claims.tasks import requeue_stalled_extractions

    requeue_stalled_extractions.delay()
    assert broker.llen("sweep") == 1
    assert broker.llen("celery") == 0


def test_start_up_fails_when_the_stall_time_does_not_exceed_the_task_time_limit():
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "factcheck.settings_test",
        "EXTRACTION_STALL_SECONDS": "120",
        "CELERY_TASK_TIME_LIMIT": "180",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "EXTRACTION_STALL_SECONDS (120) must exceed CELERY_TASK_TIME_LIMIT (180)" in (
        result.stderr
    )
