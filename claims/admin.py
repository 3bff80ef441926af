from django.contrib import admin

from claims.models import Article, CheckResult, Claim, Quantity, Source, Verdict


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = ("text", "kind", "state", "worst_outcome", "assignee")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "publisher", "dateline", "extraction_state", "created_at")
    list_filter = ("extraction_state", "origin")
    search_fields = ("title", "publisher", "byline")
    readonly_fields = (
        "raw",
        "raw_content_type",
        "content_hash",
        "extraction_state",
        "extraction_error",
        "extractor_version",
        "extraction_attempts",
        "extraction_queued_at",
        "extraction_started_at",
        "extraction_finished_at",
        "created_at",
        "updated_at",
    )
    inlines = [ClaimInline]
    show_full_result_count = False


class QuantityInline(admin.TabularInline):
    model = Quantity
    fields = ("text", "kind", "value", "value_high", "unit", "si_value", "qualifier")
    readonly_fields = fields
    extra = 0
    can_delete = False


class CheckResultInline(admin.TabularInline):
    model = CheckResult
    fields = ("check_name", "outcome", "expected", "explanation")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ("text", "kind", "state", "worst_outcome", "assignee", "article")
    list_filter = ("state", "kind", "worst_outcome")
    list_select_related = ("article", "assignee")
    search_fields = ("text", "sentence")
    raw_id_fields = ("article", "assignee")
    inlines = [QuantityInline, CheckResultInline]
    show_full_result_count = False


admin.site.register(Source)
admin.site.register(Verdict)
