"""What the claim change form shows beneath the claim; only sources are editable, via services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest

from claims import services, workflow
from claims.models import (
    CheckResult,
    Claim,
    ClaimMatch,
    ClaimState,
    Quantity,
    Source,
    Verdict,
)
from claims.services.review import SOURCE_FIELDS
from claims.web.forms import FigureField
from claims.workflow import Move


class _ReadOnlyInline(admin.TabularInline):
    extra = 0
    max_num = 0
    can_delete = False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.fields


class QuantityInline(_ReadOnlyInline):
    model = Quantity
    fields = ("text", "kind", "value", "value_high", "unit", "si_value", "qualifier")


class CheckResultInline(_ReadOnlyInline):
    model = CheckResult
    verbose_name_plural = "machine findings"
    fields = ("check_name", "outcome", "expected", "explanation", "source")


class VerdictInline(_ReadOnlyInline):
    model = Verdict
    fk_name = "claim"
    verbose_name_plural = "verdicts (the current one and every version it corrects)"
    fields = ("rating_name", "rationale", "author", "reviewer", "is_current", "published_at")
    show_change_link = True


class MatchInline(_ReadOnlyInline):
    """Seen before, for the record: an editor decides matches in the newsroom panel, where
    each decision carries the match's version."""

    model = ClaimMatch
    fk_name = "claim"
    verbose_name = "match with an earlier claim"
    verbose_name_plural = "seen before (decided in the newsroom panel)"
    fields = ("earlier", "text_score", "reason", "decision", "status", "decided_by", "decided_at")

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Whoever may see the claim sees its matches (the groups hold no permission of their
        # own on matches, which are written only by the matching service and the panel).
        return request.user.has_perm("claims.view_claim")

    def get_queryset(self, request: HttpRequest) -> models.QuerySet[ClaimMatch]:
        return (
            super()
            .get_queryset(request)
            .select_related("earlier", "decided_by")
            .defer("earlier__sentence", "earlier__search_vector")
        )


class SourceFormSet(BaseInlineFormSet):
    """Refuses, before anything is saved, what the workflow would refuse."""

    actor: Any = None

    def clean(self) -> None:
        super().clean()
        if not self.has_changed():
            return
        reason = workflow.refusal(self.actor, Move.EDIT_SOURCES, self.instance)
        if reason:
            raise ValidationError(f"The sources cannot be changed: {reason}.")
        kept = [f for f in self.forms if f.has_changed() or f.instance.pk]
        # How BaseFormSet itself reads the delete box; the stubs leave its private methods out.
        kept = [f for f in kept if not self._should_delete_form(f)]  # type: ignore[attr-defined]
        if self.instance.state in (ClaimState.IN_REVIEW, ClaimState.PUBLISHED) and not kept:
            raise ValidationError("A verdict in review or published must keep a source.")


class SourceInlineForm(forms.ModelForm):
    # The same reader of figures as every other form ("8,000" taken, words told what to write).
    reference_value = FigureField(label="Reference value", required=False)

    class Meta:
        model = Source
        fields = ("claim", *sorted(SOURCE_FIELDS))


class SourceInline(admin.StackedInline):
    model = Source
    form = SourceInlineForm
    formset = SourceFormSet
    extra = 0
    fields = (
        ("title", "publisher"),
        "url",
        "quote",
        ("accessed_on", "reference_value", "reference_unit"),
        ("added_by", "created_at"),
    )
    readonly_fields = ("added_by", "created_at")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_formset(self, request: HttpRequest, obj: Claim | None = None, **kwargs: Any) -> Any:
        formset = super().get_formset(request, obj, **kwargs)
        assert issubclass(formset, SourceFormSet)  # the admin builds it from `self.formset`
        formset.actor = request.user
        return formset


def save_sources(request: HttpRequest, claim: Claim, formset: Any) -> None:
    """Write the inline's additions, edits and deletions through the services."""
    formset.save(commit=False)
    actor = request.user
    for source in formset.new_objects:
        values = {name: getattr(source, name) for name in SOURCE_FIELDS}
        services.source_add(actor=actor, claim_id=claim.pk, **values)
    for source, changed in formset.changed_objects:
        values = {name: getattr(source, name) for name in changed if name in SOURCE_FIELDS}
        services.source_update(actor=actor, source_id=source.pk, **values)
    # Removals last, so that replacing the only source of a claim in review is allowed.
    for source in formset.deleted_objects:
        services.source_remove(actor=actor, source_id=source.pk)
