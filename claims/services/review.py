"""Writes of the review workflow: assignment, proposals, approval, corrections and sources.

Each function locks the claim row, asks claims/workflow.py whether the move is allowed on the
locked row (so two reviewers clicking at once cannot both publish), then writes in the same
transaction. The actor is recorded as the history user, so the history says who did it even
when the call comes from the API or a task rather than a request.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator

from claims import workflow
from claims.models import Claim, RatingLabel, Source, Verdict
from claims.services import notifications
from claims.services.references import claim_refresh_worst_outcome, source_check_reference
from claims.workflow import Move


def _locked_claim(claim_id: int) -> Claim:
    return Claim.objects.select_for_update().get(pk=claim_id)


def _record_actor(instance: Any, actor: Any) -> None:
    """simple_history records `_history_user` as who saved or deleted the row."""
    instance._history_user = actor


# simple_history's change reason is a varchar(100): a longer one (a send-back comment, a
# rejection's reason) would fail the whole move on PostgreSQL. The full text stays where it
# belongs (the claim's review_comment, the notification); the history keeps its start.
REASON_LIMIT = 100


def _save(instance: Any, actor: Any, reason: str = "", **kwargs: Any) -> None:
    _record_actor(instance, actor)
    instance._change_reason = Truncator(reason).chars(REASON_LIMIT)
    instance.save(**kwargs)


def _move(claim: Claim, actor: Any, move: Move, reason: str = "", **changes: Any) -> Claim:
    claim.state = workflow.target_state(move, claim)
    for name, value in changes.items():
        setattr(claim, name, value)
    _save(claim, actor, reason or move.value)
    return claim


@transaction.atomic
def claim_assign(*, actor: Any, claim_id: int, assignee: Any) -> Claim:
    claim = _locked_claim(claim_id)
    workflow.check(actor, Move.ASSIGN, claim, assignee=assignee)
    notifications.notify_assigned(claim=claim, actor=actor, assignee=assignee)
    return _move(claim, actor, Move.ASSIGN, assignee=assignee)


@transaction.atomic
def claim_start(*, actor: Any, claim_id: int) -> Claim:
    """Begin work on a new claim; an unassigned claim goes to whoever starts it."""
    claim = _locked_claim(claim_id)
    workflow.check(actor, Move.START, claim)
    return _move(claim, actor, Move.START, assignee=claim.assignee or actor)


@transaction.atomic
def verdict_propose(
    *,
    actor: Any,
    claim_id: int,
    rating: RatingLabel,
    rationale: str,
    headline: str = "",
    claim_reviewed: str = "",
) -> Verdict:
    """Put a verdict up for review; a draft sent back earlier is revised in place.

    `headline` and `claim_reviewed` are what the public page and ClaimReview show; the forms
    ask for them, and a verdict without them falls back to the claim's own words."""
    claim = _locked_claim(claim_id)
    workflow.check(actor, Move.PROPOSE, claim, rationale=rationale)
    verdict = workflow.current_verdict(claim) or Verdict(claim=claim)
    verdict.set_label(rating)
    verdict.rationale, verdict.author = rationale.strip(), actor
    verdict.headline, verdict.claim_reviewed = headline.strip(), claim_reviewed.strip()
    _save(verdict, actor, "proposed")
    _move(claim, actor, Move.PROPOSE, review_comment="")
    return verdict


@transaction.atomic
def claim_publish(*, actor: Any, claim_id: int) -> Verdict:
    claim = _locked_claim(claim_id)
    workflow.check(actor, Move.PUBLISH, claim)
    verdict = workflow.current_verdict(claim)
    assert verdict is not None  # the workflow refuses a claim without one
    verdict.reviewer, verdict.published_at = actor, timezone.now()
    _save(verdict, actor, "published")
    _move(claim, actor, Move.PUBLISH)
    notifications.notify_published(claim=claim, actor=actor, verdict=verdict)
    return verdict


@transaction.atomic
def claim_send_back(*, actor: Any, claim_id: int, comment: str) -> Claim:
    claim = _locked_claim(claim_id)
    workflow.check(actor, Move.SEND_BACK, claim, comment=comment)
    notifications.notify_sent_back(claim=claim, actor=actor, comment=comment)
    return _move(claim, actor, Move.SEND_BACK, comment.strip(), review_comment=comment.strip())


@transaction.atomic
def claim_dismiss(*, actor: Any, claim_id: int, reason: str = "") -> Claim:
    """Not check-worthy. A published verdict stays stored but no longer shows."""
    claim = _locked_claim(claim_id)
    workflow.check(actor, Move.DISMISS, claim)
    return _move(claim, actor, Move.DISMISS, reason.strip() or "dismissed")


@transaction.atomic
def verdict_correct(
    *,
    actor: Any,
    claim_id: int,
    rating: RatingLabel,
    rationale: str,
    note: str,
    headline: str | None = None,
    claim_reviewed: str | None = None,
) -> Verdict:
    """Propose a correction of the published verdict. It waits, neither current nor public,
    until another person approves it (`correction_approve`); the published verdict stays."""
    claim = _locked_claim(claim_id)
    workflow.check(actor, Move.CORRECT, claim, rationale=rationale, note=note)
    published = workflow.current_verdict(claim)
    assert published is not None  # a published claim has a current verdict
    proposal = Verdict(
        claim=claim,
        # Left out, the public page keeps the published verdict's headline and statement.
        headline=published.headline if headline is None else headline.strip(),
        claim_reviewed=(
            published.claim_reviewed if claim_reviewed is None else claim_reviewed.strip()
        ),
        rationale=rationale.strip(),
        author=actor,
        supersedes=published,
        correction_note=note.strip(),
        is_current=False,
    )
    proposal.set_label(rating)
    _save(proposal, actor, "correction proposed")
    _save(claim, actor, "correction proposed", update_fields=["updated_at"])
    notifications.notify_correction_proposed(claim=claim, actor=actor, proposal=proposal)
    return proposal


PROPOSAL_REPLACED = (
    "the correction you were shown was withdrawn and another one is waiting now; "
    "read the new one before approving it"
)


@transaction.atomic
def correction_approve(*, actor: Any, claim_id: int, proposal_id: int | None = None) -> Verdict:
    """Publish the proposed correction: it becomes current, the old verdict is kept.

    `proposal_id` is the proposal the approver saw; when another one is pending now (the
    first was withdrawn and replaced) the approval is refused. Only a caller that checked
    otherwise that the approver saw the pending one (the API's If-Match: the claim's ETag
    changes with each proposal) may leave it out."""
    claim = _locked_claim(claim_id)
    workflow.check(actor, Move.APPROVE_CORRECTION, claim)
    proposal = workflow.pending_correction(claim)
    old = workflow.current_verdict(claim)
    assert proposal is not None and old is not None  # the workflow refuses otherwise
    if proposal_id is not None and proposal.pk != proposal_id:
        raise workflow.TransitionError(Move.APPROVE_CORRECTION, claim, PROPOSAL_REPLACED)
    old.is_current = False
    _save(old, actor, "superseded by a correction")
    proposal.is_current, proposal.reviewer, proposal.published_at = True, actor, timezone.now()
    _save(proposal, actor, "correction approved")
    _save(claim, actor, "correction approved", update_fields=["updated_at"])
    notifications.notify_correction_decided(
        claim=claim, actor=actor, proposal=proposal, approved=True
    )
    return proposal


@transaction.atomic
def correction_reject(*, actor: Any, claim_id: int, reason: str = "") -> Claim:
    """Turn down (or, by its proposer, withdraw) a proposed correction; the published
    verdict stays. The proposal's row goes, its history and the claim's stay."""
    claim = _locked_claim(claim_id)
    workflow.check(actor, Move.REJECT_CORRECTION, claim)
    proposal = workflow.pending_correction(claim)
    assert proposal is not None  # the workflow refuses otherwise
    _record_actor(proposal, actor)
    proposal._change_reason = "correction rejected"  # type: ignore[attr-defined]
    proposal.delete()
    said = reason.strip()
    notifications.notify_correction_decided(
        claim=claim, actor=actor, proposal=proposal, approved=False, reason=said
    )
    _save(
        claim,
        actor,
        f"correction rejected: {said}" if said else "correction rejected",
        update_fields=["updated_at"],
    )
    return claim


SOURCE_FIELDS = frozenset(
    {"url", "title", "publisher", "quote", "accessed_on", "reference_value", "reference_unit"}
)


@transaction.atomic
def source_add(
    *,
    actor: Any,
    claim_id: int,
    title: str,
    url: str = "",
    publisher: str = "",
    quote: str = "",
    accessed_on: date | None = None,
    reference_value: float | None = None,
    reference_unit: str = "",
) -> Source:
    claim = _locked_claim(claim_id)
    workflow.check(actor, Move.EDIT_SOURCES, claim)
    source = Source(
        claim=claim,
        title=title,
        url=url,
        publisher=publisher,
        quote=quote,
        accessed_on=accessed_on,
        reference_value=reference_value,
        reference_unit=reference_unit,
        added_by=actor,
    )
    source.full_clean()
    _save(source, actor, "added")
    source_check_reference(source=source)
    _sources_changed(claim, actor, f"added the source “{source.title}”")
    return source


@transaction.atomic
def source_update(*, actor: Any, source_id: int, **changes: Any) -> Source:
    """Change the given fields of a source (any of SOURCE_FIELDS)."""
    unknown = set(changes) - SOURCE_FIELDS
    if unknown:
        raise TypeError(f"source_update() got unexpected fields: {sorted(unknown)}")
    source = Source.objects.get(pk=source_id)
    claim = _locked_claim(source.claim_id)
    workflow.check(actor, Move.EDIT_SOURCES, claim)
    for name, value in changes.items():
        setattr(source, name, value)
    source.full_clean()
    _save(source, actor, "edited")
    source_check_reference(source=source)
    _sources_changed(claim, actor, f"edited the source “{source.title}”")
    return source


@transaction.atomic
def source_remove(*, actor: Any, source_id: int) -> None:
    source = Source.objects.get(pk=source_id)
    claim = _locked_claim(source.claim_id)
    workflow.check(actor, Move.EDIT_SOURCES, claim, removing_source=True)
    _record_actor(source, actor)
    source.delete()  # its reference finding goes with it
    claim_refresh_worst_outcome(claim_id=claim.pk)
    _sources_changed(claim, actor, f"removed the source “{source.title}”")


def _sources_changed(claim: Claim, actor: Any, reason: str) -> None:
    """The sources are part of what a reviewer publishes: a change to them moves the claim's
    version, so a publish (or any move) based on a read from before is refused as stale."""
    claim.refresh_from_db(fields=["worst_outcome"])  # the history copies the row as it is
    _save(claim, actor, reason, update_fields=["updated_at"])
