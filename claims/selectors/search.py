"""Search: one function for the admin, the web lists and the API."""

from __future__ import annotations

import operator
from functools import reduce
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections
from django.db.models import (
    Case,
    FloatField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Left
from django.utils.text import smart_split, unescape_string_literal

from claims.models import Article, Claim

#
# On PostgreSQL, full-text search ('english': stemmed, stop words dropped) over the claim's
# sentence and over the article's title, publisher, byline and text, each answered from a GIN
# index on their stored `search_vector` (migrations 0011 and 0012; a test EXPLAINs both).
# Elsewhere (SQLite, the embedded default) every term is looked for with `icontains` instead,
# unstemmed.

SEARCH_CONFIG = "english"
# Only the first 200,000 characters of an article's text are searched: PostgreSQL refuses a
# tsvector over 1 MB, which a long text of unique tokens could reach, and an index expression
# that fails would refuse the article itself. 200,000 characters is some 30,000 words.
ARTICLE_TEXT_SEARCHED = 200_000


def claim_search_vector() -> SearchVector:
    """The claim's sentence (which holds the claim's own words): what migration 0012’s trigger
    stores in `Claim.search_vector`, which the search reads (tests/search/test_search_vector.py
    checks the two agree)."""
    return SearchVector("sentence", config=SEARCH_CONFIG)


def article_search_vector() -> SearchVector:
    """The article's facts and the head of its text: what migration 0011’s trigger stores in
    `Article.search_vector`, which the search reads (tests/search/test_search_vector.py checks
    the two agree). Not compared directly: for a word in most articles PostgreSQL would skip
    the index and compute this for every article's text (30 s on 10,000, bench/search.py)."""
    text = Left("text", ARTICLE_TEXT_SEARCHED)
    return SearchVector("title", "publisher", "byline", text, config=SEARCH_CONFIG)


def _unquoted(term: str) -> str:
    """A quoted phrase without its quotes; an unbalanced quote is just a character."""
    if term[0] in "\"'":
        try:
            return unescape_string_literal(term)
        except ValueError:
            return term
    return term


def search_terms(search: str) -> list[tuple[str, bool]]:
    """Each term of `search` and whether it was a quoted phrase (a lone quote is a word)."""
    terms = []
    for term in smart_split(search):
        unquoted = _unquoted(term)
        if unquoted.strip():
            terms.append((unquoted, unquoted != term))
    return terms


def _search_query(terms: list[tuple[str, bool]]) -> SearchQuery:
    """Every word of every term, stemmed ("reservoirs" finds "reservoir"), as one AND query.
    Whole words, not prefixes: a prefix is stemmed too ("Kupy" to "kupi"), which would miss.

    A quoted phrase's words are in it too, but not their order: a phrase query would have
    PostgreSQL recompute the vector of every row the index offers (13 s for the 6,000 articles
    naming a town, bench/search.py); the order is checked on those rows by `_phrases_in`."""
    return reduce(
        operator.and_,
        (SearchQuery(term, search_type="plain", config=SEARCH_CONFIG) for term, _ in terms),
    )


def _any_contains(fields: tuple[str, ...], term: str) -> Q:
    """`term`, as written (any case), in one of `fields`."""
    return reduce(operator.or_, (Q(**{f"{f}__icontains": term}) for f in fields))


def _phrases_in(fields: tuple[str, ...], terms: list[tuple[str, bool]]) -> Q:
    """Each quoted phrase, as written (any case), in one of `fields`."""
    found = Q()
    for term, phrase in terms:
        if phrase:
            found &= _any_contains(fields, term)
    return found


def _on_postgresql(queryset: QuerySet[Any]) -> bool:
    return connections[queryset.db].vendor == "postgresql"


ARTICLE_FIELDS = ("title", "publisher", "byline", "text")
ARTICLE_FIELDS_OF_CLAIM = tuple(f"article__{f}" for f in ARTICLE_FIELDS)
NO_RANK = Value(0.0, output_field=FloatField())


def claims_search(*, queryset: QuerySet[Claim], search: str) -> QuerySet[Claim]:
    """Claims whose sentence, or whose article's title, publisher, byline or text, hold every
    term of `search`; annotated with `search_rank`: 1 where the claim's own sentence holds
    them all, else 0 (a flag, not ts_rank, which would recompute the vector of every match).
    A search with no terms (blank, or only quotes) keeps every claim, ranked 0.

    Each side is a subquery of its own, joined by UNION, so that PostgreSQL answers each from
    its GIN index; an OR across the join would read every claim.
    """
    terms = search_terms(search)
    if not terms:
        return queryset.annotate(search_rank=NO_RANK)
    if not _on_postgresql(queryset):
        for term, _ in terms:
            fields = ("sentence", *ARTICLE_FIELDS_OF_CLAIM)
            queryset = queryset.filter(_any_contains(fields, term))
        return queryset.annotate(search_rank=NO_RANK)
    query = _search_query(terms)
    own_sentence = Q(search_vector=query) & _phrases_in(("sentence",), terms)
    by_sentence = Claim.objects.filter(own_sentence).order_by().values("pk")
    articles = _articles_matching(Article.objects.all(), query, terms)
    by_article = Claim.objects.filter(article__in=articles).order_by().values("pk")
    # The flag is read off each row found (its stored vector), not by running the sentence
    # search a second time.
    rank = Case(When(own_sentence, then=Value(1.0)), default=NO_RANK)
    return queryset.filter(pk__in=by_sentence.union(by_article)).annotate(search_rank=rank)


def claims_containing(*, queryset: QuerySet[Claim], search: str) -> QuerySet[Claim]:
    """Claims whose own words contain every term, as typed (parts of words too): for pickers
    that search while one types; the trigram index of migration 0004 answers it."""
    for term, _ in search_terms(search):
        queryset = queryset.filter(text__icontains=term)
    return queryset


def articles_search(*, queryset: QuerySet[Article], search: str) -> QuerySet[Article]:
    """Articles whose title, publisher, byline or text hold every term of `search`."""
    terms = search_terms(search)
    if not terms:
        return queryset
    if not _on_postgresql(queryset):
        for term, _ in terms:
            queryset = queryset.filter(_any_contains(ARTICLE_FIELDS, term))
        return queryset
    return _articles_matching(queryset, _search_query(terms), terms)


def _articles_matching(
    queryset: QuerySet[Article], query: SearchQuery, terms: list[tuple[str, bool]]
) -> QuerySet[Article]:
    found = queryset.filter(search_vector=query)
    return found.filter(_phrases_in(ARTICLE_FIELDS, terms))
