from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse


class NotificationKind(models.TextChoices):
    ASSIGNED = "assigned", "Assigned to you"
    SENT_BACK = "sent_back", "Sent back to you"
    PUBLISHED = "published", "Published"
    CORRECTION_WAITING = "correction_waiting", "A correction is waiting"
    CORRECTION_APPROVED = "correction_approved", "Your correction was approved"
    CORRECTION_REJECTED = "correction_rejected", "Your correction was rejected"
    CORRECTION_REQUESTED = "correction_requested", "A reader asked for a correction"


class Notification(models.Model):
    """Something a person should know about a claim or a reader's error report: shown in the
    app and sent by email. A report from the general form has no claim, so either may be
    empty, never both."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    claim = models.ForeignKey(
        "claims.Claim",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    error_report = models.ForeignKey(
        "claims.ErrorReport",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    # Who caused it; blank when that account is gone.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notifications_caused",
    )
    message = models.TextField(
        blank=True, help_text="What the actor said with it (a send-back's comment, a note)."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # Set when a worker takes the email on (a conditional UPDATE), so that a task delivered
    # twice sends it once; blank again if sending failed, for the retry.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "read_at", "-created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=NotificationKind.values), name="notification_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(claim__isnull=False) | Q(error_report__isnull=False),
                name="notification_about_something",
            ),
        ]

    def __str__(self) -> str:
        about = f"claim {self.claim_id}" if self.claim_id else f"report {self.error_report_id}"
        return f"{self.get_kind_display()}: {about}"

    def get_absolute_url(self) -> str:
        """Where opening it leads: a reader's report opens in the reviewers' queue (the
        admin), where it is resolved and links to its claim; anything else, the claim's panel."""
        if self.error_report_id is not None:
            return reverse("admin:claims_errorreport_change", args=[self.error_report_id])
        assert self.claim is not None  # the constraint: a claim when there is no report
        return self.claim.get_absolute_url()
