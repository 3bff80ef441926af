"""Acceptance 1 of issue 13: editing a dateline re-checks the article's dates. And the submit
page's title field, and what it says when a stored text comes again with other facts.
Screenshots: the article page with its facts form open, the submit page, the notice."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from claims import services
from claims.models import Article, Claim
from tests.browser.helpers import log_in, screenshot, screenshot_phone

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# 14 September 2022 was a Wednesday, so "Sunday" is four days later; in 2023 it was a Thursday.
TEXT = (
    "Dnipro bridge reopens to traffic\n\n"
    "The Dnipro bridge reopened on Sunday, four days after it closed on 14 September. "
    "Repairs cost $2 million, the city said.\n\n"
    "Engineers found a crack some 30 metres from the eastern bank."
)


@pytest.fixture
def bridge(newsroom) -> Article:
    """Stored with the wrong year in its dateline, and checked against it."""
    result = services.article_ingest_text(
        text=TEXT, dateline=date(2023, 9, 17), publisher="Kyiv Daily", submitted_by=newsroom.editor
    )
    services.article_extract(article_id=result.article.pk)
    return Article.objects.get(pk=result.article.pk)


def test_editing_a_dateline_rechecks_the_articles_dates(
    page, live_server, bridge, eager_celery, watch
):
    base = live_server.url
    log_in(page, base, "edna")
    page.goto(f"{base}/articles/{bridge.pk}/")
    expect(page.get_by_role("heading", name="Dnipro bridge reopens to traffic")).to_be_visible()
    claim = Claim.objects.get(article=bridge, text="four days")
    highlight = page.locator(f"#c{claim.pk}")
    expect(highlight).to_have_class(re.compile(r"\bworst-inconsistent\b"))

    # Open the form from the keyboard: the summary is a control like any other.
    summary = page.locator("#facts summary")
    summary.focus()
    page.keyboard.press("Enter")
    dateline = page.get_by_label("Dateline")
    expect(dateline).to_be_visible()
    expect(dateline).to_have_value("2023-09-17")
    expect(page.get_by_label("Publisher")).to_have_value("Kyiv Daily")
    screenshot(page, "article-facts-form")
    screenshot_phone(page, "article-facts-form")

    dateline.fill("2022-09-18")
    page.get_by_role("button", name="Save facts").click()
    expect(page.get_by_text("The dateline changed: the checks are running again.")).to_be_visible()
    expect(page.locator(".article-head time")).to_have_text("Sunday 18 September 2022")
    expect(page.locator(".status .state")).to_have_text("Done")

    # The same claim (the editor's work stays on it), checked against the new dateline.
    highlight = page.locator(f"#c{claim.pk}")
    expect(highlight).to_have_class(re.compile(r"\bworst-consistent\b"))
    highlight.click()
    finding = page.locator("#panel .finding", has_text="Date arithmetic")
    expect(finding).to_contain_text("Consistent")
    expect(finding).to_contain_text("Wed 14 Sep 2022 → Sun 18 Sep 2022")
    assert watch.dialogs == [] and watch.errors == []


def test_a_stored_text_submitted_again_with_other_facts_says_so_and_offers_the_edit(
    page, live_server, bridge, watch
):
    base = live_server.url
    log_in(page, base, "edna")
    page.get_by_role("link", name="Submit", exact=True).click()
    title = page.get_by_label("Title")
    expect(title).to_be_visible()
    title.scroll_into_view_if_needed()
    screenshot(page, "submit-title")
    screenshot_phone(page, "submit-title")

    page.get_by_label("Paste the article").fill(TEXT)
    page.get_by_label("Dateline").fill("2022-09-18")
    title.fill("Bridge over the Dnipro reopens")
    page.get_by_role("button", name="Submit").click()
    notice = page.locator("#duplicate")
    expect(notice).to_contain_text(
        f"This text is already stored as article {bridge.pk} (Dnipro bridge reopens to traffic) "
        "with dateline 2023-09-17 / publisher Kyiv Daily."
    )
    expect(notice).to_contain_text("Dateline: yours “2022-09-18”, stored “2023-09-17”")
    expect(notice).to_contain_text("Title: yours “Bridge over the Dnipro reopens”")
    notice.scroll_into_view_if_needed()
    screenshot(page, "submit-duplicate-differs")
    screenshot_phone(page, "submit-duplicate-differs")

    notice.get_by_role("link", name="Edit its facts").click()
    expect(page.get_by_label("Dateline")).to_be_visible()  # the form is open
    expect(page.get_by_label("Dateline")).to_have_value("2023-09-17")  # nothing was applied
    assert watch.dialogs == [] and watch.errors == []
