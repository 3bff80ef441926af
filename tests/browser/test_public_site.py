"""The public site in the browser: the index with its filters and feeds, a fact-check after a
correction, the methodology; at desktop width and at a phone's (the README's screenshots)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from claims import services
from claims.models import Claim, Organization
from claims.services.review import correction_approve
from tests.browser.helpers import not_from_screenshots, screenshot, screenshot_phone
from tests.factories import ReviewerFactory, scale_label
from tests.paths import SEED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

METHODOLOGY = """\
We check **the numbers** in the news.

## How a check is made

1. The machine reads every figure and checks its arithmetic.
2. An editor finds [sources](https://www.geonames.org/) and proposes a verdict.
3. A second person reviews it before it is published.

<script>alert("never")</script>
"""


MILES = "Kupyansk is 38 miles from Izium, not 30"


def _publish(
    newsroom, claim: Claim, rating: int, wording: tuple[str, str], rationale: str, source: str
) -> None:
    editor, reviewer = newsroom.editor, newsroom.reviewer
    headline, claim_reviewed = wording
    services.claim_start(actor=editor, claim_id=claim.pk)
    services.source_add(actor=editor, claim_id=claim.pk, title=source, url="https://geonames.org")
    services.verdict_propose(
        actor=editor,
        claim_id=claim.pk,
        rating=scale_label(rating),
        headline=headline,
        claim_reviewed=claim_reviewed,
        rationale=rationale,
    )
    services.claim_publish(actor=reviewer, claim_id=claim.pk)


@pytest.fixture
def site(newsroom):
    """The seed article's "30 miles" (corrected after publication) and "8,000 square
    kilometers", published; an organisation that shows names."""
    organization = Organization.current()
    organization.name = "The Numbers Desk"
    organization.contact_email = "desk@numbers.example.org"
    organization.methodology = METHODOLOGY
    organization.show_names = True
    organization.save()
    article = services.article_ingest_text(
        text=SEED.read_text(), submitted_by=newsroom.editor
    ).article
    services.article_extract(article_id=article.pk)
    miles = article.claims.get(kind="length", text__contains="30 miles")
    area = article.claims.get(kind="area", text__contains="8,000")
    _publish(
        newsroom,
        area,
        5,
        ("The Izium area's two figures agree", "The area covers 8,000 km² (3,088 sq mi)."),
        "8,000 km² is 3,088.8 sq mi.",
        "Unit conversion",
    )
    _publish(
        newsroom,
        miles,
        2,
        (MILES, "Kupyansk lies some 30 miles from Izium."),
        "Kupyansk is 38 miles away.",
        "GeoNames: Kupiansk",
    )
    services.verdict_correct(
        actor=newsroom.reviewer,
        claim_id=miles.pk,
        rating=scale_label(1),
        rationale="The gazetteer puts Kupyansk 61 km (38 miles) away: no hedge covers that.",
        note="The verdict was too kind: “some” does not cover a 21 % gap.",
    )
    correction_approve(actor=ReviewerFactory(username="ravi"), claim_id=miles.pk)
    return {"miles": miles, "area": area}


def test_the_index_lists_filters_and_links_its_feeds(page, live_server, site, watch):
    base = live_server.url
    page.goto(f"{base}/checks/")
    expect(page.get_by_role("heading", name="Fact-checks", exact=True)).to_be_visible()
    items = page.locator(".check-item")
    expect(items).to_have_count(2)
    expect(items.first).to_contain_text(MILES)  # the newer publication first
    expect(items.first.locator(".claim-reviewed")).to_have_text(
        "Kupyansk lies some 30 miles from Izium."
    )
    expect(items.first).to_contain_text("Updated")
    expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).to_have_count(1)
    expect(page.get_by_role("navigation", name="Main")).to_have_count(0)
    footer = page.locator("footer.site-footer")
    expect(footer).to_contain_text("The Numbers Desk")
    expect(footer.get_by_role("link", name="Contact")).to_have_attribute(
        "href", "mailto:desk@numbers.example.org"
    )
    screenshot(page, "public-index")
    screenshot_phone(page, "public-index")

    page.get_by_label("Rating").select_option(label="True")
    page.get_by_role("button", name="Filter").click()
    expect(items).to_have_count(1)
    expect(items.first).to_contain_text("The Izium area's two figures agree")
    page.get_by_label("Published from").fill("2099-01-01")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator(".empty")).to_contain_text("No fact-check matches these filters.")

    response = page.request.get(f"{base}/checks/feed/atom/")
    assert response.ok and "<entry>" in response.text()
    assert watch.dialogs == [] and not_from_screenshots(watch.errors) == []


def test_a_fact_check_after_a_correction(page, live_server, site, watch):
    page.goto(f"{live_server.url}/checks/")
    page.get_by_role("link", name=MILES).click()
    # The correction kept the headline and the statement of the claim it corrected.
    expect(page.get_by_role("heading", level=1)).to_have_text(MILES)
    expect(page.locator(".claim-reviewed")).to_have_text("Kupyansk lies some 30 miles from Izium.")
    expect(page.locator(".verdict .rating")).to_have_text("False")
    expect(page.locator(".dates")).to_contain_text("Updated")
    expect(page.locator(".dates")).to_contain_text("By rita, reviewed by ravi")
    corrections = page.locator(".corrections")
    expect(corrections).to_contain_text("does not cover a 21 % gap")
    expect(corrections).to_contain_text("(the verdict was “Mostly false”)")
    numbers = page.locator(".numbers")
    expect(numbers).to_contain_text("How we checked the numbers")
    expect(numbers.locator(".finding")).not_to_have_count(0)
    expect(numbers).not_to_contain_text("Unverifiable")
    screenshot(page, "public-fact-check-corrected")
    screenshot_phone(page, "public-fact-check-corrected")
    assert watch.dialogs == [] and not_from_screenshots(watch.errors) == []


def test_the_methodology_page(page, live_server, site, watch):
    page.goto(f"{live_server.url}/checks/")
    page.locator("footer").get_by_role("link", name="Methodology").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Methodology")
    expect(page.get_by_role("heading", level=2, name="How a check is made")).to_be_visible()
    expect(page.locator(".prose strong")).to_have_text("the numbers")
    expect(page.locator(".prose ol li")).to_have_count(3)
    expect(page.locator(".prose script")).to_have_count(0)
    screenshot(page, "public-methodology")
    screenshot_phone(page, "public-methodology")
    assert watch.dialogs == [] and not_from_screenshots(watch.errors) == []
