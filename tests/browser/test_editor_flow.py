"""An editor checks the seed article's "30 miles" claim; a reviewer publishes it; the public
page shows it with its ClaimReview. Screenshots of the three pages go to
tests/artifacts/screenshots/ (docs/screenshots/, the README's, with UPDATE_SCREENSHOTS=1)."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from claims import services
from claims.models import Article, Claim, ExtractionState
from tests.browser.helpers import log_in, log_out, screenshot
from tests.factories import ArticleFactory
from tests.paths import SEED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_checks_the_30_miles_claim_and_a_reviewer_publishes_it(
    page, live_server, newsroom, eager_celery, watch
):
    base = live_server.url
    log_in(page, base, "edna")

    # Submit the seed article by pasting it; extraction finishes and the claims appear.
    page.get_by_role("link", name="Submit", exact=True).click()
    page.get_by_label("Paste the article").fill(SEED.read_text())
    page.get_by_role("button", name="Submit").click()
    expect(page.locator(".status .state")).to_have_text("Done")
    expect(page.get_by_text("Article received; extraction has started.")).to_be_visible()
    article = Article.objects.get()
    assert article.extraction_state == ExtractionState.DONE

    # Open the "30 miles" claim from the highlighted text: the panel comes in place (htmx).
    miles = article.claims.get(kind="length", text__contains="30 miles")
    highlight = page.locator(f"#c{miles.pk}")
    expect(highlight).to_have_class(re.compile(r"\bkind-length\b.*\bworst-inconsistent\b"))
    highlight.click()
    panel = page.locator("#panel")
    expect(panel.get_by_role("heading", name=f"“{miles.text}”")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"\?claim={miles.pk}$"))

    # The gazetteer finding and the normalised values.
    finding = panel.locator(".finding-inconsistent")
    expect(finding).to_contain_text("Geography")
    expect(finding).to_contain_text("61 km (38 mi), bearing 24° (NNE)")
    expect(panel.locator(".quantities")).to_contain_text("48.28 km")

    # Take the claim, add a source with a reference value, propose a verdict.
    panel.get_by_role("button", name="Start work").click()
    expect(panel.locator(".notice")).to_have_text("Work started; the claim is yours.")
    panel.get_by_text("Add a source").click()
    panel.get_by_label("URL").fill("https://www.geonames.org/706524/kupjansk.html")
    panel.get_by_label("Title").fill("GeoNames: Kupiansk")
    panel.get_by_label("Publisher").fill("GeoNames")
    panel.get_by_label("Quote").fill("Kupiansk, Kharkiv Oblast: 49.71° N, 37.61° E")
    panel.get_by_label("Reference value").fill("61")
    panel.get_by_label("Unit").fill("km")
    panel.get_by_role("button", name="Add source").click()
    expect(panel.locator(".notice")).to_have_text("Source added.")
    expect(panel.locator(".sources")).to_contain_text("Reference value: 61 km")
    # The source's reference value is checked against the claim at once.
    expect(panel.locator(".finding", has_text="Reference")).to_contain_text("GeoNames: Kupiansk")

    panel.get_by_label("Rating").select_option(label="2 – Mostly false")
    panel.get_by_label("Headline").fill("The figure is wrong")
    panel.get_by_label("The claim, in a sentence").fill("The figure in the article.")
    panel.get_by_label("Rationale").fill(
        "Kupyansk is 61 km (38 miles) from Izium in a straight line; "
        "“some 30 miles” understates it by a fifth."
    )
    panel.get_by_role("button", name="Propose verdict").click()
    expect(panel.locator(".notice")).to_have_text("Verdict proposed for review.")
    expect(panel.locator(".badge.state-in_review").first).to_be_visible()
    # The list beside the text follows the change (the panel's write triggers a refresh).
    expect(page.locator(".claim-list li", has_text="30 miles")).to_contain_text("In review")
    highlight.scroll_into_view_if_needed()
    screenshot(page, "article-claim-panel")

    page.get_by_role("link", name="Dashboard").click()
    expect(page.locator("#mine + ul")).to_contain_text("30 miles")
    screenshot(page, "dashboard")
    log_out(page)

    # The reviewer publishes it from the same panel, reached by its plain URL.
    log_in(page, base, "rita")
    page.goto(f"{base}/articles/{article.pk}/?claim={miles.pk}")
    page.locator("#panel").get_by_role("button", name="Publish").click()
    expect(page.locator("#panel .notice")).to_have_text("Published.")
    miles.refresh_from_db()
    assert miles.state == "published"
    log_out(page)

    # The public page, signed out: the claim in its sentence, the verdict, the JSON-LD.
    page.goto(f"{base}/checks/{miles.pk}/")
    expect(page.get_by_role("heading", name=f"“{miles.text}”")).to_be_visible()
    expect(page.locator("blockquote.sentence mark")).to_have_text(miles.text)
    expect(page.locator(".verdict .rating")).to_have_text("Mostly false")
    expect(page.locator(".sources")).to_contain_text("GeoNames: Kupiansk")
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["@type"] == "ClaimReview"
    assert data["reviewRating"]["ratingValue"] == 2
    assert data["itemReviewed"]["author"]["name"] == "CNN"
    assert data["itemReviewed"]["datePublished"] == "2022-09-14"
    assert data["url"] == f"{base}/checks/{miles.pk}/"
    screenshot(page, "public-fact-check")

    assert watch.dialogs == []
    assert watch.errors == []


def test_dashboard_progress_updates_live_until_extraction_is_done(
    page, live_server, newsroom, watch
):
    article = ArticleFactory(title="Floods", extraction_state=ExtractionState.QUEUED)
    log_in(page, live_server.url, "edna")
    navigations: list[str] = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))
    row = page.locator("#article-rows tr", has_text="Floods")
    expect(row).to_contain_text("Queued")
    expect(row.locator("progress")).to_be_visible()

    services.article_extract(article_id=article.pk)  # what the worker would do

    expect(row).to_contain_text("Done", timeout=10_000)
    expect(row.locator("progress")).to_have_count(0)
    assert Claim.objects.filter(article=article).count() > 0
    expect(row.locator("td").nth(3)).not_to_have_text("0")
    assert navigations == [], "the table updated in place, without reloading the page"
    # Polling stops once nothing is extracting: the table no longer asks for updates.
    expect(page.locator("#article-rows")).not_to_have_attribute("hx-trigger", re.compile("."))
    assert watch.errors == []
