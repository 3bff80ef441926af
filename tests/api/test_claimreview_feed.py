"""The public ClaimReview feed reads neither article text: each may be megabytes."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.api.conftest import claim_in

pytestmark = pytest.mark.django_db

ARTICLE_TEXTS = ('"claims_article"."raw"', '"claims_article"."text"')


def _feed(count: int) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = APIClient().get("/api/v1/claimreviews/")
    assert response.status_code == 200
    assert len(response.json()["results"]) == count
    return len(captured.captured_queries), [q["sql"] for q in captured.captured_queries]


def _publish(people, n: int) -> None:
    for _ in range(n):
        claim_in("published", author=people["other_reviewer"], sources=1, published=True)


def test_the_feed_query_selects_no_article_text(people):
    _publish(people, 3)
    _, queries = _feed(3)
    feed_sql = [sql for sql in queries if '"claims_article"' in sql]
    assert feed_sql, "the feed joins the articles for their title and publisher"
    for sql in feed_sql:
        for column in ARTICLE_TEXTS:
            assert column not in sql, sql


def test_the_feed_costs_the_same_queries_for_1_and_20_items(people):
    _publish(people, 1)
    one, _ = _feed(1)
    _publish(people, 19)
    twenty, _ = _feed(20)
    assert one == twenty == 3  # the claims, their verdicts, the organisation (the author)
