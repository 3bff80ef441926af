"""A search of nothing but quotes has no terms: every claim is listed, nothing breaks."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.web.test_claims_list import _listed, claims  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("q", ['""', "''", '"" ""'])
def test_the_claims_list_takes_a_search_of_only_quotes(client, editor, claims, q):  # noqa: F811
    client.force_login(editor)
    assert _listed(client, q=q) == {c.pk for c in claims.values()}


@pytest.mark.parametrize("q", ['""', "''"])
def test_the_admin_takes_a_search_of_only_quotes(client, reviewer, claims, q):  # noqa: F811
    client.force_login(reviewer)
    response = client.get(reverse("admin:claims_claim_changelist"), {"q": q})
    assert response.status_code == 200
    assert {c.pk for c in response.context["cl"].result_list} == {c.pk for c in claims.values()}
