"""What a hostile or broken web server cannot do to the fetcher (a code review's findings)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claims import fetching
from claims.intake import IntakeError

HTML = (
    b"<html><body><article><p>The trail is 50 km (31 miles) long and it was built over five "
    b"years by the park authority, officials said.</p></article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        if self.path.startswith("/bad-redirect"):
            return self._redirect("http://[::1/x")
        if self.path.startswith("/long-redirect"):
            return self._redirect("/page?" + "x" * 2100)
        charset = "idna" if self.path.startswith("/idna") else "utf-8"
        self.send_response(200)
        self.send_header("Content-Type", f"text/html; charset={charset}")
        self.end_headers()
        self.wfile.write(HTML)
        if self.path.startswith("/trickle"):
            try:
                for _ in range(40):  # a byte every half second: never a read time-out
                    time.sleep(0.5)
                    self.wfile.write(b" ")
                    self.wfile.flush()
            except OSError:
                pass

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.end_headers()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


POLICY = fetching.FetchPolicy(
    max_bytes=1024 * 1024, connect_timeout=2, read_timeout=2, deadline=3, allow_private=True
)


def test_a_trickling_page_meets_the_deadline(server):
    started = time.monotonic()
    with pytest.raises(IntakeError, match="longer than 3 s"):
        fetching.fetch_html(f"{server}/trickle", POLICY)
    assert time.monotonic() - started < POLICY.deadline + POLICY.read_timeout + 1


def test_an_unusable_charset_falls_back_to_utf8(server):
    assert "50 km" in fetching.fetch_html(f"{server}/idna", POLICY).html


@pytest.mark.parametrize(
    ("path", "message"),
    [("/bad-redirect", "not valid"), ("/long-redirect", "longer than 2,000")],
)
def test_a_bad_redirect_target_is_refused_with_a_reason(server, path, message):
    with pytest.raises(IntakeError, match=message):
        fetching.fetch_html(f"{server}{path}", POLICY)


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::a00:1",
        "2002:a00:1::",
        "::a00:1",
        "::ffff:0:a00:1",
        "::ffff:10.0.0.1",
        "fec0::1",
        "::1",
        "fe80::1",
        "ff02::1",
        "127.0.0.1",
        "169.254.169.254",
        "10.1.2.3",
    ],
)
def test_private_addresses_in_any_dress_are_not_public(address):
    assert not fetching._is_public(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_are_public(address):
    assert fetching._is_public(address)
