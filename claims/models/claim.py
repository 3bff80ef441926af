from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from claims.checks.finding import CHECKS, OUTCOMES, Finding
from claims.extraction.quantity import KINDS, QUALIFIERS
from claims.models.choices import (
    CHECK_CHOICES,
    KIND_CHOICES,
    OUTCOME_CHOICES,
    QUALIFIER_CHOICES,
    ClaimState,
)

if TYPE_CHECKING:
    from claims.models.evidence import Source


def _span_constraints(prefix: str) -> list[models.BaseConstraint]:
    # A span that ends past the article's text is refused by a trigger (see the migration):
    # a CHECK constraint cannot look at another table.
    return [
        models.CheckConstraint(
            condition=Q(start__gte=0) & Q(end__gt=F("start")), name=f"{prefix}_span_ordered"
        ),
    ]


class Claim(models.Model):
    """One quantitative statement in an article: its sentence, its span, its quantities."""

    article = models.ForeignKey("claims.Article", on_delete=models.CASCADE, related_name="claims")
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=500, help_text="The claim's surface, as in the article.")
    sentence = models.TextField(help_text="The sentence the claim stands in.")
    # The sentence's tsvector (claims.selectors.claim_search_vector), kept by the trigger of
    # migration 0012 and GIN-indexed there, so that no search recomputes it for every claim.
    # Unused (always null) on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    kind = models.CharField(max_length=12, choices=KIND_CHOICES, db_index=True)
    check_worthiness = models.FloatField(default=0.0)
    state = models.CharField(max_length=12, choices=ClaimState.choices, default=ClaimState.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_claims",
    )
    worst_outcome = models.CharField(
        max_length=12,
        choices=OUTCOME_CHOICES,
        blank=True,
        help_text="The most severe machine finding, kept for the queues.",
    )
    detached = models.BooleanField(
        default=False,
        help_text="Re-extraction no longer finds this claim; kept because an editor worked on it.",
    )
    review_comment = models.TextField(
        blank=True, help_text="What the reviewer asked for when the proposal was sent back."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Who moved the claim, when, from which state to which (claims/workflow.py makes the moves).
    history = HistoricalRecords(excluded_fields=["sentence", "search_vector"])

    class Meta:
        ordering = ["article_id", "start", "id"]
        indexes = [
            models.Index(fields=["state", "-updated_at"]),
            models.Index(fields=["assignee", "state"]),
            models.Index(fields=["article", "start"]),
            models.Index(fields=["worst_outcome", "state"]),
            models.Index(fields=["-created_at"]),
        ]
        constraints = [
            *_span_constraints("claim"),
            models.CheckConstraint(
                condition=Q(sentence_start__lte=F("start")) & Q(sentence_end__gte=F("end")),
                name="claim_span_inside_sentence",
            ),
            models.CheckConstraint(
                condition=Q(state__in=ClaimState.values), name="claim_state_valid"
            ),
            models.CheckConstraint(condition=Q(kind__in=KINDS), name="claim_kind_valid"),
            models.CheckConstraint(
                condition=Q(worst_outcome__in=[*OUTCOMES, ""]), name="claim_worst_outcome_valid"
            ),
            models.CheckConstraint(
                condition=Q(check_worthiness__gte=0) & Q(check_worthiness__lte=1),
                name="claim_check_worthiness_unit_interval",
            ),
            models.UniqueConstraint(
                fields=["article", "start", "end"],
                condition=Q(detached=False),
                name="claim_one_per_span",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        """The claim's panel, open beside its article's text."""
        return f"{reverse('web:article', args=[self.article_id])}?claim={self.pk}#panel"


class Quantity(models.Model):
    """A quantity of a claim, as extracted and normalised to SI units."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="quantities")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=300)
    value = models.FloatField()
    value_high = models.FloatField(null=True, blank=True)
    unit = models.CharField(max_length=60, blank=True)
    kind = models.CharField(max_length=12, choices=KIND_CHOICES, db_index=True)
    si_value = models.FloatField(db_index=True)
    si_value_high = models.FloatField(null=True, blank=True)
    qualifier = models.CharField(max_length=12, choices=QUALIFIER_CHOICES, default="exact")
    step = models.FloatField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "quantities"
        ordering = ["claim_id", "start"]
        constraints = [
            *_span_constraints("quantity"),
            models.CheckConstraint(condition=Q(kind__in=KINDS), name="quantity_kind_valid"),
            models.CheckConstraint(
                condition=Q(qualifier__in=QUALIFIERS), name="quantity_qualifier_valid"
            ),
            models.CheckConstraint(
                condition=Q(value_high__isnull=True) | Q(value_high__gte=F("value")),
                name="quantity_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.text


class CheckResult(models.Model):
    """What a machine check said about a claim (a stored `claims.checks.Finding`)."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="check_results")
    source = models.ForeignKey(
        "claims.Source",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="check_results",
        help_text="The source whose reference value was used.",
    )
    check_name = models.CharField("check", max_length=20, choices=CHECK_CHOICES)
    outcome = models.CharField(max_length=12, choices=OUTCOME_CHOICES, db_index=True)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    expected = models.CharField(max_length=300, blank=True)
    explanation = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["claim_id", "start", "id"]
        constraints = [
            *_span_constraints("checkresult"),
            models.CheckConstraint(
                condition=Q(check_name__in=CHECKS), name="checkresult_check_valid"
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=OUTCOMES), name="checkresult_outcome_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.check_name}: {self.outcome}"

    @classmethod
    def from_finding(
        cls, finding: Finding, *, claim_id: int, source: Source | None = None
    ) -> CheckResult:
        """The unsaved row that stores `finding` (its `expected` cut to fit the column)."""
        return cls(
            claim_id=claim_id,
            source=source,
            check_name=finding.check,
            outcome=finding.outcome,
            start=finding.start,
            end=finding.end,
            expected=finding.expected[:300],
            explanation=finding.explanation,
        )
