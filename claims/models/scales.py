"""The newsroom's rating scales, kept as data: labels in order, with colours, each mapped to a
ClaimReview ratingValue (1 worst – 5 best) or to none (a textual rating).

One scale is in use at a time. A verdict copies its label's name, number and colour when it is
proposed (Verdict.set_label), and is published as its reviewer read it, so that changing a
scale later never rewrites a verdict, published or waiting.
"""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models, transaction
from django.db.models import Q
from simple_history.models import HistoricalRecords

WORST, BEST = 1, 5

colour_hex = RegexValidator(
    r"^#[0-9a-f]{6}$", message="Write the colour as # and six hex digits, such as #1a7f37."
)

# The scale a new installation starts with (migration 0013 stores the same labels): the five
# ratings the product had before scales were data, best first.
DEFAULT_SCALE_NAME = "Five-point scale"
DEFAULT_LABELS: tuple[tuple[str, int | None, str], ...] = (
    ("True", 5, "#1a7f37"),
    ("Mostly true", 4, "#4d8f2a"),
    ("Half true", 3, "#9a6700"),
    ("Mostly false", 2, "#c2410c"),
    ("False", 1, "#b42318"),
)


class RatingScale(models.Model):
    name = models.CharField(max_length=100, unique=True)
    in_use = models.BooleanField(
        default=False, help_text="New verdicts are rated on the scale in use; only one is."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-in_use", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["in_use"], condition=Q(in_use=True), name="rating_scale_one_in_use"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (in use)" if self.in_use else self.name

    @classmethod
    def current(cls) -> RatingScale:
        """The scale in use. A database without one (a fresh one flushed by a test, or one
        whose scale was taken out of use) gets the default scale back rather than failing."""
        in_use = RatingScale.objects.filter(in_use=True).first()
        return in_use if in_use is not None else ensure_default_scale()

    def find_label(self, given: str | int) -> RatingLabel:
        """The label a caller names: by its name (any case), or by its number when only one
        label of the scale has it. ValueError says what the scale offers instead."""
        labels = list(self.labels.all())
        text = str(given).strip()
        if text.isdigit():
            numbered = [label for label in labels if label.rating_value == int(text)]
            if len(numbered) == 1:
                return numbered[0]
            if numbered:
                names = ", ".join(f"“{label.name}”" for label in numbered)
                raise ValueError(f"Several labels are worth {text} ({names}): give its name.")
        for label in labels:
            if label.name.casefold() == text.casefold():
                return label
        offered = "; ".join(label.choice_name for label in labels)
        raise ValueError(f"“{text}” is not a rating of the scale in use. Choose one of: {offered}.")


class RatingLabel(models.Model):
    scale = models.ForeignKey(RatingScale, on_delete=models.CASCADE, related_name="labels")
    name = models.CharField(max_length=60)
    position = models.PositiveSmallIntegerField(
        help_text="The order in which the labels are listed, from 1 (first)."
    )
    colour = models.CharField(max_length=7, default="#57606a", validators=[colour_hex])
    rating_value = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(WORST), MaxValueValidator(BEST)],
        help_text=(
            "ClaimReview's ratingValue, from 1 (worst) to 5 (best); leave blank for a label "
            "that is not a point on that line (e.g. “Unproven”): it is published by name only."
        ),
    )
    description = models.CharField(
        max_length=300, blank=True, help_text="What the label means, for the methodology."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["scale_id", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "name"], name="rating_label_unique_name"),
            models.UniqueConstraint(
                fields=["scale", "position"], name="rating_label_unique_position"
            ),
            models.CheckConstraint(
                condition=Q(rating_value__isnull=True)
                | Q(rating_value__gte=WORST, rating_value__lte=BEST),
                name="rating_label_value_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(colour__regex=r"^#[0-9a-f]{6}$"), name="rating_label_colour_hex"
            ),
        ]

    def __str__(self) -> str:
        return self.choice_name

    @property
    def choice_name(self) -> str:
        return choice_name(self.name, self.rating_value)

    def clean(self) -> None:
        self.colour = (self.colour or "").lower()


def choice_name(name: str, value: int | None) -> str:
    """A rating as the verdict forms list it: "4 – Mostly true", or "Unproven" without a
    number."""
    return name if value is None else f"{value} – {name}"


@transaction.atomic
def put_in_use(scale_id: int, *, actor: Any = None) -> RatingScale:
    """Make this scale the one in use (the others leave it), with the actor in the history."""
    chosen = RatingScale.objects.select_for_update().get(pk=scale_id)
    others = RatingScale.objects.select_for_update().filter(in_use=True).exclude(pk=scale_id)
    for scale in [*others, chosen]:
        scale._history_user = actor  # type: ignore[attr-defined]
        scale.in_use = scale.pk == scale_id
        scale.save(update_fields=["in_use", "updated_at"])
    return chosen


@transaction.atomic
def ensure_default_scale() -> RatingScale:
    """The default scale, put in use (created when missing)."""
    scale, created = RatingScale.objects.get_or_create(name=DEFAULT_SCALE_NAME)
    if created:
        RatingLabel.objects.bulk_create(
            RatingLabel(scale=scale, name=name, position=i, rating_value=value, colour=colour)
            for i, (name, value, colour) in enumerate(DEFAULT_LABELS, start=1)
        )
    return scale if scale.in_use else put_in_use(scale.pk)
