"""No lost edits in the admin: a stale save of a source or a correction is refused.

Before, the admin's change form for a source saved over whatever another person had saved
since the page was opened, as the web UI did.
"""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from claims import services, workflow
from claims.admin.versions import INPUT_KEPT
from claims.models import ClaimState, Source
from claims.services.review import correction_approve
from claims.services.versions import version_of
from tests.factories import scale_label

pytestmark = pytest.mark.django_db

S = ClaimState
CHANGED = "was changed after you opened it; your change was not saved."
VERSION_INPUT = re.compile(r'<input type="hidden" name="version" value="([^"]+)"')


def _page(response) -> str:
    return html.unescape(response.content.decode())


def _source_data(source: Source, **changes) -> dict:
    data = {"title": source.title, "url": source.url, "publisher": "", "quote": ""}
    return {**data, "accessed_on": "", "reference_value": "", "reference_unit": "", **changes}


@pytest.fixture
def source(people, claim_in) -> Source:
    claim = claim_in(S.IN_PROGRESS)
    source = claim.sources.get()
    services.source_update(actor=people["editor"], source_id=source.pk, title="A")
    source.refresh_from_db()
    return source


def test_the_source_change_page_carries_the_version_it_shows(client, people, source):
    client.force_login(people["reviewer"])
    page = _page(client.get(reverse("admin:claims_source_change", args=[source.pk])))
    assert VERSION_INPUT.search(page).group(1) == version_of(source)


def test_the_source_add_page_has_no_version(client, people, claim_in):
    client.force_login(people["reviewer"])
    page = _page(client.get(reverse("admin:claims_source_add")))
    assert 'name="version"' not in page


def test_a_stale_source_save_in_the_admin_is_refused_with_the_change(client, people, source):
    url = reverse("admin:claims_source_change", args=[source.pk])
    client.force_login(people["reviewer"])
    read = version_of(source)
    services.source_update(actor=people["author_reviewer"], source_id=source.pk, title="B")

    response = client.post(url, _source_data(source, title="C", version=read))
    assert response.status_code == 200
    page = _page(response)
    assert f"This source {CHANGED}" in page
    assert "author_reviewer changed title from “A” to “B”." in page
    assert INPUT_KEPT in page
    assert 'name="title" value="C"' in page  # what was typed is kept
    source.refresh_from_db()
    assert source.title == "B"

    # The refused form carries the version it described: saving again is a knowing choice.
    shown = VERSION_INPUT.search(page).group(1)
    assert shown == version_of(source)
    response = client.post(url, _source_data(source, title="C", version=shown))
    assert response.status_code == 302
    source.refresh_from_db()
    assert source.title == "C"


def test_a_source_save_without_a_version_is_refused(client, people, source):
    client.force_login(people["reviewer"])
    url = reverse("admin:claims_source_change", args=[source.pk])
    page = _page(client.post(url, _source_data(source, title="C")))
    assert "This form did not say which version of the source you read" in page
    source.refresh_from_db()
    assert source.title == "A"


def _correction(old, **changes) -> dict:
    data = {
        "rating": scale_label(2).pk,
        "rationale": "The census says 130.",
        "correction_note": "New census",
    }
    return {**data, "version": version_of(old), **changes}


def test_a_correction_from_a_page_read_before_another_was_approved_is_refused(
    client, people, claim_in
):
    claim = claim_in(S.PUBLISHED)
    old = claim.verdicts.get()
    client.force_login(people["reviewer"])
    url = reverse("admin:claims_verdict_change", args=[old.pk])
    read = _correction(old)
    services.verdict_correct(
        actor=people["superuser"],
        claim_id=claim.pk,
        rating=scale_label(1),
        rationale="R",
        note="Other",
    )
    correction_approve(actor=people["author_reviewer"], claim_id=claim.pk)

    response = client.post(url, read)
    assert response.status_code == 200
    page = _page(response)
    assert f"This verdict {CHANGED}" in page
    assert "author_reviewer superseded by a correction: changed is current" in page
    assert workflow.pending_correction(claim) is None
    assert workflow.current_verdict(claim).correction_note == "Other"


def test_the_admin_correction_form_chooses_no_rating(client, people, claim_in):
    claim = claim_in(S.PUBLISHED)
    old = claim.verdicts.get()
    client.force_login(people["reviewer"])
    url = reverse("admin:claims_verdict_change", args=[old.pk])
    page = _page(client.get(url))
    select = page[page.index('<select name="rating"') : page.index("</select>")]
    assert '<option value="" selected>Choose a rating</option>' in select
    assert select.count("selected") == 1
    assert "The published rating is “5 – True”" in page

    page = _page(client.post(url, _correction(old, rating="")))
    assert "Choose a rating." in page
    assert workflow.pending_correction(claim) is None
