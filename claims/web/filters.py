"""The web lists' filters (django-filter): the claims list and the articles list."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet

from claims import selectors
from claims.models import Article, Claim, ClaimState, ExtractionState
from claims.models.choices import KIND_CHOICES, OUTCOME_CHOICES

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ClaimFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search",
        method="search",
        help_text="Words of the sentence or of the article; “quotes” for a phrase.",
    )
    article_title = django_filters.CharFilter(
        label="Article title", method="by_article_title", help_text="Words of its title."
    )
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
    # Set by the links of the articles list and the article page, never typed: hidden.
    article = django_filters.NumberFilter(
        label="Article number", min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput
    )

    class Meta:
        model = Claim
        fields = ["q", "article_title", "state", "kind", "finding", "assignee", "article"]

    def search(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        # The claims whose own sentence matches first, then those found by their article.
        found = selectors.claims_search(queryset=queryset, search=value)
        return found.order_by("-search_rank", "-created_at", "-id")

    def by_article_title(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        return selectors.claims_in_articles_titled(queryset=queryset, title=value)

    def by_finding(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        return queryset.filter(worst_outcome="" if value == "none" else value)


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search",
        method="search",
        help_text="Words of the title, text, publisher or byline; “quotes” for a phrase.",
    )
    state = django_filters.ChoiceFilter(
        label="Extraction",
        field_name="extraction_state",
        choices=ExtractionState.choices,
        empty_label="Any state",
    )
    publisher = django_filters.ChoiceFilter(
        choices=lambda: [(p, p) for p in selectors.article_publishers()],
        empty_label="Any publisher",
    )
    dateline_from = django_filters.DateFilter(
        label="Dateline from", field_name="dateline", lookup_expr="gte", widget=DATE
    )
    dateline_to = django_filters.DateFilter(
        label="Dateline to", field_name="dateline", lookup_expr="lte", widget=DATE
    )
    inconsistent = django_filters.ChoiceFilter(
        label="Inconsistent claims",
        choices=[("yes", "Some"), ("no", "None")],
        empty_label="Either",
        method="by_inconsistent",
    )
    order = django_filters.OrderingFilter(
        label="Order",
        empty_label="Newest first",
        fields=(
            ("created_at", "created"),
            ("dateline", "dateline"),
            ("title", "title"),
            ("publisher", "publisher"),
            ("claim_count", "claims"),
            ("inconsistent_count", "inconsistent"),
        ),
        field_labels={
            "created_at": "Created",
            "dateline": "Dateline",
            "title": "Title",
            "publisher": "Publisher",
            "claim_count": "Claims",
            "inconsistent_count": "Inconsistent claims",
        },
    )

    class Meta:
        model = Article
        fields = ["q", "state", "publisher", "dateline_from", "dateline_to", "inconsistent"]

    def search(self, queryset: QuerySet[Article], name: str, value: str) -> QuerySet[Article]:
        return selectors.articles_search(queryset=queryset, search=value)

    def by_inconsistent(
        self, queryset: QuerySet[Article], name: str, value: str
    ) -> QuerySet[Article]:
        return selectors.articles_with_inconsistent_claims(
            queryset=queryset, present=value == "yes"
        )

    def filter_queryset(self, queryset: QuerySet[Article]) -> QuerySet[Article]:
        # A chosen order keeps the id as a tie-breaker, so that pages never overlap.
        queryset = super().filter_queryset(queryset)
        if self.form.cleaned_data.get("order"):
            queryset = queryset.order_by(*queryset.query.order_by, "-id")
        return queryset


class PublicCheckFilter(django_filters.FilterSet):
    """The public index's filters: the verdict's rating, and the date of first publication."""

    rating = django_filters.ChoiceFilter(
        label="Rating", choices=[], empty_label="Any rating", method="by_rating"
    )
    published_from = django_filters.DateFilter(
        label="Published from", field_name="first_published", lookup_expr="date__gte", widget=DATE
    )
    published_to = django_filters.DateFilter(
        label="Published to", field_name="first_published", lookup_expr="date__lte", widget=DATE
    )

    class Meta:
        model = Claim
        fields = ["rating", "published_from", "published_to"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Read once a request: a callable would be asked again by validation and by the page.
        self.filters["rating"].extra["choices"] = selectors.public_ratings()

    def by_rating(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        return selectors.public_checks_rated(queryset=queryset, rating=value)
