"""The organisation: one row, so the admin has a change page and nothing else."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from claims.admin.history import HistoryAdmin
from claims.models import Organization


@admin.register(Organization)
class OrganizationAdmin(HistoryAdmin):
    fieldsets = [
        (None, {"fields": ("name", "url", "logo_url", "contact_email")}),
        ("Public pages (Markdown)", {"fields": ("methodology", "corrections_policy")}),
        ("Fact-checks", {"fields": ("show_names",)}),
        ("Record", {"fields": ("created_at", "updated_at")}),
    ]
    readonly_fields = ("created_at", "updated_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # the row exists (Organization.current makes it)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        Organization.current()  # a flushed or fresh database has no row yet: make it
        return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        """There is nothing to list: straight to the one row's page."""
        if not self.has_view_or_change_permission(request):
            return super().changelist_view(request, extra_context)  # the admin's refusal
        pk = Organization.current().pk
        return HttpResponseRedirect(reverse("admin:claims_organization_change", args=[pk]))
