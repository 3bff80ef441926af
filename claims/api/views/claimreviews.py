from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from claims import selectors
from claims.claimreview import claim_review
from claims.models import Claim


@extend_schema_view(
    list=extend_schema(
        summary="A feed of ClaimReview JSON-LD for published fact-checks",
        operation_id="claimreviews_list",
        responses=OpenApiTypes.OBJECT,
    ),
    retrieve=extend_schema(
        summary="schema.org ClaimReview JSON-LD of one published claim",
        operation_id="claimreviews_retrieve",
        responses={(200, "application/ld+json"): OpenApiTypes.OBJECT},
    ),
)
class ClaimReviewViewSet(viewsets.ReadOnlyModelViewSet):
    """Public: what is published is public anyway."""

    permission_classes = [AllowAny]
    filter_backends: list = []

    def get_queryset(self) -> QuerySet[Claim]:
        return selectors.published_claims()

    def list(self, request: Request, *args, **kwargs) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        assert page is not None  # the project-wide cursor pagination always pages
        return self.get_paginated_response([claim_review(c, request=request) for c in page])

    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        return Response(
            claim_review(self.get_object(), request=request), content_type="application/ld+json"
        )
