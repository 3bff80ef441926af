"""The public site around the fact-checks: the index, the methodology and the corrections
policy. No login; none of them shows the editors' nav (templates/claims/public_base.html)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from claims import selectors
from claims.http import security
from claims.models import Claim, Verdict
from claims.web.filters import PublicCheckFilter
from claims.web.views import list_context

PAGE_SIZE = 20
# What a CSP source may be: a scheme, a host (or [IPv6]) and a port, nothing that could end
# the directive (a space or a semicolon) even if a bad value ever got past the URL validator.
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.\-]+(:\d+)?|https?://\[[0-9A-Fa-f:]+\](:\d+)?")


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A public page's policy lets the organisation's logo in from where it lives."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        origin = logo_origin(selectors.organization_for(request=request).logo_url)
        if origin:
            response[security.HEADER] = security.policy(image_origins=(origin,))
        return response

    return wrapped


def logo_origin(url: str) -> str:
    """`scheme://host[:port]` of the logo's address, or "" when there is none to allow."""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    return origin if _ORIGIN.fullmatch(origin) else ""


def headline(claim: Claim, verdict: Verdict | None) -> str:
    """The editor's headline; verdicts written before there was one get the claim, quoted."""
    written = verdict.headline if verdict is not None else ""
    return written or f"“{claim.text}”"


@dataclass(frozen=True)
class CheckRow:
    claim: Claim
    verdict: Verdict | None
    headline: str
    published: datetime
    updated: datetime | None


def check_row(claim: Any) -> CheckRow:
    """One fact-check of selectors.public_checks, as the index and the feeds show it."""
    verdict = next(iter(claim.current_verdicts), None)
    return CheckRow(
        claim, verdict, headline(claim, verdict), claim.first_published, claim.last_corrected
    )


@public_page
def checks_index(request: HttpRequest) -> HttpResponse:
    filters = PublicCheckFilter(request.GET or None, queryset=selectors.public_checks())
    context = list_context(request, filters, page_size=PAGE_SIZE)
    context["rows"] = [check_row(claim) for claim in context["page"].object_list]
    return render(request, "claims/public_index.html", context)


@public_page
def methodology(request: HttpRequest) -> HttpResponse:
    return _organization_text(request, "Methodology", "methodology")


@public_page
def corrections_policy(request: HttpRequest) -> HttpResponse:
    return _organization_text(request, "Corrections policy", "corrections_policy")


def _organization_text(request: HttpRequest, heading: str, field: str) -> HttpResponse:
    """One of the organisation's Markdown texts as a public page."""
    text = getattr(selectors.organization_for(request=request), field)
    return render(request, "claims/public_text.html", {"heading": heading, "text": text})
