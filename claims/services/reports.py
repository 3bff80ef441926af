"""Readers' error reports: taking one in, telling the reviewers, thanking the reader, and the
reviewers' decision.

A report lands as "correction requested" and notifies every reviewer in the same transaction,
so the queue item and its notifications exist together or not at all. The reader's
acknowledgement email goes after the commit, through a Celery task that claims the row first
(as the notifications' emails do), so a slow mail server never holds the reader's request.

The throttle counts the rows themselves (the database is the source of truth): at most
REPORTS_PER_HOUR reports an hour from one address. The address is never stored, only its HMAC
keyed with SECRET_KEY, which is enough to count and useless for finding out who sent them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import salted_hmac

from claims.models import Claim, ClaimState, ErrorReport, ErrorReportStatus
from claims.services import notifications

log = logging.getLogger(__name__)

ADDRESS_SALT = "claims.error-report.address"
HANDLE_PERMISSION = "claims.change_errorreport"


class ReportThrottled(Exception):
    """Too many reports from one address in the last hour."""

    def __init__(self, count: int) -> None:
        self.count = count
        super().__init__(f"You have sent {count} reports in the last hour; please try again later.")


def address_hash(address: str | None) -> str:
    """HMAC-SHA256 of a client address keyed with SECRET_KEY: the raw address is never kept.
    Requests without one share a single budget rather than escaping the throttle."""
    return salted_hmac(ADDRESS_SALT, address or "unknown", algorithm="sha256").hexdigest()


def report_error(
    *,
    message: str,
    claim_id: int | None = None,
    name: str = "",
    email: str = "",
    page_url: str = "",
    address: str | None = None,
) -> ErrorReport:
    """Take a reader's report in. Claim.DoesNotExist when the claim is not published (only a
    published fact-check takes reports); ReportThrottled when the address has used its hour."""
    digest = address_hash(address)
    with transaction.atomic():
        claim = None
        if claim_id is not None:
            claim = Claim.objects.filter(pk=claim_id, state=ClaimState.PUBLISHED).first()
            if claim is None:
                raise Claim.DoesNotExist("No published fact-check here.")
        _throttle(digest)
        report = ErrorReport(
            claim=claim,
            name=name.strip(),
            email=email.strip(),
            message=message.strip(),
            page_url=page_url[:2000],
            address_hash=digest,
        )
        report._change_reason = "sent by a reader"  # type: ignore[attr-defined]
        report.save()
        notifications.notify_correction_requested(report=report)
        if report.email:
            report_id = report.pk
            transaction.on_commit(lambda: _enqueue_acknowledgement(report_id))
    return report


def _throttle(digest: str) -> None:
    """Refuse the address's report beyond its hourly budget. On PostgreSQL a transaction lock
    on the address makes two simultaneous reports from it count one after the other."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int(digest[:15], 16)])
    since = timezone.now() - timedelta(hours=1)
    count = ErrorReport.objects.filter(address_hash=digest, created_at__gte=since).count()
    if count >= settings.REPORTS_PER_HOUR:
        raise ReportThrottled(count)


# --- the reviewers' decision ----------------------------------------------------------------


def error_report_decide(
    *, actor: Any, report_id: int, status: ErrorReportStatus | str, note: str | None = None
) -> ErrorReport:
    """Set a report's status (and note); a decision records who made it and when, reopening
    clears them. PermissionDenied for anyone who may not handle reports (reviewers may)."""
    if not actor.has_perm(HANDLE_PERMISSION):
        raise PermissionDenied("Only reviewers may handle readers' reports.")
    status = ErrorReportStatus(status)
    with transaction.atomic():
        report = ErrorReport.objects.select_for_update().get(pk=report_id)
        if status != report.status:
            report.status = status
            closed = status != ErrorReportStatus.CORRECTION_REQUESTED
            report.handled_by = actor if closed else None
            report.handled_at = timezone.now() if closed else None
        if note is not None:
            report.resolution_note = note.strip()
        report._history_user = actor  # type: ignore[attr-defined]
        report._change_reason = status.label.lower()  # type: ignore[attr-defined]
        report.save()
    return report


def error_reports_close(
    *, actor: Any, report_ids: Iterable[int], status: ErrorReportStatus, note: str = ""
) -> int:
    """The queue's bulk actions: give each report not yet in `status` that status, with the
    note when one is given; how many changed."""
    changed = 0
    wanted = ErrorReport.objects.filter(pk__in=list(report_ids)).exclude(status=status)
    for report_id in wanted.values_list("pk", flat=True):
        error_report_decide(
            actor=actor, report_id=report_id, status=status, note=note.strip() or None
        )
        changed += 1
    return changed


# --- the reader's acknowledgement -----------------------------------------------------------


def _enqueue_acknowledgement(report_id: int) -> None:
    """After the commit: a broker that is down must not turn a report that was taken into an
    error page, so a failure is logged, not raised."""
    from claims.tasks import email_report_acknowledgement

    try:
        email_report_acknowledgement.delay(report_id)
    except Exception:
        log.exception("could not queue the acknowledgement of report %s", report_id)


def acknowledgement_email(report: ErrorReport) -> tuple[str, str]:
    """The subject and plain-text body of the reader's acknowledgement."""
    context = {"report": report, "claim": report.claim, "site": settings.SITE_URL}
    subject = "[Factcheck] We have received your report"
    return subject, render_to_string("claims/report_acknowledgement.txt", context)


def error_report_acknowledge(*, report_id: int) -> bool:
    """Email the reader once: the row is claimed with a conditional UPDATE first, so a task
    delivered twice sends it once. Whether it was sent now; a failure gives the claim back and
    raises, for the task to retry."""
    claimed = (
        ErrorReport.objects.filter(pk=report_id, acknowledged_at__isnull=True)
        .exclude(email="")
        .update(acknowledged_at=timezone.now())
    )
    if not claimed:
        return False  # gone, without an address, or sent already
    report = ErrorReport.objects.select_related("claim").get(pk=report_id)
    subject, body = acknowledgement_email(report)
    try:
        send_mail(subject, body, None, [report.email])
    except Exception:
        ErrorReport.objects.filter(pk=report_id).update(acknowledged_at=None)
        raise
    return True
