"""Submitting an article: paste, upload or URL; errors on the form; duplicates linked."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.models import Article
from tests.paths import SEED

pytestmark = pytest.mark.django_db

TEXT = "The bridge is 300 metres long and took 4 years to build."


def _submit(client, **data):
    return client.post(reverse("web:submit"), data)


def test_pasted_text_becomes_an_article_with_the_given_dateline_and_publisher(client, editor):
    client.force_login(editor)
    response = _submit(client, text=TEXT, dateline="2024-05-01", publisher="The Ledger")
    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("web:article", args=[article.pk])
    assert (str(article.dateline), article.publisher) == ("2024-05-01", "The Ledger")
    assert article.submitted_by == editor


def test_an_uploaded_file_becomes_an_article(client, editor):
    client.force_login(editor)
    upload = SimpleUploadedFile("seed.txt", SEED.read_bytes(), content_type="text/plain")
    response = client.post(reverse("web:submit"), {"file": upload})
    assert response.status_code == 302
    assert Article.objects.get().publisher == "CNN"


def test_the_same_text_twice_is_reported_with_a_link_to_the_article(client, editor):
    client.force_login(editor)
    _submit(client, text=TEXT)
    response = _submit(client, text=TEXT)
    article = Article.objects.get()
    page = response.content.decode()
    assert response.status_code == 200
    assert "We have this article already" in page
    assert f'href="{reverse("web:article", args=[article.pk])}"' in page


def test_an_unreadable_file_is_a_form_error_and_nothing_is_stored(client, editor):
    client.force_login(editor)
    upload = SimpleUploadedFile("x.txt", b"\x00\x01binary", content_type="text/plain")
    response = client.post(reverse("web:submit"), {"file": upload})
    assert "That could not be read: the file is binary" in response.content.decode()
    assert not Article.objects.exists()


def test_a_refused_address_is_a_form_error(client, editor, settings):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = False
    client.force_login(editor)
    response = _submit(client, url="http://127.0.0.1:9/story")
    assert "That could not be read:" in response.content.decode()
    assert not Article.objects.exists()


def test_the_form_asks_for_exactly_one_way_in(client, editor):
    client.force_login(editor)
    none = _submit(client, publisher="X").content.decode()
    both = _submit(client, text=TEXT, url="https://example.org/a").content.decode()
    for page in (none, both):
        assert "Give the article one way" in page
    assert not Article.objects.exists()
