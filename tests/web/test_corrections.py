"""Corrections in the editors' web UI: proposed by one reviewer, approved by another.

Before, the form published the correction at once, and a correction sent without a note
came back inside a collapsed <details>, so its "This field is required." was hidden.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from claims import services, workflow
from claims.models import ClaimState
from claims.services.review import correction_reject
from tests.factories import ReviewerFactory, SuperuserFactory, scale_label, verdict_form
from tests.web.reading import as_read

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def correction() -> dict[str, str]:
    return {
        **verdict_form(1, "correct"),
        "correct-rationale": "Plainly wrong.",
        "correct-note": "Map.",
    }


OPEN_FORM = re.compile(r'<details class="correction" open>\s*<summary>Propose a correction')
REFUSED = "Not done: the proposer of a correction cannot approve it; another reviewer must."


@pytest.fixture
def published(editor, reviewer, miles_claim):
    services.claim_start(actor=editor, claim_id=miles_claim.pk)
    services.source_add(actor=editor, claim_id=miles_claim.pk, title="Map", url="https://x.org")
    services.verdict_propose(
        actor=editor, claim_id=miles_claim.pk, rating=scale_label(2), rationale="Far."
    )
    services.claim_publish(actor=reviewer, claim_id=miles_claim.pk)
    return miles_claim


@pytest.fixture
def second_reviewer(db):
    return ReviewerFactory(username="ravi")


def _post(client, name, args, data=None, htmx=True):
    data = {**as_read(name, args[0]), **(data or {})}  # as a person who has just read the panel
    return client.post(reverse(name, args=args), data, **(HTMX if htmx else {}))


def _shown_proposal(client, claim):
    """The proposal id the approve button of the panel sends, as the approver sees it now."""
    page = client.get(reverse("web:claim", args=[claim.pk]), **HTMX).content.decode()
    found = re.search(r'<input type="hidden" name="proposal" value="(\d+)">', page)
    return {"proposal": found.group(1)} if found else {}


def _approve(client, claim, seen=None, htmx=True):
    data = _shown_proposal(client, claim) if seen is None else seen
    return _post(client, "web:move", [claim.pk, "approve_correction"], data, htmx=htmx)


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "no-javascript"])
def test_a_correction_without_a_note_shows_the_error_in_an_open_form(
    client, reviewer, published, htmx
):
    client.force_login(reviewer)
    data = {**correction(), "correct-note": ""}
    response = _post(client, "web:verdict_correct", [published.pk], data, htmx=htmx)
    assert response.status_code == (200 if htmx else 400)
    page = response.content.decode()
    assert OPEN_FORM.search(page), "the correction form must stay open to show its error"
    form = page[page.index('<details class="correction"') :]
    form = form[: form.index("</details>")]
    assert "This field is required." in form
    assert workflow.pending_correction(published) is None


def test_a_correction_proposed_in_the_panel_waits_for_another_reviewer(
    client, reviewer, second_reviewer, published
):
    client.force_login(reviewer)
    page = _post(client, "web:verdict_correct", [published.pk], correction()).content.decode()
    assert "Correction proposed; another reviewer must approve it before it is published." in page
    assert "Correction waiting for approval:" in page and "proposed by rita" in page
    assert "Approve correction</button>" not in page  # not for its proposer
    assert workflow.current_verdict(published).rating_value == 2
    public = client.get(reverse("web:public_check", args=[published.pk])).content.decode()
    assert "Map." not in public  # nothing public until approved

    page = _approve(client, published).content.decode()
    assert REFUSED in page
    assert workflow.current_verdict(published).rating_value == 2

    client.force_login(second_reviewer)
    page = _approve(client, published).content.decode()
    assert "Correction approved and published." in page
    current = workflow.current_verdict(published)
    assert (current.rating_value, current.author, current.reviewer) == (
        1,
        reviewer,
        second_reviewer,
    )
    assert "by rita, approved by ravi" in page
    assert "ravi · correction approved → Published" in page
    assert "rita · correction proposed → Published" in page
    public = client.get(reverse("web:public_check", args=[published.pk])).content.decode()
    assert "Map." in public


def test_approving_a_proposal_that_was_replaced_since_the_page_was_read_is_refused(
    client, reviewer, second_reviewer, published
):
    """Rita proposes P1, Ravi opens the panel, Rita withdraws P1 and proposes P2: Ravi's
    click on the button he saw next to P1 must not publish P2."""
    services.verdict_correct(
        actor=reviewer, claim_id=published.pk, rating=scale_label(1), rationale="seen", note="n"
    )
    client.force_login(second_reviewer)
    seen = _shown_proposal(client, published)
    assert seen, "the approve button must say which proposal it approves"
    correction_reject(actor=reviewer, claim_id=published.pk)
    services.verdict_correct(
        actor=reviewer,
        claim_id=published.pk,
        rating=scale_label(5),
        rationale="different",
        note="n2",
    )
    page = _approve(client, published, seen=seen).content.decode()
    assert (
        "Not done: the correction you were shown was withdrawn and another one is waiting "
        "now; read the new one before approving it." in page
    )
    assert workflow.current_verdict(published).rating_value == 2
    assert workflow.pending_correction(published).rationale == "different"

    page = _approve(client, published).content.decode()  # after reading the new one
    assert "Correction approved and published." in page
    assert workflow.current_verdict(published).rationale == "different"


def test_an_approval_that_does_not_say_which_proposal_is_refused(
    client, reviewer, second_reviewer, published
):
    services.verdict_correct(
        actor=reviewer, claim_id=published.pk, rating=scale_label(1), rationale="x", note="y"
    )
    client.force_login(second_reviewer)
    page = _approve(client, published, seen={}).content.decode()
    assert "Not done: the form did not say which correction you approve; reload the page." in page
    assert workflow.current_verdict(published).rating_value == 2


def test_a_superuser_cannot_approve_their_own_correction_in_the_panel(client, published):
    boss = SuperuserFactory(username="boss")
    client.force_login(boss)
    _post(client, "web:verdict_correct", [published.pk], correction())
    page = _approve(client, published).content.decode()
    assert REFUSED in page
    assert workflow.current_verdict(published).rating_value == 2


def test_a_reviewer_rejects_a_proposed_correction(client, reviewer, second_reviewer, published):
    client.force_login(reviewer)
    _post(client, "web:verdict_correct", [published.pk], correction())
    client.force_login(second_reviewer)
    page = _post(client, "web:move", [published.pk, "reject_correction"]).content.decode()
    assert "Correction rejected; the verdict stands." in page
    assert "Correction waiting for approval:" not in page
    assert workflow.pending_correction(published) is None


def test_an_editor_neither_proposes_nor_approves_corrections(client, editor, reviewer, published):
    client.force_login(editor)
    page = _post(client, "web:verdict_correct", [published.pk], correction()).content.decode()
    assert "Not done: only reviewers and superusers may do that." in page
    assert workflow.pending_correction(published) is None
    services.verdict_correct(
        actor=reviewer, claim_id=published.pk, rating=scale_label(1), rationale="x", note="y"
    )
    page = _approve(client, published).content.decode()
    assert "Not done: only reviewers and superusers may do that." in page
    published.refresh_from_db()
    assert published.state == ClaimState.PUBLISHED
    assert workflow.current_verdict(published).rating_value == 2


def test_anonymous_visitors_are_sent_to_the_login_page(client, published):
    response = _approve(client, published, seen={}, htmx=False)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
