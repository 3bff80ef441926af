"""Who may use the editor UI, decided in one place: anyone with a workflow role."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from claims import workflow

View = Callable[..., HttpResponse]


def newsroom_required(view: View) -> View:
    """Signed in and an editor, a reviewer or a superuser (workflow.roles_of decides)."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not workflow.roles_of(request.user):
            raise PermissionDenied("Only editors and reviewers may use the newsroom pages.")
        return view(request, *args, **kwargs)

    return wrapped


def is_htmx(request: HttpRequest) -> bool:
    """A partial update asked for by htmx (a history restore wants the whole page)."""
    headers = request.headers
    return (
        headers.get("HX-Request") == "true" and headers.get("HX-History-Restore-Request") != "true"
    )
