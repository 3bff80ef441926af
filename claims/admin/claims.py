"""The claim changelist and change form: the reviewers' queues and their actions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.helpers import ActionForm
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ERROR_FLAG, ORDER_VAR
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponseRedirect, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html

from claims import exports, selectors, services, workflow
from claims.admin.actions import run_for_each
from claims.admin.history import HistoryAdmin
from claims.admin.inlines import (
    CheckResultInline,
    MatchInline,
    QuantityInline,
    SourceInline,
    VerdictInline,
    save_sources,
)
from claims.admin.paging import CappedCountPaginator
from claims.http.downloads import csv_download
from claims.models import Claim, RatingLabel, Source, Verdict
from claims.services.review import correction_approve, correction_reject


class ClaimActionForm(ActionForm):
    """The action bar's extra inputs: whom to assign, and the comment for a send-back."""

    assignee = forms.ModelChoiceField(
        queryset=selectors.assignable_users(), required=False, label="Assign to"
    )
    comment = forms.CharField(required=False, label="Comment", max_length=2000)


class QueueFilter(admin.SimpleListFilter):
    title = "queue"
    parameter_name = "queue"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(name, label) for name, (label, _) in selectors.QUEUES.items()]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Claim]) -> QuerySet[Claim]:
        name = self.value()
        if name in selectors.QUEUES:
            return selectors.queue_claims(name=name, queryset=queryset)
        return queryset


class RatingFilter(admin.SimpleListFilter):
    """The rating of the current verdict (a semi-join, so rows are never duplicated)."""

    title = "rating"
    parameter_name = "rating"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        """The labels of the scale in use (a verdict keeps the name it was given, so one
        rated on an earlier scale is found by that name in the search)."""
        labels = RatingLabel.objects.filter(scale__in_use=True).order_by("position")  # one query
        return [("none", "No verdict"), *((label.name, label.choice_name) for label in labels)]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Claim]) -> QuerySet[Claim]:
        current = Verdict.objects.filter(claim=OuterRef("pk"), is_current=True)
        value = self.value()
        if value == "none":
            return queryset.filter(~Exists(current))
        if value:
            return queryset.filter(Exists(current.filter(rating_name=value)))
        return queryset


class AssigneeFilter(admin.SimpleListFilter):
    """Me, nobody, or one of the newsroom (not every account on the site)."""

    title = "assignee"
    parameter_name = "assignee"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        people = [(str(u.pk), u.get_username()) for u in selectors.assignable_users()]
        return [("me", "Me"), ("none", "Nobody"), *people]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Claim]) -> QuerySet[Claim]:
        value = self.value()
        if value == "me":
            return queryset.filter(assignee_id=request.user.pk)
        if value == "none":
            return queryset.filter(assignee__isnull=True)
        if value and value.isdigit():
            return queryset.filter(assignee_id=int(value))
        return queryset


@admin.register(Claim)
class ClaimAdmin(HistoryAdmin):
    # The claim's page is its panel, which the change form links to with what it offers.
    view_on_site = False
    list_display = (
        "text",
        "state",
        "kind",
        "rating",
        "worst_finding",
        "assignee",
        "article",
        "in_the_panel",
    )
    list_filter = (QueueFilter, "state", "kind", RatingFilter, "worst_outcome", AssigneeFilter)
    list_select_related = ("article", "assignee")
    search_fields = ("sentence", "article__title", "article__text")  # see get_search_results
    search_help_text = (
        "Search the claim's sentence and the article's title and text: every word, as a whole"
        " word (“reservoirs” finds “reservoir”); “quotes” for a phrase."
    )
    inlines = [QuantityInline, SourceInline, CheckResultInline, VerdictInline, MatchInline]
    action_form = ClaimActionForm
    actions = [
        "assign_to_me",
        "assign_to_chosen",
        "publish",
        "send_back",
        "approve_correction",
        "reject_correction",
        "dismiss",
        "export_csv",
    ]
    paginator = CappedCountPaginator
    show_full_result_count = False
    list_per_page = 50
    fieldsets = (
        (None, {"fields": ("text", "sentence", "article", "kind", "check_worthiness")}),
        (
            "Workflow",
            {"fields": ("state", "assignee", "review_comment", "worst_outcome", "reader_reports")},
        ),
        ("Audit", {"fields": ("detached", "start", "end", "created_at", "updated_at")}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Claim]:
        # The article's raw and cleaned text can be megabytes; the list shows only its title.
        queryset = (
            super()
            .get_queryset(request)
            .defer("article__raw", "article__text", "article__search_vector")
        )
        return selectors.claims_with_current_rating(queryset)

    def get_urls(self) -> list[URLPattern]:
        export = path(
            "export/", self.admin_site.admin_view(self.export_view), name="claims_claim_export"
        )
        return [export, *super().get_urls()]

    def export_view(self, request: HttpRequest) -> HttpResponseRedirect | StreamingHttpResponse:
        """Every claim the changelist's filters and search select (all its pages), as CSV."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            # As the changelist itself answers a filter it cannot read.
            return HttpResponseRedirect(
                f"{reverse('admin:claims_claim_changelist')}?{ERROR_FLAG}=1"
            )
        return _csv_of(request, changelist.queryset)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Claim], search_term: str
    ) -> tuple[QuerySet[Claim], bool]:
        if not search_term.strip():
            return queryset, False
        if request.path == reverse("admin:autocomplete"):
            # A picker (a source's claim) is typed into letter by letter: parts of words.
            return selectors.claims_containing(queryset=queryset, search=search_term), False
        found = selectors.claims_search(queryset=queryset, search=search_term)
        if ORDER_VAR not in request.GET:  # no column sorted: the best matches first
            found = found.order_by("-search_rank", *found.query.order_by)
        return found, False

    def get_readonly_fields(self, request: HttpRequest, obj: Claim | None = None) -> list[str]:
        # Every change to a claim is a workflow move (the actions), never a form edit.
        return [f for fieldset in self.fieldsets for f in fieldset[1]["fields"]]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # claims come from extraction

    def has_delete_permission(self, request: HttpRequest, obj: Claim | None = None) -> bool:
        return False  # a claim that is not check-worthy is dismissed, and stays on record

    def save_model(self, request: HttpRequest, obj: Claim, form: Any, change: bool) -> None:
        """The claim itself is read-only here; only its sources (the inline) are saved."""

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        if formset.model is Source:
            save_sources(request, form.instance, formset)
        else:
            formset.save()

    @admin.display(description="rating", ordering="current_rating_value")
    def rating(self, obj: Claim) -> str:
        return getattr(obj, "current_rating", None) or "–"

    @admin.display(description="panel")
    def in_the_panel(self, obj: Claim) -> str:
        hidden = format_html('<span class="visually-hidden"> claim {} in the panel</span>', obj.pk)
        return format_html('<a href="{}">Open{}</a>', obj.get_absolute_url(), hidden)

    @admin.display(description="readers' reports")
    def reader_reports(self, obj: Claim) -> str:
        """The open reports in the queue, filtered to this claim (one COUNT)."""
        count = selectors.error_reports_open_count(claim_id=obj.pk)
        if not count:
            return "None open"
        url = reverse("admin:claims_errorreport_changelist")
        return format_html(
            '<a href="{}?claim__id__exact={}&amp;status=correction_requested">{} open</a>',
            url,
            obj.pk,
            count,
        )

    @admin.display(description="worst finding", ordering="worst_outcome")
    def worst_finding(self, obj: Claim) -> str:
        return obj.get_worst_outcome_display() or "–"

    @admin.action(description="Assign to me", permissions=["change"])
    def assign_to_me(self, request: HttpRequest, queryset: QuerySet[Claim]) -> None:
        run_for_each(
            request, _ids(queryset), services.claim_assign, "Assigned", assignee=request.user
        )

    @admin.action(description="Assign to the person chosen in “Assign to”", permissions=["change"])
    def assign_to_chosen(self, request: HttpRequest, queryset: QuerySet[Claim]) -> None:
        assignee = _action_input(request, "assignee")
        if assignee is None:
            messages.error(request, "Choose whom to assign the claims to.")
            return
        run_for_each(request, _ids(queryset), services.claim_assign, "Assigned", assignee=assignee)

    @admin.action(description="Publish the proposed verdict", permissions=["change"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Claim]) -> None:
        run_for_each(request, _ids(queryset), services.claim_publish, "Published")

    @admin.action(
        description="Send back to the editor (the comment is required)", permissions=["change"]
    )
    def send_back(self, request: HttpRequest, queryset: QuerySet[Claim]) -> None:
        comment = _action_input(request, "comment") or ""
        run_for_each(
            request, _ids(queryset), services.claim_send_back, "Sent back", comment=comment
        )

    @admin.action(
        description="Approve the proposed correction (not by its proposer)", permissions=["change"]
    )
    def approve_correction(
        self, request: HttpRequest, queryset: QuerySet[Claim]
    ) -> TemplateResponse | None:
        """First a page listing each proposal (rating, rationale, note, proposer); its
        confirmation approves exactly those, so a proposal withdrawn and replaced in between
        is refused rather than published unseen."""
        ids = _ids(queryset)
        if request.POST.get("confirmed") != "yes":
            pending = Verdict.objects.filter(
                claim_id__in=ids, **workflow.PENDING_CORRECTION
            ).select_related("author")
            proposals = {v.claim_id: v for v in pending}
            context = {
                **self.admin_site.each_context(request),
                "title": "Approve these corrections?",
                "opts": self.model._meta,
                "rows": [(claim_id, proposals.get(claim_id)) for claim_id in sorted(ids)],
                "any_proposal": bool(proposals),
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/claims/claim/approve_corrections.html", context)
        seen = {claim_id: request.POST.get(f"proposal-{claim_id}", "") for claim_id in ids}

        def approve_the_one_shown(*, actor: Any, claim_id: int) -> Verdict:
            shown = seen[claim_id]
            # 0 is no proposal's id: a claim confirmed without one is refused.
            proposal_id = int(shown) if shown.isdigit() else 0
            return correction_approve(actor=actor, claim_id=claim_id, proposal_id=proposal_id)

        run_for_each(request, ids, approve_the_one_shown, "Correction approved")
        return None

    @admin.action(description="Reject the proposed correction", permissions=["change"])
    def reject_correction(self, request: HttpRequest, queryset: QuerySet[Claim]) -> None:
        reason = _action_input(request, "comment") or ""
        run_for_each(
            request, _ids(queryset), correction_reject, "Correction rejected", reason=reason
        )

    @admin.action(description="Dismiss as not check-worthy", permissions=["change"])
    def dismiss(self, request: HttpRequest, queryset: QuerySet[Claim]) -> None:
        reason = _action_input(request, "comment") or ""
        run_for_each(request, _ids(queryset), services.claim_dismiss, "Dismissed", reason=reason)

    @admin.action(description="Export selected claims as CSV", permissions=["view"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet[Claim]) -> StreamingHttpResponse:
        return _csv_of(request, queryset)


def _csv_of(request: HttpRequest, queryset: QuerySet[Claim]) -> StreamingHttpResponse:
    chunks = exports.claims_csv(queryset, absolute_url=request.build_absolute_uri)
    return csv_download(chunks, name="claims")


def _ids(queryset: QuerySet[Claim]) -> list[int]:
    return list(queryset.order_by().values_list("pk", flat=True))


def _action_input(request: HttpRequest, name: str) -> Any:
    form = ClaimActionForm(request.POST)
    form.is_valid()  # `action` has no choices here; only the extra inputs are read
    return form.cleaned_data.get(name)
