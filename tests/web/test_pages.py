"""The editor UI's pages: who gets in, what they show, how they poll."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from claims.models import ExtractionState
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

NEWSROOM_PAGES = ["web:dashboard", "web:submit", "web:claims", "web:article_progress"]


@pytest.mark.parametrize("name", NEWSROOM_PAGES)
def test_it_sends_anonymous_visitors_to_the_login_page(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", NEWSROOM_PAGES)
def test_it_refuses_a_signed_in_user_without_a_newsroom_role(client, outsider, name):
    client.force_login(outsider)
    assert client.get(reverse(name)).status_code == 403


def test_login_form_signs_an_editor_in_and_logout_signs_out(client, editor):
    response = client.post(
        reverse("login"), {"username": "edna", "password": "pw-for-tests-only"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/"
    assert b"Dashboard" in response.content
    client.post(reverse("logout"))
    assert client.get(reverse("web:dashboard")).status_code == 302


def test_dashboard_lists_my_claims_and_the_machine_inconsistent_ones(client, editor, seed_article):
    mine = ClaimFactory(assignee=editor, state="in_progress")
    client.force_login(editor)
    page = client.get(reverse("web:dashboard")).content.decode()
    assert f"?claim={mine.pk}" in page
    for claim in seed_article.claims.filter(worst_outcome="inconsistent"):
        assert f"?claim={claim.pk}" in page
    assert "Done" in page


def test_progress_partial_polls_while_an_article_is_extracting_and_stops_when_done(client, editor):
    article = ArticleFactory(extraction_state=ExtractionState.RUNNING)
    client.force_login(editor)
    polling = client.get(reverse("web:article_progress")).content.decode()
    assert 'hx-trigger="every 1s"' in polling
    assert "<progress" in polling
    article.extraction_state = ExtractionState.DONE
    article.save()
    done = client.get(reverse("web:article_progress")).content.decode()
    assert "hx-trigger" not in done
    assert "state-done" in done


def test_article_page_polls_its_body_until_extraction_is_done(client, editor):
    article = ArticleFactory(extraction_state=ExtractionState.QUEUED)
    client.force_login(editor)
    url = reverse("web:article_body", args=[article.pk])
    assert 'hx-trigger="every 1s"' in client.get(url).content.decode()
    article.extraction_state = ExtractionState.DONE
    article.save()
    assert "every 1s" not in client.get(url).content.decode()


def test_article_page_highlights_every_claim_in_place(client, editor, seed_article):
    client.force_login(editor)
    page = client.get(reverse("web:article", args=[seed_article.pk])).content.decode()
    for claim in seed_article.claims.all():
        assert re.search(rf'id="c{claim.pk}" class="hl kind-{claim.kind}', page), claim.text
    miles = seed_article.claims.get(kind="length", text__contains="30 miles")
    marker = f'>{miles.text}<span class="marker m-inconsistent"'
    link = re.search(rf'<a id="c{miles.pk}"[^>]*{re.escape(marker)}', page)
    assert link, "the gazetteer finding's marker sits on the highlighted figure"


def test_article_page_escapes_markup_in_the_text(client, editor):
    text = 'Some 40 miles away <script>alert("x")</script> <img src=x onerror="alert(1)">.'
    article = ArticleFactory(raw=text, extraction_state=ExtractionState.DONE)
    client.force_login(editor)
    page = client.get(reverse("web:article", args=[article.pk])).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<img src=x" not in page
    assert '<script>alert("x")' not in page


def test_unknown_article_and_claim_are_404(client, editor, miles_claim):
    client.force_login(editor)
    assert client.get(reverse("web:article", args=[999999])).status_code == 404
    other = ArticleFactory()
    url = reverse("web:article", args=[other.pk]) + f"?claim={miles_claim.pk}"
    assert client.get(url).status_code == 404
