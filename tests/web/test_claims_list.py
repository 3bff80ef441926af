"""The claims list: filters, text search, pagination, and the htmx partial."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims.models import Claim
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def _listed(client, **params) -> set[int]:
    response = client.get(reverse("web:claims"), params)
    assert response.status_code == 200
    return {c.pk for c in response.context["page"].object_list}


@pytest.fixture
def claims(editor):
    lake = ArticleFactory(title="Lake survey")
    road = ArticleFactory(title="Road works")
    return {
        "area": ClaimFactory(article=lake, kind="area", worst_outcome="consistent"),
        "miles": ClaimFactory(
            article=road,
            start=77,
            end=85,
            sentence_start=58,
            sentence_end=92,
            kind="length",
            state="in_progress",
            assignee=editor,
            worst_outcome="inconsistent",
        ),
    }


def test_each_filter_narrows_the_list(client, editor, claims):
    client.force_login(editor)
    area, miles = claims["area"].pk, claims["miles"].pk
    assert _listed(client) == {area, miles}
    assert _listed(client, state="in_progress") == {miles}
    assert _listed(client, kind="area") == {area}
    assert _listed(client, finding="inconsistent") == {miles}
    assert _listed(client, assignee=editor.pk) == {miles}
    assert _listed(client, article=claims["area"].article_id) == {area}
    assert _listed(client, q="road") == {miles}
    # Both articles' texts say "30 miles" (the factory's text); only the miles claim's own
    # sentence does, so it comes first. The search looks at the article's text on purpose
    # (issue 13): a word anywhere in the article finds its claims.
    assert _listed(client, q="30 miles") == {miles, area}
    found = client.get(reverse("web:claims"), {"q": "30 miles"}).context["page"].object_list
    assert found[0].pk == miles
    assert _listed(client, article_title="works road") == {miles}


def test_claims_without_a_finding_can_be_listed(client, editor, claims):
    ClaimFactory(kind="count")
    client.force_login(editor)
    assert _listed(client, finding="none") == set(
        Claim.objects.filter(worst_outcome="").values_list("pk", flat=True)
    )


def test_the_list_is_paginated_and_keeps_its_filters(client, editor):
    article = ArticleFactory(raw="x" * 400)
    for i in range(30):
        ClaimFactory(
            article=article, start=i * 10, end=i * 10 + 5, sentence_start=0, sentence_end=400
        )
    client.force_login(editor)
    first = client.get(reverse("web:claims"), {"kind": "area"})
    assert len(first.context["page"].object_list) == 25
    assert "?kind=area&amp;page=2" in first.content.decode()
    assert len(_listed(client, kind="area", page=2)) == 5


def test_htmx_asks_for_the_table_alone(client, editor, claims):
    client.force_login(editor)
    response = client.get(reverse("web:claims"), {"kind": "area"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="claims-table">')
    assert "<html" not in page


def test_a_bad_filter_value_is_reported_not_a_crash(client, editor, claims):
    client.force_login(editor)
    response = client.get(reverse("web:claims"), {"state": "bogus"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
