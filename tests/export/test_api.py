"""GET /api/v1/claims/export/: the claims list's filters, its tokens, streamed CSV (issue 14)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims.models import ClaimState
from tests.api.conftest import client_for
from tests.export.conftest import checked_claim, read_csv
from tests.factories import ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/claims/export/"


@pytest.fixture
def api(reviewer):
    return client_for(reviewer)


def test_the_export_streams_every_claim_as_an_attachment_named_for_the_day(api):
    claim = checked_claim()

    response = api.get(URL, HTTP_ACCEPT="text/csv")

    assert response.status_code == 200 and response.streaming
    day = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="claims-{day}.csv"'
    assert "no-store" in response["Cache-Control"]
    [row] = read_csv(response)
    assert row["claim_id"] == str(claim.pk)
    assert row["public_url"] == f"http://testserver/checks/{claim.pk}/"


def test_the_claims_lists_filters_and_ordering_apply(api):
    published = checked_claim()
    also_published = checked_claim(title="Reservoir levels")
    ClaimFactory(state=ClaimState.NEW)
    ClaimFactory(state=ClaimState.IN_PROGRESS, kind="length")

    rows = read_csv(api.get(URL, {"state": "published", "ordering": "id"}))
    assert [r["claim_id"] for r in rows] == [str(published.pk), str(also_published.pk)]

    rows = read_csv(api.get(URL, {"rating": 5, "outcome": "inconsistent", "search": "reservoir"}))
    assert [r["claim_id"] for r in rows] == [str(also_published.pk)]

    rows = read_csv(api.get(URL, {"kind": "length"}))
    assert [r["state"] for r in rows] == ["in_progress"]


def test_a_filter_it_cannot_read_is_a_json_400_even_when_csv_was_asked_for(api):
    response = api.get(URL, {"state": "bogus"}, HTTP_ACCEPT="text/csv")

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "state" in response.json()["error"]["fields"]


def test_only_the_newsroom_may_export_and_a_read_only_token_may(reviewer):
    ClaimFactory()
    assert client_for(None).get(URL).status_code == 401
    assert client_for(UserFactory(username="olga")).get(URL).status_code == 403
    response = client_for(reviewer, read_only=True).get(URL)
    assert response.status_code == 200 and len(read_csv(response)) == 1


def _export_queries(api) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        rows = read_csv(api.get(URL, {"state": "published"}))
    return len(captured), len(rows)


def test_the_query_count_does_not_grow_with_the_rows(api):
    api.get("/api/v1/claims/")  # the token's first use is written down once
    checked_claim()
    one = _export_queries(api)
    for _ in range(29):
        checked_claim()
    thirty = _export_queries(api)

    assert (one[1], thirty[1]) == (1, 30)
    assert one[0] == thirty[0], (one, thirty)


def test_the_schema_describes_the_export_as_csv_with_the_lists_filters(api):
    schema = api.get("/api/v1/schema/").json()

    operation = schema["paths"][URL]["get"]
    assert list(operation["responses"]["200"]["content"]) == ["text/csv"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"state", "kind", "rating", "outcome", "search", "ordering"} <= names
    assert "cursor" not in names
