"""The readers' error-report form where a page includes it (templates/claims/_report_error.html)."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from claims.web.report_forms import ErrorReportForm

register = template.Library()


@register.simple_tag(takes_context=True)
def report_form(context: Any) -> ErrorReportForm:
    """The form the view gave (bound, with its errors), or a new one with a fresh timestamp:
    the public page includes the form without its view having to know about it."""
    given = context.get("report_form")
    if isinstance(given, ErrorReportForm):
        return given
    request = context.get("request")
    return ErrorReportForm(page=request.get_full_path() if request is not None else "")


@register.simple_tag
def report_action(claim: Any = None) -> str:
    """Where the form is sent: the fact-check's own report address, or the general form."""
    if claim is not None and getattr(claim, "pk", None):
        return reverse("web:claim_report", args=[claim.pk])
    return reverse("web:report_error")
