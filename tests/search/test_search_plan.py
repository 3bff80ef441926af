"""The search's queries are answered from the GIN indexes of migration 0010: their expressions
are the very ones the selectors compare (else PostgreSQL would read every row)."""

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
    assert "claim_sentence_fts" in explained, explained
    assert "article_fts" in explained, explained


def test_the_articles_search_uses_its_gin_index(on_postgres, desk):
    explained = plan(selectors.articles_search(queryset=Article.objects.all(), search="Izium"))
    assert "article_fts" in explained, explained


def test_a_phrase_search_uses_the_indexes_too(on_postgres, desk):
    explained = plan(
        selectors.claims_search(queryset=Claim.objects.all(), search='"120 kilometres" Izium')
    )
    assert "claim_sentence_fts" in explained and "article_fts" in explained, explained
