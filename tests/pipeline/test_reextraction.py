"""Extraction is idempotent, and re-extraction never loses an editor's work."""

from __future__ import annotations

import pytest

from claims import services
from claims.models import Article, Claim, ExtractionState, Source
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "Kupyansk, some 30 miles to the north of Izium, is a rail hub. "
    "The ranch occupies 18,000 acres (7,284 hectares) of grassland."
)


@pytest.fixture
def article() -> Article:
    article = services.article_ingest_text(text=TEXT).article
    services.article_extract(article_id=article.pk)
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.DONE
    return article


def snapshot(article: Article) -> list[tuple]:
    return list(
        Claim.objects.filter(article=article)
        .order_by("pk")
        .values_list("pk", "start", "end", "text", "kind", "worst_outcome", "updated_at")
    )


def test_extracting_the_same_text_with_the_same_extractor_changes_nothing(article):
    before = snapshot(article)
    assert services.article_extract(article_id=article.pk) is None
    assert snapshot(article) == before


def test_claims_group_a_figure_with_its_conversion(article):
    ranch = Claim.objects.get(article=article, kind="area")
    assert ranch.text == "18,000 acres (7,284 hectares)"
    assert ranch.quantities.count() == 2


def test_a_new_extractor_version_keeps_sources_verdict_state_and_assignee(article):
    editor = UserFactory()
    claim = Claim.objects.get(article=article, text__contains="30 miles")
    Claim.objects.filter(pk=claim.pk).update(assignee=editor, state="in_progress")
    Source.objects.create(
        claim=claim, title="Gazetteer", reference_value=61, reference_unit="km", added_by=editor
    )
    Article.objects.filter(pk=article.pk).update(extractor_version="older")

    services.articles_requeue_extraction(article_ids=[article.pk])
    services.article_extract(article_id=article.pk)

    claim.refresh_from_db()
    assert not claim.detached
    assert claim.assignee == editor and claim.state == "in_progress"
    assert claim.sources.get().reference_value == 61
    assert claim.quantities.count() == 1
    assert Claim.objects.filter(article=article).count() == 2


def test_an_annotated_claim_that_no_longer_matches_is_kept_and_flagged(article):
    editor = UserFactory()
    stale = Claim.objects.create(
        article=article,
        start=0,
        end=8,
        text="Kupyansk",
        sentence_start=0,
        sentence_end=62,
        sentence=TEXT[:62],
        kind="count",
        assignee=editor,
    )
    untouched = Claim.objects.create(
        article=article,
        start=71,
        end=80,
        text=TEXT[71:80],
        sentence_start=63,
        sentence_end=len(TEXT),
        sentence=TEXT[63:],
        kind="count",
    )
    Article.objects.filter(pk=article.pk).update(extractor_version="older")

    services.articles_requeue_extraction(article_ids=[article.pk])
    services.article_extract(article_id=article.pk)

    stale.refresh_from_db()
    assert stale.detached and stale.assignee == editor
    assert not Claim.objects.filter(pk=untouched.pk).exists()


def test_a_failed_extraction_records_the_reason(monkeypatch):
    from claims import tasks

    article = services.article_ingest_text(text="The road is 12 km long.").article

    def explode(*args, **kwargs):
        raise ValueError("unreadable figure")

    monkeypatch.setattr("claims.services.extraction.extract_quantities", explode)
    tasks.extract_article.apply(args=[article.pk])
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.FAILED
    assert article.extraction_error == "ValueError: unreadable figure"


def test_requeue_extraction_sets_queued_and_the_sweep_gives_up_after_max_attempts(article):
    Article.objects.filter(pk=article.pk).update(extraction_state="running", extraction_attempts=5)
    assert services.articles_requeue_stalled(stall_seconds=0, max_attempts=5) == 0
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.FAILED
    assert "gave up after 5 attempts" in article.extraction_error


def test_the_reextract_command_queues_chosen_articles_and_refuses_unknown_ids(article, capsys):
    from django.core.management import CommandError, call_command

    Article.objects.filter(pk=article.pk).update(extractor_version="older")
    call_command("reextract", "--outdated")
    assert "queued 1 article(s)" in capsys.readouterr().out
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.QUEUED
    with pytest.raises(CommandError, match="no article with id 999"):
        call_command("reextract", str(article.pk), "999")
    with pytest.raises(CommandError, match="one of them"):
        call_command("reextract")
