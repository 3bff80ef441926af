"""The public page of a published fact-check and its ClaimReview JSON-LD."""

from __future__ import annotations

import json
import re

import pytest
from django.test import RequestFactory
from django.urls import reverse

from claims import claimreview, services
from claims.services.review import correction_approve
from tests.factories import ReviewerFactory, scale_label

pytestmark = pytest.mark.django_db

LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def published(editor, reviewer, miles_claim):
    services.claim_start(actor=editor, claim_id=miles_claim.pk)
    services.source_add(
        actor=editor,
        claim_id=miles_claim.pk,
        title="GeoNames </script><script>alert(1)</script>",
        url="https://www.geonames.org/706524",
        reference_value=61,
        reference_unit="km",
    )
    services.verdict_propose(
        actor=editor,
        claim_id=miles_claim.pk,
        rating=scale_label(2),
        rationale="It is 38 miles, not 30.",
    )
    services.claim_publish(actor=reviewer, claim_id=miles_claim.pk)
    miles_claim.refresh_from_db()
    return miles_claim


def test_public_page_needs_no_login_and_shows_the_fact_check(client, published):
    response = client.get(reverse("web:public_check", args=[published.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert f"<mark>{published.text}</mark>" in page
    assert "Moscow was using Izium as a launching pad" in page
    assert "Mostly false" in page
    assert "It is 38 miles, not 30." in page
    assert 'href="https://www.geonames.org/706524"' in page
    assert "GeoNames &lt;/script&gt;" in page


def test_public_page_carries_claimreview_json_ld(client, published):
    page = client.get(reverse("web:public_check", args=[published.pk])).content.decode()
    blocks = LD.findall(page)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "ClaimReview"
    assert data["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Mostly false",
    }
    assert data["itemReviewed"]["author"] == {"@type": "Organization", "name": "CNN"}
    assert data["itemReviewed"]["datePublished"] == "2022-09-14"
    assert data["url"] == f"http://testserver/checks/{published.pk}/"
    assert "30 miles" in data["claimReviewed"]


def test_json_ld_cannot_close_its_script_element():
    text = claimreview.as_script_text(
        {"claimReviewed": "</script><script>alert(1)</script> & <!--"}
    )
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["claimReviewed"].startswith("</script>")


def test_claim_review_without_a_request_uses_the_site_path(published):
    review = claimreview.claim_review(published)
    assert review["url"] == f"/checks/{published.pk}/"
    assert review["author"] == {"@type": "Organization", "name": "Factcheck"}
    assert review["itemReviewed"]["appearance"]["@type"] == "CreativeWork"
    request = RequestFactory().get("/")
    assert claimreview.claim_review(published, request)["url"].startswith("http://testserver/")


def test_an_unpublished_claim_has_no_public_page(client, miles_claim):
    assert client.get(reverse("web:public_check", args=[miles_claim.pk])).status_code == 404


def test_a_correction_is_shown_with_its_note(client, reviewer, published):
    services.verdict_correct(
        actor=reviewer,
        claim_id=published.pk,
        rating=scale_label(1),
        rationale="Plainly wrong.",
        note="Map.",
    )
    correction_approve(actor=ReviewerFactory(username="ravi"), claim_id=published.pk)
    page = client.get(reverse("web:public_check", args=[published.pk])).content.decode()
    assert "Corrections" in page
    assert "Map." in page
    assert "the verdict was “Mostly false”" in page
    data = json.loads(LD.findall(page)[0])
    assert data["reviewRating"]["ratingValue"] == 1
