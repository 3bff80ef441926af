"""Markup in an article and a `javascript:` source address: shown as text, nothing runs."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from claims.models import Article, Source
from tests.browser.helpers import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOSTILE = (
    "The convoy travelled 40 miles <script>alert('script ran')</script> before it stopped.\n\n"
    "Officials counted 12 trucks <img src=x onerror=\"alert('img ran')\"> on a road 25 km long."
)


def test_markup_is_shown_as_text_and_a_javascript_url_is_refused(
    page, live_server, newsroom, eager_celery, watch
):
    log_in(page, live_server.url, "edna")
    page.goto(f"{live_server.url}/submit/")
    page.get_by_label("Paste the article").fill(HOSTILE)
    page.get_by_role("button", name="Submit").click()
    expect(page.locator(".status .state")).to_have_text("Done")

    text = page.locator(".text")
    expect(text).to_contain_text("<script>alert('script ran')</script>")
    expect(text).to_contain_text("<img src=x onerror=\"alert('img ran')\">")
    assert text.locator("script, img").count() == 0
    assert page.locator("img").count() == 0

    article = Article.objects.get()
    claim = article.claims.order_by("start").first()
    page.locator(f"#c{claim.pk}").click()
    panel = page.locator("#panel")
    panel.get_by_text("Add a source").click()
    panel.get_by_label("URL").fill("javascript:alert('url ran')")
    panel.get_by_label("Title").fill("Click me")
    panel.get_by_role("button", name="Add source").click()
    expect(panel.locator(".errorlist")).to_have_text(
        "Only web addresses that start with http:// or https:// can be a source."
    )
    assert not Source.objects.exists()
    assert page.locator('a[href^="javascript:"]').count() == 0

    page.reload()
    page.locator("a, button").first.focus()
    assert watch.dialogs == []
    assert watch.errors == []
