"""No lost edits in the admin: a change form carries the version of the row it was read at.

`VersionedAdminMixin` on a ModelAdmin whose form is a `VersionedForm` adds a hidden `version`
field to the change form (not the add form: a new row has no earlier version to lose). On save
the form locks the row and compares (claims/services/versions.py); the admin's change view
runs in one transaction, so the lock holds until `save_model` is done and nothing slips in
between. A stale save is refused with what changed since, as an error at the top of the form,
which keeps what was typed and now carries the version shown: saving again is a knowing
choice. A form without a version (a page from before this change) is refused the same way.

For a ModelAdmin with `fieldsets`, put "version" in one of them yourself.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest

from claims.services.versions import StaleEdit, check_version, version_of

VERSION = "version"
INPUT_KEPT = "Or save again now: what you typed is kept, and saving it replaces those changes."
NO_VERSION = (
    "This form did not say which version of the {noun} you read (a page opened before an "
    "update?); nothing was saved. Check the {noun} as it is now, then save again."
)


class VersionedForm(forms.ModelForm):
    """A ModelForm that refuses to save over a change made since it was read."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial[VERSION] = version_of(self.instance)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.instance.pk is not None:
            self._check_version((data or {}).get(VERSION) or "")
        return data  # type: ignore[return-value]

    def _check_version(self, seen: str) -> None:
        model = type(self.instance)
        locked = model._default_manager.select_for_update().get(pk=self.instance.pk)
        try:
            if not seen.strip():
                raise ValidationError(NO_VERSION.format(noun=model._meta.verbose_name))
            check_version(locked, seen)
        except StaleEdit as exc:
            self._shown_now(locked)
            raise ValidationError(f"{exc} {INPUT_KEPT}") from exc
        except ValidationError:
            self._shown_now(locked)
            raise

    def _shown_now(self, locked: models.Model) -> None:
        """The form comes back with what was typed, at the version the refusal described."""
        data: Any = self.data.copy()  # type: ignore[attr-defined]  # a QueryDict, immutable
        data[self.add_prefix(VERSION)] = version_of(locked)
        self.data = data


class VersionedAdminMixin:
    """For a ModelAdmin whose form is a VersionedForm: its change form carries the version."""

    def versioned(self, request: HttpRequest, obj: Any) -> bool:
        """Whether the page for `obj` is an edit that a stale save could lose."""
        return obj is not None

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = list(super().get_fields(request, obj))  # type: ignore[misc]
        if self.versioned(request, obj) and VERSION not in fields:
            fields.append(VERSION)
        return fields
