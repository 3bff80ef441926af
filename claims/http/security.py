"""A Content Security Policy on every response: scripts only from our own origin.

It lives below both the web UI and the API (each uses it; neither imports the other).

We write the header ourselves rather than add django-csp: the policy is one string with no
nonces (the public pages add their logo's origin through `policy`), and Django 5.2 has no
built-in CSP support yet. Templates carry no inline script or event handler, htmx is
configured through a meta tag, and JSON-LD is a data block (`type="application/ld+json"`),
which the policy does not execute.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse


def policy(*, image_origins: tuple[str, ...] = ()) -> str:
    """The site's policy; `image_origins` (each `scheme://host[:port]`) may serve images too
    (the public site shows the organisation's logo from the address an admin gave)."""
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            " ".join(["img-src 'self' data:", *image_origins]),
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


POLICY = policy()
HEADER = "Content-Security-Policy"

# For third-party pages that inject their own styles (the API's Swagger UI and Redoc, served
# from the sidecar package): scripts still only from our origin (use the split Swagger view,
# whose start-up script is a file), styles and workers as those bundles need them.
API_DOCS_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    """Add the policy unless the view has set its own (a view with other needs says so)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if HEADER not in response:
            response[HEADER] = POLICY
        return response


def content_security_policy(policy: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A view decorator for a page that needs another policy than POLICY (the middleware
    leaves a header the view has set alone)."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            response = view(request, *args, **kwargs)
            response[HEADER] = policy
            return response

        return wrapped

    return decorate
