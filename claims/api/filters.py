"""Filters of the claims list; each one is backed by an index (see the models)."""

from __future__ import annotations

from datetime import UTC, datetime

import django_filters as filters
from django.db.models import Exists, OuterRef, QuerySet
from rest_framework.exceptions import ValidationError

from claims import selectors
from claims.checks.finding import OUTCOMES
from claims.extraction.quantity import KINDS, QUALIFIERS
from claims.models import CheckResult, Claim, ClaimState, Quantity, Verdict
from claims.models.scales import BEST, WORST


def _choices(values) -> list[tuple[str, str]]:
    return [(v, v) for v in values]


def _utc(name: str, value: datetime) -> datetime:
    """In UTC: PostgreSQL refuses offsets beyond ±15:59, which ISO 8601 allows."""
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:
        raise ValidationError({name: ["The date is out of range."]}) from exc


RATING_NUMBER = f"A rating's number runs from {WORST} to {BEST}; or give the label's name."


class ClaimFilter(filters.FilterSet):
    state = filters.ChoiceFilter(choices=ClaimState.choices)
    kind = filters.ChoiceFilter(choices=_choices(KINDS))
    # Bounded: an id beyond a 64-bit integer is an error to report, not a query to run.
    article = filters.NumberFilter(field_name="article_id", min_value=1, max_value=2**63 - 1)
    rating = filters.CharFilter(
        method="by_rating",
        max_length=60,
        label="The current verdict's label (any case), or its number 1–5",
    )
    outcome = filters.ChoiceFilter(
        choices=_choices(OUTCOMES),
        method="by_outcome",
        label="Has a machine finding with this outcome",
    )
    qualifier = filters.ChoiceFilter(choices=_choices(QUALIFIERS), method="by_qualifier")
    si_value_min = filters.NumberFilter(method="by_si_min", label="A quantity ≥ this, in SI units")
    si_value_max = filters.NumberFilter(method="by_si_max", label="A quantity ≤ this, in SI units")
    published_after = filters.IsoDateTimeFilter(method="by_published_after")
    published_before = filters.IsoDateTimeFilter(method="by_published_before")
    search = filters.CharFilter(
        method="by_text", label="Words in the claim or its article's title (all of them)"
    )

    class Meta:
        model = Claim
        fields: list[str] = []

    def _has(self, queryset: QuerySet, model, **lookups) -> QuerySet:
        return queryset.filter(Exists(model.objects.filter(claim=OuterRef("pk"), **lookups)))

    def by_rating(self, queryset, name, value):
        text = value.strip()
        if text.isdigit():
            if not WORST <= int(text) <= BEST:
                raise ValidationError({name: [RATING_NUMBER]})
            return self._has(queryset, Verdict, is_current=True, rating_value=int(text))
        return self._has(queryset, Verdict, is_current=True, rating_name__iexact=text)

    def by_outcome(self, queryset, name, value):
        return self._has(queryset, CheckResult, outcome=value)

    # The quantity filters describe one quantity together ("an exact figure between 100 and
    # 5,000"), so they are gathered and applied as a single EXISTS in filter_queryset.
    QUANTITY_LOOKUPS = {
        "qualifier": "qualifier",
        "si_value_min": "si_value__gte",
        "si_value_max": "si_value__lte",
    }

    def by_quantity(self, queryset, name, value):
        return queryset

    by_qualifier = by_si_min = by_si_max = by_quantity

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        lookups = {
            lookup: self.form.cleaned_data[name]
            for name, lookup in self.QUANTITY_LOOKUPS.items()
            if self.form.cleaned_data.get(name) not in (None, "")
        }
        return self._has(queryset, Quantity, **lookups) if lookups else queryset

    def by_published_after(self, queryset, name, value):
        return self._has(queryset, Verdict, is_current=True, published_at__gte=_utc(name, value))

    def by_published_before(self, queryset, name, value):
        return self._has(queryset, Verdict, is_current=True, published_at__lte=_utc(name, value))

    def by_text(self, queryset, name, value):
        return selectors.claims_search(queryset=queryset, search=value)
