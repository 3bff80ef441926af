"""The new lists and the searches run the same number of queries for one row as for thirty
(issue 13, acceptance 3): the articles list, the claims list with a search, and the admin's
claim changelist with a search."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import ReviewerFactory
from tests.web.test_query_counts import _article, _claims, _count, _same_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, editor):
    client.force_login(editor)
    return client


def test_articles_list(signed_in, editor):
    def grow(n):
        for _ in range(n):
            article = _article(
                publisher="Gazette",
                dateline=dt.date(2024, 3, 15),
                extraction_state="done",
                submitted_by=editor,
            )
            _claims(article, 2)

    _same_count(signed_in, lambda: reverse("web:articles"), grow)


def test_articles_list_with_search_filters_and_order(signed_in, editor):
    url = (
        f"{reverse('web:articles')}?q=miles&state=done&publisher=Gazette"
        "&dateline_from=2024-01-01&dateline_to=2024-12-31&inconsistent=yes&order=-claims"
    )

    def grow(n):
        for _ in range(n):
            article = _article(
                publisher="Gazette",
                dateline=dt.date(2024, 3, 15),
                extraction_state="done",
                submitted_by=editor,
            )
            _claims(article, 2)

    _same_count(signed_in, lambda: url, grow)
    # Past the first page too.
    _article(title="", publisher="Gazette", dateline=dt.date(2024, 3, 15))
    assert _count(signed_in, url) == _count(signed_in, url + "&page=2")


def test_claims_list_with_a_search(signed_in, editor):
    article = _article(title="Road works")
    state = {"start": 0}

    def grow(n):
        _claims(article, n, start=state["start"], assignee=editor)
        state["start"] += n

    url = f"{reverse('web:claims')}?q=miles+road&article_title=works&kind=length"
    _same_count(signed_in, lambda: url, grow)


def test_claims_list_of_one_article(signed_in, editor):
    article = _article(title="Road works")
    state = {"start": 0}

    def grow(n):
        _claims(article, n, start=state["start"], assignee=editor)
        state["start"] += n

    _same_count(signed_in, lambda: f"{reverse('web:claims')}?article={article.pk}", grow)


def test_admin_claim_changelist_with_a_search(client):
    client.force_login(ReviewerFactory())
    article = _article(title="Road works")
    state = {"start": 0}

    def grow(n):
        _claims(article, n, start=state["start"])
        state["start"] += n

    url = f"{reverse('admin:claims_claim_changelist')}?q=miles"
    _same_count(client, lambda: url, grow)
