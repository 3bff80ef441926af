"""Articles as received, their extraction state, and re-running extraction."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.db.models import QuerySet
from django.http import HttpRequest

from claims import services
from claims.admin.paging import CappedCountPaginator
from claims.models import Article, Claim
from claims.models.article import EXTRACTION_FIELDS


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


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "publisher", "dateline", "extraction_state", "created_at")
    list_filter = ("extraction_state",)
    search_fields = ("title", "publisher", "byline")
    inlines = [ClaimInline]
    actions = ["rerun_extraction"]
    paginator = CappedCountPaginator
    show_full_result_count = False
    fieldsets = (
        (None, {"fields": ("title", "url", "publisher", "byline", "dateline", "text")}),
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
            queryset = queryset.defer("raw", "text")
        return queryset

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # An article is kept exactly as received; ingest and extraction are its only writers.
        return flatten_fieldsets(self.fieldsets)

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
