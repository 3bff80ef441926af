"""The newsroom's people (who may be assigned, who reviews) and their notifications."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import (
    Q,
    QuerySet,
)


def assignable_users() -> QuerySet[Any]:
    """People a claim can be assigned to: active editors, reviewers and superusers."""
    from claims.workflow import EDITORS, REVIEWERS

    in_newsroom = Q(groups__name__in=[EDITORS, REVIEWERS]) | Q(is_superuser=True)
    return (
        get_user_model().objects.filter(in_newsroom, is_active=True).distinct().order_by("username")
    )


UNREAD_COUNT_CAP = 99  # the badge says "99+" beyond: counting stays bounded on any table


def notifications_unread_count(*, user: Any, cap: int = UNREAD_COUNT_CAP) -> int:
    """One bounded COUNT on the (recipient, read_at) index; cap + 1 means "more than cap"."""
    from claims.models import Notification

    return Notification.objects.filter(recipient=user, read_at__isnull=True)[: cap + 1].count()


def notifications_for(*, user: Any, unread_only: bool = False) -> QuerySet[Any]:
    """Someone's notifications, newest first, with what a list shows: one query per page."""
    from claims.models import Notification

    queryset = Notification.objects.filter(recipient=user)
    if unread_only:
        queryset = queryset.filter(read_at__isnull=True)
    return (
        queryset.select_related("claim", "claim__article", "actor")
        .only(
            "id",
            "kind",
            "message",
            "created_at",
            "read_at",
            "recipient_id",
            "error_report_id",
            "claim__id",
            "claim__text",
            "claim__state",
            "claim__article__id",
            "claim__article__title",
            "actor__id",
            "actor__username",
            "actor__first_name",
            "actor__last_name",
        )
        .order_by("-created_at", "-id")
    )


def reviewers() -> QuerySet[Any]:
    """Everyone who may approve a correction: active reviewers and superusers."""
    from claims.workflow import REVIEWERS

    senior = Q(groups__name=REVIEWERS) | Q(is_superuser=True)
    return get_user_model().objects.filter(senior, is_active=True).distinct().order_by("username")


def assignable_user_named(*, username: str) -> Any | None:
    """The assignable person with this username: exactly, or else in any case when that names
    one person only; None when nobody fits (unknown, inactive, or outside the newsroom)."""
    if not username:
        return None
    people = assignable_users()
    exact = people.filter(username=username).first()
    if exact is not None:
        return exact
    loose = list(people.filter(username__iexact=username)[:2])
    return loose[0] if len(loose) == 1 else None


def assignable_users_search(*, search: str = "") -> QuerySet[Any]:
    """Assignable people whose username or name contains `search` (all of them when blank)."""
    queryset = assignable_users()
    for term in search.split():
        queryset = queryset.filter(
            Q(username__icontains=term)
            | Q(first_name__icontains=term)
            | Q(last_name__icontains=term)
        )
    return queryset
