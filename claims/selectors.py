"""Read queries shared by the web UI, the admin and the API."""

from django.db.models import Count, QuerySet

from claims.models import Article


def recent_articles(*, limit: int = 20) -> QuerySet[Article]:
    return (
        Article.objects.select_related("submitted_by")
        .annotate(claim_count=Count("claims"))
        .order_by("-created_at", "-id")[:limit]
    )
