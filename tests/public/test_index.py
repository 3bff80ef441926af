"""/checks/: published fact-checks, newest first, 20 a page, filtered by rating and date."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import ClaimState
from tests.factories import ClaimFactory, VerdictFactory
from tests.public.conftest import correct, publish

pytestmark = pytest.mark.django_db

INDEX = reverse("web:checks")
LINKS = re.compile(r'<h2><a href="/checks/(\d+)/">')


def _listed(client, query: str = "") -> list[int]:
    response = client.get(f"{INDEX}{query}")
    assert response.status_code == 200
    return [int(pk) for pk in LINKS.findall(response.content.decode())]


def test_it_lists_published_checks_newest_first_without_a_login(client):
    old = publish("2026-01-05")
    new = publish("2026-02-10")
    in_review = ClaimFactory(state=ClaimState.IN_REVIEW)
    VerdictFactory(claim=in_review)  # proposed, never published
    assert _listed(client) == [new.pk, old.pk]


def test_a_dismissed_check_leaves_the_index(client):
    claim = publish()
    claim.state = ClaimState.DISMISSED
    claim.save()
    assert _listed(client) == []


def test_it_shows_the_headline_verdict_and_dates(client):
    claim = publish("2026-01-05", rating=1)
    correct(claim, day="2026-02-01", rating=2)
    page = client.get(INDEX).content.decode()
    assert f"“{claim.text}”" in page  # no headline written: the claim, quoted
    assert "Mostly false" in page  # the verdict in force, not the corrected one
    assert '<time datetime="2026-01-05T12:00:00+00:00">5 January 2026</time>' in page
    assert "Updated <time" in page and "1 February 2026" in page


def test_twenty_a_page_with_the_pager(client):
    claims = [publish(f"2026-01-{day:02d}") for day in range(1, 26)]
    newest_first = [c.pk for c in reversed(claims)]
    assert _listed(client) == newest_first[:20]
    assert _listed(client, "?page=2") == newest_first[20:]
    assert 'href="?page=2" rel="next"' in client.get(INDEX).content.decode()


def test_the_rating_filter_offers_the_ratings_in_use_and_filters_by_the_verdict_in_force(client):
    false = publish(rating=1)
    true = publish(rating=5)
    corrected = publish(rating=5)
    correct(corrected, day="2026-03-02", rating=1)
    page = client.get(INDEX).content.decode()
    options = re.findall(r'<option value="([^"]+)"', page)
    assert options == ["True", "False"]  # only the labels published verdicts carry now
    assert sorted(_listed(client, "?rating=False")) == sorted([false.pk, corrected.pk])
    assert _listed(client, "?rating=True") == [true.pk]


def test_the_date_filter_reads_the_first_publication(client):
    january = publish("2026-01-15")
    february = publish("2026-02-15")
    corrected = publish("2026-01-20")
    correct(corrected, day="2026-02-20", rating=1)  # a correction does not move it
    assert _listed(client, "?published_from=2026-02-01") == [february.pk]
    assert _listed(client, "?published_to=2026-01-31") == [corrected.pk, january.pk]
    in_range = "?published_from=2026-01-16&published_to=2026-02-14"
    assert _listed(client, in_range) == [corrected.pk]


def test_empty_states(client):
    assert "No fact-checks have been published yet." in client.get(INDEX).content.decode()
    publish("2026-01-15")
    page = client.get(f"{INDEX}?published_from=2027-01-01").content.decode()
    assert "No fact-check matches these filters." in page


def test_the_index_links_to_its_feeds(client):
    page = client.get(INDEX).content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in page
    assert f'href="{reverse("web:checks_feed")}"' in page
    assert f'href="{reverse("web:checks_feed_atom")}"' in page


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_same_queries_for_one_check_as_for_thirty(client):
    publish("2025-12-31", rating=3)
    one = _queries(client, f"{INDEX}?rating=Half+true&published_from=2025-01-01")
    for i in range(29):
        claim = publish(f"2026-01-{i % 28 + 1:02d}", rating=3)
        if i % 3 == 0:
            correct(claim, day="2026-02-01", rating=3)
    thirty = _queries(client, f"{INDEX}?rating=Half+true&published_from=2025-01-01")
    assert one == thirty, f"{one} queries for 1, {thirty} for 30"
    assert _queries(client, f"{INDEX}?page=2") == thirty
