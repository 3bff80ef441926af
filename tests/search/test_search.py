"""The one search (selectors.claims_search, articles_search) on PostgreSQL's full-text search:
the claim's sentence, the article's title, facts and text; stemmed words and quoted phrases."""

from __future__ import annotations

import pytest

from claims import selectors
from claims.models import Article, Claim
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def found(search: str) -> set[int]:
    return set(
        selectors.claims_search(queryset=Claim.objects.all(), search=search).values_list(
            "pk", flat=True
        )
    )


def articles(search: str) -> set[int]:
    return set(
        selectors.articles_search(queryset=Article.objects.all(), search=search).values_list(
            "pk", flat=True
        )
    )


def test_a_word_of_the_sentence_finds_the_claim(on_postgres, desk):
    assert desk.izium.pk in found("Izium")
    assert desk.izium.pk in found("kilometres")
    assert found("Lyman") == {desk.lyman.pk}


def test_a_word_of_the_title_finds_the_articles_claims(on_postgres, desk):
    assert found("levels") == {desk.izium.pk, desk.volume.pk}
    assert found("reopens") == {desk.lyman.pk}


def test_a_word_only_in_the_articles_text_finds_its_claims(on_postgres, desk):
    # "Balakliia" is in no claim's sentence and not in the title.
    assert found("Balakliia") == {desk.izium.pk, desk.volume.pk}


def test_words_are_stemmed(on_postgres, desk):
    assert desk.volume.pk in found("reservoirs")  # the text says "reservoir"
    assert found("trains") == found("train") == {desk.lyman.pk}


def test_every_word_must_be_found_somewhere_in_the_claim_or_its_article(on_postgres, desk):
    assert found("Izium reopens") == set()  # two different articles
    assert found("Kharkiv levels Balakliia") == {desk.izium.pk, desk.volume.pk}


def test_a_quoted_phrase_is_matched_as_a_phrase(on_postgres, desk):
    assert found('"120 kilometres"') == {desk.izium.pk, desk.volume.pk}
    assert found('"kilometres 120"') == set()
    assert found('"40 miles" Lyman') == {desk.lyman.pk}


def test_no_match_finds_nothing(on_postgres, desk):
    assert found("Odesa") == set()
    assert found("'abc") == set()  # an unbalanced quote is a character, not a phrase


def test_the_claims_whose_own_sentence_matches_rank_first(on_postgres, desk):
    ranked = selectors.claims_search(queryset=Claim.objects.all(), search="Izium").order_by(
        "-search_rank", "-pk"
    )
    assert [c.pk for c in ranked] == [desk.izium.pk, desk.volume.pk]


def test_an_empty_search_filters_nothing(on_postgres, desk):
    assert found("   ") == set(Claim.objects.values_list("pk", flat=True))


def test_articles_are_searched_by_title_text_publisher_and_byline(on_postgres, desk):
    assert articles("Petrenko") == {desk.reservoir.pk}  # byline
    assert articles("Donbas") == {desk.rail.pk}  # publisher
    assert articles("reservoirs") == {desk.reservoir.pk}  # text, stemmed
    assert articles("rail") == {desk.rail.pk}  # title
    assert articles('"twice a day"') == {desk.rail.pk}
    assert articles("Odesa") == set()


def test_a_huge_article_of_unique_words_is_stored_and_its_head_searched(on_postgres):
    """A text past the searched head (200,000 characters) cannot make its index entry fail:
    PostgreSQL refuses a tsvector over 1 MB, and would then refuse the article."""
    words = [f"zq{i:06d}" for i in range(60_000)]  # 9 characters each: 540,000 characters
    text = " ".join(words)
    article = ArticleFactory(raw=text)
    ClaimFactory(article=article, start=0, end=8, sentence_start=0, sentence_end=8)
    assert article.pk in articles(words[10])
    assert article.pk not in articles(words[-1])  # beyond the head: not searched
