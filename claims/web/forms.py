"""The editor UI's forms: input checking only; the services do the writing."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from claims import selectors
from claims.models import RatingLabel, RatingScale
from claims.models.evidence import reference_unit
from claims.services.reference_values import read_figure

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


class FigureField(forms.Field):
    """A source's figure: "8000", "3.5", "8,000" or "8 000"; anything else is refused with
    what to write. A text box, not a number box: a browser empties a number box it cannot
    read, and the editor would be told to give a value they gave."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "maxlength": 40})

    def to_python(self, value: Any) -> float | None:
        text = str(value).strip() if value is not None else ""
        if not text:
            return None
        try:
            return read_figure(text[:100])
        except ValueError as exc:
            raise ValidationError(str(exc), code="invalid") from exc

    def prepare_value(self, value: Any) -> Any:
        # 61.0 as "61": the figure as the editor typed it.
        whole = isinstance(value, float) and value.is_integer() and abs(value) < 1e15
        return int(value) if whole else value


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
    reference_value = FigureField(
        label="Reference value",
        required=False,
        help_text="The figure the source gives, for the machine to compare: a number only.",
    )
    reference_unit = forms.CharField(
        label="Unit",
        required=False,
        max_length=60,
        validators=[reference_unit],
        help_text="For example km, square miles, days, °C, %, USD; empty for a count.",
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
        # A figure the field refused has its own message; "needs a value" would contradict it.
        refused = "reference_value" in self.errors
        if data.get("reference_unit") and data.get("reference_value") is None and not refused:
            self.add_error("reference_value", "A unit needs a value.")
        return data


class Versioned(Form):
    """A form that changes a row carries the version of that row as the person read it
    (claims/services/versions.py), so that a save based on a stale read is refused, not lost.

    The panel renders it from the row as it is now; the view checks it under lock. Not
    required here: a missing version gets its own message from the view, not a "This field
    is required." on a field nobody sees."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)


class SourceEditForm(SourceForm, Versioned):
    """Editing a stored source: the source's version."""


class RatingField(forms.ModelChoiceField):
    """A label of the scale in use, listed in the scale's order. No rating is chosen for the
    person: the first option is empty, and the field is required."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", "Rating")
        kwargs.setdefault(
            "error_messages",
            {
                "required": "Choose a rating.",
                "invalid_choice": "Choose a rating of the scale in use; the list was reloaded.",
            },
        )
        super().__init__(RatingLabel.objects.none(), empty_label="Choose a rating", **kwargs)

    def use_current_scale(self) -> None:
        """Read the scale in use now (not when the module was imported)."""
        self.queryset = RatingLabel.objects.filter(scale=RatingScale.current())

    def label_from_instance(self, obj: RatingLabel) -> str:
        return obj.choice_name


class VerdictForm(Versioned):
    """Proposing a verdict: the claim's version."""

    rating = RatingField()
    headline = forms.CharField(
        label="Headline",
        max_length=200,
        help_text="The fact-check's title on the public page, e.g. “Kupyansk is 38 miles "
        "from Izium, not 30”.",
    )
    claim_reviewed = forms.CharField(
        label="The claim, in a sentence",
        max_length=300,
        help_text="What was claimed, shortly and in your words: search engines show it "
        "beside the rating.",
    )
    rationale = forms.CharField(label="Rationale", widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rating"].use_current_scale()  # type: ignore[attr-defined]


class SendBackForm(Versioned):
    comment = forms.CharField(label="What is missing", widget=forms.Textarea(attrs={"rows": 2}))


class CorrectionForm(VerdictForm):
    note = forms.CharField(
        label="Correction note",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Shown on the public page: what changed and why.",
    )


class UsernameInput(forms.TextInput):
    """A text input with a <datalist> of the people it may name: typing a few letters of a
    username or a name offers them, and any browser without the list still takes the text."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people: list[Any] = []

    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> SafeString:
        list_id = f"{(attrs or {}).get('id') or name}-people"
        html = super().render(name, value, {**(attrs or {}), "list": list_id}, renderer)
        options = format_html_join(
            "",
            '<option value="{}">{}</option>',
            ((p.get_username(), _full_name(p)) for p in self.people),
        )
        return format_html('{}<datalist id="{}">{}</datalist>', html, list_id, options)


def _full_name(user: Any) -> str:
    return user.get_full_name() or user.get_username()


class AssigneeField(forms.CharField):
    """An active editor, reviewer or superuser, named by username (any case)."""

    widget = UsernameInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 150)
        kwargs.setdefault(
            "error_messages", {"required": "Give the username of the person to assign."}
        )
        super().__init__(**kwargs)
        self.widget.attrs.update(autocomplete="off", spellcheck="false", autocapitalize="none")

    def people(self) -> list[Any]:
        """The assignable people, read once per form."""
        if not self.widget.people:
            self.widget.people = list(selectors.assignable_users())
        return self.widget.people

    def prepare_value(self, value: Any) -> Any:
        # The panel passes the current assignee's id as the initial value: show the username.
        if isinstance(value, int):
            return next((p.get_username() for p in self.people() if p.pk == value), "")
        if hasattr(value, "get_username"):
            return value.get_username()
        return value

    def clean(self, value: Any) -> Any:
        username = super().clean(value).strip()
        person = selectors.assignable_user_named(username=username)
        if person is None:
            raise ValidationError(
                "No active editor or reviewer is called “%(name)s”.",
                code="unknown_user",
                params={"name": username},
            )
        return person


class AssignForm(Versioned):
    assignee = AssigneeField(
        label="Assign to", help_text="A username; start typing to see who can take it."
    )

    def people(self) -> list[Any]:
        """The people it may name (the datalist's options): one query per form."""
        field = self.fields["assignee"]
        assert isinstance(field, AssigneeField)
        return field.people()
