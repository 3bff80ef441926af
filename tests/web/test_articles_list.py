"""The articles list: who gets in, what each row shows, search, filters, order, pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

URL = reverse("web:articles")


def _listed(client, **params) -> list[int]:
    response = client.get(URL, params)
    assert response.status_code == 200
    return [a.pk for a in response.context["page"].object_list]


@pytest.fixture
def articles(editor):
    lake = ArticleFactory(
        title="Lake survey",
        publisher="Kharkiv Courier",
        byline="Olena Petrenko",
        dateline=dt.date(2024, 3, 15),
        extraction_state="done",
        submitted_by=editor,
    )
    road = ArticleFactory(
        title="",
        raw="Road works on the Izium bypass will take 30 days. The lake is far.",
        publisher="Donbas Daily",
        dateline=dt.date(2024, 5, 1),
        extraction_state="failed",
    )
    ClaimFactory(article=lake, worst_outcome="inconsistent")
    ClaimFactory(article=lake, start=58, end=66, sentence_start=58, sentence_end=92)
    return {"lake": lake, "road": road}


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_user_without_a_newsroom_role_is_refused(client, outsider):
    client.force_login(outsider)
    assert client.get(URL).status_code == 403


def test_each_row_shows_the_articles_facts_counts_and_a_link_to_its_claims(
    client, editor, articles
):
    client.force_login(editor)
    lake, road = articles["lake"], articles["road"]
    html = client.get(URL).content.decode()
    assert _listed(client) == [road.pk, lake.pk]  # newest first
    assert 'data-label="Publisher">Kharkiv Courier</td>' in html
    assert '<time datetime="2024-03-15">15 Mar 2024</time>' in html
    assert '<span class="state state-failed">Failed</span>' in html
    assert 'data-label="Submitted by">edna</td>' in html
    # An article without a title is named by its first words.
    assert "Road works on the Izium bypass" in html
    # Two claims, one inconsistent: each count links to those claims, by article, no id typed.
    assert f'href="{reverse("web:claims")}?article={lake.pk}">2<' in html
    assert f'?article={lake.pk}&amp;finding=inconsistent" class="m-inconsistent">1<' in html
    # Every cell is labelled for the phone layout.
    assert html.count("<td data-label=") == 16 and "<td>" not in html.split("<tbody>")[1]


def test_search_looks_at_the_title_text_publisher_and_byline(client, editor, articles):
    client.force_login(editor)
    lake, road = articles["lake"].pk, articles["road"].pk
    assert _listed(client, q="survey") == [lake]
    assert _listed(client, q="bypass") == [road]
    assert _listed(client, q="Petrenko") == [lake]
    assert _listed(client, q="Donbas") == [road]
    assert _listed(client, q="lake") == [road, lake]  # the road story's text names a lake


def test_each_filter_narrows_the_list(client, editor, articles):
    client.force_login(editor)
    lake, road = articles["lake"].pk, articles["road"].pk
    assert _listed(client, state="failed") == [road]
    assert _listed(client, publisher="Kharkiv Courier") == [lake]
    assert _listed(client, dateline_from="2024-04-01") == [road]
    assert _listed(client, dateline_to="2024-04-01") == [lake]
    assert _listed(client, dateline_from="2024-03-01", dateline_to="2024-06-01") == [road, lake]
    assert _listed(client, inconsistent="yes") == [lake]
    assert _listed(client, inconsistent="no") == [road]


def test_the_list_can_be_ordered(client, editor, articles):
    client.force_login(editor)
    lake, road = articles["lake"].pk, articles["road"].pk
    assert _listed(client, order="-claims") == [lake, road]
    assert _listed(client, order="dateline") == [lake, road]
    assert _listed(client, order="-dateline") == [road, lake]
    assert _listed(client, order="created") == [lake, road]


def test_the_list_is_paginated_25_a_page_with_page_links(client, editor):
    for i in range(30):
        ArticleFactory(publisher="Gazette", title=f"Story {i:02d}")
    client.force_login(editor)
    first = client.get(URL, {"publisher": "Gazette"})
    assert len(first.context["page"].object_list) == 25
    html = first.content.decode()
    assert 'href="?publisher=Gazette&amp;page=2"><span class="vh">Page </span>2</a>' in html
    assert 'aria-current="page"><span class="vh">Page </span>1</a>' in html
    assert len(_listed(client, publisher="Gazette", page=2)) == 5


def test_no_match_says_so_and_offers_to_clear_the_filters(client, editor, articles):
    client.force_login(editor)
    html = client.get(URL, {"q": "Odesa"}).content.decode()
    assert "No articles match “Odesa” with these filters;" in html
    assert f'<a href="{URL}">clear the filters</a>' in html


def test_an_empty_newsroom_is_invited_to_submit(client, editor):
    client.force_login(editor)
    html = client.get(URL).content.decode()
    assert f'No article yet; <a href="{reverse("web:submit")}">submit one</a>.' in html


def test_a_bad_date_is_reported_where_the_filters_are(client, editor, articles):
    client.force_login(editor)
    html = client.get(URL, {"dateline_from": "2024-13-45"}).content.decode()
    assert 'role="alert"' in html and "Enter a valid date." in html


def test_htmx_asks_for_the_table_alone(client, editor, articles):
    client.force_login(editor)
    page = client.get(URL, {"q": "survey"}, HTTP_HX_REQUEST="true").content.decode()
    assert page.lstrip().startswith('<div id="articles-table">')
    assert "<html" not in page


def test_the_navigation_links_to_the_articles_list(client, editor):
    client.force_login(editor)
    html = client.get(reverse("web:dashboard")).content.decode()
    assert f'<a href="{URL}">Articles</a>' in html


def test_the_claims_list_filters_by_article_named_not_numbered(client, editor, articles):
    client.force_login(editor)
    lake = articles["lake"]
    response = client.get(reverse("web:claims"), {"article": lake.pk})
    html = response.content.decode()
    assert {c.article_id for c in response.context["page"].object_list} == {lake.pk}
    assert "Only the claims of <a" in html and ">Lake survey</a>" in html
    # The id is carried by a hidden input, so that changing another filter keeps it.
    assert f'<input type="hidden" name="article" value="{lake.pk}"' in html
    titled = client.get(reverse("web:claims"), {"article_title": "survey"})
    assert {c.article_id for c in titled.context["page"].object_list} == {lake.pk}
