"""Seen before: an editor opens a claim that was checked before in other words ("about 108 km"
for "67 miles"), reads the machine's reason and, beside it, another claim with another figure
marked as such; "Propose this verdict" sends the claim to review in one step. Screenshots at
desktop and phone width: seen-before."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from claims.models import ClaimState
from tests.browser.helpers import PHONE, log_in, not_from_screenshots, screenshot
from tests.matching.builders import (
    EARLIER,
    HEADLINE,
    OTHER_FIGURE,
    publish,
    submit,
    the_match,
)

# The same figure in kilometres, in words close enough to both earlier claims to match each.
IN_KM = "The new bridge stands about 108 km from the capital, they said."

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("match_index"),
]


def _both_widths(page: Any, name: str, heading: Any) -> None:
    """Screenshots at the page's width and at a phone's, each with the section that `heading`
    starts at the top of the panel."""

    def to_top() -> None:
        heading.evaluate("element => element.scrollIntoView({block: 'start'})")

    to_top()
    screenshot(page, name)
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    try:
        to_top()
        screenshot(page, f"{name}-phone")
    finally:
        page.set_viewport_size(size)


def test_an_editor_proposes_the_verdict_of_a_claim_seen_before(page, live_server, newsroom, watch):
    editor, reviewer = newsroom.editor, newsroom.reviewer
    earlier = publish(
        submit(EARLIER, editor, title="Bridge to the capital", publisher="The Courier"),
        editor,
        reviewer,
    )
    submit(OTHER_FIGURE, editor, title="Ministry: the bridge is 76 miles out")
    article = submit(IN_KM, editor, title="Officials on the new bridge")
    match = the_match(article, earlier)

    log_in(page, live_server.url, "edna")
    page.goto(f"{live_server.url}/articles/{article.pk}/?claim={match.claim_id}")
    panel = page.locator("#panel")
    heading = panel.get_by_role("heading", name="Seen before")
    expect(heading).to_be_visible()
    same = panel.locator(".match", has_text=HEADLINE)
    expect(same).to_contain_text(f"Reason: {match.reason}")
    expect(same.locator(".rating-badge")).to_have_text("False")
    expect(same.locator(".match-warning")).to_have_count(0)
    other = panel.locator(".match", has_text="76 miles")
    expect(other.locator(".match-warning")).to_contain_text("Another figure: ")
    expect(other.get_by_role("button", name="Propose this verdict")).to_have_count(0)
    _both_widths(page, "seen-before", heading)

    same.get_by_role("button", name="Propose this verdict").click()

    expect(panel.locator(".notice")).to_contain_text("The earlier verdict is proposed")
    expect(panel.locator(".claim-panel > p.meta .badge")).to_have_text("In review")
    expect(panel.locator(".verdict")).to_contain_text("False")
    expect(panel.locator(".match", has_text=HEADLINE)).to_contain_text("confirmed the same claim")
    match.claim.refresh_from_db()
    assert match.claim.state == ClaimState.IN_REVIEW
    assert watch.dialogs == [] and not_from_screenshots(watch.errors) == []


def test_seen_before_fills_in_by_itself_once_the_article_is_matched(
    page, live_server, newsroom, watch
):
    from claims import services

    editor = newsroom.editor
    earlier = submit(EARLIER, editor, title="Bridge to the capital")
    article = services.article_ingest_text(
        text=IN_KM, submitted_by=editor, title="Officials on the new bridge"
    ).article
    services.article_extract(article_id=article.pk)  # its matching task has not run yet
    claim = article.claims.get()

    log_in(page, live_server.url, "edna")
    page.goto(f"{live_server.url}/articles/{article.pk}/?claim={claim.pk}")
    panel = page.locator("#panel")
    expect(panel.get_by_role("status")).to_have_text("Looking for earlier claims…")

    services.articles_match_pending(article_id=article.pk)

    # No reload: the panel asks again every 2 s while it is looking.
    expect(panel.locator(".match", has_text=earlier.claims.get().text)).to_be_visible(
        timeout=10_000
    )
    expect(panel.get_by_text("Looking for earlier claims…")).to_have_count(0)
    assert watch.dialogs == [] and not_from_screenshots(watch.errors) == []
