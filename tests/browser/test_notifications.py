"""An editor sees "sent back to you" with the reviewer's comment (issue 13, acceptance 1):
the editor proposes a verdict, a reviewer sends it back with a comment and assigns the editor
another claim by username; the editor signs in, sees the count in the nav, the notifications
with the comment, and follows one to the claim's panel, which shows the comment."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from claims import services
from claims.models import Claim
from tests.browser.helpers import log_in, log_out, screenshot, screenshot_phone
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COMMENT = "Cite the gazetteer entry for Kupyansk: the rationale gives a distance with no source."


def _claim(article, words: str) -> Claim:
    start = article.text.index(words)
    sentence_start = article.text.rfind(". ", 0, start) + 2 if ". " in article.text[:start] else 0
    claim = ClaimFactory(
        article=article,
        start=start,
        end=start + len(words),
        sentence_start=sentence_start,
        sentence_end=article.text.index(".", start) + 1,
        kind="length",
    )
    SourceFactory(claim=claim, title="Lake survey 2021")
    return claim


def _open_panel(page, base: str, claim: Claim):
    page.goto(f"{base}/articles/{claim.article_id}/?claim={claim.pk}#panel")
    panel = page.locator("#panel")
    expect(panel.get_by_role("heading", name=f"“{claim.text}”")).to_be_visible()
    return panel


def test_an_editor_sees_sent_back_to_you_with_the_comment(page, live_server, newsroom, watch):
    base = live_server.url
    article = ArticleFactory(title="Lake Pivdenne to be drained", extraction_state="done")
    lake = _claim(article, "120 square miles")
    kupyansk = _claim(article, "30 miles")
    services.claim_start(actor=newsroom.editor, claim_id=lake.pk)

    # The editor proposes a verdict in the panel.
    log_in(page, base, "edna")
    panel = _open_panel(page, base, lake)
    panel.get_by_label("Rating").select_option(label="2 – Mostly false")
    panel.get_by_label("Headline").fill("The figure is wrong")
    panel.get_by_label("The claim, in a sentence").fill("The figure in the article.")
    panel.get_by_label("Rationale").fill("The survey gives 98 square miles, not 120.")
    panel.get_by_role("button", name="Propose verdict").click()
    expect(panel.locator(".notice")).to_have_text("Verdict proposed for review.")
    expect(page.get_by_role("link", name="Notifications", exact=True)).to_be_visible()
    log_out(page)

    # The reviewer sends it back with a comment, and gives the editor another claim by name.
    log_in(page, base, "rita")
    panel = _open_panel(page, base, lake)
    panel.get_by_label("What is missing").fill(COMMENT)
    panel.get_by_role("button", name="Send back").click()
    expect(panel.locator(".notice")).to_have_text("Sent back to the editor.")
    panel = _open_panel(page, base, kupyansk)
    panel.get_by_label("Assign to").fill("bob")
    panel.get_by_role("button", name="Assign", exact=True).click()
    expect(panel.get_by_text("No active editor or reviewer is called “bob”.")).to_be_visible()
    panel.get_by_label("Assign to").fill("edna")
    panel.get_by_role("button", name="Assign", exact=True).click()
    expect(panel.locator(".notice")).to_have_text("Assignee changed.")
    log_out(page)

    # The editor signs in: two unread notifications, the send-back with its comment.
    log_in(page, base, "edna")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Notifications (2)")).to_be_visible()
    expect(page.get_by_role("heading", name="Sent back to you")).to_be_visible()
    nav.get_by_role("link", name="Notifications (2)").click()
    expect(page.get_by_role("heading", name="Notifications", exact=True)).to_be_visible()
    items = page.locator(".notification")
    expect(items).to_have_count(2)
    sent_back = items.filter(has_text="Sent back to you")
    expect(sent_back).to_contain_text("by rita")
    expect(sent_back).to_contain_text(f"What is missing: {COMMENT}")
    expect(items.first).to_contain_text("Assigned to you")
    screenshot(page, "notifications")
    screenshot_phone(page, "notifications")

    # Following it marks it read and opens the claim's panel, which shows the comment.
    sent_back.get_by_role("button", name=f"“{lake.text}”").click()
    expect(page).to_have_url(re.compile(rf"/articles/{article.pk}/\?claim={lake.pk}#panel$"))
    note = page.locator("#panel .sent-back")
    expect(note).to_contain_text("Sent back to you by rita:")
    expect(note).to_contain_text(COMMENT)
    expect(nav.get_by_role("link", name="Notifications (1)")).to_be_visible()
    note.scroll_into_view_if_needed()
    screenshot(page, "panel-sent-back")
    screenshot_phone(page, "panel-sent-back")
    assert watch.errors == [] and watch.dialogs == []
