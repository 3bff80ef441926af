"""The public page of a published fact-check: no login, with its ClaimReview JSON-LD."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from claims import claimreview, selectors
from claims.models import Verdict
from claims.web.public_site import headline, public_page


@public_page
def public_check(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = selectors.claim_for_public_page(claim_id=claim_id)
    if claim is None:
        raise Http404("No published fact-check here.")
    verdicts = list(claim.verdicts.all())  # published ones, newest first
    current = next((v for v in verdicts if v.is_current), None)
    if current is None:
        raise Http404("No published fact-check here.")
    article = claim.article
    corrections = [v for v in verdicts if v.supersedes_id is not None]
    # The claim's sentence holds its span (offsets in the article's text).
    before = claim.sentence[: claim.start - claim.sentence_start]
    after = claim.sentence[claim.end - claim.sentence_start :]
    organization = selectors.organization_for(request=request)
    context = {
        "claim": claim,
        "article": article,
        "before": before,
        "after": after,
        "verdict": current,
        "headline": headline(claim, current),
        # datePublished: the first verdict's publication; dateModified: the latest correction's.
        "published_at": claim.first_published,  # type: ignore[attr-defined]
        "updated_at": claim.last_corrected,  # type: ignore[attr-defined]
        "corrections": corrections,
        "superseded": [v for v in verdicts if not v.is_current],
        "sources": list(claim.sources.all()),
        "findings": claim.public_findings,  # type: ignore[attr-defined]
        "people": _people(current) if organization.show_names else None,
        # JSON whose <, > and & are escaped (as_script_text): it cannot close the element.
        "jsonld": mark_safe(  # noqa: S308
            claimreview.as_script_text(claimreview.claim_review(claim, request, verdict=current))
        ),
    }
    return render(request, "claims/public.html", context)


def _people(verdict: Verdict) -> dict[str, Any]:
    """The names shown when the organisation shows them: a full name, else the username."""

    def name(user: Any) -> str:
        return (user.get_full_name() or user.get_username()) if user is not None else ""

    return {"author": name(verdict.author), "reviewer": name(verdict.reviewer)}
