"""Storing an extraction costs the same per row whatever the article's length, and a worker
holds one batch of rows at a time. Mechanisms, not timings (the figures: bench/pipeline.py)."""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import F, QuerySet
from django.test.utils import CaptureQueriesContext

from claims import services
from claims.models import Article, CheckResult, Claim, Quantity
from claims.services.extraction import STORE_BATCH
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def long_text(sentences: int, seed: int = 7) -> str:
    """News-like sentences with a figure or two each, varied enough that PostgreSQL cannot
    compress the text into its row: it is kept out of line, as a long article's is."""
    rng = random.Random(seed)
    words = ["crews", "trucks", "pumps", "boats", "homes", "schools", "roads", "bridges"]
    return " ".join(
        f"Officials counted {rng.randint(2, 99_999):,} {rng.choice(words)} "
        f"and {rng.randint(2, 999)} {rng.choice(words)} near post {rng.randint(1, 10**9)}."
        for _ in range(sentences)
    )


def toast_blocks_read() -> int:
    """Blocks of claims_article's TOAST table (where long texts live) read in this
    transaction, from the buffer cache or from disk."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_stat_get_xact_blocks_fetched(reltoastrelid) FROM pg_class "
            "WHERE oid = 'claims_article'::regclass"
        )
        return cursor.fetchone()[0]


def _claims_with_quantities(article, text: str, offset: int, count: int = 300) -> list[Claim]:
    claims = Claim.objects.bulk_create(
        Claim(
            article=article,
            start=offset + i,
            end=offset + i + 5,
            sentence_start=offset,
            sentence_end=len(text),
            text="x",
            sentence="x",
            kind="count",
        )
        for i in range(count)
    )
    Quantity.objects.bulk_create(
        Quantity(claim=c, start=c.start, end=c.end, text="x", value=1, kind="count", si_value=1)
        for c in claims
    )
    return claims


def test_checking_spans_reads_no_block_of_the_article_text(on_postgres):
    text = long_text(400)
    article = ArticleFactory(raw="-", text=text)
    _claims_with_quantities(article, text, 0)
    before = toast_blocks_read()
    more = _claims_with_quantities(article, text, 1000)
    CheckResult.objects.bulk_create(
        CheckResult(
            claim=c, check_name="conversion", outcome="consistent", start=c.start, end=c.end
        )
        for c in more
    )
    Claim.objects.filter(pk__in=[c.pk for c in more]).update(end=F("end") + 1)
    # 900 rows written and 300 moved, every one checked against the text's length: the text
    # itself (some 30 KB out of line) was read not once.
    assert toast_blocks_read() == before


def test_the_span_rule_still_refuses_a_long_article_s_outside_span(on_postgres):
    text = long_text(400)
    article = ArticleFactory(raw="-", text=text)
    claim = Claim.objects.create(
        article=article,
        start=0,
        end=5,
        sentence_start=0,
        sentence_end=len(text),
        text="x",
        sentence="x",
        kind="count",
    )
    with pytest.raises(IntegrityError, match="outside the article text"), transaction.atomic():
        CheckResult.objects.create(
            claim=claim,
            check_name="conversion",
            outcome="consistent",
            start=len(text) - 1,
            end=len(text) + 1,
        )
    with pytest.raises(IntegrityError, match="outside the article text"), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(sentence_end=len(text) + 1)


def test_the_stored_text_length_follows_the_text():
    article = ArticleFactory(raw="-", text="Kraków, 8,000 km²")
    article.refresh_from_db()
    assert article.text_length == len("Kraków, 8,000 km²") == 17
    Article.objects.filter(pk=article.pk).update(text="short")
    assert Article.objects.get(pk=article.pk).text_length == 5


@pytest.fixture
def bulk_sizes(monkeypatch) -> Counter:
    """The largest number of rows any bulk_create was handed, per model."""
    largest: Counter = Counter()
    original = QuerySet.bulk_create

    def recording(self, objs, *args, **kwargs):
        objs = list(objs)
        name = self.model.__name__
        largest[name] = max(largest[name], len(objs))
        return original(self, objs, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "bulk_create", recording)
    return largest


def test_a_long_article_is_stored_a_batch_at_a_time(bulk_sizes):
    article = services.article_ingest_text(text=long_text(700)).article
    with CaptureQueriesContext(connection) as queries:
        services.article_extract(article_id=article.pk)
    counts = {
        "claims_claim": Claim.objects.filter(article=article).count(),
        "claims_quantity": Quantity.objects.filter(claim__article=article).count(),
        "claims_checkresult": CheckResult.objects.filter(claim__article=article).count(),
    }
    assert counts["claims_claim"] > 2 * STORE_BATCH  # several batches
    inserts = Counter(
        table
        for q in queries.captured_queries
        for table in counts
        if q["sql"].startswith(f'INSERT INTO "{table}"')
    )
    batches = math.ceil(counts["claims_claim"] / STORE_BATCH)
    # (SQLite caps a statement's parameters, and Django splits a batch into smaller inserts.)
    for table, rows in counts.items() if connection.vendor == "postgresql" else ():
        # A statement per STORE_BATCH rows; a batch of claims may end its children's early.
        assert inserts[table] <= math.ceil(rows / STORE_BATCH) + batches, (table, inserts)
    # No more than a batch of model instances is ever built at once.
    assert max(bulk_sizes.values()) <= STORE_BATCH, bulk_sizes


def test_reextracting_a_long_article_keeps_its_claims_and_their_rows(bulk_sizes):
    article = services.article_ingest_text(text=long_text(700)).article
    services.article_extract(article_id=article.pk)
    before = list(Claim.objects.filter(article=article).values_list("pk", "start", "end"))
    counts = (
        Quantity.objects.filter(claim__article=article).count(),
        CheckResult.objects.filter(claim__article=article).count(),
    )
    Article.objects.filter(pk=article.pk).update(extractor_version="older")
    services.articles_requeue_extraction(article_ids=[article.pk])
    services.article_extract(article_id=article.pk)
    after = list(Claim.objects.filter(article=article).values_list("pk", "start", "end"))
    assert after == before
    assert counts == (
        Quantity.objects.filter(claim__article=article).count(),
        CheckResult.objects.filter(claim__article=article).count(),
    )
    assert max(bulk_sizes.values()) <= STORE_BATCH, bulk_sizes
