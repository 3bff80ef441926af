"""Seen before in the admin: the claim's page lists its matches, read-only (they are decided in
the newsroom panel, at the match's version)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims.models import MatchStatus
from tests.factories import ClaimFactory, EditorFactory, ReviewerFactory
from tests.matching.builders import match_row

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("person", [EditorFactory, ReviewerFactory])
def test_the_claim_page_lists_its_matches_read_only(client, person):
    claim, earlier = ClaimFactory(), ClaimFactory()
    decider = ReviewerFactory(username="rita")
    match_row(claim, earlier, status=MatchStatus.REJECTED, decided_by=decider)
    client.force_login(person())

    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()

    assert "Seen before (decided in the newsroom panel)" in page
    assert "text 0.91; same figure: 67 mi = about 108 km" in page
    assert "Rejected" in page and "rita" in page
    assert reverse("admin:claims_claim_change", args=[earlier.pk]) in page
    assert 'name="matches-0-status"' not in page  # shown, not editable
