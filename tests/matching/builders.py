"""Articles matched with earlier ones, as the tests of Seen before make them: through the real
services (ingest, extract, match), or, where only the rows matter, as rows."""

from __future__ import annotations

from typing import Any

from claims import services
from claims.models import Article, Claim, ClaimMatch
from tests.factories import SourceFactory, scale_label

# The earlier claim, the same claim in other words and figures, and another figure.
EARLIER = "The new bridge stands 67 miles from the capital, they said."
SAME_FIGURE = "The new bridge stands about 108 km from the capital, officials say."
OTHER_FIGURE = "The new bridge stands 76 miles from the capital, they said."
HEADLINE = "No, the bridge is not 67 miles from the capital"


def submit(text: str, editor: Any, **facts: Any) -> Article:
    """Ingest, extract and match `text`, as the worker does, and return the article."""
    article = services.article_ingest_text(text=text, submitted_by=editor, **facts).article
    services.article_extract(article_id=article.pk)
    services.article_match(article_id=article.pk)
    article.refresh_from_db()
    return article


def publish(article: Article, editor: Any, reviewer: Any) -> Claim:
    """The article's one claim, checked and published as "False"."""
    claim = article.claims.get()
    services.claim_start(actor=editor, claim_id=claim.pk)
    SourceFactory(claim=claim)
    services.verdict_propose(
        actor=editor,
        claim_id=claim.pk,
        rating=scale_label("False"),
        rationale="The road distance is 48 miles.",
        headline=HEADLINE,
        claim_reviewed="The bridge is 67 miles from the capital.",
    )
    services.claim_publish(actor=reviewer, claim_id=claim.pk)
    return claim


def the_match(article: Article, earlier: Claim | None = None) -> ClaimMatch:
    """The one match of the article's claims (with `earlier`, when it has several)."""
    matches = ClaimMatch.objects.select_related("claim", "earlier").filter(claim__article=article)
    return matches.get() if earlier is None else matches.get(earlier=earlier)


def match_row(claim: Claim, earlier: Claim, **fields: Any) -> ClaimMatch:
    """A match made as a row, without the text model: for tests of what is shown."""
    values = {
        "text_score": 0.91,
        "same_figure": True,
        "figures_differ": False,
        "same_places": None,
        "same_period": None,
        "reason": "text 0.91; same figure: 67 mi = about 108 km",
        "decision": "suggested",
        **fields,
    }
    return ClaimMatch.objects.create(claim=claim, earlier=earlier, **values)
