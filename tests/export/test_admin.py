"""The claim changelist's CSV: the action on the selected claims, and the link that exports
everything the filters and search select (issue 14)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import ClaimState
from tests.export.conftest import checked_claim, read_csv
from tests.factories import ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:claims_claim_changelist"
EXPORT = "admin:claims_claim_export"


@pytest.fixture
def signed_in(client, reviewer):
    client.force_login(reviewer)
    return client


def test_the_action_exports_exactly_the_selected_claims(signed_in):
    chosen, _, also_chosen = checked_claim(), checked_claim(), ClaimFactory()

    response = signed_in.post(
        reverse(CHANGELIST),
        {"action": "export_csv", "_selected_action": [chosen.pk, also_chosen.pk]},
    )

    rows = read_csv(response)
    assert sorted(r["claim_id"] for r in rows) == sorted([str(chosen.pk), str(also_chosen.pk)])
    assert rows[0]["figures"] or rows[1]["figures"]


def test_the_changelist_links_to_an_export_of_its_filters_and_search(signed_in):
    wanted = checked_claim(title="Reservoir levels")
    checked_claim(title="Lake report")
    ClaimFactory(state=ClaimState.NEW, article__title="Reservoir levels again")
    query = "?q=reservoir&state__exact=published"

    page = signed_in.get(reverse(CHANGELIST) + query).content.decode()
    link = reverse(EXPORT) + query.replace("&", "&amp;")
    assert f'<a href="{link}" download>Export as CSV</a>' in page

    rows = read_csv(signed_in.get(reverse(EXPORT) + query))
    assert [r["claim_id"] for r in rows] == [str(wanted.pk)]


def test_the_export_link_takes_every_page_of_the_changelist(signed_in):
    for _ in range(60):  # the changelist shows 50 a page
        ClaimFactory()

    assert len(read_csv(signed_in.get(reverse(EXPORT) + "?p=2"))) == 60


def test_an_unreadable_filter_goes_back_to_the_changelist_as_it_does_there(signed_in):
    response = signed_in.get(reverse(EXPORT) + "?no_such_field=1")

    assert response.status_code == 302
    assert response["Location"] == reverse(CHANGELIST) + "?e=1"


def test_staff_who_cannot_view_claims_and_outsiders_get_no_export(client):
    ClaimFactory()
    client.force_login(UserFactory(username="clerk", is_staff=True))
    assert client.get(reverse(EXPORT)).status_code == 403

    client.force_login(UserFactory(username="olga"))
    response = client.get(reverse(EXPORT))
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))


def _export_queries(client) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        rows = read_csv(client.get(reverse(EXPORT) + "?state__exact=published"))
    return len(captured), len(rows)


def test_the_export_links_query_count_does_not_grow_with_the_rows(signed_in):
    checked_claim()
    one = _export_queries(signed_in)
    for _ in range(29):
        checked_claim()
    thirty = _export_queries(signed_in)

    assert (one[1], thirty[1]) == (1, 30)
    assert one[0] == thirty[0], (one, thirty)
