"""Readers' error reports: the form under every fact-check and the general one. No login.

A report sent from a fact-check's page goes to /checks/<id>/report/, the general form lives at
/report-an-error/; both take the report in through claims/services/reports.py and then show the
acknowledgement. A refused form comes back on the report page with the reader's text kept.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from claims import selectors
from claims.models import Claim
from claims.services.reports import ReportThrottled, report_error
from claims.web.report_forms import ErrorReportForm, Refusal, spam_refusal
from factcheck.login_lockout import client_ip

FORM_TEMPLATE = "claims/report_error.html"
REFUSED_TEMPLATE = "claims/report_refused.html"
THANKS_TEMPLATE = "claims/report_thanks.html"


@require_http_methods(["GET", "POST"])
def claim_report(request: HttpRequest, claim_id: int) -> HttpResponse:
    """The report form of one published fact-check (404 for any other claim)."""
    claim = selectors.claim_for_public_page(claim_id=claim_id)
    if claim is None:
        raise Http404("No published fact-check here.")
    return _report(request, claim, page=reverse("web:public_check", args=[claim.pk]))


@require_http_methods(["GET", "POST"])
def general_report(request: HttpRequest) -> HttpResponse:
    return _report(request, None, page=_came_from(request))


@require_GET
def report_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, THANKS_TEMPLATE)


def _report(request: HttpRequest, claim: Claim | None, *, page: str) -> HttpResponse:
    if request.method != "POST":
        return _form_page(request, claim, ErrorReportForm(page=page))
    refusal = spam_refusal(request.POST)
    if refusal is Refusal.HONEYPOT:
        return render(request, REFUSED_TEMPLATE, {"honeypot": True}, status=400)
    form = ErrorReportForm(request.POST)
    if refusal is not None:
        form.restart(refusal)
        return _form_page(request, claim, form, status=400)
    if not form.is_valid():
        return _form_page(request, claim, form, status=400)
    data = form.cleaned_data
    try:
        report_error(
            claim_id=claim.pk if claim else None,
            message=data["message"],
            name=data["name"],
            email=data["email"],
            page_url=data["page"] or page,
            address=client_ip(request),
        )
    except Claim.DoesNotExist as exc:  # unpublished since the page was read
        raise Http404("No published fact-check here.") from exc
    except ReportThrottled as exc:
        context = {"throttled": str(exc), "message": data["message"]}
        return render(request, REFUSED_TEMPLATE, context, status=429)
    return redirect("web:report_thanks", permanent=False)


def _form_page(
    request: HttpRequest, claim: Claim | None, form: ErrorReportForm, status: int = 200
) -> HttpResponse:
    context: dict[str, Any] = {"claim": claim, "report_form": form}
    return render(request, FORM_TEMPLATE, context, status=status)


def _came_from(request: HttpRequest) -> str:
    """The page of this site the reader came from (the browser sends it for the same site
    only, as our Referrer-Policy says), as a path."""
    referer = urlsplit(request.headers.get("Referer", ""))
    if referer.netloc != request.get_host() or not referer.path.startswith("/"):
        return ""
    return referer.path + (f"?{referer.query}" if referer.query else "")
