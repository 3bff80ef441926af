"""The claims list's filters (django-filter): state, kind, finding, assignee, article, text."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet

from claims import selectors
from claims.models import Claim, ClaimState
from claims.models.choices import KIND_CHOICES, OUTCOME_CHOICES


class ClaimFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search", method="search")
    state = django_filters.ChoiceFilter(choices=ClaimState.choices, empty_label="Any state")
    kind = django_filters.ChoiceFilter(choices=KIND_CHOICES, empty_label="Any kind")
    finding = django_filters.ChoiceFilter(
        label="Finding",
        field_name="worst_outcome",
        choices=[*OUTCOME_CHOICES, ("none", "No finding")],
        empty_label="Any finding",
        method="by_finding",
    )
    assignee = django_filters.ModelChoiceFilter(
        queryset=lambda request: selectors.assignable_users(), empty_label="Anyone"
    )
    article = django_filters.NumberFilter(label="Article number", min_value=1, max_value=2**63 - 1)

    class Meta:
        model = Claim
        fields = ["q", "state", "kind", "finding", "assignee", "article"]

    def search(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        return (
            selectors.claims_search(queryset=queryset, search=value) if value.strip() else queryset
        )

    def by_finding(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        return queryset.filter(worst_outcome="" if value == "none" else value)
