"""The article's facts through the API: ETag on read, PATCH with If-Match, and a text submitted
again with other facts."""

from __future__ import annotations

from datetime import date

import pytest

from claims import services
from claims.models import Article
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db

TEXT = "The bridge is 300 metres long and took 4 years to build."


@pytest.fixture
def article(people) -> Article:
    result = services.article_ingest_text(text=TEXT, dateline=date(2024, 5, 1))
    services.article_extract(article_id=result.article.pk)
    return Article.objects.get(pk=result.article.pk)


def address(article: Article) -> str:
    return f"/api/v1/articles/{article.pk}/"


def read(client, article):
    response = client.get(address(article))
    assert response.status_code == 200
    return response


def test_an_article_is_read_with_an_etag(people, article):
    response = read(client_for(people["editor"]), article)
    assert response["ETag"].startswith(f'"article-{article.pk}-')


def test_patch_changes_the_facts_and_answers_with_the_new_etag(people, article):
    client = client_for(people["editor"])
    etag = read(client, article)["ETag"]
    response = client.patch(
        address(article),
        {"title": "Bridge facts", "source_url": "https://news.example/bridge", "byline": "Ann"},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["title"], body["source_url"], body["byline"]) == (
        "Bridge facts",
        "https://news.example/bridge",
        "Ann",
    )
    assert body["dateline"] == "2024-05-01"  # left out: unchanged
    assert response["ETag"] != etag
    record = Article.objects.get(pk=article.pk).history.latest()
    assert record.history_user == people["editor"]


def test_a_new_dateline_queues_the_checks_again(people, article):
    client = client_for(people["reviewer"])
    response = client.patch(
        address(article),
        {"dateline": "2024-05-02"},
        format="json",
        HTTP_IF_MATCH=read(client, article)["ETag"],
    )
    assert response.status_code == 200
    assert response.json()["extraction_state"] == "queued"


def test_patch_without_if_match_is_428_and_with_a_stale_one_412(people, article):
    client = client_for(people["editor"])
    etag = read(client, article)["ETag"]
    missing = client.patch(address(article), {"byline": "Ann"}, format="json")
    assert missing.status_code == 428
    assert client.patch(address(article), {"byline": "Bo"}, format="json", HTTP_IF_MATCH=etag)
    stale = client.patch(address(article), {"byline": "Cy"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    assert Article.objects.get(pk=article.pk).byline == "Bo"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"dateline": "14 September"}, "dateline"),
        ({"dateline": "2024-02-30"}, "dateline"),
        ({"source_url": "javascript:alert(1)"}, "source_url"),
        ({"title": "x" * 501}, "title"),
    ],
)
def test_bad_facts_are_400_on_their_field(people, article, changes, field):
    client = client_for(people["editor"])
    etag = read(client, article)["ETag"]
    response = client.patch(address(article), changes, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert Article.objects.get(pk=article.pk).history.count() == 1  # only its creation


@pytest.mark.parametrize(
    ("who", "read_only"), [("outsider", False), ("reviewer", True)], ids=["outsider", "read-only"]
)
def test_outsiders_and_read_only_tokens_cannot_patch(people, article, who, read_only):
    client = client_for(people[who], read_only=read_only)
    response = client.patch(address(article), {"byline": "X"}, format="json", HTTP_IF_MATCH="*")
    assert response.status_code == 403


def test_put_is_not_offered(people, article):
    client = client_for(people["editor"])
    assert client.put(address(article), {}, format="json", HTTP_IF_MATCH="*").status_code == 405


def test_the_schema_documents_patch_with_if_match(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    patch = schema["paths"]["/api/v1/articles/{id}/"]["patch"]
    assert {"200", "400", "412", "428"} <= patch["responses"].keys()
    assert any(p["name"] == "If-Match" and p["required"] for p in patch["parameters"])
    assert "put" not in schema["paths"]["/api/v1/articles/{id}/"]
    created = schema["paths"]["/api/v1/articles/"]["post"]["responses"]["200"]
    assert created["content"]["application/json"]["schema"]["$ref"].endswith("/ArticleSubmitted")


# --- submitting ------------------------------------------------------------------------------


def test_a_title_may_be_given_on_submission(people):
    client = client_for(people["editor"])
    response = client.post("/api/v1/articles/", {"text": TEXT, "title": "Bridge"}, format="json")
    assert response.status_code == 202
    assert response.json()["title"] == "Bridge" and response.json()["differing_facts"] == []


def test_the_same_text_with_other_facts_says_which_differ_and_changes_nothing(people, article):
    client = client_for(people["editor"])
    response = client.post(
        "/api/v1/articles/",
        {"text": TEXT, "dateline": "2024-05-02", "publisher": "The Ledger"},
        format="json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == article.pk
    assert body["differing_facts"] == [
        {"field": "dateline", "stored": "2024-05-01", "submitted": "2024-05-02"},
        {"field": "publisher", "stored": "", "submitted": "The Ledger"},
    ]
    assert Article.objects.get(pk=article.pk).dateline == date(2024, 5, 1)
