"""The public page of a published fact-check: no login, with its ClaimReview JSON-LD."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from claims import claimreview, selectors


def public_check(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = selectors.claim_for_public_page(claim_id=claim_id)
    if claim is None:
        raise Http404("No published fact-check here.")
    verdicts = list(claim.verdicts.all())  # published ones, newest first
    current = next((v for v in verdicts if v.is_current), None)
    if current is None:
        raise Http404("No published fact-check here.")
    article = claim.article
    # The claim's sentence holds its span (offsets in the article's text).
    before = claim.sentence[: claim.start - claim.sentence_start]
    after = claim.sentence[claim.end - claim.sentence_start :]
    context = {
        "claim": claim,
        "article": article,
        "before": before,
        "after": after,
        "verdict": current,
        "corrections": [v for v in verdicts if v.supersedes_id is not None],
        "superseded": [v for v in verdicts if not v.is_current],
        "sources": list(claim.sources.all()),
        # JSON whose <, > and & are escaped (as_script_text): it cannot close the element.
        "jsonld": mark_safe(  # noqa: S308
            claimreview.as_script_text(claimreview.claim_review(claim, request, verdict=current))
        ),
    }
    return render(request, "claims/public.html", context)
