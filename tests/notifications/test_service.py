"""Who is told what, for each move: never the person who made it, the comment carried."""

from __future__ import annotations

import pytest

from claims import services
from claims.models import Notification, NotificationKind
from claims.services.review import correction_approve, correction_reject
from claims.workflow import TransitionError
from tests.factories import scale_label
from tests.notifications.conftest import claim_with_source, in_review, published

pytestmark = pytest.mark.django_db
K = NotificationKind


def told(kind: str | None = None) -> list[tuple[str, str, str, str]]:
    """(recipient, kind, actor, message) of every notification, oldest first."""
    rows = Notification.objects.select_related("recipient", "actor").order_by("id")
    if kind:
        rows = rows.filter(kind=kind)
    return [
        (n.recipient.username, n.kind, n.actor.username if n.actor else "", n.message) for n in rows
    ]


def test_it_tells_the_assignee_but_not_someone_who_takes_the_claim_themselves(people):
    claim = claim_with_source()
    services.claim_assign(actor=people.reviewer, claim_id=claim.pk, assignee=people.editor)
    assert told() == [("edna", K.ASSIGNED, "rita", "")]
    services.claim_assign(actor=people.reviewer, claim_id=claim.pk, assignee=people.editor)
    assert len(told()) == 1, "the same assignee again is no news"
    services.claim_assign(actor=people.reviewer, claim_id=claim.pk, assignee=people.reviewer)
    other = claim_with_source()
    services.claim_start(actor=people.editor, claim_id=other.pk)
    services.claim_assign(actor=people.editor, claim_id=other.pk, assignee=people.editor)
    assert len(told()) == 1, "assigning yourself or starting work tells nobody"


def test_a_refused_move_tells_nobody(people):
    claim = claim_with_source()
    with pytest.raises(TransitionError):
        services.claim_assign(actor=people.editor, claim_id=claim.pk, assignee=people.reviewer)
    assert told() == []


def test_a_send_back_tells_the_editor_with_the_reviewers_comment(people):
    # Over 100 characters: the history's change reason (a varchar(100)) once failed the move.
    claim = in_review(people)
    comment = "Cite the gazetteer entry for Kupyansk, with its coordinates. " * 3
    services.claim_send_back(actor=people.reviewer, claim_id=claim.pk, comment=f"  {comment}  ")
    assert told() == [("edna", K.SENT_BACK, "rita", comment.strip())]


def test_a_send_back_tells_the_author_and_the_assignee_when_they_differ(people):
    claim = in_review(people)
    services.claim_assign(actor=people.reviewer, claim_id=claim.pk, assignee=people.quiet_editor)
    services.claim_send_back(actor=people.reviewer, claim_id=claim.pk, comment="Needs a source.")
    assert sorted(r for r, *_ in told(K.SENT_BACK)) == ["edna", "quinn"]


def test_publishing_tells_the_author_and_the_assignee_not_the_publisher(people):
    claim = in_review(people)
    services.claim_publish(actor=people.reviewer, claim_id=claim.pk)
    assert told(K.PUBLISHED) == [("edna", K.PUBLISHED, "rita", "")]
    other = in_review(people)
    services.claim_assign(actor=people.reviewer, claim_id=other.pk, assignee=people.reviewer)
    services.claim_publish(actor=people.other_reviewer, claim_id=other.pk)
    assert sorted(r for r, *_ in told(K.PUBLISHED)) == ["edna", "edna", "rita"]


def test_a_proposed_correction_tells_every_other_reviewer_and_superuser(people):
    claim = published(people)
    services.verdict_correct(
        actor=people.reviewer,
        claim_id=claim.pk,
        rating=scale_label(3),
        rationale="Newer survey.",
        note="Fixed",
    )
    waiting = told(K.CORRECTION_WAITING)
    assert sorted(r for r, *_ in waiting) == ["rob", "root"], "not the proposer, not editors"
    assert {m for *_, m in waiting} == {"Fixed"}


def test_the_proposer_hears_whether_the_correction_was_approved_or_rejected(people):
    claim = published(people)
    correct = {"rating": scale_label(3), "rationale": "Newer survey.", "note": "Rating changed."}
    services.verdict_correct(actor=people.reviewer, claim_id=claim.pk, **correct)
    correction_reject(actor=people.other_reviewer, claim_id=claim.pk, reason="Old survey holds.")
    assert told(K.CORRECTION_REJECTED) == [
        ("rita", K.CORRECTION_REJECTED, "rob", "Old survey holds.")
    ]
    services.verdict_correct(actor=people.reviewer, claim_id=claim.pk, **correct)
    correction_approve(actor=people.other_reviewer, claim_id=claim.pk)
    assert told(K.CORRECTION_APPROVED) == [("rita", K.CORRECTION_APPROVED, "rob", "")]


def test_withdrawing_your_own_correction_tells_nobody_about_it(people):
    claim = published(people)
    services.verdict_correct(
        actor=people.reviewer, claim_id=claim.pk, rating=scale_label(3), rationale="r", note="n"
    )
    correction_reject(actor=people.reviewer, claim_id=claim.pk)
    assert told(K.CORRECTION_REJECTED) == []


def test_inactive_people_are_not_told(people):
    people.other_reviewer.is_active = False
    people.other_reviewer.save()
    claim = published(people)
    services.verdict_correct(
        actor=people.reviewer, claim_id=claim.pk, rating=scale_label(3), rationale="r", note="n"
    )
    assert [r for r, *_ in told(K.CORRECTION_WAITING)] == ["root"]


def test_marking_read_is_for_the_recipient_only(people):
    claim = claim_with_source()
    services.claim_assign(actor=people.reviewer, claim_id=claim.pk, assignee=people.editor)
    mine = Notification.objects.get()
    from claims.services.notifications import notification_mark_read, notifications_mark_all_read

    with pytest.raises(Notification.DoesNotExist):
        notification_mark_read(user=people.reviewer, notification_id=mine.pk)
    notification_mark_read(user=people.editor, notification_id=mine.pk)
    mine.refresh_from_db()
    assert mine.read_at is not None
    assert notifications_mark_all_read(user=people.editor) == 0
