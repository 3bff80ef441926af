from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from claims import selectors, services
from claims.api.etags import GUARDED_WRITE_ERRORS, etag_of, if_match_locked, if_match_parameter
from claims.api.serializers import ErrorSerializer, SourceSerializer, SourceUpdateSerializer
from claims.models import Source

IF_MATCH = if_match_parameter("source")
WRITE_ERRORS = GUARDED_WRITE_ERRORS
# A new source has no earlier version to lose: no If-Match, so no 412 or 428.
CREATE_ERRORS = {code: ErrorSerializer for code in (400, 403, 404)}


@extend_schema_view(
    list=extend_schema(summary="Sources, newest first; filter with ?claim=ID"),
    retrieve=extend_schema(summary="One source; its ETag guards updates"),
    create=extend_schema(
        summary="Attach a source to a claim", responses={201: SourceSerializer, **CREATE_ERRORS}
    ),
    update=extend_schema(
        summary="Replace a source",
        parameters=[IF_MATCH],
        responses={200: SourceSerializer, **WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Change some fields of a source",
        parameters=[IF_MATCH],
        responses={200: SourceSerializer, **WRITE_ERRORS},
    ),
    destroy=extend_schema(
        summary="Remove a source", parameters=[IF_MATCH], responses={204: None, **WRITE_ERRORS}
    ),
)
class SourceViewSet(viewsets.ModelViewSet):
    filterset_fields = ["claim"]

    def get_queryset(self) -> QuerySet[Source]:
        return selectors.sources_for_api()

    def get_serializer_class(self):
        if self.action in ("update", "partial_update"):
            return SourceUpdateSerializer
        return SourceSerializer

    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        source = self.get_object()
        return Response(self.get_serializer(source).data, headers={"ETag": etag_of(source)})

    def create(self, request: Request, *args, **kwargs) -> Response:
        submitted = self.get_serializer(data=request.data)
        submitted.is_valid(raise_exception=True)
        data = dict(submitted.validated_data)
        claim = data.pop("claim")
        source = services.source_add(actor=request.user, claim_id=claim.pk, **data)
        return self._respond(source, status.HTTP_201_CREATED)

    def update(self, request: Request, *args, partial: bool = False, **kwargs) -> Response:
        source = self.get_object()
        submitted = self.get_serializer(source, data=request.data, partial=partial)
        submitted.is_valid(raise_exception=True)
        with if_match_locked(request, source):
            updated = services.source_update(
                actor=request.user, source_id=source.pk, **submitted.validated_data
            )
        return self._respond(updated, status.HTTP_200_OK)

    def destroy(self, request: Request, *args, **kwargs) -> Response:
        source = self.get_object()
        with if_match_locked(request, source):
            services.source_remove(actor=request.user, source_id=source.pk)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _respond(self, source: Source, code: int) -> Response:
        fresh = self.get_queryset().get(pk=source.pk)
        return Response(
            self.get_serializer(fresh).data, status=code, headers={"ETag": etag_of(fresh)}
        )
