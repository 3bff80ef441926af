"""The articles' stored search vector (migration 0011's trigger) is what the selectors define
as searched (claims.selectors.article_search_vector), and follows the article's edits."""

from __future__ import annotations

import pytest
from django.db.models import F

from claims import selectors
from claims.models import Article, Claim
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def stored_and_defined(article: Article) -> tuple[str, str]:
    row = (
        Article.objects.filter(pk=article.pk)
        .annotate(defined=selectors.article_search_vector(), stored=F("search_vector"))
        .values("stored", "defined")
        .get()
    )
    return row["stored"], row["defined"]


def test_the_stored_vector_is_the_searched_expression(on_postgres):
    article = ArticleFactory(
        raw="Izium lies 120 kilometres south of Kharkiv. The reservoirs were full.",
        title="Water levels fall",
        publisher="Kharkiv Courier",
        byline="Olena Petrenko",
    )
    stored, defined = stored_and_defined(article)
    assert stored == defined
    assert "'izium'" in stored and "'reservoir'" in stored and "'petrenko'" in stored


def test_the_stored_vector_reads_only_the_head_of_a_long_text(on_postgres):
    article = ArticleFactory(raw="word " * 40_000 + "farawaytoken", title="Long")
    stored, defined = stored_and_defined(article)
    assert stored == defined
    assert "farawaytoken" not in stored


def test_changing_the_title_changes_the_stored_vector(on_postgres):
    article = ArticleFactory(raw="The line runs 40 miles to Lyman.", title="Rail line reopens")
    article.title = "Bridge repaired at Sloviansk"
    article.save()
    stored, defined = stored_and_defined(article)
    assert stored == defined
    assert "'sloviansk'" in stored and "'reopen'" not in stored
    assert set(selectors.articles_search(queryset=Article.objects.all(), search="Sloviansk")) == {
        article
    }


def test_a_queryset_update_of_a_fact_changes_it_too(on_postgres):
    article = ArticleFactory(raw="The line runs 40 miles to Lyman.", publisher="Donbas Daily")
    Article.objects.filter(pk=article.pk).update(publisher="Bench Gazette", byline="Ivan Koval")
    stored, defined = stored_and_defined(article)
    assert stored == defined
    assert "'gazett'" in stored and "'koval'" in stored and "'donba'" not in stored


def test_the_claims_stored_vector_is_its_sentence_and_follows_it(on_postgres, desk):
    def stored_and_defined() -> tuple[str, str]:
        row = (
            Claim.objects.filter(pk=desk.izium.pk)
            .annotate(defined=selectors.claim_search_vector(), stored=F("search_vector"))
            .values("stored", "defined")
            .get()
        )
        return row["stored"], row["defined"]

    stored, defined = stored_and_defined()
    assert stored == defined and "'izium'" in stored
    Claim.objects.filter(pk=desk.izium.pk).update(sentence="Izium lies south of Kharkiv.")
    stored, defined = stored_and_defined()
    assert stored == defined and "'kilometr'" not in stored
