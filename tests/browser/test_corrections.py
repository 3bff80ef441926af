"""Corrections in the browser: one reviewer proposes, another approves, and a refused
correction shows its error where the reviewer is looking.

Before, a correction sent without a note came back with the focus on the panel's title, which
scrolled the panel to its top: the open form and its "This field is required." sat out of
view, as if nothing had happened."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from claims import services, workflow
from claims.models import Claim
from tests.browser.helpers import (
    PHONE,
    log_in,
    log_out,
    not_from_screenshots,
    screenshot,
)
from tests.factories import ReviewerFactory, scale_label
from tests.paths import SEED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def published(newsroom) -> Claim:
    """The seed article's "30 miles", rated "Mostly false" by Edna and published by Rita."""
    editor, reviewer = newsroom.editor, newsroom.reviewer
    article = services.article_ingest_text(text=SEED.read_text(), submitted_by=editor).article
    services.article_extract(article_id=article.pk)
    claim = article.claims.get(kind="length", text__contains="30 miles")
    services.claim_start(actor=editor, claim_id=claim.pk)
    services.source_add(
        actor=editor, claim_id=claim.pk, title="GeoNames: Kupiansk", url="https://geonames.org"
    )
    services.verdict_propose(
        actor=editor,
        claim_id=claim.pk,
        rating=scale_label(2),
        rationale="Kupyansk is 38 miles away.",
    )
    services.claim_publish(actor=reviewer, claim_id=claim.pk)
    return claim


def _open_panel(page, base, claim):
    page.goto(f"{base}/articles/{claim.article_id}/?claim={claim.pk}")
    panel = page.locator("#panel")
    expect(panel.get_by_role("heading", name=f"“{claim.text}”")).to_be_visible()
    return panel


def _fill_correction(panel, rating: str, rationale: str, note: str) -> None:
    panel.get_by_text("Propose a correction").click()
    panel.get_by_label("Rating").select_option(label=rating)
    panel.get_by_label("Headline").fill("Kupyansk is 38 miles from Izium, not 30")
    panel.get_by_label("The claim, in a sentence").fill("Kupyansk is 30 miles from Izium.")
    panel.get_by_label("Rationale").fill(rationale)
    panel.get_by_label("Correction note").fill(note)


def test_a_correction_needs_a_second_reviewer(page, live_server, published, watch):
    base = live_server.url
    ReviewerFactory(username="ravi")

    # Rita published the verdict; she proposes a correction and cannot approve it herself.
    log_in(page, base, "rita")
    panel = _open_panel(page, base, published)
    _fill_correction(panel, "1 – False", "The gazetteer says 61 km.", "Distance re-measured.")
    panel.get_by_role("button", name="Propose correction").click()
    expect(panel.locator(".notice")).to_have_text(
        "Correction proposed; another reviewer must approve it before it is published."
    )
    waiting = panel.locator(".pending-correction")
    expect(waiting).to_contain_text(
        "Correction waiting for approval: False (1/5), proposed by rita"
    )
    expect(panel.get_by_role("button", name="Approve correction")).to_have_count(0)
    expect(panel.get_by_role("button", name="Reject correction")).to_be_visible()  # withdraw
    page.goto(f"{base}/checks/{published.pk}/")
    expect(page.locator("body")).to_contain_text("Mostly false")
    expect(page.locator("body")).not_to_contain_text("Distance re-measured.")
    log_out(page)

    # Ravi reads it and approves it: the public page shows the new rating and the note.
    log_in(page, base, "ravi")
    panel = _open_panel(page, base, published)
    expect(panel.locator(".pending-correction")).to_contain_text("The gazetteer says 61 km.")
    panel.get_by_role("button", name="Approve correction").click()
    expect(panel.locator(".notice")).to_have_text("Correction approved and published.")
    expect(panel.locator(".verdict").first).to_contain_text("by rita, approved by ravi")
    current = workflow.current_verdict(published)
    assert (current.rating_value, current.author.username, current.reviewer.username) == (
        1,
        "rita",
        "ravi",
    )
    page.goto(f"{base}/checks/{published.pk}/")
    expect(page.locator("body")).to_contain_text("False")
    expect(page.locator("body")).to_contain_text("Distance re-measured.")
    assert watch.dialogs == [] and watch.errors == []


def _in_view(page, locator) -> bool:
    """Whether the element is inside the window and inside the panel's scrolled box."""
    return page.evaluate(
        """(el) => {
            const r = el.getBoundingClientRect(), p = document.getElementById('panel')
                .getBoundingClientRect();
            return r.top >= Math.max(0, p.top) && r.bottom <= Math.min(innerHeight, p.bottom);
        }""",
        locator.element_handle(),
    )


def test_a_correction_without_a_note_shows_its_error_where_the_reviewer_looks(
    page, live_server, published, watch
):
    log_in(page, live_server.url, "rita")
    panel = _open_panel(page, live_server.url, published)
    _fill_correction(panel, "1 – False", "The gazetteer says 61 km.", "")
    panel.get_by_role("button", name="Propose correction").click()

    form = panel.locator("details.correction")
    expect(form).to_have_attribute("open", "")
    note = form.get_by_label("Correction note")
    expect(note).to_be_focused()
    expect(note).to_have_attribute("aria-invalid", "true")
    error = form.locator(".field.invalid .errorlist")
    expect(error).to_have_text("This field is required.")
    assert _in_view(page, error), "the error must be in view, not scrolled away"
    expect(form.get_by_label("Rationale")).to_have_value("The gazetteer says 61 km.")
    expect(form.get_by_label("Rating")).to_have_value(str(scale_label(1).pk))
    assert workflow.pending_correction(published) is None
    screenshot(page, "correction-error")

    # At a phone's width, where the panel comes after the text, the same: in view, focused.
    page.set_viewport_size(PHONE)
    form.get_by_role("button", name="Propose correction").click()
    expect(form.get_by_label("Correction note")).to_be_focused()
    assert _in_view(page, form.locator(".field.invalid .errorlist"))
    screenshot(page, "correction-error-phone")
    assert watch.dialogs == [] and not_from_screenshots(watch.errors) == []


def test_a_correction_without_a_rating_asks_for_one(page, live_server, published):
    log_in(page, live_server.url, "rita")
    panel = _open_panel(page, live_server.url, published)
    panel.get_by_text("Propose a correction").click()
    rating = panel.get_by_label("Rating")
    expect(rating).to_have_value("")  # nothing chosen for the reviewer
    expect(rating.locator("option").first).to_have_text("Choose a rating")
    panel.get_by_label("Headline").fill("Kupyansk is 38 miles from Izium, not 30")
    panel.get_by_label("The claim, in a sentence").fill("Kupyansk is 30 miles from Izium.")
    panel.get_by_label("Rationale").fill("The gazetteer says 61 km.")
    panel.get_by_label("Correction note").fill("Distance re-measured.")
    panel.get_by_role("button", name="Propose correction").click()
    expect(rating).to_be_focused()
    expect(panel.locator("details.correction .field.invalid .errorlist")).to_have_text(
        "Choose a rating."
    )
    assert workflow.pending_correction(published) is None
