"""At a phone's width (390 × 844) the claim panel opens over the text, not below the article,
and closes back to the claim; the claims table labels every cell. Screenshots of both pages at
desktop and phone width go with the README."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from playwright.sync_api import expect

from claims import services
from claims.models import Article, Claim
from tests.browser.conftest import Watch
from tests.browser.helpers import PHONE, log_in, screenshot, screenshot_phone
from tests.paths import SEED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def article(newsroom) -> Article:
    article = services.article_ingest_text(
        text=SEED.read_text(), dateline=date(2022, 9, 14), publisher="CNN"
    ).article
    services.article_extract(article_id=article.pk)
    return Article.objects.get(pk=article.pk)


@pytest.fixture
def phone(browser) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def first_claim(article: Article) -> Claim:
    return article.claims.order_by("start").first()


def in_viewport(page: Any, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    size = page.viewport_size
    return (
        box is not None
        and box["y"] >= 0
        and box["x"] >= 0
        and box["y"] + box["height"] <= size["height"] + 0.5
        and box["x"] + box["width"] <= size["width"] + 0.5
    )


def in_sight_above_the_sheet(page: Any, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    sheet = page.locator("#drawer").bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= sheet["y"]


def wait_in_sight_above_the_sheet(page: Any, claim_id: int) -> None:
    """The script scrolls the claim into sight once htmx has settled, and again after a move
    redraws the text beside the panel: wait for the page to go quiet, then for the claim."""
    in_sight = (
        f"(() => {{ const box = document.getElementById('c{claim_id}').getBoundingClientRect();"
        " return box.top >= 0"
        " && box.bottom <= document.getElementById('drawer').getBoundingClientRect().top; })()"
    )
    # wait_for_function fails the test when the claim never comes into sight.
    page.wait_for_function(in_sight)
    page.wait_for_load_state("networkidle")
    page.wait_for_function(in_sight)


def no_sideways_scroll(page: Any) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_claim_opens_over_the_text_and_closes_back_to_it(phone, live_server, article):
    watch = Watch().attach(phone)
    claim = first_claim(article)
    log_in(phone, live_server.url, "edna")
    phone.goto(f"{live_server.url}/articles/{article.pk}/")
    drawer = phone.locator("#drawer")
    expect(drawer).to_be_hidden()  # no claim chosen: the text has the screen
    assert no_sideways_scroll(phone)

    highlight = phone.locator(f"#c{claim.pk}")
    highlight.click()
    expect(drawer.get_by_role("heading", name=f"“{claim.text}”")).to_be_focused()
    assert in_viewport(phone, "#drawer"), "the whole sheet is on the screen"
    wait_in_sight_above_the_sheet(phone, claim.pk)  # the claim stays in view above it
    expect(drawer.get_by_role("link", name="Back to the text")).to_be_visible()
    expect(phone).to_have_url(re.compile(rf"\?claim={claim.pk}$"))

    # Escape closes it, and focus is back on the claim in the text.
    phone.keyboard.press("Escape")
    expect(drawer).to_be_hidden()
    expect(highlight).to_be_focused()
    expect(phone).to_have_url(re.compile(rf"/articles/{article.pk}/$"))

    # Enter opens it again; its Close button closes it.
    phone.keyboard.press("Enter")
    close = drawer.get_by_role("button", name="Close the claim")
    expect(close).to_be_visible()
    expect(phone.locator("#panel-title")).to_be_focused()
    close.click()
    expect(drawer).to_be_hidden()
    expect(highlight).to_be_focused()

    # Opened from the list below the text: the claim is shown in the text above the sheet;
    # "Back to the text" closes it, and focus returns to where it was opened from.
    second = article.claims.order_by("start")[1]
    item = phone.locator(f'.claim-list a[href="?claim={second.pk}#panel"]')
    item.scroll_into_view_if_needed()
    item.click()
    expect(phone.locator("#panel-title")).to_be_focused()
    assert in_viewport(phone, "#drawer")
    wait_in_sight_above_the_sheet(phone, second.pk)
    drawer.get_by_role("link", name="Back to the text").click()
    expect(drawer).to_be_hidden()
    expect(item).to_be_focused()

    # The panel's own forms still swap in place inside the sheet (htmx).
    highlight.click()
    drawer.get_by_role("button", name="Start work").click()
    expect(drawer.locator(".notice")).to_have_text("Work started; the claim is yours.")
    expect(drawer).to_be_visible()
    assert in_viewport(phone, "#drawer")
    wait_in_sight_above_the_sheet(phone, claim.pk)
    assert watch.errors == [], "\n".join(watch.errors)
    screenshot(phone, "article-panel-phone")


def test_a_claims_address_opens_the_sheet_with_the_claim_in_sight(phone, live_server, article):
    claim = article.claims.order_by("-start").first()  # far down the text
    log_in(phone, live_server.url, "edna")
    phone.goto(f"{live_server.url}/articles/{article.pk}/?claim={claim.pk}#panel")
    expect(phone.locator("#panel-title")).to_be_focused()
    assert in_viewport(phone, "#drawer")
    wait_in_sight_above_the_sheet(phone, claim.pk)


def test_without_javascript_the_server_opens_the_sheet_and_the_link_closes_it(
    browser, live_server, article
):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        claim = first_claim(article)
        log_in(page, live_server.url, "edna")
        page.goto(f"{live_server.url}/articles/{article.pk}/")
        page.locator(f"#c{claim.pk}").click()
        expect(page).to_have_url(re.compile(rf"\?claim={claim.pk}#panel$"))
        drawer = page.locator("#drawer")
        expect(drawer.get_by_role("heading", name=f"“{claim.text}”")).to_be_visible()
        assert in_viewport(page, "#drawer")
        expect(drawer.get_by_role("button", name="Close the claim")).to_be_hidden()
        drawer.get_by_role("link", name="Back to the text").click()
        expect(page).to_have_url(re.compile(rf"/articles/{article.pk}/#c{claim.pk}$"))
        expect(drawer).to_be_hidden()
    finally:
        context.close()


def test_a_wide_screen_keeps_the_panel_beside_the_text(page, live_server, article, watch):
    claim = first_claim(article)
    log_in(page, live_server.url, "edna")
    page.goto(f"{live_server.url}/articles/{article.pk}/")
    page.locator(f"#c{claim.pk}").click()
    expect(page.locator("#panel-title")).to_be_focused()
    text = page.locator(".article-text").bounding_box()
    panel = page.locator("#drawer").bounding_box()
    assert panel["x"] >= text["x"] + text["width"], "the panel stands to the right of the text"
    expect(page.locator(".drawer-bar")).to_be_hidden()
    page.keyboard.press("Escape")  # nothing covers the text: Escape leaves the panel be
    expect(page.locator("#panel-title")).to_be_visible()
    screenshot(page, "article-panel")  # its phone twin is taken where the sheet opened
    assert watch.errors == []


def test_the_claims_list_labels_every_cell_at_phone_width(phone, live_server, article):
    log_in(phone, live_server.url, "edna")
    phone.goto(f"{live_server.url}/claims/?article={article.pk}")
    row = phone.locator("table.claims tbody tr").first
    labels = row.locator("td").evaluate_all(
        "cells => cells.map(td => getComputedStyle(td, '::before').content)"
    )
    assert labels == [
        '"Claim"', '"Article"', '"Kind"', '"State"', '"Finding"', '"Assignee"', '"Verdict"'
    ]  # fmt: skip
    expect(phone.locator("table.claims thead")).to_be_hidden()
    # A label and its value share a line, the label on the left.
    cell = row.locator("td").nth(2).bounding_box()
    assert cell["x"] < 30 and cell["width"] > 300
    assert no_sideways_scroll(phone)
    phone.set_viewport_size({"width": 1280, "height": 860})
    screenshot(phone, "claims-list")
    screenshot_phone(phone, "claims-list")


@pytest.mark.parametrize(
    ("path", "name"), [("/", "dashboard"), ("/submit/", "submit"), ("/claims/", "")]
)
def test_the_desks_pages_fit_a_phone_without_sideways_scrolling(
    phone, live_server, article, path, name
):
    log_in(phone, live_server.url, "edna")
    phone.goto(f"{live_server.url}{path}")
    wide = phone.evaluate(
        """() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)"""
    )
    assert wide == []
    assert no_sideways_scroll(phone)
    if name:
        screenshot(phone, f"{name}-phone")
