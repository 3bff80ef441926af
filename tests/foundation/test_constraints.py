"""Structural rules that the database itself refuses to break."""

import pytest
from django.db import IntegrityError, connection, transaction

from claims.models import Article, Claim, Verdict
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    QuantityFactory,
    VerdictFactory,
)

pytestmark = pytest.mark.django_db


def test_it_runs_on_postgresql_when_the_real_stack_is_configured(settings):
    if "postgres" in settings.DATABASES["default"]["ENGINE"]:
        assert connection.vendor == "postgresql"
        assert connection.Database.__name__ == "psycopg"  # psycopg 3, not psycopg2


def test_a_claim_span_past_the_end_of_the_text_is_refused(on_postgres):
    article = ArticleFactory()
    length = len(article.text)
    with pytest.raises(IntegrityError, match="outside the article text"), transaction.atomic():
        ClaimFactory(
            article=article,
            start=length - 2,
            end=length + 5,
            sentence_start=0,
            sentence_end=length + 5,
            text="x",
            sentence="x",
        )


def test_a_claim_span_at_the_end_of_the_text_is_accepted():
    article = ArticleFactory()
    length = len(article.text)
    claim = ClaimFactory(
        article=article, start=length - 3, end=length, sentence_start=0, sentence_end=length
    )
    assert claim.pk


def test_moving_a_claim_span_outside_the_text_is_refused(on_postgres):
    claim = ClaimFactory()
    Claim.objects.filter(pk=claim.pk).update(start=0, end=10)
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(end=10_000, sentence_end=10_000)


def test_a_quantity_span_outside_the_text_is_refused(on_postgres):
    claim = ClaimFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        QuantityFactory(claim=claim, start=5, end=len(claim.article.text) + 1)


def test_an_empty_or_reversed_span_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimFactory(start=20, end=20)


def test_the_same_content_hash_is_stored_once():
    first = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(raw="other raw", text="other text", content_hash=first.content_hash)
    assert Article.objects.count() == 1


def test_a_value_outside_the_choices_is_refused():
    claim = ClaimFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(state="approved")
    with pytest.raises(IntegrityError), transaction.atomic():
        QuantityFactory(claim=claim, qualifier="kinda")


def test_a_claim_has_one_current_verdict():
    claim = ClaimFactory()
    VerdictFactory(claim=claim)
    with pytest.raises(IntegrityError), transaction.atomic():
        VerdictFactory(claim=claim)
    VerdictFactory(claim=claim, is_current=False)
    assert Verdict.objects.filter(claim=claim).count() == 2


def test_a_correction_needs_a_note():
    published = VerdictFactory(is_current=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        VerdictFactory(claim=published.claim, supersedes=published, correction_note="")
    fixed = VerdictFactory(
        claim=published.claim,
        supersedes=published,
        correction_note="The area was 311 km², not 301 km².",
    )
    assert fixed.supersedes == published


def test_a_rating_outside_the_scale_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        VerdictFactory(rating_value=7)


def test_a_source_url_must_be_a_web_address():
    from tests.factories import SourceFactory

    with pytest.raises(IntegrityError), transaction.atomic():
        SourceFactory(url="javascript:alert(1)")
