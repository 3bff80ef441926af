"""A reader reports an error from a fact-check's page (issue 14, reader error reports): the
form sits under the fact-check, the honeypot is out of sight and out of the tab order, a form
sent too fast comes back with the reader's text and a clear message, and the report then lands
in the reviewers' queue with a notification while the reader reads the acknowledgement."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from claims.models import ClaimState, ErrorReport, Notification
from tests.browser.helpers import PHONE, not_from_screenshots, screenshot
from tests.factories import ClaimFactory, PublishedVerdictFactory, SourceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MESSAGE = "The lake covers 120 square miles by the 2021 survey, but your source is from 1998."


def _shoot(page, name: str, locator) -> None:
    """The form at desktop width, then at a phone's (390 px), scrolled into view each time."""
    locator.scroll_into_view_if_needed()
    screenshot(page, name)
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    try:
        locator.scroll_into_view_if_needed()
        screenshot(page, f"{name}-phone")
    finally:
        if size:
            page.set_viewport_size(size)


def test_a_reader_reports_an_error_in_a_fact_check(page, live_server, newsroom, watch, settings):
    base = live_server.url
    claim = ClaimFactory(state=ClaimState.PUBLISHED)
    SourceFactory(claim=claim, title="Lake survey 2021")
    PublishedVerdictFactory(claim=claim, author=newsroom.editor, reviewer=newsroom.reviewer)

    page.goto(f"{base}/checks/{claim.pk}/")
    page.get_by_role("link", name="Spotted an error? Tell us.").click()
    section = page.locator("#report-error")
    expect(
        section.get_by_role("heading", name="Report an error in this fact-check")
    ).to_be_visible()
    # The honeypot: neither a screen reader nor the keyboard reaches it.
    expect(page.get_by_role("textbox", name="Leave this field empty")).to_have_count(0)
    page.get_by_label("What is wrong?").fill(MESSAGE)
    page.get_by_label("Your name (optional)").fill("Ada Reader")
    page.get_by_label("Your email address (optional)").focus()
    page.keyboard.type("ada@example.net")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Send the report")).to_be_focused()
    _shoot(page, "report-error-form", section)

    # Sent faster than the form allows: refused, with the text kept and the reason said.
    settings.REPORT_MIN_FILL_SECONDS = 600
    page.get_by_role("button", name="Send the report").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("That was sent faster than anyone can write a report")
    expect(page.get_by_label("What is wrong?")).to_have_value(MESSAGE)
    expect(page.get_by_label("Your name (optional)")).to_have_value("Ada Reader")
    _shoot(page, "report-error-refused", page.locator("#report-error"))
    assert not ErrorReport.objects.exists()

    # Sent again (the refused form carries a new start time): taken and acknowledged.
    settings.REPORT_MIN_FILL_SECONDS = 0
    page.get_by_role("button", name="Send the report").click()
    expect(
        page.get_by_role("heading", name="Thank you — we have received your report")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="What happens next")).to_be_visible()
    report = ErrorReport.objects.get()
    assert (report.claim_id, report.message, report.status) == (
        claim.pk,
        MESSAGE,
        "correction_requested",
    )
    assert list(Notification.objects.values_list("recipient__username", flat=True)) == ["rita"]
    # The browser logs the refused send's 400 as an error of its own: that one is expected.
    refused = "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    assert watch.dialogs == [] and not_from_screenshots(watch.errors) == [refused]
