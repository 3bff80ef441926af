"""Extraction by a real worker process on Redis and PostgreSQL: the happy path and the failures
that lose work elsewhere (a killed worker, a flushed broker)."""

from __future__ import annotations

import time

import pytest
from django.db import connection
from django.db.models import Count

from claims import services
from claims.models import Article, Claim, ExtractionState
from tests.paths import SEED
from tests.pipeline.conftest import wait_for

pytestmark = pytest.mark.services


def state_of(article_id: int) -> str:
    return Article.objects.values_list("extraction_state", flat=True).get(pk=article_id)


def test_the_seed_article_is_extracted_by_the_worker_into_postgresql(start_worker):
    start_worker()
    article = services.article_ingest_file(data=SEED.read_bytes(), filename=SEED.name).article
    assert wait_for(lambda: state_of(article.pk) == ExtractionState.DONE, timeout=60)
    article.refresh_from_db()
    assert article.extractor_version and article.extraction_attempts == 1
    kupyansk = Claim.objects.get(article=article, text__contains="30 miles")
    assert kupyansk.quantities.get().kind == "length"
    assert kupyansk.check_results.filter(check_name="geography", outcome="inconsistent").exists()
    area = Claim.objects.get(article=article, text__startswith="8,000 square kilometers")
    assert area.quantities.count() == 2
    assert area.check_results.filter(check_name="conversion", outcome="consistent").exists()
    assert Claim.objects.filter(
        article=article,
        check_results__check_name="date_arithmetic",
        check_results__outcome="inconsistent",
    ).exists()


def long_article() -> bytes:
    """About 1.5 MB of news: long enough to be caught mid-extraction."""
    body = SEED.read_text(encoding="utf-8").split("\n", 1)[1]
    parts = [f"Dispatch {i}. {body}" for i in range(220)]
    return "\n\n".join(parts).encode("utf-8")


def test_a_worker_killed_mid_extraction_loses_nothing_and_duplicates_nothing(start_worker):
    first = start_worker("doomed")
    article = services.article_ingest_file(data=long_article(), filename="long.txt").article
    assert wait_for(lambda: state_of(article.pk) == ExtractionState.RUNNING, every=0.02)
    first.kill()
    assert state_of(article.pk) == ExtractionState.RUNNING

    start_worker("rescuer")
    # Beat's sweep: whatever was left running is enqueued again.
    assert services.articles_requeue_stalled(stall_seconds=0, max_attempts=5) == 1
    assert wait_for(lambda: state_of(article.pk) == ExtractionState.DONE, timeout=120)
    spans = Claim.objects.filter(article=article).values("start", "end").annotate(n=Count("id"))
    assert spans and all(row["n"] == 1 for row in spans)
    assert Article.objects.get(pk=article.pk).extraction_attempts == 2


def test_a_flushed_broker_loses_no_queued_article(start_worker, broker):
    texts = [
        f"The new bridge, {n} km north of the old one, is {n * 10} metres long."
        for n in range(2, 7)
    ]
    ids = [services.article_ingest_text(text=t).article.pk for t in texts]
    assert broker.llen("celery") == len(ids)
    broker.flushdb()
    start_worker()
    assert not wait_for(lambda: state_of(ids[0]) == ExtractionState.DONE, timeout=2)

    assert services.articles_requeue_stalled(stall_seconds=0, max_attempts=5) == len(ids)
    assert wait_for(
        lambda: Article.objects.filter(pk__in=ids, extraction_state="done").count() == len(ids)
    )
    assert Claim.objects.filter(article_id__in=ids).count() >= 2 * len(ids)


def cut_the_workers_database_connections() -> int:
    """What a PostgreSQL restart or a network blip does to the worker mid-run."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def test_a_run_cut_off_by_a_database_error_is_finished_by_its_retry_without_the_sweep(
    start_worker,
):
    start_worker()
    article = services.article_ingest_file(data=long_article(), filename="long.txt").article
    assert wait_for(lambda: state_of(article.pk) == ExtractionState.RUNNING, every=0.02)
    time.sleep(0.3)  # the worker is in the slow part now, between its claim and its write
    assert cut_the_workers_database_connections() >= 1

    # No sweep: Celery's retry of the same run must be able to take it to the end.
    assert wait_for(lambda: state_of(article.pk) == ExtractionState.DONE, timeout=90)
    article.refresh_from_db()
    assert article.extraction_attempts == 1
    spans = Claim.objects.filter(article=article).values("start", "end").annotate(n=Count("id"))
    assert spans and all(row["n"] == 1 for row in spans)


def test_a_worker_matches_an_article_with_an_earlier_one_after_extracting_it(
    start_worker, tmp_path
):
    from claims.models import ClaimMatch

    start_worker(MATCH_INDEX_DIR=str(tmp_path / "index"))
    first = services.article_ingest_text(
        text="Kupyansk lies some 30 miles to the north of Izium, officials said."
    ).article
    assert wait_for(lambda: Article.objects.get(pk=first.pk).matched_at is not None, timeout=90)
    second = services.article_ingest_text(
        text="Izium is about 30 miles south of Kupyansk, the army said on Monday."
    ).article
    assert wait_for(lambda: Article.objects.get(pk=second.pk).matched_at is not None, timeout=60)

    [match] = ClaimMatch.objects.filter(claim__article=second)
    assert match.earlier.article_id == first.pk
    assert match.reason.startswith("text ") and "same figure: about 30 mi" in match.reason
