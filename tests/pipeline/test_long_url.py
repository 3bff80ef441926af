"""An address over 2,000 bytes in UTF-8 is refused with a message, not a 500: the database's
index on the address cannot take much more (review 16)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from claims import services
from claims.models import Article
from claims.services import articles as art
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# 1,900 CJK characters: 1,919 characters, under 2,000, but 5,719 bytes in UTF-8.
LONG = "https://example.org/" + "".join(chr(0x4E00 + i) for i in range(1900))
MESSAGE = "longer than 2,000 bytes"


@pytest.fixture(autouse=True)
def no_fetch(monkeypatch) -> None:
    monkeypatch.setattr(art, "enqueue_fetch", lambda ids: None)


def test_the_api_refuses_a_long_non_ascii_address_with_a_400_and_stores_nothing():
    client = APIClient()
    client.raise_request_exception = False
    _, key = services.api_token_issue(user=UserFactory(groups=["Editors"]), name="t")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    response = client.post("/api/v1/articles/", {"url": LONG}, format="json")
    assert response.status_code == 400, response.content[:300]
    assert MESSAGE in response.content.decode() and "shorten it" in response.content.decode()
    assert not Article.objects.exists()


def test_the_web_form_refuses_a_long_non_ascii_address_and_stores_nothing(client):
    client.force_login(UserFactory(groups=["Editors"]))
    response = client.post("/submit/", {"url": LONG})
    assert response.status_code in (200, 400)
    assert MESSAGE in response.content.decode()
    assert not Article.objects.exists()


def test_an_address_of_2000_bytes_is_still_accepted():
    url = "https://example.org/" + "a" * (2000 - len("https://example.org/"))
    assert services.article_ingest_url(url=url).created
