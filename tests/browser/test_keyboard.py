"""Keyboard use: a claim opens with Enter, focus moves to its panel, focus is visible."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from claims import services
from tests.browser.helpers import log_in
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_claim_opens_from_the_keyboard_and_the_panel_takes_focus(
    page, live_server, newsroom, watch
):
    article = ArticleFactory(title="Lake")
    services.article_extract(article_id=article.pk)
    claim = article.claims.order_by("start").first()
    log_in(page, live_server.url, "edna")
    page.goto(f"{live_server.url}/articles/{article.pk}/")

    # The skip link comes first, then the site's navigation.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()

    highlight = page.locator(f"#c{claim.pk}")
    highlight.focus()
    outline = highlight.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid", "a focused highlight shows an outline"
    page.keyboard.press("Enter")
    expect(page.locator("#panel-title")).to_be_focused()
    expect(page.locator("#panel-title")).to_contain_text(claim.text)

    # The panel's own controls are reachable in order from its heading.
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Start work")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#panel .notice")).to_have_text("Work started; the claim is yours.")
    assert watch.errors == []
