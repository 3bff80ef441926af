from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from claims import selectors, services
from claims.api.serializers import (
    ArticleDetailSerializer,
    ArticleSerializer,
    ArticleSubmitSerializer,
    ErrorSerializer,
)
from claims.models import Article


@extend_schema_view(
    list=extend_schema(summary="Articles, newest first, with their extraction state"),
    retrieve=extend_schema(
        summary="One article with its cleaned text; poll it until done",
        description=(
            "`extraction_state`: `fetching` (a submitted web address whose page a worker is "
            "fetching), `queued`, `running`, `done`, or `failed` with `extraction_error`."
        ),
    ),
)
class ArticleViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    def get_queryset(self) -> QuerySet[Article]:
        articles = selectors.articles_for_api()
        # Only one article's text is read at a time: the list leaves it in the database.
        return articles.defer(None).defer("raw") if self.action == "retrieve" else articles

    def get_serializer_class(self):
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleSerializer

    @extend_schema(
        summary="Submit an article as text or a web address",
        request=ArticleSubmitSerializer,
        responses={
            202: OpenApiResponse(
                ArticleSerializer,
                "Stored; extraction queued (text), or the page is being fetched (`url`: state "
                "`fetching`, then `queued`, or `failed` with the reason). Poll `Location`.",
            ),
            200: OpenApiResponse(
                ArticleSerializer, "The same text, or the same web address, is already stored."
            ),
            400: ErrorSerializer,
        },
    )
    def create(self, request: Request) -> Response:
        submitted = ArticleSubmitSerializer(data=request.data)
        submitted.is_valid(raise_exception=True)
        data = submitted.validated_data
        options = {
            "submitted_by": request.user,
            "dateline": data.get("dateline"),
            "publisher": data.get("publisher", ""),
        }
        if data.get("url"):
            result = services.article_ingest_url(url=data["url"], **options)
        else:
            result = services.article_ingest_text(text=data["text"], **options)
        body = ArticleSerializer(result.article, context={"request": request}).data
        location = reverse("api:article-detail", args=[result.article.pk], request=request)
        code = status.HTTP_202_ACCEPTED if result.created else status.HTTP_200_OK
        return Response(body, status=code, headers={"Location": location})
