"""What every page's template may show: the signed-in person's unread notifications; the
organisation and the public site's links."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import Resolver404, resolve
from django.utils.functional import SimpleLazyObject

from claims import selectors


def notifications(request: HttpRequest) -> dict[str, Any]:
    """`unread_notifications`: counted lazily, so that a page or partial that does not show
    the nav (an htmx swap, the API) runs no query for it; one bounded COUNT when shown."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_notifications": SimpleLazyObject(
            lambda: selectors.notifications_unread_count(user=user)
        ),
        "unread_cap": selectors.UNREAD_COUNT_CAP,
    }


# Another part of the project may serve a form for readers' error reports here; the footer
# links to it when it exists (resolved, not reversed by name, so either side can move first).
REPORT_ERROR_PATH = "/report-an-error/"


def public_site(request: HttpRequest) -> dict[str, Any]:
    """`organization` (read at most once per request, and only by a page that shows it) and
    `report_error_url` ("" when the site has no such page)."""
    return {
        "organization": SimpleLazyObject(lambda: selectors.organization_for(request=request)),
        "report_error_url": SimpleLazyObject(_report_error_url),
    }


def _report_error_url() -> str:
    try:
        resolve(REPORT_ERROR_PATH)
    except Resolver404:
        return ""
    return REPORT_ERROR_PATH
