"""Every move × every state × every role, through the services (which ask workflow.py).

The expectations below are the table in claims/workflow.py's docstring, written out again by
hand so that a change to the rules has to change both.
"""

from __future__ import annotations

from typing import Any

import pytest

from claims import services, workflow
from claims.models import Claim, ClaimState, Source, Verdict
from claims.services.review import correction_approve, correction_reject
from claims.workflow import Move, TransitionError
from tests.factories import scale_label
from tests.workflow.conftest import ROLES

pytestmark = pytest.mark.django_db

S = ClaimState
EDITING = {"editor", "reviewer", "author_reviewer", "superuser"}  # the assignee, or seniors
SENIOR = {"reviewer", "author_reviewer", "superuser"}

ALLOWED: dict[tuple[Move, str], set[str]] = {
    (Move.ASSIGN, S.NEW): EDITING,
    (Move.ASSIGN, S.IN_PROGRESS): EDITING,
    (Move.ASSIGN, S.IN_REVIEW): SENIOR,
    (Move.START, S.NEW): EDITING,
    (Move.PROPOSE, S.IN_PROGRESS): EDITING,
    (Move.PUBLISH, S.IN_REVIEW): {"reviewer", "superuser"},  # never the verdict's author
    (Move.SEND_BACK, S.IN_REVIEW): SENIOR,
    (Move.DISMISS, S.NEW): EDITING,
    (Move.DISMISS, S.IN_PROGRESS): EDITING,
    (Move.DISMISS, S.IN_REVIEW): SENIOR,
    (Move.DISMISS, S.PUBLISHED): SENIOR,
    (Move.CORRECT, S.PUBLISHED): SENIOR,
    # A correction proposed by author_reviewer (see NEEDS_A_PROPOSAL): never its proposer.
    (Move.APPROVE_CORRECTION, S.PUBLISHED): {"reviewer", "superuser"},
    (Move.REJECT_CORRECTION, S.PUBLISHED): SENIOR,
    (Move.EDIT_SOURCES, S.NEW): EDITING,
    (Move.EDIT_SOURCES, S.IN_PROGRESS): EDITING,
    (Move.EDIT_SOURCES, S.IN_REVIEW): SENIOR,
    (Move.EDIT_SOURCES, S.PUBLISHED): SENIOR,
}

TARGET = {
    Move.START: S.IN_PROGRESS,
    Move.PROPOSE: S.IN_REVIEW,
    Move.PUBLISH: S.PUBLISHED,
    Move.SEND_BACK: S.IN_PROGRESS,
    Move.DISMISS: S.DISMISSED,
    Move.CORRECT: S.PUBLISHED,
    Move.APPROVE_CORRECTION: S.PUBLISHED,
    Move.REJECT_CORRECTION: S.PUBLISHED,
}
NEEDS_A_PROPOSAL = {Move.APPROVE_CORRECTION, Move.REJECT_CORRECTION}


def _make_move(move: Move, actor: Any, claim: Claim) -> None:
    """The service call for a move, with valid inputs (so only role and state can refuse)."""
    calls = {
        Move.ASSIGN: lambda: services.claim_assign(actor=actor, claim_id=claim.pk, assignee=actor),
        Move.START: lambda: services.claim_start(actor=actor, claim_id=claim.pk),
        Move.PROPOSE: lambda: services.verdict_propose(
            actor=actor, claim_id=claim.pk, rating=scale_label(2), rationale="The survey says 130."
        ),
        Move.PUBLISH: lambda: services.claim_publish(actor=actor, claim_id=claim.pk),
        Move.SEND_BACK: lambda: services.claim_send_back(
            actor=actor, claim_id=claim.pk, comment="Add the survey's own table."
        ),
        Move.DISMISS: lambda: services.claim_dismiss(actor=actor, claim_id=claim.pk),
        Move.CORRECT: lambda: services.verdict_correct(
            actor=actor,
            claim_id=claim.pk,
            rating=scale_label(3),
            rationale="Revised.",
            note="Typo fixed.",
        ),
        Move.APPROVE_CORRECTION: lambda: correction_approve(actor=actor, claim_id=claim.pk),
        Move.REJECT_CORRECTION: lambda: correction_reject(actor=actor, claim_id=claim.pk),
        Move.EDIT_SOURCES: lambda: services.source_add(
            actor=actor, claim_id=claim.pk, title="Census", url="https://example.org/census"
        ),
    }
    calls[move]()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", S.values)
@pytest.mark.parametrize("move", list(Move))
def test_each_move_is_allowed_exactly_for_the_roles_of_the_table(
    move, state, role, people, claim_in
):
    claim = claim_in(state)
    if move in NEEDS_A_PROPOSAL and state == S.PUBLISHED:
        services.verdict_correct(
            actor=people["author_reviewer"],
            claim_id=claim.pk,
            rating=scale_label(3),
            rationale="R",
            note="N",
        )
    actor = people[role]
    allowed = role in ALLOWED.get((move, state), set())
    assert workflow.can(actor, move, claim, **_valid_context(move, actor)) is allowed
    if allowed:
        _make_move(move, actor, claim)
        claim.refresh_from_db()
        assert claim.state == TARGET.get(move, state)
    else:
        with pytest.raises(TransitionError):
            _make_move(move, actor, claim)
        claim.refresh_from_db()
        assert claim.state == state


def _valid_context(move: Move, actor: Any) -> dict[str, Any]:
    return {
        Move.ASSIGN: {"assignee": actor},
        Move.PROPOSE: {"rationale": "x"},
        Move.SEND_BACK: {"comment": "x"},
        Move.CORRECT: {"rationale": "x", "note": "x"},
    }.get(move, {})


def test_every_pair_of_the_table_is_a_real_move_and_state():
    assert {m for m, _ in ALLOWED} == set(Move)
    for move, state in ALLOWED:
        assert state in workflow.RULES[move].sources


# --- the guards ------------------------------------------------------------------------------


def test_a_proposal_without_a_rationale_is_refused(people, claim_in):
    claim = claim_in(S.IN_PROGRESS)
    with pytest.raises(TransitionError, match="needs a rationale"):
        services.verdict_propose(
            actor=people["editor"], claim_id=claim.pk, rating=scale_label(1), rationale=" "
        )


def test_a_proposal_without_a_source_is_refused(people, claim_in):
    claim = claim_in(S.IN_PROGRESS)
    claim.sources.all().delete()
    with pytest.raises(TransitionError, match="at least one source"):
        services.verdict_propose(
            actor=people["editor"], claim_id=claim.pk, rating=scale_label(1), rationale="x"
        )


def test_an_editor_may_not_propose_on_an_unassigned_claim_but_a_reviewer_may(people, claim_in):
    claim = claim_in(S.IN_PROGRESS)
    Claim.objects.filter(pk=claim.pk).update(assignee=None)
    with pytest.raises(TransitionError, match="only its assignee"):
        services.verdict_propose(
            actor=people["editor"], claim_id=claim.pk, rating=scale_label(1), rationale="x"
        )
    services.verdict_propose(
        actor=people["reviewer"], claim_id=claim.pk, rating=scale_label(1), rationale="x"
    )


def test_publishing_records_the_reviewer_and_the_time(people, claim_in):
    claim = claim_in(S.IN_REVIEW)
    verdict = services.claim_publish(actor=people["reviewer"], claim_id=claim.pk)
    assert verdict.reviewer == people["reviewer"]
    assert verdict.published_at is not None


def test_the_author_of_a_verdict_cannot_publish_it_even_as_superuser(people, claim_in):
    claim = claim_in(S.IN_PROGRESS)
    boss = people["superuser"]
    services.verdict_propose(
        actor=boss, claim_id=claim.pk, rating=scale_label(4), rationale="Checked."
    )
    with pytest.raises(TransitionError, match="author of a verdict cannot approve it"):
        services.claim_publish(actor=boss, claim_id=claim.pk)


def test_publishing_a_claim_in_review_without_a_verdict_is_refused(people, claim_in):
    claim = claim_in(S.IN_PROGRESS)
    Claim.objects.filter(pk=claim.pk).update(state=S.IN_REVIEW)
    with pytest.raises(TransitionError, match="no proposed verdict"):
        services.claim_publish(actor=people["reviewer"], claim_id=claim.pk)


def test_sending_back_needs_a_comment_and_keeps_it_for_the_editor(people, claim_in):
    claim = claim_in(S.IN_REVIEW)
    with pytest.raises(TransitionError, match="comment"):
        services.claim_send_back(actor=people["reviewer"], claim_id=claim.pk, comment="")
    services.claim_send_back(actor=people["reviewer"], claim_id=claim.pk, comment="Which year?")
    claim.refresh_from_db()
    assert (claim.state, claim.review_comment) == (S.IN_PROGRESS, "Which year?")


def test_a_proposal_after_a_send_back_revises_the_same_draft(people, claim_in):
    claim = claim_in(S.IN_REVIEW)
    services.claim_send_back(actor=people["reviewer"], claim_id=claim.pk, comment="Which year?")
    services.verdict_propose(
        actor=people["editor"], claim_id=claim.pk, rating=scale_label(1), rationale="2021"
    )
    claim.refresh_from_db()
    assert claim.review_comment == ""
    assert list(claim.verdicts.values_list("rating_value", "author__username")) == [(1, "editor")]


def test_a_correction_needs_a_note(people, claim_in):
    claim = claim_in(S.PUBLISHED)
    with pytest.raises(TransitionError, match="correction needs a note"):
        services.verdict_correct(
            actor=people["reviewer"],
            claim_id=claim.pk,
            rating=scale_label(1),
            rationale="x",
            note="",
        )


def test_a_correction_keeps_the_old_verdict_and_supersedes_it(people, claim_in):
    claim = claim_in(S.PUBLISHED)
    old = claim.verdicts.get()
    services.verdict_correct(
        actor=people["reviewer"],
        claim_id=claim.pk,
        rating=scale_label(2),
        rationale="New data.",
        note="Fixed",
    )
    new = correction_approve(actor=people["superuser"], claim_id=claim.pk)
    old.refresh_from_db()
    assert old.is_current is False
    assert (new.supersedes, new.correction_note, new.is_current) == (old, "Fixed", True)
    assert Verdict.objects.filter(claim=claim).count() == 2


def test_the_last_source_of_a_claim_in_review_cannot_be_removed(people, claim_in):
    claim = claim_in(S.IN_REVIEW)
    only = claim.sources.get()
    with pytest.raises(TransitionError, match="keep at least one source"):
        services.source_remove(actor=people["reviewer"], source_id=only.pk)
    services.source_add(actor=people["reviewer"], claim_id=claim.pk, title="Second")
    services.source_remove(actor=people["reviewer"], source_id=only.pk)
    assert list(Source.objects.filter(claim=claim).values_list("title", flat=True)) == ["Second"]


def test_an_editor_may_edit_and_remove_sources_of_their_claim(people, claim_in):
    claim = claim_in(S.IN_PROGRESS)
    source = claim.sources.get()
    services.source_update(actor=people["editor"], source_id=source.pk, title="Renamed")
    with pytest.raises(TransitionError):
        services.source_update(actor=people["other_editor"], source_id=source.pk, title="No")
    services.source_remove(actor=people["editor"], source_id=source.pk)
    assert not claim.sources.exists()


def test_editors_may_assign_only_to_themselves(people, claim_in):
    claim = claim_in(S.NEW)
    with pytest.raises(TransitionError, match="only to themselves"):
        services.claim_assign(
            actor=people["editor"], claim_id=claim.pk, assignee=people["other_editor"]
        )
    services.claim_assign(
        actor=people["reviewer"], claim_id=claim.pk, assignee=people["other_editor"]
    )
    claim.refresh_from_db()
    assert claim.assignee == people["other_editor"]


def test_a_claim_cannot_be_assigned_to_someone_outside_the_newsroom(people, claim_in):
    from tests.factories import UserFactory

    claim = claim_in(S.NEW)
    with pytest.raises(TransitionError, match="not an active editor or reviewer"):
        services.claim_assign(actor=people["reviewer"], claim_id=claim.pk, assignee=UserFactory())


def test_starting_an_unassigned_claim_assigns_it_to_whoever_starts(people, claim_in):
    claim = claim_in(S.NEW)
    Claim.objects.filter(pk=claim.pk).update(assignee=None)
    services.claim_start(actor=people["other_editor"], claim_id=claim.pk)
    claim.refresh_from_db()
    assert claim.assignee == people["other_editor"]


def test_an_inactive_reviewer_may_do_nothing(people, claim_in):
    claim = claim_in(S.IN_REVIEW)
    reviewer = people["reviewer"]
    reviewer.is_active = False
    reviewer.save()
    assert workflow.refusal(reviewer, Move.PUBLISH, claim) == (
        "you are not signed in as an editor, a reviewer or a superuser"
    )


def test_the_refusal_says_which_move_which_claim_and_why(people, claim_in):
    claim = claim_in(S.IN_REVIEW)
    with pytest.raises(TransitionError) as caught:
        services.claim_publish(actor=people["editor"], claim_id=claim.pk)
    assert str(caught.value) == (
        f"Cannot publish claim {claim.pk}: only reviewers and superusers may do that"
    )


def test_a_dismissed_claim_stays_dismissed(people, claim_in):
    claim = claim_in(S.DISMISSED)
    assert workflow.refusal(people["superuser"], Move.START, claim) == "it is dismissed"
