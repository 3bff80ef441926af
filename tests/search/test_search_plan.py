"""The search's queries are answered from the GIN indexes on the stored search vectors of the
claims' sentences and of the articles (migrations 0011 and 0012), and no plan recomputes a
vector."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from claims import selectors
from claims.models import Article, Claim

pytestmark = pytest.mark.django_db


def plan(queryset) -> str:
    # With sequential and plain index scans off, a bitmap scan of a GIN index is the only cheap
    # way left, and it is there if, and only if, the index matches the expression: a tiny test
    # table would otherwise be read whole (or along its primary key) whatever the indexes.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        return queryset.explain()


def test_the_claims_search_uses_both_gin_indexes(on_postgres, desk):
    explained = plan(selectors.claims_search(queryset=Claim.objects.all(), search="Izium"))
    assert "on claim_search_vector" in explained, explained
    assert "on article_search_vector" in explained, explained


def test_the_articles_search_uses_its_gin_index(on_postgres, desk):
    explained = plan(selectors.articles_search(queryset=Article.objects.all(), search="Izium"))
    assert "on article_search_vector" in explained, explained


def test_a_phrase_search_uses_the_indexes_too(on_postgres, desk):
    explained = plan(
        selectors.claims_search(queryset=Claim.objects.all(), search='"120 kilometres" Izium')
    )
    assert "on claim_search_vector" in explained, explained
    assert "on article_search_vector" in explained, explained


def test_reading_every_article_never_recomputes_its_vector(on_postgres, desk):
    # What PostgreSQL does for a word in most articles: it reads the table, not the index. The
    # stored vector is compared then; the text's vector is not computed again for each row.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        explained = selectors.articles_search(
            queryset=Article.objects.all(), search="reservoir"
        ).explain()
    assert "search_vector @@" in explained, explained
    assert "to_tsvector" not in explained, explained


def test_reading_every_claim_never_recomputes_its_vector(on_postgres, desk):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        found = selectors.claims_search(queryset=Claim.objects.all(), search="reservoir")
        explained = found.explain()
    assert "search_vector @@" in explained, explained
    assert "to_tsvector" not in explained, explained
