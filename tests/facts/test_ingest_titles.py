"""Which title a stored article gets: the person's, the page's or headline, the first sentence;
and what a second submission of a stored text says."""

from __future__ import annotations

from datetime import date

import pytest

from claims import services

pytestmark = pytest.mark.django_db

BODY = "The bridge is 300 metres long and took four years to build, the city said on Monday."


@pytest.mark.parametrize(
    ("text", "given", "title"),
    [
        (f"Bridge reopens at last\n\n{BODY}", "", "Bridge reopens at last"),
        (f"Bridge reopens at last\n\n{BODY}", "The editor's title", "The editor's title"),
        (f"{BODY} It opened at noon.", "", BODY),
        (f"{BODY} It opened at noon.", "Bridge", "Bridge"),
    ],
    ids=["headline", "given-over-headline", "first-sentence", "given-over-sentence"],
)
def test_the_title_a_stored_article_gets(text, given, title):
    assert services.article_ingest_text(text=text, title=given).article.title == title


def test_a_second_submission_lists_the_facts_that_differ_and_applies_none():
    first = services.article_ingest_text(text=BODY, dateline=date(2024, 5, 1)).article
    again = services.article_ingest_text(
        text=BODY, dateline=date(2024, 5, 2), publisher="The Ledger", title=first.title
    )
    assert not again.created and again.article.pk == first.pk
    assert [(d.field, d.stored, d.submitted) for d in again.differences] == [
        ("dateline", "2024-05-01", "2024-05-02"),
        ("publisher", "", "The Ledger"),
    ]
    assert str(again.differences[0]) == "dateline “2024-05-02” (stored: “2024-05-01”)"
    first.refresh_from_db()
    assert (first.dateline, first.publisher) == (date(2024, 5, 1), "")


def test_an_address_submitted_again_with_other_facts_says_so():
    first = services.article_ingest_url(url="https://news.example/a", title="A").article
    again = services.article_ingest_url(url="https://news.example/a", title="B")
    assert again.article.pk == first.pk
    assert [(d.field, d.submitted) for d in again.differences] == [("title", "B")]
