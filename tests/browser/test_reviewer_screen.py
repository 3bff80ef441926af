"""The reviewer's one screen (issue 13): from the admin's claim page, one link to the claim's
newsroom panel, where they publish, send back and correct; and search that finds a claim by a
word of its sentence. Screenshots: the admin claim page with its link, the articles list
(desktop and phone), a search result."""

from __future__ import annotations

import datetime as dt
import importlib
import re
from typing import Any

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from claims import services
from claims.models import Article, Claim, ClaimState, Verdict
from tests.browser.helpers import log_in, screenshot, screenshot_phone
from tests.factories import ArticleFactory, ClaimFactory, ReviewerFactory, scale_label

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STORIES = [
    ("Rail line to Lyman reopens after two years", "Donbas Daily"),
    ("Wildfire near Sloviansk contained", "Donbas Daily"),
    ("Drought cuts the harvest by a third", "Kharkiv Courier"),
]
TEXT = (
    "Izium lies 120 kilometres south of Kharkiv. "
    "The Pechenihy reservoir holds 383 million cubic metres. "
    "The bypass will take 30 days to build."
)


def _claim(article: Any, sentence: str, figure: str, kind: str) -> Claim:
    s = article.text.index(sentence)
    f = article.text.index(figure, s)
    return ClaimFactory(
        article=article,
        sentence_start=s,
        sentence_end=s + len(sentence),
        start=f,
        end=f + len(figure),
        kind=kind,
    )


def _proposed(claim: Claim, editor: Any, rating: int = 2) -> Claim:
    """The editor's work on a claim, through the services: taken, sourced, proposed."""
    services.claim_assign(actor=editor, claim_id=claim.pk, assignee=editor)
    services.claim_start(actor=editor, claim_id=claim.pk)
    services.source_add(actor=editor, claim_id=claim.pk, title="Survey", url="https://x.org/s")
    services.verdict_propose(
        actor=editor,
        claim_id=claim.pk,
        rating=scale_label(rating),
        rationale="The survey says otherwise.",
    )
    return claim


def _groups_may_use_the_admin() -> None:
    """A transactional test starts from a flushed database: the groups the conftest remakes
    have no permissions, and the admin would refuse the reviewer. Give back the migration's."""
    groups = importlib.import_module("claims.migrations.0003_groups")
    for name, codenames in (
        ("Editors", groups.EDITOR_PERMISSIONS),
        ("Reviewers", groups.REVIEWER_PERMISSIONS),
    ):
        Group.objects.get(name=name).permissions.set(
            Permission.objects.filter(content_type__app_label="claims", codename__in=codenames)
        )


@pytest.fixture
def desk(newsroom) -> dict[str, Claim]:
    _groups_may_use_the_admin()
    article = ArticleFactory(
        raw=TEXT, title="Water levels fall near Izium", publisher="Kharkiv Courier"
    )
    distance = _proposed(
        _claim(article, "Izium lies 120 kilometres south of Kharkiv.", "120 kilometres", "length"),
        newsroom.editor,
    )
    volume = _proposed(
        _claim(
            article,
            "The Pechenihy reservoir holds 383 million cubic metres.",
            "383 million cubic metres",
            "volume",
        ),
        newsroom.editor,
    )
    days = _proposed(
        _claim(article, "The bypass will take 30 days to build.", "30 days", "duration"),
        newsroom.editor,
        rating=4,
    )
    # Published earlier by another reviewer: the one to correct.
    services.claim_publish(actor=ReviewerFactory(username="rex"), claim_id=days.pk)
    return {"distance": distance, "volume": volume, "days": days}


def _admin_has_no_favicon(page: Any) -> None:
    """Django's admin pages name no icon, so the browser asks for /favicon.ico, which is a 404
    (logged as a console error) unless answered here; the newsroom pages name theirs."""
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))


def _open_panel_from_the_admin(page: Any, base: str, claim: Claim) -> Any:
    page.goto(f"{base}/admin/claims/claim/{claim.pk}/change/")
    page.get_by_role(
        "link", name="Open in the newsroom panel (publish, send back, correct)"
    ).click()
    expect(page).to_have_url(re.compile(rf"/articles/{claim.article_id}/\?claim={claim.pk}#panel$"))
    panel = page.locator("#panel")
    expect(panel.get_by_role("heading", name=f"“{claim.text}”")).to_be_visible()
    return panel


def test_a_reviewer_publishes_sends_back_and_corrects_from_one_screen(
    page, live_server, newsroom, desk, watch
):
    base = live_server.url
    _admin_has_no_favicon(page)
    log_in(page, base, "rita")

    # The admin's claim page: one clear link to the panel that has the moves.
    page.goto(f"{base}/admin/claims/claim/{desk['distance'].pk}/change/")
    expect(page.locator(".object-tools")).to_contain_text("Open in the newsroom panel")
    screenshot(page, "admin-claim-panel-link")
    screenshot_phone(page, "admin-claim-panel-link")

    # Publish the first claim (proposed by edna, so rita may).
    panel = _open_panel_from_the_admin(page, base, desk["distance"])
    panel.get_by_role("button", name="Publish").click()
    expect(panel.locator(".badge.state-published").first).to_be_visible()
    # ... and back to the admin from the panel.
    panel.get_by_role("link", name="Open in admin").click()
    expect(page).to_have_url(re.compile(rf"/admin/claims/claim/{desk['distance'].pk}/change/$"))
    expect(page.locator(".field-state")).to_contain_text("Published")

    # Send the second back with a comment.
    panel = _open_panel_from_the_admin(page, base, desk["volume"])
    panel.get_by_label("What is missing").fill("Give the reservoir's design capacity.")
    panel.get_by_role("button", name="Send back").click()
    expect(panel.locator(".badge.state-in_progress").first).to_be_visible()
    expect(panel.locator(".sent-back")).to_contain_text("design capacity")

    # Propose a correction of the published one; it waits for another reviewer.
    panel = _open_panel_from_the_admin(page, base, desk["days"])
    panel.get_by_text("Propose a correction").click()
    form = panel.locator("details.correction form")
    form.get_by_label("Rating").select_option(label="2 – Mostly false")
    form.get_by_label("Headline").fill("The figure is wrong")
    form.get_by_label("The claim, in a sentence").fill("The figure in the article.")
    form.get_by_label("Rationale").fill("The council now says 90 days.")
    form.get_by_label("Correction note").fill("The council revised its schedule.")
    form.get_by_role("button", name="Propose correction").click()
    expect(panel.locator(".pending-correction")).to_contain_text("proposed by rita")

    assert Claim.objects.get(pk=desk["distance"].pk).state == ClaimState.PUBLISHED
    volume = Claim.objects.get(pk=desk["volume"].pk)
    assert volume.state == ClaimState.IN_PROGRESS
    assert volume.review_comment == "Give the reservoir's design capacity."
    proposal = Verdict.objects.get(claim=desk["days"], is_current=False, published_at=None)
    assert (proposal.rating_value, proposal.author.username) == (2, "rita")
    assert watch.errors == [] and watch.dialogs == []


def test_search_finds_a_claim_by_a_word_of_its_sentence(page, live_server, newsroom, desk, watch):
    ArticleFactory(raw="The rail line to Lyman runs 40 miles.", title="Rail line reopens")
    base = live_server.url
    _admin_has_no_favicon(page)
    log_in(page, base, "rita")

    # The claims list: "Pechenihy" is in one sentence only, not in any title.
    page.get_by_role("link", name="Claims", exact=True).click()
    page.get_by_label("Search").fill("Pechenihy")
    page.get_by_label("Search").press("Enter")
    table = page.locator("#claims-table")
    expect(table.locator("p.meta")).to_contain_text("claims")
    rows = table.locator("tbody tr")
    # Every claim of the article matches (the word is in its text); its own claim comes first.
    expect(rows.first).to_contain_text("383 million cubic metres")
    expect(page).to_have_url(re.compile(r"[?&]q=Pechenihy"))
    screenshot(page, "claims-search")
    screenshot_phone(page, "claims-search")

    # The admin's search finds it too, by the town of its sentence.
    page.goto(f"{base}/admin/claims/claim/")
    page.locator("#searchbar").fill("Izium kilometres")
    page.locator("#searchbar").press("Enter")
    expect(page.locator("#result_list tbody tr").first).to_contain_text("120 kilometres")
    assert watch.errors == [] and watch.dialogs == []


def test_the_articles_list_searches_filters_and_links_to_the_claims(
    page, live_server, newsroom, desk, watch
):
    Article.objects.filter(pk=desk["distance"].article_id).update(
        extraction_state="done", dateline=dt.date(2024, 3, 15), submitted_by=newsroom.editor
    )
    Claim.objects.filter(pk=desk["volume"].pk).update(worst_outcome="inconsistent")
    for i, (title, publisher) in enumerate(STORIES):
        ArticleFactory(
            title=title,
            publisher=publisher,
            dateline=dt.date(2024, 4, 2 + i),
            extraction_state="done" if i else "running",
            submitted_by=newsroom.editor if i % 2 else newsroom.reviewer,
        )
    base = live_server.url
    log_in(page, base, "edna")

    page.get_by_role("link", name="Articles", exact=True).click()
    expect(page.get_by_role("heading", name="Articles")).to_be_visible()
    expect(page.locator("#articles-table p.meta")).to_have_text("4 articles")
    screenshot(page, "articles-list")
    screenshot_phone(page, "articles-list")

    # htmx: choosing a filter replaces the table, and the address follows.
    page.get_by_label("Publisher").select_option("Kharkiv Courier")
    expect(page.locator("#articles-table p.meta")).to_have_text("2 articles")
    expect(page).to_have_url(re.compile(r"publisher=Kharkiv(\+|%20)Courier"))
    page.get_by_label("Search").fill("Odesa")
    expect(page.locator("#articles-table")).to_contain_text("No articles match “Odesa”")
    page.get_by_role("link", name="clear the filters").click()
    expect(page.locator("#articles-table p.meta")).to_have_text("4 articles")

    # From a row to its claims, without knowing the article's number.
    row = page.locator("#articles-table tbody tr", has_text="Water levels fall near Izium")
    row.get_by_role("link", name=re.compile(r"^3 claims of")).click()
    expect(page.get_by_role("heading", name="Claims")).to_be_visible()
    expect(page.locator(".notice")).to_contain_text("Only the claims of Water levels fall")
    expect(page.locator("#claims-table p.meta")).to_have_text("3 claims")
    assert watch.errors == [] and watch.dialogs == []
