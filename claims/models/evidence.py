from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from claims.checks.reference_units import UNIT_SHAPE, read_unit
from claims.models.scales import BEST, WORST, RatingLabel, choice_name

# Only web addresses: a `javascript:` or `data:` URL must never reach a link.
web_url = URLValidator(schemes=["http", "https"])

# A unit as people write one (claims.checks.reference_units.UNIT_SHAPE): pint evaluates what
# it parses, so anything else (km**9**9**9 runs for minutes) never reaches it.
unit_written = RegexValidator(
    UNIT_SHAPE,
    message="Write a unit such as km, miles, square miles, km², km/h, °C, tonnes or %%.",
)


def reference_unit(value: str) -> None:
    """A unit written as people write one, that the machine checks can read: a spelling the
    extractor knows ("km2", "per cent", "USD", "C"), or a pint unit.

    One validator, not two: form and serializer fields run every validator even after one
    has failed, and the shape must be checked before pint evaluates anything.
    """
    if not value:
        return
    unit_written(value)
    if read_unit(value) is None:
        raise ValidationError(
            f"“{value}” is not a unit we know; try km, mile, square mile, day or kg.",
            code="unit",
        )


class Source(models.Model):
    """Evidence an editor attaches to a claim, optionally with a reference value."""

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="sources")
    url = models.URLField(max_length=2000, blank=True, validators=[web_url])
    title = models.CharField(max_length=500)
    publisher = models.CharField(max_length=200, blank=True)
    quote = models.TextField(blank=True)
    accessed_on = models.DateField(null=True, blank=True)
    reference_value = models.FloatField(null=True, blank=True)
    reference_unit = models.CharField(
        max_length=60,
        blank=True,
        validators=[reference_unit],
        help_text="A unit pint understands, e.g. 'km', 'mile', 'day'.",
    )
    # Blank for sources whose author's account was deleted (SET_NULL) or made by import.
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sources",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["claim_id", "created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(reference_value__isnull=False) | Q(reference_unit=""),
                name="source_unit_needs_value",
            ),
            models.CheckConstraint(
                condition=Q(url="") | Q(url__startswith="http://") | Q(url__startswith="https://"),
                name="source_url_is_web",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        """The reference value must fit the claim (claims/services/reference_values.py): run
        here so that every form on the model, and the services' full_clean, apply it."""
        from claims.services.reference_values import reference_validate

        if self.claim_id is not None:
            reference_validate(
                claim=self.claim, value=self.reference_value, unit=self.reference_unit
            )


class Verdict(models.Model):
    """A rating with its rationale. A change after publication is a new row: a correction."""

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="verdicts")
    label = models.ForeignKey(
        RatingLabel,
        on_delete=models.PROTECT,
        related_name="verdicts",
        help_text="The label chosen on the scale in use.",
    )
    # The label as it was when the verdict was proposed (set_label): the public page,
    # ClaimReview and the history read these, so editing or replacing a scale never rewrites
    # a verdict that was proposed or published with it.
    rating_name = models.CharField(max_length=60)
    rating_value = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="ClaimReview's ratingValue; blank for a textual rating."
    )
    rating_colour = models.CharField(max_length=7)
    headline = models.CharField(
        max_length=200, blank=True, help_text="The fact-check's title on the public page."
    )
    claim_reviewed = models.CharField(
        max_length=300,
        blank=True,
        help_text="A short statement of the claim, in a sentence (ClaimReview's claimReviewed).",
    )
    rationale = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="authored_verdicts",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_verdicts",
    )
    is_current = models.BooleanField(default=True)
    supersedes = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
        help_text="The published verdict that this one corrects.",
    )
    correction_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["claim_id", "-created_at", "-id"]
        indexes = [
            # Behind the rating filters of the claim and verdict changelists.
            models.Index(fields=["rating_name", "is_current"], name="verdict_rating_current"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["claim"], condition=Q(is_current=True), name="verdict_one_current_per_claim"
            ),
            models.CheckConstraint(
                condition=Q(rating_value__isnull=True)
                | Q(rating_value__gte=WORST, rating_value__lte=BEST),
                name="verdict_rating_value_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(supersedes__isnull=True) | ~Q(correction_note=""),
                name="verdict_correction_has_note",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rating_name} ({self.claim_id})"

    def set_label(self, label: RatingLabel) -> None:
        """Rate the verdict with `label`, copying what the public sees of it."""
        self.label = label
        self.rating_name, self.rating_value = label.name, label.rating_value
        self.rating_colour = label.colour

    @property
    def rating_choice_name(self) -> str:
        return choice_name(self.rating_name, self.rating_value)
