"""No lost edits in the claim panel: every write carries the version of the row it was read at.

Before, two tabs (or two editors) editing one source both saw "Source saved." and the last
save won; a reviewer could publish a verdict revised after they opened the panel. Now a stale
write is refused with what changed since, next to the form, and what was typed is kept.
"""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from claims import services, workflow
from claims.models import ClaimState, Source
from claims.services.versions import version_of
from tests.factories import ClaimFactory, ReviewerFactory, scale_label, verdict_form
from tests.matching.builders import match_row
from tests.web.reading import as_read

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
CHANGED = "was changed after you opened it; your change was not saved."
KEPT = "Or save again now: what you typed is kept below, and saving it replaces those changes."


def _post(client, name, pk, data, htmx=True):
    return client.post(reverse(name, args=pk), data, **(HTMX if htmx else {}))


def _text(response) -> str:
    return html.unescape(response.content.decode())


def _form(page: str, action: str) -> str:
    """The <form> that posts to `action`, as the page shows it."""
    start = page.index(f'action="{action}"')
    return page[start : page.index("</form>", start)]


@pytest.fixture
def in_progress(editor, miles_claim):
    services.claim_start(actor=editor, claim_id=miles_claim.pk)
    services.source_add(actor=editor, claim_id=miles_claim.pk, title="A", url="https://a.org")
    miles_claim.refresh_from_db()
    return miles_claim


@pytest.fixture
def in_review(editor, in_progress):
    services.verdict_propose(
        actor=editor, claim_id=in_progress.pk, rating=scale_label(2), rationale="Far."
    )
    in_progress.refresh_from_db()
    return in_progress


def _edit(title: str, version: str) -> dict[str, str]:
    return {"edit-title": title, "edit-url": "https://a.org", "edit-version": version}


# --- a source edited in two tabs --------------------------------------------------------------


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "no-javascript"])
def test_the_second_of_two_tabs_saving_one_source_is_refused_with_the_change(
    client, editor, in_progress, htmx
):
    client.force_login(editor)
    source = Source.objects.get(claim=in_progress)
    both_tabs_read = version_of(source)
    action = reverse("web:source_edit", args=[source.pk])

    first = _post(client, "web:source_edit", [source.pk], _edit("B", both_tabs_read), htmx=htmx)
    assert first.status_code == (200 if htmx else 302)
    if not htmx:
        assert "Source saved." in _text(client.get(first["Location"]))  # the first tab

    second = _post(client, "web:source_edit", [source.pk], _edit("C", both_tabs_read), htmx=htmx)
    assert second.status_code == (200 if htmx else 400)
    page = _text(second)
    form = _form(page, action)
    assert f"This source {CHANGED}" in form  # next to the form, not somewhere else
    assert "edna changed title from “A” to “B”." in form
    assert KEPT in form
    assert 'name="edit-title" value="C"' in form, "what the second tab typed is kept"
    assert "Source saved." not in page
    source.refresh_from_db()
    assert source.title == "B"


def test_after_the_refusal_a_second_save_made_knowingly_goes_through(client, editor, in_progress):
    client.force_login(editor)
    source = Source.objects.get(claim=in_progress)
    read = version_of(source)
    _post(client, "web:source_edit", [source.pk], _edit("B", read))
    page = _text(_post(client, "web:source_edit", [source.pk], _edit("C", read)))
    shown = re.search(r'name="edit-version" value="([^"]+)"', page).group(1)
    source.refresh_from_db()
    assert shown == version_of(source), "the refused form carries the source as it is now"
    page = _text(_post(client, "web:source_edit", [source.pk], _edit("C", shown)))
    assert "Source saved." in page
    source.refresh_from_db()
    assert source.title == "C"


def test_the_refusal_is_focused_and_the_panel_title_is_not(client, editor, in_progress):
    client.force_login(editor)
    source = Source.objects.get(claim=in_progress)
    read = version_of(source)
    _post(client, "web:source_edit", [source.pk], _edit("B", read))
    page = _text(_post(client, "web:source_edit", [source.pk], _edit("C", read)))
    form = _form(page, reverse("web:source_edit", args=[source.pk]))
    assert re.search(r'<div class="error" role="alert" tabindex="-1" autofocus>', form)
    assert page.count("autofocus") == 1
    assert '<h2 id="panel-title" tabindex="-1">' in page


def test_removing_a_source_edited_since_it_was_read_is_refused(client, editor, in_progress):
    client.force_login(editor)
    source = Source.objects.get(claim=in_progress)
    read = version_of(source)
    services.source_update(actor=ReviewerFactory(username="ravi"), source_id=source.pk, title="B")
    page = _text(_post(client, "web:source_remove", [source.pk], {"version": read}))
    assert f"This source {CHANGED}" in page
    assert "ravi changed title from “A” to “B”." in page
    assert Source.objects.filter(pk=source.pk).exists()


# --- the claim's version: verdicts and every move ---------------------------------------------


def test_a_verdict_proposed_on_a_claim_changed_since_is_refused_and_the_rationale_kept(
    client, editor, reviewer, in_progress
):
    client.force_login(editor)
    read = version_of(in_progress)
    services.source_add(actor=reviewer, claim_id=in_progress.pk, title="Atlas")
    data = {
        **verdict_form(2),
        "verdict-rationale": "Kupyansk is 38 miles away.",
        "verdict-version": read,
    }
    page = _text(_post(client, "web:verdict_propose", [in_progress.pk], data))
    form = _form(page, reverse("web:verdict_propose", args=[in_progress.pk]))
    assert f"This claim {CHANGED}" in form
    assert "rita added the source “Atlas”." in form
    assert "Kupyansk is 38 miles away.</textarea>" in form
    assert f'<option value="{scale_label(2).pk}" selected>' in form
    in_progress.refresh_from_db()
    assert in_progress.state == ClaimState.IN_PROGRESS


def test_publishing_a_verdict_revised_after_the_panel_was_read_is_refused(
    client, editor, reviewer, in_review
):
    """Rita opens the panel on "Far."; Ravi sends it back, Edna revises it to "True": Rita's
    click on Publish must not publish a verdict she has not seen."""
    ravi = ReviewerFactory(username="ravi")
    client.force_login(reviewer)
    read = as_read("web:move", in_review.pk)
    services.claim_send_back(actor=ravi, claim_id=in_review.pk, comment="Which map?")
    services.verdict_propose(
        actor=editor, claim_id=in_review.pk, rating=scale_label(5), rationale="Close."
    )

    page = _text(_post(client, "web:move", [in_review.pk, "publish"], read))
    assert f"This claim {CHANGED}" in page
    assert (
        "ravi Which map?: changed review comment from “” to “Which map?”, "
        "state from “In review” to “In progress”." in page
    )
    assert (
        "edna propose: changed review comment from “Which map?” to “”, "
        "state from “In progress” to “In review”." in page
    )
    in_review.refresh_from_db()
    assert in_review.state == ClaimState.IN_REVIEW
    assert workflow.current_verdict(in_review).published_at is None
    assert "Close." in page  # the panel shows the revised verdict to read before publishing

    page = _text(
        _post(client, "web:move", [in_review.pk, "publish"], as_read("web:move", in_review.pk))
    )
    assert "Published." in page


def test_publishing_after_someone_else_changed_a_source_is_refused(
    client, editor, reviewer, in_review
):
    client.force_login(reviewer)
    read = as_read("web:move", in_review.pk)
    source = Source.objects.get(claim=in_review)
    ravi = ReviewerFactory(username="ravi")
    services.source_update(actor=ravi, source_id=source.pk, reference_value=1, reference_unit="km")
    page = _text(_post(client, "web:move", [in_review.pk, "publish"], read))
    assert f"This claim {CHANGED}" in page
    assert "ravi edited the source “A”." in page
    in_review.refresh_from_db()
    assert in_review.state == ClaimState.IN_REVIEW


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "no-javascript"])
def test_sending_back_a_claim_changed_since_is_refused_and_the_comment_kept(
    client, reviewer, in_review, htmx
):
    client.force_login(reviewer)
    read = version_of(in_review)
    services.source_add(
        actor=ReviewerFactory(username="ravi"), claim_id=in_review.pk, title="Atlas"
    )
    data = {"back-comment": "Which map did you use?", "back-version": read}
    response = _post(client, "web:send_back", [in_review.pk], data, htmx=htmx)
    assert response.status_code == (200 if htmx else 400)
    form = _form(_text(response), reverse("web:send_back", args=[in_review.pk]))
    assert f"This claim {CHANGED}" in form and "ravi added the source “Atlas”." in form
    assert "Which map did you use?</textarea>" in form
    in_review.refresh_from_db()
    assert in_review.state == ClaimState.IN_REVIEW


def test_approving_a_correction_on_a_claim_changed_since_is_refused(
    client, editor, reviewer, in_review
):
    ravi = ReviewerFactory(username="ravi")
    services.claim_publish(actor=reviewer, claim_id=in_review.pk)
    services.verdict_correct(
        actor=reviewer,
        claim_id=in_review.pk,
        rating=scale_label(1),
        rationale="Wrong.",
        note="Map.",
    )
    client.force_login(ravi)
    pending = workflow.pending_correction(in_review)
    read = {**as_read("web:move", in_review.pk), "proposal": pending.pk}
    source = Source.objects.get(claim=in_review)
    services.source_update(actor=reviewer, source_id=source.pk, quote="A new quote.")
    page = _text(_post(client, "web:move", [in_review.pk, "approve_correction"], read))
    assert f"This claim {CHANGED}" in page and "rita edited the source “A”." in page
    assert workflow.current_verdict(in_review).rating_value == 2
    assert workflow.pending_correction(in_review) == pending


@pytest.mark.parametrize("move", ["start", "assign", "dismiss"])
def test_a_move_button_from_a_stale_panel_is_refused(client, editor, reviewer, miles_claim, move):
    client.force_login(editor)
    read = as_read("web:move", miles_claim.pk)
    services.source_add(actor=reviewer, claim_id=miles_claim.pk, title="Atlas")
    page = _text(_post(client, "web:move", [miles_claim.pk, move], read))
    assert f"This claim {CHANGED}" in page
    assert '<p class="error" role="alert" tabindex="-1" autofocus>' in page
    miles_claim.refresh_from_db()
    assert (miles_claim.state, miles_claim.assignee) == (ClaimState.NEW, None)


def test_assigning_from_a_stale_panel_is_refused(client, editor, reviewer, miles_claim):
    client.force_login(reviewer)
    read = version_of(miles_claim)
    services.claim_start(actor=editor, claim_id=miles_claim.pk)
    data = {"assign-assignee": reviewer.get_username(), "assign-version": read}
    page = _text(_post(client, "web:assign", [miles_claim.pk], data))
    assert f"This claim {CHANGED}" in page and "edna start" in page
    miles_claim.refresh_from_db()
    assert miles_claim.assignee == editor


# --- a form without a version ------------------------------------------------------------------

NO_VERSION = "Not done: the form did not say which version of the {} you read"


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "no-javascript"])
def test_a_form_without_a_version_is_refused_with_a_message_to_reload(
    client, editor, in_progress, htmx
):
    client.force_login(editor)
    source = Source.objects.get(claim=in_progress)
    page = _text(_post(client, "web:source_edit", [source.pk], _edit("B", ""), htmx=htmx))
    assert NO_VERSION.format("source") in page
    assert "check it, then make your change again." in page
    data = {**verdict_form(2), "verdict-rationale": "Far."}
    page = _text(_post(client, "web:verdict_propose", [in_progress.pk], data, htmx=htmx))
    assert NO_VERSION.format("claim") in page
    page = _text(_post(client, "web:move", [in_progress.pk, "dismiss"], {}, htmx=htmx))
    assert NO_VERSION.format("claim") in page
    page = _text(_post(client, "web:source_remove", [source.pk], {}, htmx=htmx))
    assert NO_VERSION.format("source") in page
    source.refresh_from_db()
    in_progress.refresh_from_db()
    assert (source.title, in_progress.state) == ("A", ClaimState.IN_PROGRESS)


def test_every_write_of_the_panel_carries_a_version(client, editor, reviewer, in_review):
    """Each form of the panel that changes a row has its hidden version, as read now."""
    client.force_login(reviewer)
    source = Source.objects.get(claim=in_review)
    match = match_row(in_review, ClaimFactory())  # Seen before: its buttons carry its version
    panel = client.get(
        reverse("web:claim", args=[in_review.pk]), {"edit_source": source.pk}, **HTMX
    )
    page = _text(panel)
    claim_v, source_v = version_of(in_review), version_of(source)
    forms = re.findall(r'<form method="post" action="([^"]+)".*?</form>', page, re.S)
    assert forms and any("/matches/" in action for action in forms)
    for action in forms:
        form = _form(page, action)
        if action == reverse("web:source_add", args=[in_review.pk]):
            assert "version" not in form  # a new source has no earlier version to lose
        elif "/sources/" in action:
            assert f'version" value="{source_v}"' in form, action
        elif "/matches/" in action:
            assert f'version" value="{version_of(match)}"' in form, action
        else:
            assert f'version" value="{claim_v}"' in form, action


# --- the verdict form chooses no rating for anyone --------------------------------------------


def test_the_verdict_form_has_no_rating_chosen_and_asks_for_one(client, editor, in_progress):
    client.force_login(editor)
    page = _text(client.get(reverse("web:claim", args=[in_progress.pk]), **HTMX))
    form = _form(page, reverse("web:verdict_propose", args=[in_progress.pk]))
    assert re.search(r'<select name="verdict-rating"[^>]*required', form)
    first = re.search(r"<option[^>]*>[^<]*</option>", form).group(0)
    assert first == '<option value="" selected>Choose a rating</option>'
    assert "selected" not in form.replace(first, "")

    data = {"verdict-rationale": "Far.", **as_read("web:verdict_propose", in_progress.pk)}
    page = _text(_post(client, "web:verdict_propose", [in_progress.pk], data))
    form = _form(page, reverse("web:verdict_propose", args=[in_progress.pk]))
    assert "Choose a rating." in form
    assert re.search(r'<select name="verdict-rating"[^>]*aria-invalid="true"', form)
    assert re.search(r'<select name="verdict-rating"[^>]*autofocus', form)
    assert "Far.</textarea>" in form
    in_progress.refresh_from_db()
    assert in_progress.state == ClaimState.IN_PROGRESS


# --- every refused form opens with its first error focused -------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "field"),
    [
        ("web:source_add", {"url": "https://a.org"}, "id_title"),
        ("web:verdict_propose", {"verdict-rating": "rated"}, "id_verdict-rationale"),
        ("web:send_back", {"back-comment": ""}, "id_back-comment"),
    ],
)
def test_a_refused_form_focuses_its_first_invalid_field(
    client, editor, reviewer, in_review, name, data, field
):
    if name == "web:verdict_propose":
        services.claim_send_back(actor=reviewer, claim_id=in_review.pk, comment="Which map?")
        data = verdict_form(2)  # a label's id: read once the database is open
    client.force_login(reviewer)
    page = _text(_post(client, name, [in_review.pk], {**as_read(name, in_review.pk), **data}))
    tag = re.search(rf'<[^>]*id="{field}"[^>]*>', page).group(0)
    assert "autofocus" in tag and 'aria-invalid="true"' in tag
    assert page.count("autofocus") == 1  # the panel's title gives way
    if name == "web:source_add":
        assert '<details class="add-source" open>' in page
