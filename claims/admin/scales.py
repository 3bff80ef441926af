"""The newsroom's rating scales: labels in order, with colours and ClaimReview numbers.

Editing a scale never touches a verdict: each verdict keeps the name, number and colour its
label had when it was proposed (Verdict.set_label). A label that verdicts use cannot be deleted.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from claims import services
from claims.admin.history import HistoryAdmin
from claims.models import RatingLabel, RatingScale


class RatingLabelForm(forms.ModelForm):
    class Meta:
        model = RatingLabel
        fields = ("position", "name", "rating_value", "colour", "description")
        # The browser's colour picker; the stored value is the same #rrggbb.
        widgets = {"colour": forms.TextInput(attrs={"type": "color"})}


class RatingLabelInline(admin.TabularInline):
    model = RatingLabel
    form = RatingLabelForm
    extra = 1
    ordering = ("position",)


@admin.register(RatingScale)
class RatingScaleAdmin(HistoryAdmin):
    list_display = ("name", "in_use", "label_names", "updated_at")
    fields = ("name", "in_use")
    readonly_fields = ("in_use",)
    inlines = [RatingLabelInline]
    actions = ["put_in_use"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[RatingScale]:
        return super().get_queryset(request).prefetch_related("labels")

    @admin.display(description="labels")
    def label_names(self, obj: RatingScale) -> str:
        return ", ".join(label.choice_name for label in obj.labels.all())

    @admin.action(description="Put the selected scale in use for new verdicts")
    def put_in_use(self, request: HttpRequest, queryset: QuerySet[RatingScale]) -> None:
        if queryset.count() != 1:
            self.message_user(request, "Choose exactly one scale.", level=messages.ERROR)
            return
        scale = services.rating_scale_put_in_use(actor=request.user, scale_id=queryset.get().pk)
        self.message_user(
            request,
            f"“{scale.name}” is in use: new verdicts are rated on it. Published verdicts keep "
            "the labels they were given.",
        )
