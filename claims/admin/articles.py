"""Articles as received, their extraction state, and re-running extraction."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from claims import services
from claims.admin.history import HistoryAdmin
from claims.admin.paging import CappedCountPaginator
from claims.models import Article, Claim
from claims.models.article import EXTRACTION_FIELDS, FACT_FIELDS
from claims.models.evidence import web_url
from claims.services.article_facts import article_lock_facts
from claims.services.versions import StaleEdit, version_of


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = ("text", "kind", "state", "worst_outcome", "assignee")
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    show_change_link = True

    def get_queryset(self, request: HttpRequest) -> QuerySet[Claim]:
        return super().get_queryset(request).select_related("assignee")


class ArticleFactsAdminForm(forms.ModelForm):
    """The facts, and the version of the article they were read at: a save based on facts
    someone changed since is refused on the form, saying what changed."""

    version = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Article
        fields = list(FACT_FIELDS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = version_of(self.instance)
        if "url" in self.fields:  # only http(s), as everywhere (services.article_update_facts)
            self.fields["url"].validators.append(web_url)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.instance.pk and data.get("version"):
            try:
                # The admin's change view is one transaction: the lock taken here holds until
                # the service has saved (`save_model`), so no other save slips in between.
                article_lock_facts(article_id=self.instance.pk, seen_version=data["version"])
            except StaleEdit as exc:
                raise ValidationError(str(exc), code="stale") from exc
        return data


@admin.register(Article)
class ArticleAdmin(HistoryAdmin):
    form = ArticleFactsAdminForm
    list_display = ("title", "publisher", "dateline", "extraction_state", "created_at")
    list_filter = ("extraction_state",)
    search_fields = ("title", "publisher", "byline")
    inlines = [ClaimInline]
    actions = ["rerun_extraction"]
    paginator = CappedCountPaginator
    show_full_result_count = False
    fieldsets = (
        (None, {"fields": (*FACT_FIELDS, "version", "text")}),
        ("Extraction", {"fields": EXTRACTION_FIELDS}),
        (
            "As received",
            {
                "classes": ("collapse",),
                "fields": ("raw", "raw_content_type", "content_hash", "origin", "submitted_by"),
            },
        ),
        ("Audit", {"fields": ("created_at", "updated_at")}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        queryset = super().get_queryset(request)
        url_name = request.resolver_match.url_name if request.resolver_match else None
        if url_name and url_name.endswith("changelist"):
            # The list shows neither text; they can be megabytes per row.
            queryset = queryset.defer("raw", "text", "search_vector")
        return queryset

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # An article is kept exactly as received; only its facts are corrected, through the
        # service (`save_model`), which keeps each change in the history.
        shown = flatten_fieldsets(self.get_fieldsets(request, obj))
        if obj is None or not self.has_change_permission(request, obj):
            return [name for name in shown if name != "version"]
        return [name for name in shown if name not in (*FACT_FIELDS, "version")]

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        changes = {name: form.cleaned_data[name] for name in FACT_FIELDS}
        result = services.article_update_facts(
            actor=request.user,
            article_id=obj.pk,
            seen_version=form.cleaned_data["version"],
            **changes,
        )
        if result.rechecking:
            messages.info(request, "The dateline changed: extraction and checks run again.")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # articles come in through ingest (web UI, API, command)

    @admin.action(description="Re-run extraction", permissions=["change"])
    def rerun_extraction(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        ids = list(queryset.order_by().values_list("pk", flat=True))
        count = services.articles_requeue_extraction(article_ids=ids)
        skipped = len(ids) - count
        messages.success(request, f"Extraction queued again for {count} article(s).")
        if skipped:
            messages.warning(request, f"{skipped} article(s) are being extracted right now.")
