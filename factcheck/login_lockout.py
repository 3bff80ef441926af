"""Sign-in lockout (django-axes): who is trying from where, and what a locked-out person reads.

Axes counts failed sign-ins per username and client address in the database, so every
gunicorn worker and every machine sees the same count; the settings name the limits.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

LOCKOUT_TEMPLATE = "registration/locked_out.html"


def client_ip(request: HttpRequest) -> str | None:
    """The client's address by the API throttle's rule: X-Forwarded-For counts only when
    NUM_PROXIES proxies of ours set it, so a client cannot pick its own address."""
    proxies = settings.REST_FRAMEWORK.get("NUM_PROXIES") or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        addresses = [a.strip() for a in forwarded.split(",")]
        return addresses[-min(proxies, len(addresses))]
    return request.META.get("REMOTE_ADDR")


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """429 with a page that says what happened and when to try again."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    context = {"minutes": minutes, "limit": settings.AXES_FAILURE_LIMIT}
    return render(request, LOCKOUT_TEMPLATE, context, status=429)
