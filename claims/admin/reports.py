"""The reviewers' queue of readers' error reports: newest first, filtered by status, date and
whether they name a fact-check; resolved or dismissed in bulk or one at a time, each decision
recording who made it and when (through claims/services/reports.py). What the reader sent is
read-only."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from claims.admin.history import HistoryAdmin
from claims.admin.paging import CappedCountPaginator
from claims.admin.versions import VERSION, VersionedAdminMixin, VersionedForm
from claims.models import ErrorReport, ErrorReportStatus
from claims.services.reports import error_report_decide, error_reports_close

READER_FIELDS = ("claim_links", "message", "name", "email", "page_url", "created_at")
DECISION_AUDIT = ("handled_by", "handled_at")


class ReportActionForm(ActionForm):
    note = forms.CharField(required=False, label="Note", max_length=5000)


class ErrorReportForm(VersionedForm):
    class Meta:
        model = ErrorReport
        fields = ("status", "resolution_note")


class HasClaimFilter(admin.SimpleListFilter):
    title = "about"
    parameter_name = "about"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("claim", "A fact-check"), ("site", "The site (general form)")]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[ErrorReport]
    ) -> QuerySet[ErrorReport]:
        if self.value() == "claim":
            return queryset.filter(claim__isnull=False)
        if self.value() == "site":
            return queryset.filter(claim__isnull=True)
        return queryset


@admin.register(ErrorReport)
class ErrorReportAdmin(VersionedAdminMixin, HistoryAdmin):
    form = ErrorReportForm
    action_form = ReportActionForm
    list_display = ("excerpt", "status", "about", "created_at", "name", "handled_by")
    list_filter = ("status", "created_at", HasClaimFilter)
    list_select_related = ("claim", "handled_by")
    search_fields = ("message", "name", "email", "claim__text")
    ordering = ("-created_at", "-id")
    date_hierarchy = "created_at"
    actions = ["mark_resolved", "dismiss"]
    paginator = CappedCountPaginator
    show_full_result_count = False
    list_per_page = 50
    fieldsets = (
        ("What the reader sent", {"fields": READER_FIELDS}),
        ("Decision", {"fields": ("status", "resolution_note", *DECISION_AUDIT, VERSION)}),
    )
    readonly_fields = (*READER_FIELDS, *DECISION_AUDIT)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # reports come from readers

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a report is dismissed, and stays on record

    def save_model(self, request: HttpRequest, obj: ErrorReport, form: Any, change: bool) -> None:
        try:
            error_report_decide(
                actor=request.user,
                report_id=obj.pk,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["resolution_note"],
            )
        except PermissionDenied as exc:
            messages.error(request, str(exc))

    @admin.display(description="report", ordering="created_at")
    def excerpt(self, obj: ErrorReport) -> str:
        return Truncator(" ".join(obj.message.split())).chars(80)

    @admin.display(description="about")
    def about(self, obj: ErrorReport) -> str:
        if obj.claim is None:
            return "The site"
        return format_html("“{}”", Truncator(obj.claim.text).chars(60))

    @admin.display(description="fact-check")
    def claim_links(self, obj: ErrorReport) -> str:
        claim = obj.claim
        if claim is None:
            return "None: sent from the general form"
        return format_html(
            '“{}” · <a href="{}">in the admin</a> · <a href="{}">in the newsroom panel</a>'
            ' · <a href="{}">its public page</a>',
            claim.text,
            reverse("admin:claims_claim_change", args=[claim.pk]),
            claim.get_absolute_url(),
            reverse("web:public_check", args=[claim.pk]),
        )

    @admin.action(description="Mark resolved (with the note, if any)", permissions=["change"])
    def mark_resolved(self, request: HttpRequest, queryset: QuerySet[ErrorReport]) -> None:
        self._close(request, queryset, ErrorReportStatus.RESOLVED, "Marked resolved")

    @admin.action(description="Dismiss (with the note, if any)", permissions=["change"])
    def dismiss(self, request: HttpRequest, queryset: QuerySet[ErrorReport]) -> None:
        self._close(request, queryset, ErrorReportStatus.DISMISSED, "Dismissed")

    def _close(
        self,
        request: HttpRequest,
        queryset: QuerySet[ErrorReport],
        status: ErrorReportStatus,
        done: str,
    ) -> None:
        form = ReportActionForm(request.POST)
        form.is_valid()  # `action` has no choices here; only the note is read
        ids = list(queryset.order_by().values_list("pk", flat=True))
        changed = error_reports_close(
            actor=request.user,
            report_ids=ids,
            status=status,
            note=form.cleaned_data.get("note") or "",
        )
        messages.success(request, f"{done}: {changed} report{'s' if changed != 1 else ''}.")
        if changed < len(ids):
            messages.info(request, f"{len(ids) - changed} already had that status.")
