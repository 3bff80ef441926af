"""The reviewers' queues on the admin index: bounded counts linking to filtered changelists."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from claims import selectors
from claims.models import ErrorReportStatus

register = template.Library()


@register.simple_tag(takes_context=True)
def review_queues(context: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per queue; nothing for someone who may not see claims."""
    request = context.get("request")
    if request is None or not request.user.has_perm("claims.view_claim"):
        return []
    changelist = reverse("admin:claims_claim_changelist")
    rows = [_row(queue, f"{changelist}?queue={queue.name}") for queue in selectors.queue_counts()]
    if request.user.has_perm("claims.view_errorreport"):
        reports = reverse("admin:claims_errorreport_changelist")
        waiting = f"{reports}?status__exact={ErrorReportStatus.CORRECTION_REQUESTED}"
        rows.append(_row(selectors.error_reports_waiting(), waiting))
    return rows


def _row(queue: selectors.QueueCount, url: str) -> dict[str, Any]:
    return {
        "label": queue.label,
        "count": f"{queue.count}+" if queue.capped else str(queue.count),
        "url": url,
    }
