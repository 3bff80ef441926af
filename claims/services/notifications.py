"""Telling people what happened to their claims, and that a reader reported an error: in the
app, and by email.

The review services call one `notify_*` function per move, inside the move's transaction, so
the notification exists exactly when the move does (a refused or rolled-back move leaves none).
The email goes later: each row with a recipient who has an address is handed to a Celery task
after the commit (claims/tasks.py `email_notification`), so a slow or failing mail server
never holds or breaks the move; the row in the app is the record, the email a courtesy.

Nobody is told about their own move: the actor is never a recipient.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import Truncator

from claims import selectors, workflow
from claims.models import Claim, ErrorReport, Notification, NotificationKind, Verdict

log = logging.getLogger(__name__)


def notify(
    *,
    kind: NotificationKind,
    claim: Claim | None,
    actor: Any,
    recipients: Iterable[Any],
    message: str = "",
    error_report: ErrorReport | None = None,
) -> list[Notification]:
    """Create one notification per recipient (never the actor, nobody twice) and email each
    after the surrounding transaction commits. It is about a claim, a reader's report, or
    both (a report from the general form has no claim)."""
    people: dict[int, Any] = {}
    for person in recipients:
        if person is not None and person.pk != getattr(actor, "pk", None) and person.is_active:
            people.setdefault(person.pk, person)
    if not people:
        return []
    made = Notification.objects.bulk_create(
        Notification(
            recipient=p,
            kind=kind,
            claim=claim,
            error_report=error_report,
            actor=actor,
            message=message,
        )
        for p in people.values()
    )
    emailed = [n.pk for n in made if n.recipient.email]
    if emailed:
        transaction.on_commit(lambda: _enqueue_emails(emailed))
    return made


# --- one call per review move ---------------------------------------------------------------


def notify_assigned(*, claim: Claim, actor: Any, assignee: Any) -> list[Notification]:
    """Called before the move writes: the claim still has its previous assignee, and giving a
    claim to the person who already has it tells nobody anything."""
    if assignee is None or claim.assignee_id == assignee.pk:
        return []
    return notify(kind=NotificationKind.ASSIGNED, claim=claim, actor=actor, recipients=[assignee])


def notify_sent_back(*, claim: Claim, actor: Any, comment: str) -> list[Notification]:
    """The people who must fix it: the claim's assignee and the proposed verdict's author."""
    verdict = workflow.current_verdict(claim)
    people = [claim.assignee, verdict.author if verdict else None]
    return notify(
        kind=NotificationKind.SENT_BACK,
        claim=claim,
        actor=actor,
        recipients=people,
        message=comment.strip(),
    )


def notify_published(*, claim: Claim, actor: Any, verdict: Verdict) -> list[Notification]:
    return notify(
        kind=NotificationKind.PUBLISHED,
        claim=claim,
        actor=actor,
        recipients=[verdict.author, claim.assignee],
    )


def notify_correction_proposed(
    *, claim: Claim, actor: Any, proposal: Verdict
) -> list[Notification]:
    """Everyone who may approve it: each reviewer (and superuser) but the proposer."""
    return notify(
        kind=NotificationKind.CORRECTION_WAITING,
        claim=claim,
        actor=actor,
        recipients=selectors.reviewers(),
        message=proposal.correction_note,
    )


def notify_correction_decided(
    *, claim: Claim, actor: Any, proposal: Verdict, approved: bool, reason: str = ""
) -> list[Notification]:
    """The proposer hears whether their correction went out (a withdrawal by the proposer
    tells nobody: the actor is never told)."""
    kind = (
        NotificationKind.CORRECTION_APPROVED if approved else NotificationKind.CORRECTION_REJECTED
    )
    return notify(
        kind=kind, claim=claim, actor=actor, recipients=[proposal.author], message=reason.strip()
    )


# How much of a reader's message a notification carries; the report keeps it whole.
REPORT_EXCERPT = 1_000


def notify_correction_requested(*, report: ErrorReport) -> list[Notification]:
    """A reader reported an error: every reviewer (and superuser) hears, with the reader's
    words; nobody caused it from inside, so there is no actor."""
    return notify(
        kind=NotificationKind.CORRECTION_REQUESTED,
        claim=report.claim,
        error_report=report,
        actor=None,
        recipients=selectors.reviewers(),
        message=Truncator(report.message).chars(REPORT_EXCERPT),
    )


# --- reading them ---------------------------------------------------------------------------


def notification_mark_read(*, user: Any, notification_id: int) -> Notification:
    """Mark one of the user's notifications read (again is harmless); someone else's is
    Notification.DoesNotExist, as if it did not exist."""
    notification = Notification.objects.select_related("claim").get(
        pk=notification_id, recipient=user
    )
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
    return notification


def notifications_mark_read(*, user: Any, ids: Iterable[int]) -> int:
    """Mark those of the given notifications that are the user's and unread read; how many.
    Anyone else's, or an id that names nothing, is passed over: there is nothing to lose."""
    return Notification.objects.filter(
        pk__in=list(ids), recipient=user, read_at__isnull=True
    ).update(read_at=timezone.now())


def notifications_mark_all_read(*, user: Any) -> int:
    """Mark every unread notification of the user read; how many were."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


# --- email ----------------------------------------------------------------------------------


def _enqueue_emails(notification_ids: list[int]) -> None:
    """After the commit: hand each email to the worker. A broker that is down must not turn a
    move that was made into an error page, so a failure is logged, not raised."""
    from claims.tasks import email_notification

    for notification_id in notification_ids:
        try:
            email_notification.delay(notification_id)
        except Exception:
            log.exception("could not queue the email of notification %s", notification_id)


def panel_url(claim: Claim) -> str:
    """The absolute address of the claim's panel, for an email read outside the app."""
    return absolute_url(claim.get_absolute_url())


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def notification_email(notification: Notification) -> tuple[str, str]:
    """The subject and plain-text body of a notification's email."""
    claim = notification.claim
    context = {
        "n": notification,
        "claim": claim,
        "actor": _name(notification.actor),
        "link": absolute_url(notification.get_absolute_url()),
        "site": settings.SITE_URL,
    }
    about = claim.text if claim is not None else notification.message
    subject = f"[Factcheck] {notification.get_kind_display()}: “{_short(about)}”"
    return subject, render_to_string("claims/notification_email.txt", context)


def notification_send_email(*, notification_id: int) -> bool:
    """Send a notification's email once: the row is claimed with a conditional UPDATE first,
    so a task delivered twice sends it once. Whether it was sent now. A failure to send gives
    the claim back and raises, for the task to retry."""
    claimed = Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return False  # gone, or sent already
    notification = Notification.objects.select_related(
        "recipient", "actor", "claim", "claim__article"
    ).get(pk=notification_id)
    if not notification.recipient.email:
        return False
    subject, body = notification_email(notification)
    try:
        send_mail(subject, body, None, [notification.recipient.email])
    except Exception:
        Notification.objects.filter(pk=notification_id).update(emailed_at=None)
        raise
    return True


def _name(user: Any) -> str:
    if user is None:
        return "Someone"
    return user.get_full_name() or user.get_username()


def _short(text: str, limit: int = 60) -> str:
    return Truncator(" ".join(text.split())).chars(limit)
