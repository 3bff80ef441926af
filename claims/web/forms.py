"""The editor UI's forms: input checking only; the services do the writing."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError

from claims import selectors
from claims.models import Rating
from claims.models.evidence import reference_unit

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class Form(forms.Form):
    """Labels without Django's trailing colon: the layout sets them apart already."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class SubmitForm(Form):
    """One article, from exactly one of: pasted text, an uploaded file, a web address."""

    text = forms.CharField(
        label="Paste the article", required=False, widget=forms.Textarea(attrs={"rows": 10})
    )
    file = forms.FileField(
        label="or upload a .txt or .html file",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.html,.htm,text/plain,text/html"}),
    )
    url = forms.URLField(
        label="or give its web address", required=False, assume_scheme="https", max_length=2000
    )
    title = forms.CharField(
        label="Title",
        required=False,
        max_length=500,
        help_text="Leave empty to use the page's title, the text's headline or its first sentence.",
    )
    dateline = forms.DateField(
        label="Dateline", required=False, widget=DATE, help_text="The day the article appeared."
    )
    publisher = forms.CharField(label="Publisher", required=False, max_length=200)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        given = [name for name in ("text", "file", "url") if data.get(name)]
        if len(given) != 1:
            raise ValidationError("Give the article one way: paste it, upload a file or a URL.")
        return data


def web_address(value: str) -> None:
    """Only http(s): a `javascript:` or `data:` address must never become a link."""
    if value and urlsplit(value).scheme.lower() not in ("http", "https"):
        raise ValidationError(
            "Only web addresses that start with http:// or https:// can be a source.",
            code="scheme",
        )


class ArticleFactsForm(Form):
    """An article's facts, with the version of the article they were read at: a save based on
    facts someone has changed since is refused (services.article_update_facts)."""

    title = forms.CharField(label="Title", required=False, max_length=500)
    dateline = forms.DateField(
        label="Dateline",
        required=False,
        widget=DATE,
        help_text="The day the article appeared: its dates are checked against it.",
    )
    publisher = forms.CharField(label="Publisher", required=False, max_length=200)
    byline = forms.CharField(label="Byline", required=False, max_length=500)
    # Only http(s): the service says so on this field.
    url = forms.CharField(label="Web address", required=False, max_length=2000)
    version = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "facts")
        super().__init__(*args, **kwargs)


class SourceForm(Form):
    url = forms.CharField(label="URL", required=False, max_length=2000, validators=[web_address])
    title = forms.CharField(label="Title", max_length=500)
    publisher = forms.CharField(label="Publisher", required=False, max_length=200)
    quote = forms.CharField(label="Quote", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    accessed_on = forms.DateField(label="Accessed on", required=False, widget=DATE)
    reference_value = forms.FloatField(
        label="Reference value",
        required=False,
        help_text="The figure the source gives, for the machine to compare.",
    )
    reference_unit = forms.CharField(
        label="Unit",
        required=False,
        max_length=60,
        validators=[reference_unit],
        help_text="For example km, mile, day.",
    )

    def clean_url(self) -> str:
        # Checked before Django's URL validation so the editor reads why, not just "invalid".
        value = self.cleaned_data["url"].strip()
        if value:
            forms.URLField(assume_scheme="https").clean(value)
        return value

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("reference_unit") and data.get("reference_value") is None:
            self.add_error("reference_value", "A unit needs a value.")
        return data


RATING_CHOICES = [(r.value, f"{r.value} – {r.label}") for r in reversed(Rating)]


class VerdictForm(Form):
    rating = forms.TypedChoiceField(label="Rating", choices=RATING_CHOICES, coerce=int)
    rationale = forms.CharField(label="Rationale", widget=forms.Textarea(attrs={"rows": 4}))


class SendBackForm(Form):
    comment = forms.CharField(label="What is missing", widget=forms.Textarea(attrs={"rows": 2}))


class CorrectionForm(VerdictForm):
    note = forms.CharField(
        label="Correction note",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Shown on the public page: what changed and why.",
    )


class AssignForm(Form):
    assignee = forms.ModelChoiceField(
        label="Assign to", queryset=selectors.assignable_users(), empty_label=None
    )
