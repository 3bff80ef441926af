"""Correcting an article's facts on its page, and a text submitted again with other facts."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from claims import services
from claims.models import Article
from claims.services.versions import version_of
from tests.web.reading import as_read

pytestmark = pytest.mark.django_db

TEXT = "The bridge is 300 metres long and took 4 years to build."


@pytest.fixture
def article(editor) -> Article:
    result = services.article_ingest_text(
        text=TEXT, dateline=date(2024, 5, 1), publisher="The Ledger", submitted_by=editor
    )
    services.article_extract(article_id=result.article.pk)
    return Article.objects.get(pk=result.article.pk)


def facts(article: Article, version: str | None = None, **changes) -> dict[str, str]:
    data = {
        "title": article.title,
        "dateline": article.dateline.isoformat() if article.dateline else "",
        "publisher": article.publisher,
        "byline": article.byline,
        "url": article.url,
        "version": version or version_of(article),
    }
    data.update(changes)
    return {f"facts-{name}": value for name, value in data.items()}


def post(client, article, data):
    return client.post(reverse("web:article_facts", args=[article.pk]), data)


def test_the_article_page_has_a_labelled_facts_form_with_the_version(client, editor, article):
    client.force_login(editor)
    page = client.get(reverse("web:article", args=[article.pk])).content.decode()
    assert "<summary>Edit facts</summary>" in page
    for label in ("Title", "Dateline", "Publisher", "Byline", "Web address"):
        assert re.search(rf"<label for=\"id_facts-\w+\"[^>]*>{label}</label>", page), label
    assert f'name="facts-version" value="{version_of(article)}"' in page
    assert '<details id="facts" class="facts">' in page  # closed until asked for
    opened = client.get(reverse("web:article", args=[article.pk]) + "?edit=facts")
    assert '<details id="facts" class="facts" open>' in opened.content.decode()


def test_saving_the_facts_shows_a_message_and_the_new_facts(client, editor, article):
    client.force_login(editor)
    response = post(client, article, facts(article, title="Bridge opens", byline="Ann Smith"))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Saved (title, byline)." in page
    assert "<h1>Bridge opens</h1>" in page and "Ann Smith" in page


def test_a_new_dateline_says_the_checks_are_running_again(client, editor, article):
    client.force_login(editor)
    response = post(client, article, facts(article, dateline="2024-05-02"))
    page = client.get(response["Location"]).content.decode()
    assert "The dateline changed: the checks are running again." in page
    assert Article.objects.get(pk=article.pk).extraction_state == "queued"
    assert "every 1s" in page  # the page polls until the checks are done


def test_a_stale_save_is_refused_above_the_form_with_what_changed(
    client, editor, reviewer, article
):
    read = version_of(article)
    services.article_update_facts(
        actor=reviewer, article_id=article.pk, seen_version=read, publisher="Kyiv Post"
    )
    client.force_login(editor)
    response = post(client, article, facts(article, read, publisher="The Daily"))
    page = response.content.decode()
    assert response.status_code == 409
    refusal = page.index('role="alert" id="facts-refusal"')
    assert refusal < page.index('action="/articles/')  # above the form
    assert "your change was not saved" in page
    assert "rita corrected the facts: changed publisher from “The Ledger” to “Kyiv Post”" in page
    assert '<details id="facts" class="facts" open>' in page
    assert 'value="The Daily"' in page  # what they typed is still there
    assert Article.objects.get(pk=article.pk).publisher == "Kyiv Post"


def test_a_bad_address_is_an_error_on_its_field(client, editor, article):
    client.force_login(editor)
    response = post(client, article, facts(article, url="javascript:alert(1)"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter a web address that starts with http:// or https://." in page
    assert Article.objects.get(pk=article.pk).url == ""


def test_an_outsider_cannot_edit_facts(client, outsider, article):
    client.force_login(outsider)
    assert post(client, article, facts(article, title="Mine")).status_code == 403


def test_the_header_shows_a_dot_only_between_facts_that_are_there(client, editor, article):
    client.force_login(editor)
    Article.objects.filter(pk=article.pk).update(publisher="")
    page = client.get(reverse("web:article", args=[article.pk])).content.decode()
    meta = re.search(r'<p class="meta dots">(.*?)</p>', page, re.S).group(1)
    assert "·" not in meta  # the separators are drawn between spans, never stray
    assert meta.strip().startswith("<span><time")


# --- the same text submitted again -------------------------------------------------------


def test_the_same_text_with_other_facts_says_which_differ_and_offers_the_edit(
    client, editor, article
):
    client.force_login(editor)
    response = client.post(
        reverse("web:submit"),
        {"text": TEXT, "dateline": "2024-05-02", "publisher": "The Ledger", "title": "Bridge"},
    )
    page = response.content.decode()
    assert "This text is already stored as" in page
    assert f"article {article.pk} ({article.title})" in page
    assert "with dateline 2024-05-01 / publisher The Ledger." in page
    assert "Dateline: yours “2024-05-02”, stored “2024-05-01”" in page
    assert f"Title: yours “Bridge”, stored “{article.title}”" in page
    assert "Publisher: yours" not in page  # the same publisher does not differ
    edit = reverse("web:article", args=[article.pk]) + "?edit=facts#facts"
    assert f'href="{edit}">Edit its facts</a>' in page
    assert Article.objects.get(pk=article.pk).dateline == date(2024, 5, 1)  # not applied


def test_the_submit_form_has_an_optional_title_that_names_the_article(client, editor):
    client.force_login(editor)
    assert 'name="title"' in client.get(reverse("web:submit")).content.decode()
    client.post(reverse("web:submit"), {"text": TEXT, "title": "  Bridge facts  "})
    assert Article.objects.get().title == "Bridge facts"


def test_a_refused_panel_form_without_javascript_keeps_the_facts_form(client, editor, article):
    claim = article.claims.first()
    client.force_login(editor)
    data = {"back-comment": "", **as_read("web:send_back", claim.pk)}
    response = client.post(reverse("web:send_back", args=[claim.pk]), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "<summary>Edit facts</summary>" in page
    assert f'value="{version_of(article)}"' in page
