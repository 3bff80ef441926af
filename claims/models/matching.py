"""Seen before: each claim's vector, and the earlier claims it was matched with.

The database is the source of truth for matching: the vectors live here, and the
nearest-neighbour index (claims/services/match_index.py) is a cache rebuilt from them.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords


class ClaimVector(models.Model):
    """A claim's sentence as the text models see it: float32 bytes, L2-normalised; MODEL_NAME
    names both models."""

    claim = models.OneToOneField(
        "claims.Claim", primary_key=True, on_delete=models.CASCADE, related_name="vector"
    )
    model = models.CharField(max_length=64, help_text="The text model that made the vector.")
    vector = models.BinaryField()
    # The transformer's vector of the sentence (claims/matching/text.py, embed_fine), kept once
    # a claim has been scored against a candidate, so that no other worker runs it again.
    fine = models.BinaryField(null=True, blank=True)
    # When the row was written: an index that knows the rows up to some moment reads the rows
    # since (less a margin for transactions that committed late).
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"vector of claim {self.claim_id} ({self.model})"


class MatchingState(models.Model):
    """One row: an id made when the row is first needed. An index file saved from another
    database (a test run's, a restored backup's) carries another id and is rebuilt."""

    epoch = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="matching_state_single")]

    def __str__(self) -> str:
        return f"matching epoch {self.epoch}"


class MatchDecision(models.TextChoices):
    LINKED = "linked", "Linked (the same claim)"
    SUGGESTED = "suggested", "Suggested"


class MatchStatus(models.TextChoices):
    OPEN = "open", "Waiting for an editor"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"


class ClaimMatch(models.Model):
    """`claim` was matched with `earlier`, a claim of another article stored before it."""

    # Every batch writes thousands of matches, and each index is written with each row: the
    # claim's lookups use match_once (claim, earlier), and only a decided match has a
    # decided_by to index.
    claim = models.ForeignKey(
        "claims.Claim", on_delete=models.CASCADE, related_name="matches", db_index=False
    )
    earlier = models.ForeignKey(
        "claims.Claim", on_delete=models.CASCADE, related_name="matched_later"
    )
    text_score = models.FloatField(
        help_text="The words' score: the transformer's cosine of the two sentences, or 1.0 for"
        " the same words with other figures."
    )
    same_figure = models.BooleanField()
    figures_differ = models.BooleanField(
        help_text="A figure, the places or the period tell the two claims apart."
    )
    same_places = models.BooleanField(null=True, blank=True)
    same_period = models.BooleanField(null=True, blank=True)
    reason = models.CharField(max_length=500)
    decision = models.CharField(max_length=10, choices=MatchDecision.choices)
    status = models.CharField(max_length=10, choices=MatchStatus.choices, default=MatchStatus.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="match_decisions",
        db_index=False,
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)  # the version a confirm/reject carries
    history = HistoricalRecords(excluded_fields=["reason"])

    class Meta:
        ordering = ["claim_id", "-text_score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "earlier"], name="match_once"),
            models.CheckConstraint(condition=~Q(claim=F("earlier")), name="match_not_itself"),
        ]
        indexes = [
            models.Index(
                fields=["decided_by"],
                condition=Q(decided_by__isnull=False),
                name="match_decided_by",
            )
        ]

    def __str__(self) -> str:
        return f"claim {self.claim_id} ~ claim {self.earlier_id} ({self.reason})"
