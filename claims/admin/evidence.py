"""Sources and verdicts. Both are written only through the services; history is kept."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from claims import services, workflow
from claims.admin.history import HistoryAdmin
from claims.admin.paging import CappedCountPaginator
from claims.admin.versions import VERSION, VersionedAdminMixin, VersionedForm
from claims.models import ClaimState, Source, Verdict
from claims.services.review import SOURCE_FIELDS
from claims.web.forms import FigureField, RatingField
from claims.workflow import Move

SOURCE_AUDIT = ("added_by", "created_at", "updated_at")
SOURCE_FORM_FIELDS = (
    "title",
    "url",
    "publisher",
    "quote",
    "accessed_on",
    "reference_value",
    "reference_unit",
)
assert set(SOURCE_FORM_FIELDS) == SOURCE_FIELDS  # the form edits what the service accepts


class SourceForm(VersionedForm):
    actor: Any = None
    url = forms.URLField(max_length=2000, required=False, assume_scheme="https")
    reference_value = FigureField(label="Reference value", required=False)

    class Meta:
        model = Source
        fields = ("claim", *SOURCE_FORM_FIELDS)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        claim = data.get("claim") or getattr(self.instance, "claim", None)
        if claim is not None:
            reason = workflow.refusal(self.actor, Move.EDIT_SOURCES, claim)
            if reason:
                raise ValidationError(f"The sources of this claim cannot be changed: {reason}.")
        return data


@admin.register(Source)
class SourceAdmin(VersionedAdminMixin, HistoryAdmin):
    form = SourceForm
    list_display = ("title", "claim", "publisher", "reference_value", "reference_unit", "added_by")
    list_select_related = ("claim", "added_by")
    search_fields = ("title", "publisher", "url")
    autocomplete_fields = ("claim",)
    fields = ("claim", *SOURCE_FORM_FIELDS, *SOURCE_AUDIT)
    readonly_fields = SOURCE_AUDIT
    paginator = CappedCountPaginator
    show_full_result_count = False

    def get_form(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, **kwargs)
        form.actor = request.user
        return form

    def get_readonly_fields(self, request: HttpRequest, obj: Source | None = None) -> Any:
        # A source stays with the claim it was added to.
        return ("claim", *SOURCE_AUDIT) if obj else SOURCE_AUDIT

    def save_model(self, request: HttpRequest, obj: Source, form: Any, change: bool) -> None:
        values = {name: getattr(obj, name) for name in SOURCE_FIELDS}
        if change:
            changed = {k: v for k, v in values.items() if k in form.changed_data}
            services.source_update(actor=request.user, source_id=obj.pk, **changed)
        else:
            saved = services.source_add(actor=request.user, claim_id=obj.claim_id, **values)
            obj.pk = saved.pk

    def has_delete_permission(self, request: HttpRequest, obj: Source | None = None) -> bool:
        # The workflow decides: a claim in review or published keeps at least one source.
        if obj is not None and not workflow.can(
            request.user, Move.EDIT_SOURCES, obj.claim, removing_source=True
        ):
            return False
        return super().has_delete_permission(request, obj)

    def delete_model(self, request: HttpRequest, obj: Source) -> None:
        services.source_remove(actor=request.user, source_id=obj.pk)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        for source_id in queryset.values_list("pk", flat=True):
            try:
                services.source_remove(actor=request.user, source_id=source_id)
            except workflow.TransitionError as refused:
                self.message_user(request, str(refused), level=messages.WARNING)


class CorrectionForm(VersionedForm):
    """Editing a published verdict proposes a correction: a new row that will supersede this
    one once another reviewer approves it (the claims' action "Approve the proposed
    correction"). No rating is chosen for the reviewer: the published one is named instead."""

    actor: Any = None
    rating = RatingField()

    class Meta:
        model = Verdict
        fields = ("rating", "headline", "claim_reviewed", "rationale", "correction_note")
        help_texts = {"correction_note": "Required: what changed and why, shown to readers."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rating"].use_current_scale()  # type: ignore[attr-defined]
        self.initial["correction_note"] = ""  # a new correction needs its own note
        self.initial["rating"] = None
        if self.instance.pk is not None:
            self.fields["rating"].help_text = (
                f"The published rating is “{self.instance.rating_choice_name}”: choose the "
                "rating the correction gives, even if it stays the same."
            )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        reason = workflow.refusal(
            self.actor,
            Move.CORRECT,
            self.instance.claim,
            rationale=data.get("rationale", ""),
            note=data.get("correction_note", ""),
        )
        if reason:
            raise ValidationError(f"This verdict cannot be corrected: {reason}.")
        return data


@admin.register(Verdict)
class VerdictAdmin(VersionedAdminMixin, HistoryAdmin):
    list_display = ("claim", "rating_name", "is_current", "author", "reviewer", "published_at")
    list_filter = ("rating_name", "is_current")
    list_select_related = ("claim", "author", "reviewer")
    search_fields = ("rationale", "claim__text")
    paginator = CappedCountPaginator
    show_full_result_count = False
    fields = (
        "claim",
        "rating_name",
        "rating_value",
        "headline",
        "claim_reviewed",
        "rationale",
        "correction_note",
        "supersedes",
        "is_current",
        "author",
        "reviewer",
        "created_at",
        "published_at",
    )

    def _correctable(self, request: HttpRequest, obj: Verdict | None) -> bool:
        return (
            obj is not None
            and obj.is_current
            and obj.claim.state == ClaimState.PUBLISHED
            and workflow.can(request.user, Move.CORRECT, obj.claim, rationale="-", note="-")
        )

    def _correction_page(self, request: HttpRequest, obj: Verdict | None) -> bool:
        """A correction form is shown, or was: a correction sent from a page read before the
        verdict was superseded is refused by the form (stale), not dropped as a no-op."""
        sent = obj is not None and request.method == "POST" and VERSION in request.POST
        return sent or self._correctable(request, obj)

    def versioned(self, request: HttpRequest, obj: Any) -> bool:
        return self._correction_page(request, obj)  # otherwise nothing on the page is editable

    def get_form(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        if self._correction_page(request, obj):
            kwargs["form"] = CorrectionForm
        form = super().get_form(request, obj, **kwargs)
        form.actor = request.user
        return form

    def get_fields(self, request: HttpRequest, obj: Verdict | None = None) -> Any:
        if self._correction_page(request, obj):  # the correction's own rating field too
            at = self.fields.index("rating_value") + 1
            return (*self.fields[:at], "rating", *self.fields[at:])
        return self.fields

    def get_readonly_fields(self, request: HttpRequest, obj: Verdict | None = None) -> Any:
        if self._correction_page(request, obj):
            return [f for f in self.fields if f not in CorrectionForm.Meta.fields]
        return self.fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # verdicts are proposed by editors in the web UI (services.verdict_propose)

    def has_delete_permission(self, request: HttpRequest, obj: Verdict | None = None) -> bool:
        return False  # published verdicts and their corrections stay on record

    def save_model(self, request: HttpRequest, obj: Verdict, form: Any, change: bool) -> None:
        """Not an edit: a correction is proposed; the published verdict stays until another
        reviewer approves it."""
        if not isinstance(form, CorrectionForm):
            return  # nothing on this form was editable
        data = form.cleaned_data
        services.verdict_correct(
            actor=request.user,
            claim_id=obj.claim_id,
            rating=data["rating"],
            rationale=data["rationale"],
            note=data["correction_note"],
            headline=data["headline"],
            claim_reviewed=data["claim_reviewed"],
        )
        messages.info(
            request,
            "Correction proposed. It is published once another reviewer approves it "
            "(Claims: “Approve the proposed correction”).",
        )
