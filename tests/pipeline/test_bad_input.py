"""Bad input ends in a clear error and changes nothing else."""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claims import services
from claims.intake import IntakeError
from claims.models import Article, ExtractionState

pytestmark = pytest.mark.django_db

ARTICLE_HTML = (
    b"<html><head><title>Bridge opens</title></head><body><article><h1>Bridge opens</h1>"
    b"<p>The new bridge, 40 km north of the capital, opened on Monday after four years of "
    b"work, the ministry said in a statement.</p>"
    b"<p>It is 1.2 km long and cost \xe2\x82\xac85m, officials said.</p></article></body></html>"
)
PAGES = {
    "/article.html": ("text/html; charset=utf-8", ARTICLE_HTML),
    "/report.pdf": ("application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
    "/photo.png": ("image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    "/huge.html": ("text/html", b"<p>" + b"x" * 20_000 + b"</p>"),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/to-loopback":
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{self.server.server_port}/article.html")
            self.end_headers()
            return
        content_type, body = PAGES.get(self.path, ("text/plain", b"not found"))
        self.send_response(200 if self.path in PAGES else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture
def silent_server() -> Iterator[str]:
    """Accepts connections and never says a word."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(5)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/story"
    sock.close()


@pytest.fixture
def local_fetches(settings):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True
    settings.FETCH_READ_TIMEOUT = 1.0
    settings.FETCH_CONNECT_TIMEOUT = 1.0


def refused(call, match: str) -> None:
    before = Article.objects.count()
    with pytest.raises(IntakeError, match=match):
        call()
    assert Article.objects.count() == before


def fetched(url: str) -> Article:
    """Submit an address and run the fetch the worker would run."""
    article = services.article_ingest_url(url=url).article
    assert article.extraction_state == ExtractionState.FETCHING
    services.article_fetch(article_id=article.pk)
    article.refresh_from_db()
    return article


def fetch_refused(url: str, match: str) -> None:
    """A page that cannot be had: the article ends failed with the reason, and no text."""
    article = fetched(url)
    assert article.extraction_state == ExtractionState.FAILED
    assert re.search(match, article.extraction_error), article.extraction_error
    assert article.text == "" and article.claims.count() == 0


def test_a_page_from_a_local_server_is_ingested_when_allowed(server, local_fetches):
    article = fetched(f"{server}/article.html")
    assert article.extraction_state == ExtractionState.QUEUED
    assert article.origin == "url" and article.url.endswith("/article.html")
    assert "40 km north of the capital" in article.text
    assert article.raw.startswith("<html>")


def test_empty_text_is_refused():
    refused(lambda: services.article_ingest_text(text="  \n "), "the text is empty")


def test_a_binary_upload_is_refused():
    refused(
        lambda: services.article_ingest_file(data=b"\x00\x01\x02PK", filename="a.txt"), "binary"
    )


def test_an_upload_over_the_limit_is_refused(settings):
    settings.INGEST_MAX_BYTES = 100
    refused(
        lambda: services.article_ingest_file(
            data=b"The road is 5 km long. " * 10, filename="a.txt"
        ),
        "over the limit of 100",
    )


def test_a_url_on_a_private_address_is_refused(server):
    refused(
        lambda: services.article_ingest_url(url=f"{server}/article.html"),
        "private or local address",
    )


@pytest.mark.parametrize("url", ["http://10.1.2.3/a", "http://[::1]/a", "http://169.254.169.254/"])
def test_private_link_local_and_loopback_ranges_are_refused_before_any_byte_is_sent(url, settings):
    settings.FETCH_CONNECT_TIMEOUT = 0.5
    refused(lambda: services.article_ingest_url(url=url), "private or local|could not be reached")


def test_a_name_that_resolves_to_loopback_is_refused_when_fetched():
    fetch_refused("http://localhost:9/a", "private or local address")


def test_a_redirect_to_a_private_address_is_refused(server, settings):
    # The first hop is allowed only because it goes through the checked socket as well.
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True
    article = services.article_ingest_url(url=f"{server}/to-loopback").article
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = False
    services.article_fetch(article_id=article.pk)
    article.refresh_from_db()
    assert article.extraction_state == ExtractionState.FAILED
    assert "private or local address" in article.extraction_error


def test_only_http_and_https_are_fetched():
    refused(lambda: services.article_ingest_url(url="file:///etc/passwd"), "only http and https")
    refused(lambda: services.article_ingest_url(url="javascript:alert(1)"), "only http and https")


def test_a_url_that_never_answers_times_out(silent_server, local_fetches):
    fetch_refused(silent_server, "did not answer in time")


@pytest.mark.parametrize(
    ("path", "kind"), [("/report.pdf", "application/pdf"), ("/photo.png", "image/png")]
)
def test_a_url_that_serves_a_pdf_or_an_image_is_refused(server, local_fetches, path, kind):
    fetch_refused(f"{server}{path}", f"serves {kind}, not an HTML page")


def test_a_page_over_the_size_limit_is_refused(server, local_fetches, settings):
    settings.INGEST_MAX_BYTES = 10_000
    fetch_refused(f"{server}/huge.html", "over the limit")


def test_html_full_of_script_is_stored_as_received_and_extracted_as_text():
    html = (
        "<html><body><script>alert('x')</script><article><h1>Storm</h1>"
        "<p>The storm cut power to 40,000 homes along a 120-mile stretch of coast on "
        "Monday, the utility said in a statement.</p><img src=x onerror=alert(1)>"
        "<script>document.write('owned')</script></article></body></html>"
    )
    article = services.article_ingest_text(text=html).article
    assert article.raw == html and article.raw_content_type == "text/html"
    assert "40,000 homes" in article.text
    assert "alert" not in article.text and "document.write" not in article.text
