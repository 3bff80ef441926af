"""/checks/feed/ (RSS) and /checks/feed/atom/ (Atom): parsed, with the right items."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import ClaimState
from tests.factories import ClaimFactory, VerdictFactory
from tests.public.conftest import correct, publish

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def _parse(response) -> ET.Element:
    return ET.fromstring(response.content)  # noqa: S314 (our own feed, as a reader parses it)


@pytest.fixture
def checks():
    old = publish("2026-01-05", rating=1)
    new = publish("2026-02-10", rating=5)
    correct(old, day="2026-03-01", rating=2)
    unpublished = ClaimFactory(state=ClaimState.IN_REVIEW)
    VerdictFactory(claim=unpublished)
    return old, new


def test_rss_lists_the_published_checks_newest_first(client, checks, organization):
    old, new = checks
    response = client.get(reverse("web:checks_feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = _parse(response).find("channel")
    assert channel.findtext("title") == f"{organization.name}: fact-checks"
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == [f"“{new.text}”", f"“{old.text}”"]
    assert items[0].findtext("link") == f"http://testserver/checks/{new.pk}/"
    assert items[1].findtext("pubDate") == "Mon, 05 Jan 2026 12:00:00 +0000"
    assert items[1].findtext("description").startswith("Mostly false: ")  # in force now


def test_atom_carries_published_and_updated(client, checks):
    old, new = checks
    response = client.get(reverse("web:checks_feed_atom"))
    assert response.status_code == 200
    feed = _parse(response)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [f"“{new.text}”", f"“{old.text}”"]
    corrected = entries[1]
    assert corrected.find(f"{ATOM}link").get("href") == f"http://testserver/checks/{old.pk}/"
    assert corrected.findtext(f"{ATOM}published") == "2026-01-05T12:00:00+00:00"
    assert corrected.findtext(f"{ATOM}updated") == "2026-03-01T12:00:00+00:00"
    assert entries[0].findtext(f"{ATOM}updated") == "2026-02-10T12:00:00+00:00"


def test_an_empty_feed_is_still_a_feed(client):
    response = client.get(reverse("web:checks_feed"))
    assert _parse(response).find("channel").findall("item") == []


def test_the_feed_costs_the_same_queries_for_one_check_as_for_thirty(client):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("web:checks_feed_atom")).status_code == 200
        return len(queries)

    publish("2026-01-01")
    one = count()
    for day in range(2, 31):
        correct(publish(f"2026-01-{day:02d}"), day="2026-02-01", rating=1)
    assert count() == one
