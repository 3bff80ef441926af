"""Four eyes on corrections: one person proposes, another approves, both are on record.

Before, `verdict_correct` published the change at once, by one person (even the published
verdict's author), and recorded that person as both author and reviewer.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from claims import services, workflow
from claims.models import ClaimState, Verdict
from claims.services.review import PROPOSAL_REPLACED, correction_approve, correction_reject
from claims.services.versions import version_of
from claims.workflow import Move, TransitionError
from tests.factories import scale_label

pytestmark = pytest.mark.django_db

S = ClaimState
PROPOSER_REFUSED = "the proposer of a correction cannot approve it; another reviewer must"


def _propose(people, claim, who="author_reviewer", note="The census says 130."):
    return services.verdict_correct(
        actor=people[who], claim_id=claim.pk, rating=scale_label(2), rationale="Revised.", note=note
    )


def test_a_proposed_correction_waits_and_the_published_verdict_stays(people, claim_in):
    claim = claim_in(S.PUBLISHED)
    published = claim.verdicts.get()
    proposal = _propose(people, claim)
    assert workflow.current_verdict(claim) == published
    assert (proposal.is_current, proposal.published_at, proposal.reviewer) == (False, None, None)
    assert proposal.supersedes == published
    assert workflow.pending_correction(claim) == proposal


def test_the_author_of_the_published_verdict_cannot_correct_it_alone(people, claim_in):
    claim = claim_in(S.PUBLISHED)  # its verdict was written by author_reviewer
    _propose(people, claim, who="author_reviewer")
    with pytest.raises(TransitionError) as refused:
        correction_approve(actor=people["author_reviewer"], claim_id=claim.pk)
    assert str(refused.value) == f"Cannot approve correction claim {claim.pk}: {PROPOSER_REFUSED}"
    assert workflow.current_verdict(claim).correction_note == ""


@pytest.mark.parametrize("who", ["reviewer", "superuser"])
def test_no_one_approves_their_own_correction_not_even_a_superuser(who, people, claim_in):
    claim = claim_in(S.PUBLISHED)
    _propose(people, claim, who=who)
    assert workflow.refusal(people[who], Move.APPROVE_CORRECTION, claim) == PROPOSER_REFUSED
    with pytest.raises(TransitionError, match="proposer of a correction cannot approve it"):
        correction_approve(actor=people[who], claim_id=claim.pk)


def test_an_approved_correction_keeps_its_proposer_as_author_and_its_approver_as_reviewer(
    people, claim_in
):
    claim = claim_in(S.PUBLISHED)
    old = claim.verdicts.get()
    _propose(people, claim, who="author_reviewer")
    corrected = correction_approve(actor=people["reviewer"], claim_id=claim.pk)
    old.refresh_from_db()
    assert (corrected.author, corrected.reviewer) == (people["author_reviewer"], people["reviewer"])
    assert (corrected.is_current, corrected.supersedes, old.is_current) == (True, old, False)
    assert corrected.published_at is not None
    assert workflow.current_verdict(claim) == corrected
    assert workflow.pending_correction(claim) is None
    assert Verdict.objects.filter(claim=claim).count() == 2


def test_one_proposal_at_a_time(people, claim_in):
    claim = claim_in(S.PUBLISHED)
    _propose(people, claim)
    with pytest.raises(TransitionError, match="a correction is already waiting for approval"):
        _propose(people, claim, who="reviewer")


def test_approving_or_rejecting_without_a_proposal_is_refused(people, claim_in):
    claim = claim_in(S.PUBLISHED)
    with pytest.raises(TransitionError, match="no correction has been proposed"):
        correction_approve(actor=people["reviewer"], claim_id=claim.pk)
    with pytest.raises(TransitionError, match="no correction has been proposed"):
        correction_reject(actor=people["reviewer"], claim_id=claim.pk)


def test_a_rejected_correction_leaves_the_verdict_and_makes_room_for_another(people, claim_in):
    claim = claim_in(S.PUBLISHED)
    published = claim.verdicts.get()
    proposal = _propose(people, claim)
    correction_reject(actor=people["reviewer"], claim_id=claim.pk, reason="The census is 2011.")
    assert workflow.current_verdict(claim) == published
    assert not Verdict.objects.filter(pk=proposal.pk).exists()
    gone = Verdict.history.filter(id=proposal.pk).latest()
    assert (gone.history_type, gone.history_user) == ("-", people["reviewer"])
    assert (
        claim.history.latest().history_change_reason == "correction rejected: The census is 2011."
    )
    _propose(people, claim, who="reviewer", note="Second try.")


def test_the_proposer_may_withdraw_their_own_correction(people, claim_in):
    claim = claim_in(S.PUBLISHED)
    _propose(people, claim, who="reviewer")
    correction_reject(actor=people["reviewer"], claim_id=claim.pk)
    assert workflow.pending_correction(claim) is None


def test_the_claims_history_shows_who_proposed_and_who_approved(people, claim_in):
    claim = claim_in(S.PUBLISHED)
    _propose(people, claim, who="author_reviewer")
    correction_approve(actor=people["reviewer"], claim_id=claim.pk)
    records = list(claim.history.order_by("-history_date", "-history_id")[:2])
    assert [(r.history_user.username, r.history_change_reason) for r in records] == [
        ("reviewer", "correction approved"),
        ("author_reviewer", "correction proposed"),
    ]


# --- the admin obeys the same rule ----------------------------------------------------------


def _action(client, action, claim):
    data = {"action": action, "_selected_action": [claim.pk]}
    response = client.post(reverse("admin:claims_claim_changelist"), data, follow=True)
    if action == "approve_correction":  # first a page showing the proposals; then confirm
        response = client.post(
            reverse("admin:claims_claim_changelist"), _confirmation(response), follow=True
        )
    return [str(m) for m in get_messages(response.wsgi_request)]


def _confirmation(page):
    """The hidden inputs of the admin's confirmation page, as its button posts them."""
    data: dict[str, list[str]] = {}
    for name, value in HIDDEN.findall(page.content.decode()):
        data.setdefault(name, []).append(value)
    return data


HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')


def test_the_admin_shows_each_correction_before_approving_it(client, people, claim_in):
    claim = claim_in(S.PUBLISHED)
    _propose(people, claim, note="New census")
    client.force_login(people["reviewer"])
    data = {"action": "approve_correction", "_selected_action": [claim.pk]}
    page = client.post(reverse("admin:claims_claim_changelist"), data)
    text = page.content.decode()
    assert page.status_code == 200 and "Approve these corrections?" in text
    assert "2 – Mostly false" in text and "Revised." in text and "New census" in text
    assert people["author_reviewer"].get_username() in text
    assert workflow.pending_correction(claim) is not None  # nothing approved yet


def test_the_admin_refuses_a_correction_replaced_after_it_was_shown(client, people, claim_in):
    claim = claim_in(S.PUBLISHED)
    _propose(people, claim, note="Seen")
    client.force_login(people["reviewer"])
    data = {"action": "approve_correction", "_selected_action": [claim.pk]}
    shown = client.post(reverse("admin:claims_claim_changelist"), data)
    correction_reject(actor=people["author_reviewer"], claim_id=claim.pk)
    _propose(people, claim, note="Never seen")
    response = client.post(
        reverse("admin:claims_claim_changelist"), _confirmation(shown), follow=True
    )
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"Refused for claim {claim.pk}: {PROPOSAL_REPLACED}."
    ]
    assert workflow.pending_correction(claim).correction_note == "Never seen"
    assert workflow.current_verdict(claim).correction_note == ""


def test_a_correction_made_in_the_admin_waits_for_another_reviewer(client, people, claim_in):
    claim = claim_in(S.PUBLISHED)
    old = claim.verdicts.get()
    client.force_login(people["author_reviewer"])
    url = reverse("admin:claims_verdict_change", args=[old.pk])
    data = {
        "rating": scale_label(2).pk,
        "rationale": "The census says 130.",
        "correction_note": "New census",
        "version": version_of(old),  # as read on the change page
    }
    response = client.post(url, data, follow=True)
    assert response.redirect_chain[0][1] == 302
    assert (
        "Correction proposed. It is published once another reviewer approves it "
        "(Claims: “Approve the proposed correction”)."
    ) in [str(m) for m in get_messages(response.wsgi_request)]
    assert workflow.current_verdict(claim) == old
    assert _action(client, "approve_correction", claim) == [
        f"Refused for claim {claim.pk}: {PROPOSER_REFUSED}."
    ]
    assert workflow.current_verdict(claim) == old
    client.force_login(people["reviewer"])
    assert _action(client, "approve_correction", claim) == ["Correction approved: 1 claim."]
    current = workflow.current_verdict(claim)
    assert (current.supersedes, current.correction_note) == (old, "New census")
    assert (current.author, current.reviewer) == (people["author_reviewer"], people["reviewer"])


def test_a_correction_can_be_rejected_in_the_admin(client, people, claim_in):
    claim = claim_in(S.PUBLISHED)
    _propose(people, claim)
    client.force_login(people["reviewer"])
    assert _action(client, "reject_correction", claim) == ["Correction rejected: 1 claim."]
    assert workflow.pending_correction(claim) is None


# --- every published verdict names two people, whoever they are ----------------------------

SENIORS = ("reviewer", "author_reviewer", "superuser")


@pytest.mark.parametrize("approver", SENIORS)
@pytest.mark.parametrize("proposer", SENIORS)
def test_a_correction_is_published_only_by_someone_other_than_its_proposer(
    proposer, approver, people, claim_in
):
    claim = claim_in(S.PUBLISHED)
    published = claim.verdicts.get()
    _propose(people, claim, who=proposer)
    if proposer == approver:
        with pytest.raises(TransitionError, match=PROPOSER_REFUSED):
            correction_approve(actor=people[approver], claim_id=claim.pk)
        assert workflow.current_verdict(claim) == published
        return
    live = correction_approve(actor=people[approver], claim_id=claim.pk)
    assert (live.author, live.reviewer) == (people[proposer], people[approver])
    assert live.author != live.reviewer


@pytest.mark.parametrize("publisher", SENIORS)
@pytest.mark.parametrize("author", SENIORS)
def test_a_verdict_is_published_only_by_someone_other_than_its_author(
    author, publisher, people, claim_in
):
    claim = claim_in(S.IN_PROGRESS)
    services.verdict_propose(
        actor=people[author], claim_id=claim.pk, rating=scale_label(4), rationale="R."
    )
    if author == publisher:
        with pytest.raises(TransitionError, match="the author of a verdict cannot approve it"):
            services.claim_publish(actor=people[publisher], claim_id=claim.pk)
        assert workflow.current_verdict(claim).published_at is None
        return
    live = services.claim_publish(actor=people[publisher], claim_id=claim.pk)
    assert (live.author, live.reviewer) == (people[author], people[publisher])


def test_the_reviewer_who_published_a_verdict_cannot_change_its_rating_alone(people, claim_in):
    """`reviewer` published author_reviewer's verdict; a correction they propose waits for
    someone else, and the live verdict keeps its rating meanwhile."""
    claim = claim_in(S.PUBLISHED)
    assert workflow.current_verdict(claim).reviewer == people["reviewer"]
    _propose(people, claim, who="reviewer")
    with pytest.raises(TransitionError, match=PROPOSER_REFUSED):
        correction_approve(actor=people["reviewer"], claim_id=claim.pk)
    assert workflow.current_verdict(claim).rating_value != 2
    live = correction_approve(actor=people["author_reviewer"], claim_id=claim.pk)
    assert (live.rating_value, live.author, live.reviewer) == (
        2,
        people["reviewer"],
        people["author_reviewer"],
    )


def test_a_superuser_cannot_approve_their_own_correction_in_the_admin(client, people, claim_in):
    claim = claim_in(S.PUBLISHED)
    old = claim.verdicts.get()
    boss = people["superuser"]
    client.force_login(boss)
    url = reverse("admin:claims_verdict_change", args=[old.pk])
    data = {
        "rating": scale_label(1).pk,
        "rationale": "Wrong.",
        "correction_note": "Re-measured",
        "version": version_of(old),
    }
    client.post(url, data, follow=True)
    assert workflow.pending_correction(claim).author == boss
    assert _action(client, "approve_correction", claim) == [
        f"Refused for claim {claim.pk}: {PROPOSER_REFUSED}."
    ]
    assert workflow.current_verdict(claim) == old
