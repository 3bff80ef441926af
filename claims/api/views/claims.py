from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.filters import OrderingFilter
from rest_framework.request import Request
from rest_framework.response import Response

from claims import exports, selectors, services
from claims.api.errors import Conflict
from claims.api.etags import GUARDED_WRITE_ERRORS, etag_of, if_match_locked, if_match_parameter
from claims.api.filters import ClaimFilter
from claims.api.serializers import (
    BIGGEST_ID,
    AssignSerializer,
    ClaimSerializer,
    CommentSerializer,
    CorrectSerializer,
    DismissSerializer,
    ErrorSerializer,
    ProposeSerializer,
)
from claims.http.downloads import csv_download
from claims.models import Claim, ClaimMatch
from claims.services.review import correction_approve, correction_reject

IF_MATCH = if_match_parameter("claim")
EXPORT_DESCRIPTION = (
    "Every claim the filters select (the same filters and `ordering` as the claims list, no "
    "pages), one row a claim, streamed as it is read: the article, the claim, its figures, "
    "machine findings, current verdict and sources, and the public page once published. "
    "UTF-8 with a byte-order mark, for spreadsheets (in Python, open it as `utf-8-sig`); "
    "several figures, findings or sources share a cell, joined by ` | `; a cell that would "
    "start a spreadsheet formula (`= + - @`, tab, carriage return) starts with `'`."
)
MOVE_RESPONSES = {200: ClaimSerializer, **GUARDED_WRITE_ERRORS}


def _move(
    summary: str, request_serializer: type[serializers.Serializer] | None, description: str = ""
):
    """The schema and routing shared by every review move."""

    def decorate(func: Callable) -> Callable:
        routed = action(detail=True, methods=["post"], url_path=func.__name__.replace("_", "-"))
        return extend_schema(
            summary=summary,
            description=description or None,
            request=request_serializer,
            responses=MOVE_RESPONSES,
            parameters=[IF_MATCH],
        )(routed(func))

    return decorate


MATCH_ID = OpenApiParameter(
    "match_id",
    {"type": "integer", "minimum": 1, "maximum": BIGGEST_ID},
    OpenApiParameter.PATH,
    description="The `id` of one of the claim's matches, as listed in its `seen_before`.",
)
MATCH_IF_MATCH = OpenApiParameter(
    "If-Match",
    location=OpenApiParameter.HEADER,
    required=True,
    description=(
        "The `etag` of the match as you last read it in the claim's `seen_before` (not the "
        "claim's ETag): 428 without it, 412 if the match changed since (another editor "
        "decided it, or the machine matched the claims again), saying who decided what."
    ),
)
MATCH_RESPONSES = {
    200: ClaimSerializer,
    **GUARDED_WRITE_ERRORS,
    409: OpenApiResponse(
        ErrorSerializer,
        "The match refuses it: the earlier claim states another figure, place or period, "
        "has no published verdict, or one rated off the scale in use.",
    ),
}


def _match_move(summary: str, description: str) -> Callable[[Callable], Callable]:
    """The schema and routing shared by what an editor does with a match."""

    def decorate(func: Callable) -> Callable:
        name = func.__name__.removeprefix("match_").replace("_", "-")
        routed = action(
            detail=True, methods=["post"], url_path=rf"matches/(?P<match_id>[0-9]+)/{name}"
        )
        return extend_schema(
            summary=summary,
            description=description,
            request=None,
            responses=MATCH_RESPONSES,
            parameters=[MATCH_ID, MATCH_IF_MATCH],
        )(routed(func))

    return decorate


def _match_changed(match: Any, seen: str) -> str:
    return services.match_change(match, seen)


@extend_schema_view(
    list=extend_schema(summary="Claims with their quantities, findings and current verdict"),
    retrieve=extend_schema(summary="One claim; its ETag guards the review moves"),
)
class ClaimViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ClaimSerializer
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    filterset_class = ClaimFilter
    # Cursor pages need a (nearly) unique order: check_worthiness has a dozen values only.
    ordering_fields = ["id", "created_at", "updated_at"]

    def get_queryset(self) -> QuerySet[Claim]:
        return selectors.claims_for_api()

    def perform_content_negotiation(self, request: Request, force: bool = False):
        # `Accept: text/csv` is what a client of the export asks for; the CSV is written by
        # the action itself, so negotiation only picks how errors are told: JSON, as always.
        return super().perform_content_negotiation(request, force=force or self.action == "export")

    @extend_schema(
        summary="The filtered claims as CSV, streamed",
        description=EXPORT_DESCRIPTION,
        filters=True,
        responses={
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.STR, description="The CSV file, with a header row."
            )
        },
    )
    @action(detail=False, methods=["get"], url_path="export", pagination_class=None)
    def export(self, request: Request) -> StreamingHttpResponse:
        claims = self.filter_queryset(self.get_queryset())
        chunks = exports.claims_csv(claims, absolute_url=request.build_absolute_uri)
        return csv_download(chunks, name="claims")

    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        claim = self.get_object()
        return Response(self.get_serializer(claim).data, headers={"ETag": etag_of(claim)})

    def _apply(self, request: Request, input_class, service: Callable[..., object]) -> Response:
        claim = self.get_object()
        data = {}
        if input_class is not None:
            submitted = input_class(data=request.data)
            submitted.is_valid(raise_exception=True)
            data = submitted.validated_data
        with if_match_locked(request, claim):
            service(actor=request.user, claim_id=claim.pk, **data)
        fresh = self.get_queryset().get(pk=claim.pk)
        return Response(self.get_serializer(fresh).data, headers={"ETag": etag_of(fresh)})

    @_move(
        "Assign the claim to an editor or reviewer, by username (or user id)",
        AssignSerializer,
        description=(
            'Send `{"assignee": "rita"}`: a username, as `GET /api/v1/users/?search=` lists '
            'them; a numeric user id (`{"assignee": 7}`) is still accepted. The assignee is '
            "told (a notification, and an email if they have an address)."
        ),
    )
    def assign(self, request: Request, pk: str) -> Response:
        # AssignSerializer turns the username (or id) into the person, or answers 400.
        return self._apply(request, AssignSerializer, services.claim_assign)

    @_move("Start work on a new claim", None)
    def start(self, request: Request, pk: str) -> Response:
        return self._apply(request, None, services.claim_start)

    @_move("Propose a verdict (needs a rationale and a source)", ProposeSerializer)
    def propose(self, request: Request, pk: str) -> Response:
        return self._apply(request, ProposeSerializer, services.verdict_propose)

    @_move("Publish the proposed verdict (a reviewer who did not write it)", None)
    def publish(self, request: Request, pk: str) -> Response:
        return self._apply(request, None, services.claim_publish)

    @_move("Send the proposal back to the editor with a comment", CommentSerializer)
    def send_back(self, request: Request, pk: str) -> Response:
        return self._apply(request, CommentSerializer, services.claim_send_back)

    @_move("Dismiss the claim as not check-worthy", DismissSerializer)
    def dismiss(self, request: Request, pk: str) -> Response:
        return self._apply(request, DismissSerializer, services.claim_dismiss)

    @_move(
        "Propose a correction of the published verdict (another reviewer approves it)",
        CorrectSerializer,
    )
    def correct(self, request: Request, pk: str) -> Response:
        return self._apply(request, CorrectSerializer, services.verdict_correct)

    @_move(
        "Approve the proposed correction (anyone senior but its proposer)",
        None,
        description=(
            "Approves the correction shown in `pending_correction` of the claim as you read "
            "it: send that read's ETag in If-Match. The claim's ETag changes whenever a "
            "correction is proposed, withdrawn or rejected, so if the one you read was "
            "replaced since, the answer is 412 and nothing is published; read the claim again."
        ),
    )
    def approve_correction(self, request: Request, pk: str) -> Response:
        return self._apply(request, None, correction_approve)

    @_move("Reject or withdraw the proposed correction", DismissSerializer)
    def reject_correction(self, request: Request, pk: str) -> Response:
        return self._apply(request, DismissSerializer, correction_reject)

    # --- Seen before: what an editor does with one of the claim's matches ----------------------

    def _apply_to_match(
        self, request: Request, match_id: str, service: Callable[..., object]
    ) -> Response:
        """`service` on the claim's match `match_id` at the version If-Match names; the claim,
        as the other moves answer."""
        claim = self.get_object()
        match = get_object_or_404(ClaimMatch, pk=int(match_id), claim_id=claim.pk)
        try:
            with if_match_locked(request, match, explain=_match_changed):
                service(actor=request.user, match_id=match.pk)
        except services.MatchRefused as exc:
            raise Conflict(str(exc), code="match_refused") from exc
        fresh = self.get_queryset().get(pk=claim.pk)
        return Response(self.get_serializer(fresh).data, headers={"ETag": etag_of(fresh)})

    @_match_move(
        "Seen before: confirm that the earlier claim is the same claim",
        "Allowed to whoever may edit the claim's sources (claims/workflow.py).",
    )
    def match_confirm(self, request: Request, pk: str, match_id: str) -> Response:
        return self._apply_to_match(request, match_id, partial(services.match_decide, confirm=True))

    @_match_move(
        "Seen before: say that the earlier claim is not the same claim",
        "Allowed to whoever may edit the claim's sources. The match stays listed, last.",
    )
    def match_reject(self, request: Request, pk: str, match_id: str) -> Response:
        return self._apply_to_match(
            request, match_id, partial(services.match_decide, confirm=False)
        )

    @_match_move(
        "Seen before: propose the earlier claim's published verdict for this claim",
        "One step: the match is confirmed, a new claim is started (and so assigned to you), "
        "the earlier fact-check is added as a source, and its rating, headline and statement "
        "are proposed with a rationale that gives the match's reason. The claim is then in "
        "review: another reviewer publishes it as usual. 409 when the verdict does not carry "
        "over (another figure, place or period; no published verdict; a rating off the scale); "
        "403 when the workflow refuses (the claim is someone else's, or already proposed).",
    )
    def match_propose_verdict(self, request: Request, pk: str, match_id: str) -> Response:
        return self._apply_to_match(request, match_id, services.match_propose_verdict)
