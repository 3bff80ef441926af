"""The readers' error-report form and its defences against spam, without a third party.

Two cheap checks stop most bots: a honeypot field that people never see (hidden from sight,
from screen readers and from the tab order) but form-filling bots fill in, and a minimum fill
time read from a signed timestamp the form carries, so a bot cannot choose it. The signature
(SECRET_KEY) also refuses a copied or altered timestamp, and one older than a day.
"""

from __future__ import annotations

import time
from enum import StrEnum
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing

from claims.models.reports import MESSAGE_MAX_LENGTH
from claims.web.forms import Form

HONEYPOT = "website"
STARTED = "started"
SIGNER_SALT = "claims.error-report.started"


class Refusal(StrEnum):
    HONEYPOT = "honeypot"
    TOO_FAST = "too_fast"
    EXPIRED = "expired"
    TAMPERED = "tampered"


# What the reader reads above the form, with their text kept below it. The honeypot has none:
# its page must not tell a bot what gave it away.
REFUSAL_MESSAGES = {
    Refusal.TOO_FAST: (
        "That was sent faster than anyone can write a report, so we could not take it. "
        "Your text is kept below: check it, then send it again."
    ),
    Refusal.EXPIRED: (
        "This form was opened more than a day ago and has expired. "
        "Your text is kept below: send it again."
    ),
    Refusal.TAMPERED: (
        "We could not check this form (it may have been copied or changed). "
        "Your text is kept below: send it again."
    ),
}


def started_token(now: float | None = None) -> str:
    """The moment the form was shown, signed with SECRET_KEY (the payload is the time itself,
    so both the minimum and the maximum age are read from it)."""
    moment = time.time() if now is None else now
    return signing.Signer(salt=SIGNER_SALT).sign(f"{moment:.3f}")


def spam_refusal(data: Any, now: float | None = None) -> Refusal | None:
    """Why a sent form looks like a bot's, or None when it does not."""
    if data.get(HONEYPOT, ""):
        return Refusal.HONEYPOT
    try:
        shown = float(signing.Signer(salt=SIGNER_SALT).unsign(data.get(STARTED, "")))
    except (signing.BadSignature, ValueError):
        return Refusal.TAMPERED
    elapsed = (time.time() if now is None else now) - shown
    if elapsed > settings.REPORT_MAX_AGE_SECONDS:
        return Refusal.EXPIRED
    if elapsed < settings.REPORT_MIN_FILL_SECONDS:
        return Refusal.TOO_FAST  # a time in the future (a clock changed) counts as too fast
    return None


class ErrorReportForm(Form):
    message = forms.CharField(
        label="What is wrong?",
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Tell us what we got wrong and, if you can, where the right figure comes from.",
        error_messages={"required": "Write what is wrong: the message cannot be empty."},
    )
    name = forms.CharField(label="Your name (optional)", required=False, max_length=200)
    email = forms.EmailField(
        label="Your email address (optional)",
        required=False,
        help_text="Give it to get an acknowledgement, and so that we can ask you about it.",
    )
    # The honeypot: the template hides it from sight, screen readers and the tab order.
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput)
    page = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)

    def __init__(self, *args: Any, page: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.refusal_message = ""
        if not self.is_bound:
            self.initial.setdefault(STARTED, started_token())
            self.initial.setdefault("page", page)

    def restart(self, refusal: Refusal) -> None:
        """Keep what the reader wrote, with a fresh timestamp, and say why it was refused."""
        data: Any = self.data.copy()  # type: ignore[attr-defined]  # a QueryDict, immutable
        data[STARTED] = started_token()
        self.data = data
        self.refusal_message = REFUSAL_MESSAGES[refusal]

    def clean_page(self) -> str:
        """Only a path of this site is kept (a copy of a form elsewhere could say anything)."""
        page = self.cleaned_data.get("page", "")
        return page if page.startswith("/") and not page.startswith("//") else ""
