"""RSS and Atom feeds of the published fact-checks (django.contrib.syndication)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from claims import selectors
from claims.models import Organization
from claims.web.public_site import CheckRow, check_row

FEED_SIZE = 50


class ChecksFeed(Feed):
    """The newest fact-checks: title the headline, link the fact-check page, published the
    first publication, updated the latest correction (or the publication)."""

    description_template = "claims/feed_item.html"

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Organization:
        # The feed's "object" is the organisation (one instance serves every request, so
        # nothing of a request may be kept on it).
        return selectors.organization_for(request=request)

    def title(self, obj: Organization) -> str:
        return f"{obj.name}: fact-checks"

    def link(self) -> str:
        return reverse("web:checks")

    def description(self) -> str:
        return "Published fact-checks of the numbers in the news, newest first."

    def items(self) -> list[CheckRow]:
        return [check_row(claim) for claim in selectors.public_checks()[:FEED_SIZE]]

    def item_title(self, item: CheckRow) -> str:
        return item.headline

    def item_link(self, item: CheckRow) -> str:
        return reverse("web:public_check", args=[item.claim.pk])

    def item_pubdate(self, item: CheckRow) -> datetime:
        return item.published

    def item_updateddate(self, item: CheckRow) -> datetime:
        return item.updated or item.published


class ChecksAtomFeed(ChecksFeed):
    feed_type = Atom1Feed
    subtitle = ChecksFeed.description
