"""schema.org ClaimReview for a published fact-check: one builder for the web page and the API.

https://schema.org/ClaimReview and Google's guidance for it: the rating is the verdict's label
on the newsroom's scale (alternateName), with ratingValue 1–5 when the label has a number; a
label without one is published by name only, as Google allows for textual ratings.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from claims import selectors
from claims.models import Claim, Verdict
from claims.models.scales import BEST, WORST


def claim_review(
    claim: Claim, request: HttpRequest | None = None, *, verdict: Verdict | None = None
) -> dict[str, Any]:
    """The ClaimReview of a published claim; `verdict` defaults to its current published one.

    With a request the page URL is absolute, without one it is the site path. Uses
    `claim.article` and, when prefetched, `claim.verdicts` (no extra query in lists).
    """
    verdict = verdict or published_verdict(claim)
    url = reverse("web:public_check", args=[claim.pk])
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": _claim_reviewed(claim, verdict),
        "itemReviewed": _item_reviewed(claim),
        "author": _author(request),
        "url": request.build_absolute_uri(url) if request is not None else url,
    }
    if verdict is not None:
        if verdict.headline:
            review["headline"] = verdict.headline
        rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.rating_name}
        if verdict.rating_value is not None:
            rating.update(ratingValue=verdict.rating_value, bestRating=BEST, worstRating=WORST)
        review["reviewRating"] = rating
        # The newsroom's calendar days, as the public page shows them: first published, and
        # last changed by a correction (as selectors.with_publication_dates annotates them).
        first = getattr(claim, "first_published", None) or verdict.published_at
        if first is not None:
            review["datePublished"] = timezone.localdate(first).isoformat()
        corrected = getattr(claim, "last_corrected", None)
        if corrected is not None:
            review["dateModified"] = timezone.localdate(corrected).isoformat()
    return review


def _author(request: HttpRequest | None) -> dict[str, Any]:
    """The organisation that publishes (claims.models.Organization), read once per request."""
    organization = selectors.organization_for(request=request)
    author: dict[str, Any] = {"@type": "Organization", "name": organization.name}
    if organization.url:
        author["url"] = organization.url
    if organization.logo_url:
        author["logo"] = organization.logo_url
    return author


def published_verdict(claim: Claim) -> Verdict | None:
    """The verdict in force, from a prefetch when there is one (`current_verdicts` as in
    selectors.published_claims, or `verdicts`), else one query."""
    candidates = getattr(claim, "current_verdicts", None)
    for verdict in claim.verdicts.all() if candidates is None else candidates:
        if verdict.is_current and verdict.published_at is not None:
            return verdict
    return None


def _claim_reviewed(claim: Claim, verdict: Verdict | None) -> str:
    """The editor's short statement; for a verdict from before there was one, the sentence."""
    if verdict is not None and verdict.claim_reviewed:
        return verdict.claim_reviewed
    return claim.sentence.strip() or claim.text


def _item_reviewed(claim: Claim) -> dict[str, Any]:
    article = claim.article
    item: dict[str, Any] = {"@type": "Claim"}
    if article.publisher:
        item["author"] = {"@type": "Organization", "name": article.publisher}
    if article.dateline is not None:
        item["datePublished"] = article.dateline.isoformat()
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if article.url:
        appearance["url"] = article.url
    if article.title:
        appearance["headline"] = article.title
    item["appearance"] = appearance
    return item


# Characters that could end the <script> element or open a comment, as JSON escapes
# (the same set Django's json_script escapes).
_SCRIPT_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def as_script_text(data: dict[str, Any]) -> str:
    """JSON for the inside of a `<script type="application/ld+json">` element."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_SAFE)
