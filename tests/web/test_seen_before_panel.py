"""Seen before in the claim panel: the earlier claims a claim was matched with, their verdicts
and the machine's reason, and what an editor does with them (same claim, not the same,
propose the earlier verdict), with htmx and without JavaScript, never over a decision made
since the page was read."""

from __future__ import annotations

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import services
from claims.models import ClaimMatch, ClaimState, MatchStatus
from claims.services.versions import version_of
from tests.factories import ArticleFactory, ClaimFactory, EditorFactory, UserFactory
from tests.matching.builders import (
    EARLIER,
    HEADLINE,
    OTHER_FIGURE,
    SAME_FIGURE,
    match_row,
    publish,
    submit,
    the_match,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("match_index")]

HTMX = {"HTTP_HX_REQUEST": "true"}
STALE = "This claim match was changed after you opened it; your change was not saved."


@pytest.fixture
def checked_before(editor, reviewer):
    """The earlier claim, published as "False"."""
    return publish(submit(EARLIER, editor, title="Bridge story"), editor, reviewer)


@pytest.fixture
def same(editor, checked_before) -> ClaimMatch:
    """A claim stating the same figure in other words (about 108 km for 67 miles)."""
    return the_match(submit(SAME_FIGURE, editor))


@pytest.fixture
def other(editor, checked_before) -> ClaimMatch:
    """A claim in the same words with another figure (76 miles)."""
    return the_match(submit(OTHER_FIGURE, editor))


def _panel(client, claim) -> str:
    response = client.get(reverse("web:claim", args=[claim.pk]), **HTMX)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def _post(client, match, action, *, version=None, htmx=True):
    version = version_of(match) if version is None else version
    url = reverse("web:match", args=[match.claim_id, match.pk, action])
    return client.post(url, {"version": version}, **(HTMX if htmx else {}))


def _text(response) -> str:
    return html.unescape(response.content.decode())


# --- what the panel shows --------------------------------------------------------------------


def test_the_panel_shows_the_earlier_claim_its_verdict_and_the_reason_as_stored(
    client, editor, same, checked_before
):
    client.force_login(editor)
    page = _panel(client, same.claim)

    assert 'id="seen-before"' in page
    assert f'<a href="{checked_before.get_absolute_url()}">“{checked_before.text}”</a>' in page
    assert 'class="rating rating-badge' in page and ">False</strong>" in page
    assert f'<a href="/checks/{checked_before.pk}/">{HEADLINE}</a>' in page
    assert f'<span class="label">Reason:</span> {same.reason}</p>' in page
    assert same.reason.startswith("text ") and "same figure: " in same.reason
    assert "In <a href=" in page and "Bridge story" in page
    shown = "Linked automatically" if same.decision == "linked" else "Suggested by the machine"
    assert f"{shown} · waiting for an editor" in page
    for button in ("Same claim", "Not the same", "Propose this verdict"):
        assert f">{button}<span" in page
    assert "Another figure" not in page


def test_without_javascript_the_article_page_shows_seen_before(client, editor, same):
    client.force_login(editor)
    page = _text(client.get(same.claim.get_absolute_url()))
    assert 'id="seen-before"' in page and same.reason in page


def test_another_figure_is_a_warning_and_offers_no_verdict(client, editor, other):
    client.force_login(editor)
    page = _panel(client, other.claim)

    assert other.figures_differ
    assert '<li class="match match-open match-differs">' in page
    assert '<p class="match-warning">' in page
    assert "<strong>Another figure: " in page
    assert "Not the same claim as it stands: its verdict does not carry over." in page
    assert ">Propose this verdict<" not in page
    assert ">Same claim<span" in page and ">Not the same<span" in page


def test_a_claim_matched_with_nothing_says_so(client, editor, checked_before):
    client.force_login(editor)
    page = _panel(client, checked_before)
    assert "Not seen before: no earlier claim matches this one." in page
    assert "Looking for earlier claims" not in page


def test_a_claim_whose_article_is_not_matched_yet_says_it_is_looking(client, editor):
    client.force_login(editor)
    article = services.article_ingest_text(text=EARLIER, submitted_by=editor).article
    services.article_extract(article_id=article.pk)  # the match task has not run yet
    page = _panel(client, article.claims.get())
    assert "Looking for earlier claims…" in page
    assert "Not seen before" not in page


def test_the_panel_runs_as_many_queries_for_five_matches_as_for_one(client, editor):
    client.force_login(editor)
    claim = ClaimFactory(article=ArticleFactory())
    url = reverse("web:claim", args=[claim.pk])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, **HTMX).status_code == 200
        return len(queries)

    match_row(claim, ClaimFactory(state=ClaimState.PUBLISHED))
    one = count()
    for _ in range(4):
        match_row(claim, ClaimFactory(), status=MatchStatus.REJECTED, decided_by=editor)
    assert count() == one


# --- what an editor does with a match ----------------------------------------------------------


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "no-javascript"])
def test_an_editor_says_same_claim_then_not_the_same(client, editor, same, htmx):
    client.force_login(editor)

    response = _post(client, same, "confirm", htmx=htmx)
    if htmx:
        assert response.status_code == 200 and response["HX-Trigger"] == "claim-changed"
        page = _text(response)
    else:
        assert response.status_code == 302
        assert response["Location"] == same.claim.get_absolute_url()
        page = _text(client.get(response["Location"]))
    assert "Marked as the same claim." in page
    assert "<strong>confirmed</strong> the same claim by edna" in page
    assert ">Same claim<span" not in page  # done; "Not the same" undoes it
    same.refresh_from_db()
    assert (same.status, same.decided_by) == (MatchStatus.CONFIRMED, editor)

    page = _text(_post(client, same, "reject", htmx=htmx))
    if not htmx:
        page = _text(client.get(same.claim.get_absolute_url()))
    assert "Marked as not the same claim." in page
    assert "<strong>rejected</strong>: not the same claim by edna" in page
    same.refresh_from_db()
    assert same.status == MatchStatus.REJECTED


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "no-javascript"])
def test_propose_this_verdict_sends_the_claim_to_review_in_one_step(
    client, editor, same, checked_before, htmx
):
    client.force_login(editor)
    response = _post(client, same, "propose-verdict", htmx=htmx)
    assert response.status_code == (200 if htmx else 302)
    page = _text(response if htmx else client.get(response["Location"]))

    assert "The earlier verdict is proposed for this claim" in page
    claim = same.claim
    claim.refresh_from_db()
    assert (claim.state, claim.assignee) == (ClaimState.IN_REVIEW, editor)
    verdict = claim.verdicts.get()
    assert (verdict.rating_name, verdict.headline, verdict.published_at) == (
        "False",
        HEADLINE,
        None,
    )
    assert claim.sources.get().url.endswith(f"/checks/{checked_before.pk}/")
    assert "In review" in page and ">Propose this verdict<" not in page
    same.refresh_from_db()
    assert same.status == MatchStatus.CONFIRMED


def test_a_verdict_that_does_not_carry_over_is_refused_in_the_panel(client, editor, other):
    client.force_login(editor)
    page = _text(_post(client, other, "propose-verdict"))

    assert '<p class="error" role="alert"' in page
    assert "Not done: the earlier claim states another figure, place or period" in page
    other.claim.refresh_from_db()
    assert other.claim.state == ClaimState.NEW and not other.claim.sources.exists()
    other.refresh_from_db()
    assert other.status == MatchStatus.OPEN  # nothing of the step was kept


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "no-javascript"])
def test_a_decision_made_since_the_page_was_read_is_not_overwritten(
    client, editor, reviewer, same, htmx
):
    client.force_login(editor)
    read = version_of(same)
    services.match_decide(actor=reviewer, match_id=same.pk, confirm=False)

    response = _post(client, same, "propose-verdict", version=read, htmx=htmx)

    assert response.status_code == (200 if htmx else 400)
    page = _text(response)
    assert STALE in page
    assert "rita decided it is not the same claim." in page
    same.refresh_from_db()
    assert (same.status, same.decided_by) == (MatchStatus.REJECTED, reviewer)
    same.claim.refresh_from_db()
    assert same.claim.state == ClaimState.NEW
    # The panel shows the match as it is now: deciding again, knowingly, goes through.
    assert "<strong>rejected</strong>: not the same claim by rita" in page
    _post(client, same, "confirm")
    same.refresh_from_db()
    assert (same.status, same.decided_by) == (MatchStatus.CONFIRMED, editor)


def test_a_match_matched_again_since_the_page_was_read_is_refused_too(client, editor, same):
    client.force_login(editor)
    read = version_of(same)
    services.article_match(article_id=same.claim.article_id)  # a re-extraction, say

    page = _text(_post(client, same, "confirm", version=read))

    assert STALE in page and "The machine matched the two claims again" in page
    same.refresh_from_db()
    assert same.status == MatchStatus.OPEN


def test_a_form_without_a_version_is_refused(client, editor, same):
    client.force_login(editor)
    page = _text(_post(client, same, "confirm", version=""))
    assert "Not done: the form did not say which version of the claim match you read" in page
    same.refresh_from_db()
    assert same.status == MatchStatus.OPEN


# --- who may ---------------------------------------------------------------------------------


def test_an_outsider_gets_403_and_changes_nothing(client, outsider, same):
    client.force_login(outsider)
    for action in ("confirm", "reject", "propose-verdict"):
        assert _post(client, same, action).status_code == 403
    same.refresh_from_db()
    assert same.status == MatchStatus.OPEN


def test_another_editors_claim_shows_no_buttons_and_refuses_a_post(client, editor, same):
    services.claim_start(actor=editor, claim_id=same.claim_id)  # edna's now
    other_editor = EditorFactory(username="otto")
    client.force_login(other_editor)

    page = _panel(client, same.claim)
    assert same.reason in page and ">Same claim<" not in page

    page = _text(_post(client, same, "confirm"))
    assert "Not done: it is assigned to someone else." in page
    same.refresh_from_db()
    assert same.status == MatchStatus.OPEN


def test_a_match_of_another_claim_or_an_unknown_action_is_404(client, editor, same):
    client.force_login(editor)
    url = reverse("web:match", args=[same.earlier_id, same.pk, "confirm"])
    assert client.post(url, {"version": version_of(same)}).status_code == 404
    url = reverse("web:match", args=[same.claim_id, same.pk, "merge"])
    assert client.post(url, {"version": version_of(same)}).status_code == 404
    url = reverse("web:match", args=[same.claim_id, same.pk, "confirm"])
    assert client.get(url).status_code == 405


def test_while_its_article_is_matched_the_panel_asks_for_seen_before_again_until_it_is_done(
    client, editor, checked_before
):
    client.force_login(editor)
    article = services.article_ingest_text(text=SAME_FIGURE, submitted_by=editor).article
    services.article_extract(article_id=article.pk)  # the match task has not run yet
    claim = article.claims.get()
    url = reverse("web:seen_before", args=[claim.pk])
    assert f'hx-get="{url}" hx-trigger="load delay:2s"' in _panel(client, claim)

    response = client.get(url, **HTMX)
    assert response.status_code == 200
    assert "Looking for earlier claims…" in response.content.decode()

    services.articles_match_pending(article_id=article.pk)
    part = html.unescape(client.get(url, **HTMX).content.decode())
    assert "Looking for earlier claims" not in part and "hx-get" not in part.split("<form")[0]
    assert f"“{checked_before.text}”" in part
    assert ">Same claim<span" in part  # the editor can decide from the part as from the panel


def test_seen_before_alone_is_for_the_newsroom_and_for_claims_that_exist(client, editor):
    claim = ClaimFactory(article=ArticleFactory())
    url = reverse("web:seen_before", args=[claim.pk])
    assert client.get(url, **HTMX).status_code == 302  # to the sign-in page
    client.force_login(UserFactory())
    assert client.get(url, **HTMX).status_code == 403  # signed in, outside the newsroom
    client.force_login(editor)
    assert client.get(reverse("web:seen_before", args=[claim.pk + 1000]), **HTMX).status_code == 404
