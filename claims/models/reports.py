from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

MESSAGE_MAX_LENGTH = 5_000


class ErrorReportStatus(models.TextChoices):
    CORRECTION_REQUESTED = "correction_requested", "Correction requested"
    RESOLVED = "resolved", "Resolved"
    DISMISSED = "dismissed", "Dismissed"


class ErrorReport(models.Model):
    """A reader's report of an error, about one fact-check or (with no claim) the site at large.

    It lands in the reviewers' queue (the admin) as "correction requested"; a reviewer resolves
    or dismisses it. The sender's address is never stored: only an HMAC of it keyed with
    SECRET_KEY (claims/services/reports.py), enough to count one address's reports for the
    throttle and useless for finding out who sent them.
    """

    claim = models.ForeignKey(
        "claims.Claim",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="error_reports",
        help_text="The fact-check the report is about; empty for the general form.",
    )
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(
        max_length=254, blank=True, help_text="Where the acknowledgement went, if given."
    )
    message = models.TextField(max_length=MESSAGE_MAX_LENGTH)
    page_url = models.CharField(
        max_length=2000, blank=True, help_text="The page the reader sent it from."
    )
    status = models.CharField(
        max_length=20,
        choices=ErrorReportStatus.choices,
        default=ErrorReportStatus.CORRECTION_REQUESTED,
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="error_reports_handled",
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    resolution_note = models.TextField(blank=True)
    # HMAC-SHA256 of the client's address keyed with SECRET_KEY: the throttle counts by it.
    address_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)  # the version a reviewer's form carries
    # Set when a worker takes the acknowledgement email on (a conditional UPDATE), so a task
    # delivered twice sends it once; blank again if sending failed, for the retry.
    acknowledged_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["address_hash", "acknowledged_at"])

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["address_hash", "-created_at"]),
            models.Index(fields=["status", "-created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ErrorReportStatus.values), name="error_report_status_valid"
            ),
        ]

    def __str__(self) -> str:
        about = f"claim {self.claim_id}" if self.claim_id else "the site"
        return f"Report {self.pk} about {about}"
