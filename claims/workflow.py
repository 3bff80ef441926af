"""The claim state machine and who may move it: the one place that decides (DESIGN.md).

The web UI, the admin, the API and the services ask `check` (raises) or `can` (a bool) before
any write; nothing else compares states or group names.

| move               | from                 | to          | editor        | reviewer       | su    |
| ------------------ | -------------------- | ----------- | ------------- | -------------- | ----- |
| assign             | new, in_progress     | (same)      | self if free* | anyone         | yes   |
| assign             | in_review            | (same)      | no            | anyone         | yes   |
| start              | new                  | in_progress | if free*      | yes            | yes   |
| propose            | in_progress          | in_review   | the assignee  | yes            | yes   |
| publish            | in_review            | published   | no            | not author**   | ditto |
| send_back          | in_review            | in_progress | no            | yes            | yes   |
| dismiss            | new, in_progress     | dismissed   | if free*      | yes            | yes   |
| dismiss            | in_review, published | dismissed   | no            | yes            | yes   |
| correct (propose)  | published            | (same)      | no            | yes            | yes   |
| approve_correction | published            | (same)      | no            | not proposer** | ditto |
| reject_correction  | published            | (same)      | no            | yes            | yes   |
| edit_sources       | new, in_progress     | (same)      | if free*      | yes            | yes   |
| edit_sources       | in_review, published | (same)      | no            | yes            | yes   |

*free: unassigned or assigned to that editor. "su" is a superuser; anonymous and inactive
users may do nothing. A member of Reviewers may do everything an editor may (the group holds
the editors' permissions too). **Four eyes: a verdict's author never publishes it, and a
correction's proposer never approves it.

Four eyes hold for superusers too (the "ditto" above): there is no superuser exception. A
superuser who wrote a verdict, or proposed a correction, needs another reviewer (or another
superuser) to publish or approve it, so every published verdict names two people, its author
and its reviewer (tested on every path: the services in tests/workflow/test_corrections.py,
the web UI, the admin and the API). A newsroom with one senior person cannot publish alone;
that is the point.

Corrections have four eyes too: `correct` only proposes one (a new verdict that supersedes the
published one, not yet current or public), and another person approves it
(`approve_correction`): never its proposer, so neither the author of the published verdict nor
anyone else corrects a verdict alone. The corrected verdict keeps its proposer as author and
its approver as reviewer. `reject_correction` withdraws or turns down the proposal (the
proposer may withdraw their own); the claim's history records all three.

Guards: a proposal needs a rationale and at least one source; publishing needs a proposed
verdict whose author is not the person publishing; sending back needs a comment; a correction
needs a rationale and a note, and waits alone (one proposal at a time); approving or rejecting
needs a proposed correction, and approving needs someone other than its proposer; an assignee
must be an active member of Editors or Reviewers (or a superuser); a claim in review or
published keeps at least one source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from claims.models import ClaimState, Source, Verdict
from claims.models.claim import Claim

EDITORS = "Editors"
REVIEWERS = "Reviewers"


class Role(StrEnum):
    EDITOR = "editor"
    REVIEWER = "reviewer"
    SUPERUSER = "superuser"


class Move(StrEnum):
    ASSIGN = "assign"
    START = "start"
    PROPOSE = "propose"
    PUBLISH = "publish"
    SEND_BACK = "send_back"
    DISMISS = "dismiss"
    CORRECT = "correct"  # propose a correction of the published verdict
    APPROVE_CORRECTION = "approve_correction"
    REJECT_CORRECTION = "reject_correction"
    EDIT_SOURCES = "edit_sources"


class TransitionError(Exception):
    """A move that the workflow refuses; the message is meant for the person who tried."""

    def __init__(self, move: Move, claim: Claim, reason: str) -> None:
        self.move, self.claim, self.reason = move, claim, reason
        super().__init__(f"Cannot {move.replace('_', ' ')} claim {claim.pk}: {reason}")


@dataclass(frozen=True)
class Context:
    """What a move brings with it; each guard reads only the parts it needs."""

    rationale: str = ""
    comment: str = ""
    note: str = ""
    assignee: Any = None
    removing_source: bool = False


Guard = Callable[[Any, Claim, Context], str | None]  # returns the refusal, or None

S = ClaimState
EVERYONE = frozenset(Role)
SENIOR = frozenset({Role.REVIEWER, Role.SUPERUSER})


@dataclass(frozen=True)
class Rule:
    sources: frozenset[str]
    target: str | None  # None: the state does not change
    roles: frozenset[Role]
    guards: tuple[Guard, ...] = field(default=())


def roles_of(user: Any) -> frozenset[Role]:
    """The workflow roles of a user, looked up once per user object."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_workflow_roles", None)
    if cached is not None:
        return cached
    groups = set(user.groups.values_list("name", flat=True))
    roles = set()
    if user.is_superuser:
        roles.add(Role.SUPERUSER)
    if REVIEWERS in groups:
        roles.update({Role.REVIEWER, Role.EDITOR})
    if EDITORS in groups:
        roles.add(Role.EDITOR)
    user._workflow_roles = frozenset(roles)
    return user._workflow_roles


def _is_senior(user: Any) -> bool:
    return bool(roles_of(user) & SENIOR)


# --- guards ---------------------------------------------------------------------------------


def _editor_owns(user: Any, claim: Claim, ctx: Context) -> str | None:
    """An editor works on claims assigned to them, or on unassigned ones."""
    if _is_senior(user) or claim.assignee_id in (None, user.pk):
        return None
    return "it is assigned to someone else"


def _editor_owns_strictly(user: Any, claim: Claim, ctx: Context) -> str | None:
    if _is_senior(user) or claim.assignee_id == user.pk:
        return None
    return "only its assignee or a reviewer may do that"


def _senior_only_after_proposal(user: Any, claim: Claim, ctx: Context) -> str | None:
    if claim.state in (S.NEW, S.IN_PROGRESS) or _is_senior(user):
        return None
    return f"it is {claim.get_state_display().lower()}: only a reviewer may do that"


def _assignee_is_fit(user: Any, claim: Claim, ctx: Context) -> str | None:
    assignee = ctx.assignee
    if assignee is None:
        return "no assignee given"
    if not roles_of(assignee):
        return f"{assignee} is not an active editor or reviewer"
    if not _is_senior(user) and assignee.pk != user.pk:
        return "editors may assign claims only to themselves"
    return None


def _has_rationale(user: Any, claim: Claim, ctx: Context) -> str | None:
    return None if ctx.rationale.strip() else "a verdict needs a rationale"


def _has_source(user: Any, claim: Claim, ctx: Context) -> str | None:
    if Source.objects.filter(claim_id=claim.pk).exists():
        return None
    return "a verdict needs at least one source"


def _not_the_author(user: Any, claim: Claim, ctx: Context) -> str | None:
    verdict = current_verdict(claim)
    if verdict is None:
        return "there is no proposed verdict"
    if verdict.author_id == user.pk:
        return "the author of a verdict cannot approve it; another reviewer must"
    return None


def _has_comment(user: Any, claim: Claim, ctx: Context) -> str | None:
    return None if ctx.comment.strip() else "say what is missing in a comment"


def _has_note(user: Any, claim: Claim, ctx: Context) -> str | None:
    return None if ctx.note.strip() else "a correction needs a note saying what changed"


def _no_correction_waiting(user: Any, claim: Claim, ctx: Context) -> str | None:
    if pending_correction(claim) is None:
        return None
    return "a correction is already waiting for approval; approve or reject it first"


def _correction_waiting(user: Any, claim: Claim, ctx: Context) -> str | None:
    return None if pending_correction(claim) is not None else "no correction has been proposed"


def _not_the_proposer(user: Any, claim: Claim, ctx: Context) -> str | None:
    proposal = pending_correction(claim)
    if proposal is None:
        return "no correction has been proposed"
    if proposal.author_id == user.pk:
        return "the proposer of a correction cannot approve it; another reviewer must"
    return None


def _keeps_a_source(user: Any, claim: Claim, ctx: Context) -> str | None:
    if not ctx.removing_source or claim.state in (S.NEW, S.IN_PROGRESS):
        return None
    if Source.objects.filter(claim_id=claim.pk).count() > 1:
        return None
    return "a verdict in review or published must keep at least one source"


RULES: dict[Move, Rule] = {
    Move.ASSIGN: Rule(
        frozenset({S.NEW, S.IN_PROGRESS, S.IN_REVIEW}),
        None,
        EVERYONE,
        (_editor_owns, _senior_only_after_proposal, _assignee_is_fit),
    ),
    Move.START: Rule(frozenset({S.NEW}), S.IN_PROGRESS, EVERYONE, (_editor_owns,)),
    Move.PROPOSE: Rule(
        frozenset({S.IN_PROGRESS}),
        S.IN_REVIEW,
        EVERYONE,
        (_editor_owns_strictly, _has_rationale, _has_source),
    ),
    Move.PUBLISH: Rule(frozenset({S.IN_REVIEW}), S.PUBLISHED, SENIOR, (_not_the_author,)),
    Move.SEND_BACK: Rule(frozenset({S.IN_REVIEW}), S.IN_PROGRESS, SENIOR, (_has_comment,)),
    Move.DISMISS: Rule(
        frozenset({S.NEW, S.IN_PROGRESS, S.IN_REVIEW, S.PUBLISHED}),
        S.DISMISSED,
        EVERYONE,
        (_senior_only_after_proposal, _editor_owns),
    ),
    Move.CORRECT: Rule(
        frozenset({S.PUBLISHED}),
        None,
        SENIOR,
        (_has_rationale, _has_note, _no_correction_waiting),
    ),
    Move.APPROVE_CORRECTION: Rule(frozenset({S.PUBLISHED}), None, SENIOR, (_not_the_proposer,)),
    Move.REJECT_CORRECTION: Rule(frozenset({S.PUBLISHED}), None, SENIOR, (_correction_waiting,)),
    Move.EDIT_SOURCES: Rule(
        frozenset({S.NEW, S.IN_PROGRESS, S.IN_REVIEW, S.PUBLISHED}),
        None,
        EVERYONE,
        (_senior_only_after_proposal, _editor_owns, _keeps_a_source),
    ),
}


def refusal(user: Any, move: Move | str, claim: Claim, **context: Any) -> str | None:
    """Why `user` may not make `move` on `claim`, or None when they may."""
    rule = RULES[Move(move)]
    roles = roles_of(user)
    if not roles:
        return "you are not signed in as an editor, a reviewer or a superuser"
    if not roles & rule.roles:
        return f"only {_role_names(rule.roles)} may do that"
    if claim.state not in rule.sources:
        return f"it is {claim.get_state_display().lower()}"
    ctx = Context(**context)
    for guard in rule.guards:
        reason = guard(user, claim, ctx)
        if reason is not None:
            return reason
    return None


def can(user: Any, move: Move | str, claim: Claim, **context: Any) -> bool:
    return refusal(user, move, claim, **context) is None


def check(user: Any, move: Move | str, claim: Claim, **context: Any) -> None:
    """Raise TransitionError when the move is refused."""
    reason = refusal(user, move, claim, **context)
    if reason is not None:
        raise TransitionError(Move(move), claim, reason)


def target_state(move: Move | str, claim: Claim) -> str:
    """The state a claim is in after the move (unchanged for moves that keep it)."""
    return RULES[Move(move)].target or claim.state


def current_verdict(claim: Claim) -> Verdict | None:
    # With its author: the guards, the publishing and the notifications all read it.
    return (
        Verdict.objects.filter(claim_id=claim.pk, is_current=True).select_related("author").first()
    )


def pending_correction(claim: Claim) -> Verdict | None:
    """The correction proposed for the claim's published verdict and not yet approved."""
    return Verdict.objects.filter(claim_id=claim.pk, **PENDING_CORRECTION).first()


# A proposed correction: supersedes a verdict, but is neither current nor published yet.
PENDING_CORRECTION = {"supersedes__isnull": False, "is_current": False, "published_at": None}


def _role_names(roles: frozenset[Role]) -> str:
    names = {Role.EDITOR: "editors", Role.REVIEWER: "reviewers", Role.SUPERUSER: "superusers"}
    return " and ".join(names[r] for r in Role if r in roles)
