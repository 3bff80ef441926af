"""Who can be assigned a claim (to find a username), and the caller's own notifications."""

from __future__ import annotations

from typing import Any

import django_filters as filters
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from claims import selectors
from claims.api.pagination import NewestFirstCursorPagination
from claims.api.serializers import (
    MarkedSerializer,
    MarkReadSerializer,
    NotificationSerializer,
    UserSerializer,
)
from claims.models import Notification
from claims.services.notifications import notifications_mark_read


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
        summary="Mark some of your notifications read",
        description=(
            'Send the ids from the list: `{"ids": [12, 13]}`. Ids that are not yours or '
            "already read are passed over; `marked` says how many changed. Marking read loses "
            "nothing, so no If-Match is asked for."
        ),
        request=MarkReadSerializer,
        responses={200: MarkedSerializer},
    )
    @action(detail=False, methods=["post"])
    def read(self, request: Request) -> Response:
        submitted = MarkReadSerializer(data=request.data)
        submitted.is_valid(raise_exception=True)
        marked = notifications_mark_read(user=request.user, ids=submitted.validated_data["ids"])
        return Response({"marked": marked})
