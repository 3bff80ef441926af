"""Seen before: a claim's matches with earlier claims, as the panel and the API show them.

A match that an editor rejected stays listed, last: the decision is shown (who said "not the
same", and when) and can be undone with "Same claim", and it explains why the pair is not
offered again after a re-extraction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When
from django.urls import reverse

from claims.models import (
    Article,
    Claim,
    ClaimMatch,
    ClaimState,
    ExtractionState,
    MatchStatus,
    Verdict,
)

# The parts of a stored reason that tell two claims apart, as the panel names them.
DIFFERENCES = {
    "figures differ: ": "Another figure: ",
    "other places: ": "Other places: ",
    "other period: ": "Another period: ",
}


def published_verdicts() -> QuerySet[Verdict]:
    """The verdicts in force on the public site: current, published, of a published claim
    (a dismissed claim's verdict is no longer shown there)."""
    return Verdict.objects.filter(
        is_current=True, published_at__isnull=False, claim__state=ClaimState.PUBLISHED
    )


def matches_shown(*, with_articles: bool = False) -> QuerySet[ClaimMatch]:
    """Matches in the order shown (rejected ones last, then the closest words first), each
    with its earlier claim, the person who decided it, and the earlier claim's published
    verdict in `earlier.published_verdicts` (a list of one or none): two queries for any
    number of matches, and any number of claims when prefetched."""
    related = ["earlier", "decided_by"]
    deferred = ["earlier__search_vector"]
    if with_articles:
        related.append("earlier__article")
        deferred += ["earlier__article__raw", "earlier__article__text"]
        deferred.append("earlier__article__search_vector")
    rejected_last = Case(
        When(status=MatchStatus.REJECTED, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return (
        ClaimMatch.objects.select_related(*related)
        .defer(*deferred)
        .prefetch_related(
            Prefetch("earlier__verdicts", published_verdicts(), to_attr="published_verdicts")
        )
        .order_by(rejected_last, "-text_score", "id")
    )


def match_published_verdict(match: ClaimMatch) -> Verdict | None:
    """The earlier claim's verdict in force, from the prefetch of `matches_shown`."""
    verdicts = getattr(match.earlier, "published_verdicts", None)
    if verdicts is None:  # not prefetched: one query
        return published_verdicts().filter(claim_id=match.earlier_id).first()
    return verdicts[0] if verdicts else None


@dataclass(frozen=True)
class EarlierClaim:
    """One match as the panel shows it: the earlier claim, its article, its verdict."""

    match: ClaimMatch
    verdict: Verdict | None
    differences: list[str]

    @property
    def earlier(self) -> Claim:
        return self.match.earlier

    @property
    def article(self) -> Article:
        return self.match.earlier.article

    @property
    def panel_url(self) -> str:
        return self.earlier.get_absolute_url()

    @property
    def public_url(self) -> str:
        return reverse("web:public_check", args=[self.match.earlier_id]) if self.verdict else ""

    @property
    def carries_verdict(self) -> bool:
        """Whether the earlier verdict may be offered for this claim: there is one, nothing
        tells the claims apart, and no editor said they are not the same."""
        match = self.match
        return bool(self.verdict) and not match.figures_differ and match.status != "rejected"


@dataclass(frozen=True)
class SeenBefore:
    """A claim's matches; `looking` while its article, extracted, has not been matched yet."""

    matches: list[EarlierClaim] = field(default_factory=list)
    looking: bool = False


def claim_seen_before(*, claim_id: int) -> SeenBefore:
    """The claim's matches with earlier claims: two queries, whatever their number (the
    matches, then their verdicts; or, with none, whether the article is still to be matched)."""
    rows = [
        EarlierClaim(match, match_published_verdict(match), match_differences(match))
        for match in matches_shown(with_articles=True).filter(claim_id=claim_id)
    ]
    if rows:
        return SeenBefore(rows)
    article = (
        Article.objects.filter(claims=claim_id)
        .values_list("extraction_state", "matched_at")
        .first()
    )
    looking = article is not None and article[0] == ExtractionState.DONE and article[1] is None
    return SeenBefore([], looking)


def match_differences(match: ClaimMatch) -> list[str]:
    """What tells the two claims apart, from the stored reason ("Another figure: 76 mi ≠
    67 mi"); empty unless the match says they differ."""
    if not match.figures_differ:
        return []
    parts = [part.strip() for part in match.reason.split(";")]
    found = [
        shown + part.removeprefix(said)
        for part in parts
        for said, shown in DIFFERENCES.items()
        if part.startswith(said)
    ]
    # A reason cut at its column's length may have lost the part: say so without it.
    return found or ["Another figure, place or period: see the reason"]
