"""Who can be assigned a claim (to find a username), and the caller's own notifications."""

from __future__ import annotations

from typing import Any

import django_filters as filters
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from claims import selectors
from claims.api.pagination import NewestFirstCursorPagination
from claims.api.serializers import ErrorSerializer, NotificationSerializer, UserSerializer
from claims.models import Notification
from claims.services.notifications import notification_mark_read


class UserFilter(filters.FilterSet):
    search = filters.CharFilter(
        method="by_words",
        label="Words in the username or the full name (all of them)",
    )

    def by_words(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return selectors.assignable_users_search(search=value) & queryset


class ByUsername(NewestFirstCursorPagination):
    ordering = "username"


@extend_schema_view(
    list=extend_schema(
        summary="People a claim can be assigned to (active editors, reviewers, superusers)",
        description="Find the username for `POST /api/v1/claims/{id}/assign/`: "
        "`?search=rit` matches usernames and names.",
    )
)
class UserViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = UserSerializer
    filterset_class = UserFilter
    pagination_class = ByUsername

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.assignable_users().prefetch_related("groups")


class NotificationFilter(filters.FilterSet):
    # A choice, not django-filter's BooleanFilter, which ignores a value it cannot read: a
    # typo must be an error, not the whole list.
    unread = filters.ChoiceFilter(
        choices=[("true", "true"), ("false", "false")],
        method="by_unread",
        label="true: only the unread ones; false: only the read ones",
    )

    def by_unread(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(read_at__isnull=value == "true")

    class Meta:
        model = Notification
        fields: list[str] = []


@extend_schema_view(
    list=extend_schema(summary="Your notifications, newest first; ?unread=true for new ones"),
)
class NotificationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = NotificationSerializer
    filterset_class = NotificationFilter

    def get_queryset(self) -> QuerySet[Notification]:
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no user
            return Notification.objects.none()
        # Only the caller's own: someone else's notification is not found (404).
        return selectors.notifications_for(user=self.request.user)

    @extend_schema(
        summary="Mark one of your notifications read",
        request=None,
        responses={200: NotificationSerializer, 404: ErrorSerializer},
    )
    @action(detail=True, methods=["post"])
    def read(self, request: Request, pk: str) -> Response:
        if not (pk.isascii() and pk.isdigit()) or int(pk) > 2**63 - 1:
            raise NotFound("No such notification.")
        try:
            notification_mark_read(user=request.user, notification_id=int(pk))
        except Notification.DoesNotExist as exc:
            raise NotFound("No such notification.") from exc
        fresh = self.get_queryset().get(pk=int(pk))
        return Response(self.get_serializer(fresh).data)
