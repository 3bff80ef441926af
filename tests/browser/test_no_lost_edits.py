"""No lost edits: two tabs editing one source, the second save is refused with the change.

Before, both tabs said "Source saved." and the last save silently won."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from claims import services
from claims.models import Claim, Source
from tests.browser.helpers import PHONE, log_in, not_from_screenshots, screenshot
from tests.paths import SEED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "GeoNames: Kupiansk"
DESKTOP = {"width": 1280, "height": 860}


@pytest.fixture
def claim_with_source(newsroom) -> Claim:
    editor = newsroom.editor
    article = services.article_ingest_text(text=SEED.read_text(), submitted_by=editor).article
    services.article_extract(article_id=article.pk)
    claim = article.claims.get(kind="length", text__contains="30 miles")
    services.claim_start(actor=editor, claim_id=claim.pk)
    services.source_add(
        actor=editor, claim_id=claim.pk, title=TITLE, url="https://www.geonames.org/706524"
    )
    return claim


def _edit_in_tab(page, base, claim):
    page.goto(f"{base}/articles/{claim.article_id}/?claim={claim.pk}")
    panel = page.locator("#panel")
    panel.get_by_role("link", name=f"Edit “{TITLE}”").click()
    form = _edit_form(panel)
    expect(form.get_by_label("Title")).to_have_value(TITLE)
    return form


def _edit_form(where):
    """The source's edit form (the panel has an "Add a source" form with a Title too)."""
    return where.locator(".sources form.stack")


def test_two_tabs_editing_one_source_the_second_save_is_refused_with_the_change(
    context, live_server, claim_with_source, watch
):
    base = live_server.url
    first = context.new_page()
    log_in(first, base, "edna")
    second = context.new_page()  # the same browser, the same session: a second tab
    watch.attach(first).attach(second)

    one, two = (
        _edit_in_tab(first, base, claim_with_source),
        _edit_in_tab(second, base, claim_with_source),
    )

    one.get_by_label("Title").fill("GeoNames: Kupjansk")
    one.get_by_role("button", name="Save source").click()
    expect(first.locator(".notice")).to_have_text("Source saved.")

    two.get_by_label("Title").fill("GeoNames — Kupiansk, Kharkiv Oblast")
    two.get_by_label("Quote").fill("Kupiansk, 49.71° N, 37.61° E")
    two.get_by_role("button", name="Save source").click()
    refusal = two.locator(".error[role=alert]")
    expect(refusal).to_contain_text("This source was changed after you opened it")
    expect(refusal).to_contain_text(f"edna changed title from “{TITLE}” to “GeoNames: Kupjansk”.")
    expect(refusal).to_be_focused()
    expect(second.locator(".notice")).to_have_count(0)
    # What the second tab typed is still there, not lost.
    expect(two.get_by_label("Title")).to_have_value("GeoNames — Kupiansk, Kharkiv Oblast")
    expect(two.get_by_label("Quote")).to_have_value("Kupiansk, 49.71° N, 37.61° E")
    assert Source.objects.get().title == "GeoNames: Kupjansk"
    screenshot(second, "stale-edit-refused")
    second.set_viewport_size(PHONE)  # the refusal as a phone shows it, scrolled to it
    refusal.scroll_into_view_if_needed()
    screenshot(second, "stale-edit-refused-phone")
    second.set_viewport_size(DESKTOP)

    # Having read what changed, saving again is a choice made knowingly: it goes through.
    two.get_by_role("button", name="Save source").click()
    expect(second.locator(".notice")).to_have_text("Source saved.")
    assert Source.objects.get().title == "GeoNames — Kupiansk, Kharkiv Oblast"
    assert watch.dialogs == [] and not_from_screenshots(watch.errors) == []


def test_without_javascript_the_second_save_is_refused_too(browser, live_server, claim_with_source):
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    try:
        first, second = context.new_page(), context.new_page()
        base = live_server.url
        first.goto(f"{base}/accounts/login/")
        first.get_by_label("Username").fill("edna")
        first.get_by_label("Password").fill("pw-for-tests-only")
        first.get_by_role("button", name="Log in").click()
        source = Source.objects.get()
        claim = claim_with_source
        url = f"{base}/articles/{claim.article_id}/?claim={claim.pk}&edit_source={source.pk}"
        for tab in (first, second):
            tab.goto(url)
            expect(_edit_form(tab).get_by_label("Title")).to_have_value(TITLE)
        _edit_form(first).get_by_label("Title").fill("GeoNames: Kupjansk")
        first.get_by_role("button", name="Save source").click()
        expect(first.get_by_text("Source saved.")).to_be_visible()
        form = _edit_form(second)
        form.get_by_label("Title").fill("Kupiansk (second tab)")
        second.get_by_role("button", name="Save source").click()
        form = _edit_form(second)
        expect(form.locator(".error[role=alert]")).to_contain_text(
            f"edna changed title from “{TITLE}” to “GeoNames: Kupjansk”."
        )
        expect(form.locator(".error[role=alert]")).to_be_focused()
        expect(form.get_by_label("Title")).to_have_value("Kupiansk (second tab)")
        assert Source.objects.get().title == "GeoNames: Kupjansk"
    finally:
        context.close()
