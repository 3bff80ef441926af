from django.urls import include, path
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from claims.api.schema import SchemaView
from claims.api.views.articles import ArticleViewSet
from claims.api.views.claimreviews import ClaimReviewViewSet
from claims.api.views.claims import ClaimViewSet
from claims.api.views.people import NotificationViewSet, UserViewSet
from claims.api.views.sources import SourceViewSet
from claims.http.security import API_DOCS_POLICY, content_security_policy

app_name = "api"
docs_policy = content_security_policy(API_DOCS_POLICY)

router = DefaultRouter()
router.register("articles", ArticleViewSet, basename="article")
router.register("claims", ClaimViewSet, basename="claim")
router.register("sources", SourceViewSet, basename="source")
router.register("claimreviews", ClaimReviewViewSet, basename="claimreview")
router.register("users", UserViewSet, basename="user")
router.register("notifications", NotificationViewSet, basename="notification")

urlpatterns = [
    path("schema/", SchemaView.as_view(permission_classes=[]), name="schema"),
    # The split view serves its start-up script as a file, so the CSP can forbid inline script.
    path(
        "docs/",
        docs_policy(
            SpectacularSwaggerSplitView.as_view(url_name="api:schema", permission_classes=[])
        ),
        name="docs",
    ),
    path(
        "redoc/",
        docs_policy(SpectacularRedocView.as_view(url_name="api:schema", permission_classes=[])),
        name="redoc",
    ),
    path("", include(router.urls)),
]
