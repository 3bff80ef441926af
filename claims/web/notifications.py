"""The notifications page: what happened to your claims, newest first; opening one marks it
read and takes you to the claim's panel (a reader's report: to it in the reviewers' queue)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from claims import selectors
from claims.models import Notification
from claims.services.notifications import notification_mark_read, notifications_mark_all_read
from claims.web.access import newsroom_required

PAGE_SIZE = 25


@require_GET
@newsroom_required
def notification_list(request: HttpRequest) -> HttpResponse:
    paginator = Paginator(selectors.notifications_for(user=request.user), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "claims/notifications.html", {"page": page})


@require_POST
@newsroom_required
def notification_open(request: HttpRequest, notification_id: int) -> HttpResponse:
    try:
        notification = notification_mark_read(user=request.user, notification_id=notification_id)
    except Notification.DoesNotExist as exc:
        raise Http404("No such notification.") from exc
    return redirect(notification.get_absolute_url())


@require_POST
@newsroom_required
def notification_read_all(request: HttpRequest) -> HttpResponse:
    count = notifications_mark_all_read(user=request.user)
    if count:
        messages.success(request, f"Marked {count} notification{'s' if count != 1 else ''} read.")
    return redirect("web:notifications")
