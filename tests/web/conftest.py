"""The newsroom the web UI tests work in: an editor, a reviewer, an outsider, the seed article."""

from __future__ import annotations

import pytest

from claims import services
from claims.models import Article, Claim
from tests.factories import EditorFactory, ReviewerFactory, UserFactory
from tests.paths import SEED


@pytest.fixture
def editor(db):
    return EditorFactory(username="edna")


@pytest.fixture
def reviewer(db):
    return ReviewerFactory(username="rita")


@pytest.fixture
def outsider(db):
    return UserFactory(username="olaf")


@pytest.fixture
def seed_article(editor) -> Article:
    """The seed article, ingested and extracted (the extraction service run directly)."""
    result = services.article_ingest_text(text=SEED.read_text(), submitted_by=editor)
    services.article_extract(article_id=result.article.pk)
    result.article.refresh_from_db()
    return result.article


@pytest.fixture
def miles_claim(seed_article) -> Claim:
    # "30 miles" today; a later extractor may widen the span to "some 30 miles".
    return seed_article.claims.get(kind="length", text__contains="30 miles")
