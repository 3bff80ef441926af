"""The admin's article page: the facts are editable through the service, stale saves are
refused on the form, and the history shows each change."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from claims import services
from claims.models import Article
from claims.services.versions import version_of
from tests.factories import EditorFactory, ReviewerFactory

pytestmark = pytest.mark.django_db

TEXT = "The bridge is 300 metres long and took 4 years to build."


@pytest.fixture
def reviewer():
    return ReviewerFactory(username="rita")


@pytest.fixture
def article() -> Article:
    result = services.article_ingest_text(text=TEXT, dateline=date(2024, 5, 1))
    services.article_extract(article_id=result.article.pk)
    return Article.objects.get(pk=result.article.pk)


def change_url(article: Article) -> str:
    return reverse("admin:claims_article_change", args=[article.pk])


def form_data(article: Article, version: str | None = None, **changes) -> dict[str, str]:
    data = {
        "title": article.title,
        "url": article.url,
        "publisher": article.publisher,
        "byline": article.byline,
        "dateline": article.dateline.isoformat() if article.dateline else "",
        "version": version or version_of(article),
        # The claims inline's management form.
        "claims-TOTAL_FORMS": "0",
        "claims-INITIAL_FORMS": "0",
        "claims-MIN_NUM_FORMS": "0",
        "claims-MAX_NUM_FORMS": "0",
    }
    data.update(changes)
    return data


def test_the_facts_are_editable_and_the_rest_stays_read_only(client, reviewer, article):
    client.force_login(reviewer)
    page = client.get(change_url(article)).content.decode()
    for name in ("title", "url", "publisher", "byline", "dateline"):
        assert f'name="{name}"' in page, name
    assert f'name="version" value="{version_of(article)}"' in page
    for name in ("text", "raw", "content_hash", "extraction_state"):
        assert f'name="{name}"' not in page, name


def test_saving_goes_through_the_service_and_reruns_the_checks(client, reviewer, article):
    client.force_login(reviewer)
    response = client.post(
        change_url(article),
        form_data(article, dateline="2024-05-02", publisher="The Ledger"),
        follow=True,
    )
    assert response.status_code == 200
    fresh = Article.objects.get(pk=article.pk)
    assert (fresh.dateline, fresh.publisher) == (date(2024, 5, 2), "The Ledger")
    assert fresh.extraction_state == "queued"
    assert "The dateline changed: extraction and checks run again." in response.content.decode()
    record = fresh.history.latest()
    assert (record.history_user, record.history_change_reason) == (reviewer, "corrected the facts")


def test_a_stale_save_is_a_form_error_saying_what_changed(client, reviewer, article):
    read = version_of(article)
    other = ReviewerFactory(username="rob")
    services.article_update_facts(
        actor=other, article_id=article.pk, seen_version=read, byline="Rob Roe"
    )
    client.force_login(reviewer)
    response = client.post(change_url(article), form_data(article, read, byline="Rita Ray"))
    page = response.content.decode()
    assert response.status_code == 200  # the form again, with its error
    assert "your change was not saved" in page
    assert "rob corrected the facts: changed byline from “” to “Rob Roe”" in page
    assert Article.objects.get(pk=article.pk).byline == "Rob Roe"


def test_a_javascript_address_is_refused_on_the_form(client, reviewer, article):
    client.force_login(reviewer)
    response = client.post(change_url(article), form_data(article, url="javascript:alert(1)"))
    assert response.status_code == 200
    assert "Enter a valid URL." in response.content.decode()
    assert Article.objects.get(pk=article.pk).url == ""


def test_the_history_page_shows_who_changed_which_fact(client, reviewer, article):
    services.article_update_facts(
        actor=reviewer, article_id=article.pk, seen_version=version_of(article), title="Bridge"
    )
    client.force_login(reviewer)
    history = reverse("admin:claims_article_history", args=[article.pk])
    page = client.get(history).content.decode()
    assert "corrected the facts" in page and "rita" in page and "Bridge" in page


def test_an_editor_sees_the_facts_read_only_in_the_admin(client, article):
    """The admin is the reviewers' screen; editors correct facts in the web UI or the API."""
    client.force_login(EditorFactory(username="edna"))
    page = client.get(change_url(article)).content.decode()
    assert 'name="title"' not in page
