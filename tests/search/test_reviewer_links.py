"""The reviewer's one screen: the admin claim page links to the newsroom panel (which has the
moves), the panel links back; the admin's claim search is the full-text one."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import ReviewerFactory, UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:claims_claim_changelist")


def _panel_url(claim) -> str:
    return f"{reverse('web:article', args=[claim.article_id])}?claim={claim.pk}#panel"


def test_the_admin_claim_page_links_to_the_claims_panel(client, desk):
    client.force_login(ReviewerFactory())
    html = client.get(reverse("admin:claims_claim_change", args=[desk.izium.pk])).content.decode()
    assert (
        f'<a href="{_panel_url(desk.izium)}" class="newsroom-panel">'
        "Open in the newsroom panel (publish, send back, correct)</a>"
    ) in html


def test_each_row_of_the_admin_changelist_links_to_its_panel(client, desk):
    client.force_login(ReviewerFactory())
    html = client.get(CHANGELIST).content.decode()
    assert f'<a href="{_panel_url(desk.lyman)}">Open' in html


def test_the_panel_links_back_to_the_admin_for_staff(client, desk):
    client.force_login(ReviewerFactory())
    html = client.get(_panel_url(desk.izium)).content.decode()
    admin_url = reverse("admin:claims_claim_change", args=[desk.izium.pk])
    assert f'<a href="{admin_url}">Open in admin</a> (the record and its history)' in html


def test_the_panel_has_no_admin_link_for_someone_the_admin_would_refuse(client, desk):
    client.force_login(UserFactory(groups=["Editors"]))  # an editor without staff status
    html = client.get(_panel_url(desk.izium)).content.decode()
    assert "Open in admin" not in html


def _admin_found(client, q: str) -> list[int]:
    response = client.get(CHANGELIST, {"q": q})
    assert response.status_code == 200
    return [c.pk for c in response.context["cl"].result_list]


def test_the_admin_search_looks_at_the_sentence_title_and_text(client, desk, on_postgres):
    client.force_login(ReviewerFactory())
    # A town named in the sentence: its claim first, then the other claim of its article.
    assert _admin_found(client, "Izium") == [desk.izium.pk, desk.volume.pk]
    assert _admin_found(client, "reopens") == [desk.lyman.pk]  # title
    assert set(_admin_found(client, "Balakliia")) == {desk.izium.pk, desk.volume.pk}  # text
    assert _admin_found(client, "reservoirs holds") == [desk.volume.pk, desk.izium.pk]
    assert _admin_found(client, "Odesa") == []


def test_a_sorted_column_wins_over_the_search_rank(client, desk, on_postgres):
    client.force_login(ReviewerFactory())
    response = client.get(CHANGELIST, {"q": "Izium", "o": "-1"})  # by the claim's text, Z-A
    found = [c.text for c in response.context["cl"].result_list]
    assert found == sorted(found, reverse=True)
