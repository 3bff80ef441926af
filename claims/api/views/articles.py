from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from claims import selectors, services
from claims.api.etags import GUARDED_WRITE_ERRORS, etag_of, if_match_locked, if_match_parameter
from claims.api.serializers import (
    ArticleDetailSerializer,
    ArticleFactsSerializer,
    ArticleSerializer,
    ArticleSubmitSerializer,
    ArticleSubmittedSerializer,
    ErrorSerializer,
)
from claims.models import Article
from claims.services.versions import version_of


@extend_schema_view(
    list=extend_schema(summary="Articles, newest first, with their extraction state"),
    retrieve=extend_schema(
        summary="One article with its cleaned text; poll it until done; its ETag guards PATCH",
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
        return (
            articles
            if self.action == "list"
            else articles.defer(None).defer("raw", "search_vector")
        )

    def get_serializer_class(self):
        return ArticleSerializer if self.action == "list" else ArticleDetailSerializer

    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        article = self.get_object()
        return Response(self.get_serializer(article).data, headers={"ETag": etag_of(article)})

    @extend_schema(
        summary="Correct the article's facts: title, dateline, publisher, byline, address",
        description=(
            "Editors and reviewers. Send the ETag of your last read in If-Match. A changed "
            "`dateline` queues the article's extraction and checks again (`extraction_state` "
            "becomes `queued`; poll the article); work on its claims is kept. Each change is "
            "kept in the article's history."
        ),
        request=ArticleFactsSerializer,
        parameters=[if_match_parameter("article")],
        responses={200: ArticleDetailSerializer, **GUARDED_WRITE_ERRORS},
    )
    def partial_update(self, request: Request, *args, **kwargs) -> Response:
        article = self.get_object()
        submitted = ArticleFactsSerializer(data=request.data)
        submitted.is_valid(raise_exception=True)
        with if_match_locked(request, article) as locked:
            try:
                services.article_update_facts(
                    actor=request.user,
                    article_id=locked.pk,
                    seen_version=version_of(locked),  # If-Match checked it on the locked row
                    **submitted.validated_data,
                )
            except DjangoValidationError as exc:
                raise ValidationError(_api_names(exc.message_dict)) from exc
        fresh = self.get_queryset().get(pk=article.pk)
        return Response(self.get_serializer(fresh).data, headers={"ETag": etag_of(fresh)})

    @extend_schema(
        summary="Submit an article as text or a web address",
        request=ArticleSubmitSerializer,
        responses={
            202: OpenApiResponse(
                ArticleSubmittedSerializer,
                "Stored; extraction queued (text), or the page is being fetched (`url`: state "
                "`fetching`, then `queued`, or `failed` with the reason). Poll `Location`.",
            ),
            200: OpenApiResponse(
                ArticleSubmittedSerializer,
                "The same text, or the same web address, is already stored. Its facts are "
                "not changed: `differing_facts` lists those you gave that differ (PATCH the "
                "article to correct them).",
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
            "title": data.get("title", ""),
        }
        if data.get("url"):
            result = services.article_ingest_url(url=data["url"], **options)
        else:
            result = services.article_ingest_text(text=data["text"], **options)
        context = {"request": request, "differences": result.differences}
        body = ArticleSubmittedSerializer(result.article, context=context).data
        location = reverse("api:article-detail", args=[result.article.pk], request=request)
        code = status.HTTP_202_ACCEPTED if result.created else status.HTTP_200_OK
        return Response(body, status=code, headers={"Location": location})


def _api_names(errors: dict[str, list[str]]) -> dict[str, list[str]]:
    """The service names the address `url`; the API calls it `source_url`."""
    return {("source_url" if name == "url" else name): msgs for name, msgs in errors.items()}
