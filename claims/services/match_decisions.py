"""What an editor does with a match the machine made (claims/services/matching.py): confirm or
reject it, with no stale page overwriting another editor's decision, or propose the earlier
claim's published verdict for the new one, through review like any other proposal."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from claims import selectors, workflow
from claims.models import ClaimMatch, ClaimState, MatchStatus, RatingScale, Verdict
from claims.services.notifications import absolute_url
from claims.services.review import _locked_claim, _save, claim_start, source_add, verdict_propose
from claims.services.versions import StaleEdit, version_of


class MatchRefused(workflow.TransitionError):
    """The match itself refuses the move, whoever asks: the earlier claim states another
    figure, has no published verdict, or one rated off the scale in use. Who may act, and
    on a claim in which state, stays the workflow's refusal (the API answers 403 to that, and
    409 to this)."""


@contextmanager
def match_version_locked(match_id: int, seen: str) -> Iterator[ClaimMatch]:
    """Lock the match, and go on only if it is still at version `seen` (its `updated_at` as
    the person's page or ETag showed it): else StaleEdit, saying who decided what since, so
    that a stale page never overwrites another editor's decision. The services called inside
    lock the row again; in one transaction that is the same lock."""
    with transaction.atomic():
        match = (
            ClaimMatch.objects.select_for_update(of=("self",))
            .select_related("decided_by")
            .get(pk=match_id)
        )
        if version_of(match) != seen.strip():
            raise StaleEdit(match, [match_change(match, seen)])
        yield match


DECIDED = {MatchStatus.CONFIRMED: "the same claim", MatchStatus.REJECTED: "not the same claim"}


def match_change(match: ClaimMatch, seen: str = "") -> str:
    """What became of a match since version `seen`, a sentence for the person who read it."""
    if match.decided_at is not None and match.status in DECIDED and _after(match, seen):
        who = match.decided_by.get_username() if match.decided_by else "someone"
        when = date_format(timezone.localtime(match.decided_at), "DATETIME_FORMAT")
        return f"{when}, {who} decided it is {DECIDED[MatchStatus(match.status)]}."
    # article_match() ran again (a re-extraction, a new dateline): the reason may be new.
    return "The machine matched the two claims again; read its reason again."


def _after(match: ClaimMatch, seen: str) -> bool:
    """Whether the match was decided after version `seen` (yes, when `seen` is no version)."""
    try:
        return match.decided_at is not None and match.decided_at.timestamp() > Decimal(seen)
    except (InvalidOperation, ValueError):
        return True


@transaction.atomic
def match_decide(*, actor: Any, match_id: int, confirm: bool) -> ClaimMatch:
    """Confirm a match (the same claim) or reject it (not the same claim)."""
    match = ClaimMatch.objects.select_for_update().get(pk=match_id)
    workflow.check(actor, workflow.Move.EDIT_SOURCES, match.claim)
    match.status = MatchStatus.CONFIRMED if confirm else MatchStatus.REJECTED
    match.decided_by, match.decided_at = actor, timezone.now()
    _save(match, actor, "confirmed" if confirm else "rejected")
    return match


@transaction.atomic
def match_propose_verdict(*, actor: Any, match_id: int) -> Verdict:
    """Propose, for the new claim, the verdict published for the earlier one, in one step: the
    match is confirmed, the earlier fact-check becomes a source, a new claim is started, and
    the proposal goes to review like any other (a reviewer still publishes it)."""
    match = ClaimMatch.objects.select_related("claim", "earlier").get(pk=match_id)
    published = selectors.published_verdicts().filter(claim_id=match.earlier_id).first()

    def refuse(reason: str) -> MatchRefused:
        return MatchRefused(workflow.Move.PROPOSE, match.claim, reason)

    if published is None:
        raise refuse("the earlier claim has no published verdict to propose")
    if match.figures_differ:
        raise refuse(
            "the earlier claim states another figure, place or period: its verdict does not "
            "carry over; write one for this claim"
        )
    scale = RatingScale.current()
    try:
        label = scale.find_label(published.rating_name)
    except ValueError as exc:
        raise refuse(
            f"the published rating “{published.rating_name}” is not on the scale in use; "
            "choose a rating in the form"
        ) from exc
    match_decide(actor=actor, match_id=match.pk, confirm=True)
    if _locked_claim(match.claim_id).state == ClaimState.NEW:
        claim_start(actor=actor, claim_id=match.claim_id)
    source_add(
        actor=actor,
        claim_id=match.claim_id,
        title=f"Our fact-check: {published.headline or match.earlier.text}"[:300],
        url=absolute_url(reverse("web:public_check", args=[match.earlier_id])),
        publisher="",
        quote=published.rationale[:1000],
    )
    return verdict_propose(
        actor=actor,
        claim_id=match.claim_id,
        rating=label,
        rationale=(f"The same claim was checked before ({match.reason}). {published.rationale}"),
        headline=published.headline,
        claim_reviewed=published.claim_reviewed,
    )
