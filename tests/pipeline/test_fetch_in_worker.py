"""A web address is fetched by a worker, never inside the web request (issue 16, item 6)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from rest_framework.test import APIClient

from claims import services
from claims.models import Article, ExtractionState
from tests.factories import UserFactory
from tests.pipeline.conftest import wait_for

PAGE = (
    b"<html><head><title>Bridge opens</title></head><body><article><h1>Bridge opens</h1>"
    b"<p>The new bridge, 40 km north of the capital, opened on Monday after four years of "
    b"work, the ministry said in a statement.</p><p>It is 1.2 km long.</p></article></body></html>"
)
SLOW_SECONDS = 3.0


class SlowHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/missing":
            self.send_response(404)
            self.end_headers()
            return
        time.sleep(SLOW_SECONDS if self.path.startswith("/slow") else 0)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def site(settings) -> Iterator[str]:
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), SlowHandler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture
def api(db) -> APIClient:
    editor = UserFactory(username="eddie", groups=["Editors"])
    client = APIClient()
    _, key = services.api_token_issue(user=editor, name="tests", read_only=False)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return client


@pytest.mark.django_db
def test_submitting_a_slow_page_answers_at_once_with_the_article_fetching(api, site):
    started = time.monotonic()
    response = api.post("/api/v1/articles/", {"url": f"{site}/slow/story"}, format="json")
    elapsed = time.monotonic() - started
    assert response.status_code == 202
    assert elapsed < SLOW_SECONDS / 3, elapsed
    assert response.json()["extraction_state"] == "fetching"
    assert response.headers["Location"].endswith(f"/api/v1/articles/{response.json()['id']}/")


@pytest.mark.django_db
def test_the_same_address_submitted_twice_is_one_article(api, site):
    first = api.post("/api/v1/articles/", {"url": f"{site}/story"}, format="json")
    again = api.post("/api/v1/articles/", {"url": f"{site}/story"}, format="json")
    assert (first.status_code, again.status_code) == (202, 200)
    assert again.json()["id"] == first.json()["id"]
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_a_failed_fetch_ends_failed_with_the_reason_and_a_resubmission_tries_again(api, site):
    response = api.post("/api/v1/articles/", {"url": f"{site}/missing"}, format="json")
    article_id = response.json()["id"]
    services.article_fetch(article_id=article_id)  # what the worker runs
    failed = api.get(f"/api/v1/articles/{article_id}/").json()
    assert failed["extraction_state"] == "failed"
    assert "HTTP status 404" in failed["extraction_error"]
    again = api.post("/api/v1/articles/", {"url": f"{site}/missing"}, format="json")
    assert again.status_code == 202 and again.json()["id"] == article_id
    assert again.json()["extraction_state"] == "fetching"


@pytest.mark.django_db
def test_the_dashboard_shows_an_article_being_fetched(client, site):
    editor = UserFactory(username="edna", groups=["Editors"])
    article = services.article_ingest_url(url=f"{site}/slow/dashboard").article
    client.force_login(editor)
    page = client.get("/").content.decode()
    assert "state-fetching" in page and "Fetching" in page
    assert article.url in page
    assert 'hx-trigger="every 1s"' in page  # it keeps polling until the page has come


@pytest.mark.services
def test_a_worker_fetches_the_page_and_extracts_it(start_worker, site):
    start_worker(FETCH_ALLOW_PRIVATE_ADDRESSES="true")
    article = services.article_ingest_url(url=f"{site}/slow/worker").article
    assert Article.objects.get(pk=article.pk).extraction_state == ExtractionState.FETCHING
    assert wait_for(
        lambda: Article.objects.get(pk=article.pk).extraction_state == ExtractionState.DONE,
        timeout=60,
    )
    article.refresh_from_db()
    assert "40 km north of the capital" in article.text and article.title == "Bridge opens"
    assert article.claims.count() >= 2
