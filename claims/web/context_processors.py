"""What every page's template may show: the signed-in person's unread notifications; the
organisation and the public site's links."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
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


def public_site(request: HttpRequest) -> dict[str, Any]:
    """`organization`, read at most once per request, and only by a page that shows it."""
    return {"organization": SimpleLazyObject(lambda: selectors.organization_for(request=request))}
