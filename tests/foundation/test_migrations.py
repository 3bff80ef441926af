"""Migration 0008 can be reversed while an article is being fetched (review 16)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from claims import services
from claims.services import articles as art

BEFORE = ("claims", "0007_article_text_length")


def migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor


@pytest.mark.django_db(transaction=True)
def test_0008_reverses_with_an_article_being_fetched_which_ends_failed(monkeypatch, on_postgres):
    monkeypatch.setattr(art, "enqueue_fetch", lambda ids: None)
    article = services.article_ingest_url(url="https://93.184.215.14/story").article
    try:
        executor = migrate([BEFORE])
        Article = executor.loader.project_state(BEFORE).apps.get_model("claims", "Article")
        old = Article.objects.get(pk=article.pk)
        assert old.extraction_state == "failed"
        assert "stopped by a downgrade" in old.extraction_error
        assert old.extraction_finished_at is not None
    finally:
        migrate(None)
    article.refresh_from_db()
    assert article.extraction_state == "failed"
