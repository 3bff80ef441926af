"""What the panel and the API read of a claim's matches (claims.selectors.claim_seen_before):
the earlier claims with their articles and published verdicts, rejected ones last, in two
queries whatever their number; and whether the claim's article is still being matched."""

from __future__ import annotations

import pytest
from django.utils import timezone

from claims import selectors
from claims.models import ClaimState, MatchStatus
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    PublishedVerdictFactory,
    VerdictFactory,
    scale_label,
)
from tests.matching.builders import match_row

pytestmark = pytest.mark.django_db


def _claim(**article):
    return ClaimFactory(article=ArticleFactory(**article))


def test_the_matches_come_with_the_earlier_article_and_its_published_verdict(
    django_assert_num_queries,
):
    claim = _claim()
    earlier = _claim(title="Bridge opens", publisher="The Courier", dateline="2024-03-01")
    earlier.state = ClaimState.PUBLISHED
    earlier.save()
    PublishedVerdictFactory(claim=earlier, label=scale_label("False"), headline="No, 48 miles")
    match_row(claim, earlier)

    with django_assert_num_queries(2):
        seen = selectors.claim_seen_before(claim_id=claim.pk)
        [row] = seen.matches
        assert row.verdict.rating_name == "False" and row.verdict.headline == "No, 48 miles"
        assert (row.article.title, row.article.publisher) == ("Bridge opens", "The Courier")
        assert str(row.article.dateline) == "2024-03-01"
        assert row.earlier.text == earlier.text and row.earlier.sentence == earlier.sentence
    assert row.panel_url == earlier.get_absolute_url()
    assert row.public_url == f"/checks/{earlier.pk}/"
    assert row.carries_verdict and row.differences == []
    assert not seen.looking


def test_two_queries_for_five_matches_as_for_one(django_assert_num_queries):
    claim = _claim()
    for i in range(5):
        earlier = ClaimFactory(state=ClaimState.PUBLISHED)
        PublishedVerdictFactory(claim=earlier)
        match_row(claim, earlier, text_score=0.8 + i / 100)
    with django_assert_num_queries(2):
        seen = selectors.claim_seen_before(claim_id=claim.pk)
        assert [r.verdict is not None for r in seen.matches] == [True] * 5
    scores = [r.match.text_score for r in seen.matches]
    assert scores == sorted(scores, reverse=True)


def test_rejected_matches_come_last_and_no_longer_carry_a_verdict():
    claim = _claim()
    rejected = match_row(claim, ClaimFactory(), text_score=0.99, status=MatchStatus.REJECTED)
    confirmed = match_row(claim, ClaimFactory(), text_score=0.75, status=MatchStatus.CONFIRMED)
    waiting = match_row(claim, ClaimFactory(), text_score=0.8)

    rows = selectors.claim_seen_before(claim_id=claim.pk).matches

    assert [r.match for r in rows] == [waiting, confirmed, rejected]


def test_only_a_verdict_in_force_on_the_public_site_is_shown():
    claim = _claim()
    proposed = ClaimFactory(state=ClaimState.IN_REVIEW)
    VerdictFactory(claim=proposed)  # proposed, not published
    dismissed = ClaimFactory(state=ClaimState.DISMISSED)
    PublishedVerdictFactory(claim=dismissed)  # published once, then taken down
    for earlier in (proposed, dismissed):
        match_row(claim, earlier)

    rows = selectors.claim_seen_before(claim_id=claim.pk).matches

    assert [r.verdict for r in rows] == [None, None]
    assert [r.public_url for r in rows] == ["", ""]
    assert not any(r.carries_verdict for r in rows)


def test_what_tells_two_claims_apart_is_read_from_the_reason():
    claim = _claim()
    earlier = ClaimFactory(state=ClaimState.PUBLISHED)
    PublishedVerdictFactory(claim=earlier)
    reason = "text 0.97; figures differ: 76 mi ≠ 67 mi; other period: 2023 vs 2024"
    match_row(claim, earlier, same_figure=False, figures_differ=True, reason=reason)

    [row] = selectors.claim_seen_before(claim_id=claim.pk).matches

    assert row.differences == ["Another figure: 76 mi ≠ 67 mi", "Another period: 2023 vs 2024"]
    assert row.verdict is not None and not row.carries_verdict


def test_with_no_match_the_claim_is_looked_for_until_its_article_is_matched(
    django_assert_num_queries,
):
    claim = _claim(extraction_state="done")
    with django_assert_num_queries(2):
        assert selectors.claim_seen_before(claim_id=claim.pk).looking
    claim.article.matched_at = timezone.now()
    claim.article.save()
    seen = selectors.claim_seen_before(claim_id=claim.pk)
    assert seen.matches == [] and not seen.looking
    # Being extracted again: its claims are not matched until that is done.
    running = _claim(extraction_state="running")
    assert not selectors.claim_seen_before(claim_id=running.pk).looking
