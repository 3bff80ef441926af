"""The fact-check page: headline, claim, verdict, the machine's arithmetic, dates, names."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from claims.models import ClaimState, Verdict
from tests.factories import ClaimFactory, EditorFactory, VerdictFactory, rated
from tests.public.conftest import correct, finding, publish

pytestmark = pytest.mark.django_db

LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _page(client, claim) -> str:
    response = client.get(reverse("web:public_check", args=[claim.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_old_verdicts_get_the_quoted_claim_as_headline(client):
    claim = publish()
    assert f'<h1 id="check-title">“{claim.text}”</h1>' in _page(client, claim)


def test_conclusive_findings_are_shown_and_unverifiable_ones_are_not(client):
    claim = publish()
    finding(claim, "inconsistent", "311 km²")
    finding(claim, "consistent", "120 sq mi")
    finding(claim, "unverifiable", "no gazetteer entry")
    page = _page(client, claim)
    assert "How we checked the numbers" in page
    assert "Expected: 311 km²" in page and "Expected: 120 sq mi" in page
    assert "The machine found it inconsistent." in page
    assert "no gazetteer entry" not in page


def test_no_arithmetic_section_without_a_conclusive_finding(client):
    claim = publish()
    finding(claim, "unverifiable", "nothing to compare")
    assert "How we checked the numbers" not in _page(client, claim)


def test_published_and_updated_dates_after_a_correction(client):
    claim = publish("2026-01-05", rating=1)
    before = _page(client, claim)
    assert "Updated" not in before
    correct(claim, day="2026-03-01", rating=2, note="The gazetteer was re-read.")
    page = _page(client, claim)
    assert 'Published <time datetime="2026-01-05T12:00:00+00:00">5 January 2026</time>' in page
    assert 'Updated <time datetime="2026-03-01T12:00:00+00:00">1 March 2026</time>' in page
    assert "The gazetteer was re-read. (the verdict was “False”)" in page


def test_names_only_when_the_organisation_shows_them(client, organization):
    claim = publish()
    verdict = Verdict.objects.get(claim=claim)
    verdict.author = EditorFactory(username="edna", first_name="Edna", last_name="Ruiz")
    verdict.save()
    assert "Edna Ruiz" not in _page(client, claim)
    assert verdict.reviewer.username not in _page(client, claim)
    organization.show_names = True
    organization.save()
    page = _page(client, claim)
    assert f"By Edna Ruiz, reviewed by {verdict.reviewer.username}" in page


def test_an_unpublished_claim_and_a_pending_correction_stay_private(client):
    unpublished = ClaimFactory(state=ClaimState.IN_REVIEW)
    VerdictFactory(claim=unpublished)
    assert client.get(reverse("web:public_check", args=[unpublished.pk])).status_code == 404
    claim = publish(rating=2)
    current = Verdict.objects.get(claim=claim)
    Verdict.objects.create(
        claim=claim,
        **rated(5),
        rationale="Pending.",
        author=EditorFactory(),
        is_current=False,
        supersedes=current,
        correction_note="Not yet approved.",
    )
    page = _page(client, claim)
    assert "Not yet approved." not in page and "Updated" not in page


def test_claimreview_author_is_the_organisation(client, organization):
    organization.name = "Numbers Desk"
    organization.url = "https://numbers.example.org/"
    organization.logo_url = "https://cdn.example.org/logo.png"
    organization.save()
    data = json.loads(LD.findall(_page(client, publish()))[0])
    assert data["author"] == {
        "@type": "Organization",
        "name": "Numbers Desk",
        "url": "https://numbers.example.org/",
        "logo": "https://cdn.example.org/logo.png",
    }


def test_the_logo_is_allowed_by_the_pages_policy(client, organization):
    organization.logo_url = "https://cdn.example.org:8443/img/logo.png"
    organization.save()
    for url in (reverse("web:checks"), reverse("web:methodology")):
        response = client.get(url)
        assert (
            "img-src 'self' data: https://cdn.example.org:8443;"
            in response["Content-Security-Policy"]
        )
        assert 'src="https://cdn.example.org:8443/img/logo.png"' in response.content.decode()
    # The editors' pages keep the site's own policy.
    assert "cdn.example.org" not in client.get("/accounts/login/")["Content-Security-Policy"]
