"""The claim panel: what it shows, and the writes it makes through the services."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims import workflow
from claims.models import ClaimState, Source, Verdict
from tests.factories import verdict_form
from tests.web.reading import as_read

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _panel(client, claim, **params) -> str:
    response = client.get(reverse("web:claim", args=[claim.pk]), params, **HTMX)
    assert response.status_code == 200
    return response.content.decode()


def _post(client, name, pk, data=None, htmx=True):
    data = {**as_read(name, pk[0]), **(data or {})}  # as a person who has just read the panel
    return client.post(reverse(name, args=pk), data, **(HTMX if htmx else {}))


SOURCE = {
    "url": "https://www.geonames.org/706524",
    "title": "GeoNames: Kupiansk",
    "publisher": "GeoNames",
    "quote": "Kupiansk, 49.71 N 37.61 E",
    "reference_value": "61",
    "reference_unit": "km",
}


def test_panel_shows_quantities_in_both_systems_and_the_gazetteer_finding(
    client, editor, miles_claim
):
    client.force_login(editor)
    page = _panel(client, miles_claim)
    assert "Metric</span> 48.28 km" in page
    assert "Imperial</span> 30 mi" in page
    assert "Geography" in page
    assert "61 km (38 mi), bearing 24° (NNE)" in page


def test_panel_without_javascript_is_the_article_page_with_the_panel_open(
    client, editor, miles_claim
):
    client.force_login(editor)
    response = client.get(reverse("web:claim", args=[miles_claim.pk]))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert 'id="panel-title"' in page
    assert "61 km (38 mi)" in page


def test_an_editor_starts_adds_edits_removes_sources_and_proposes(client, editor, miles_claim):
    client.force_login(editor)
    _post(client, "web:move", [miles_claim.pk, "start"])
    miles_claim.refresh_from_db()
    assert (miles_claim.state, miles_claim.assignee) == (ClaimState.IN_PROGRESS, editor)

    page = _post(client, "web:source_add", [miles_claim.pk], SOURCE).content.decode()
    source = Source.objects.get(claim=miles_claim)
    assert (source.reference_value, source.reference_unit, source.added_by) == (61, "km", editor)
    assert "Source added." in page

    edit = {f"edit-{k}": v for k, v in {**SOURCE, "title": "GeoNames"}.items()}
    _post(client, "web:source_edit", [source.pk], edit)
    source.refresh_from_db()
    assert source.title == "GeoNames"

    second = Source.objects.create(claim=miles_claim, title="Atlas")
    _post(client, "web:source_remove", [second.pk])
    assert not Source.objects.filter(pk=second.pk).exists()

    verdict = {**verdict_form(2), "verdict-rationale": "Kupyansk is 38 miles away."}
    page = _post(client, "web:verdict_propose", [miles_claim.pk], verdict).content.decode()
    miles_claim.refresh_from_db()
    assert miles_claim.state == ClaimState.IN_REVIEW
    assert Verdict.objects.get(claim=miles_claim).rating_value == 2
    assert "Verdict proposed for review." in page
    assert "Proposed" in page or "proposed" in page


def test_a_javascript_url_is_refused_with_a_clear_message(client, editor, miles_claim):
    client.force_login(editor)
    data = {**SOURCE, "url": "javascript:alert(document.cookie)"}
    page = _post(client, "web:source_add", [miles_claim.pk], data).content.decode()
    assert "Only web addresses that start with http:// or https:// can be a source." in page
    assert not Source.objects.exists()
    assert "javascript:alert" not in page.replace('value="javascript:alert', "")


def test_a_unit_pint_does_not_know_and_a_unit_without_value_are_refused(
    client, editor, miles_claim
):
    client.force_login(editor)
    page = _post(
        client, "web:source_add", [miles_claim.pk], {**SOURCE, "reference_unit": "furlongz"}
    ).content.decode()
    assert "is not a unit we know" in page
    page = _post(
        client, "web:source_add", [miles_claim.pk], {**SOURCE, "reference_value": ""}
    ).content.decode()
    assert "A unit needs a value." in page
    assert not Source.objects.exists()


def test_without_javascript_a_write_redirects_and_an_error_renders_the_whole_page(
    client, editor, miles_claim
):
    client.force_login(editor)
    ok = _post(client, "web:source_add", [miles_claim.pk], SOURCE, htmx=False)
    assert ok.status_code == 302
    assert ok["Location"].endswith(f"?claim={miles_claim.pk}#panel")
    bad = _post(client, "web:source_add", [miles_claim.pk], {"title": ""}, htmx=False)
    assert bad.status_code == 400
    assert "<h1>" in bad.content.decode()


def test_a_proposal_without_a_source_is_refused_by_the_workflow(client, editor, miles_claim):
    client.force_login(editor)
    _post(client, "web:move", [miles_claim.pk, "start"])
    page = _panel(client, miles_claim)
    assert "A verdict cannot be proposed yet: a verdict needs at least one source." in page
    data = {**verdict_form(2), "verdict-rationale": "Too far."}
    page = _post(client, "web:verdict_propose", [miles_claim.pk], data).content.decode()
    assert "Not done: a verdict needs at least one source." in page
    assert not Verdict.objects.exists()


def _in_review(client, editor, claim, source=SOURCE):
    client.force_login(editor)
    _post(client, "web:move", [claim.pk, "start"])
    _post(client, "web:source_add", [claim.pk], source)
    data = {**verdict_form(2), "verdict-rationale": "Too far."}
    _post(client, "web:verdict_propose", [claim.pk], data)


def test_the_editor_cannot_publish_and_sees_no_publish_button(client, editor, miles_claim):
    _in_review(client, editor, miles_claim)
    assert "Publish</button>" not in _panel(client, miles_claim)
    page = _post(client, "web:move", [miles_claim.pk, "publish"]).content.decode()
    assert "Not done: only reviewers and superusers may do that." in page
    miles_claim.refresh_from_db()
    assert miles_claim.state == ClaimState.IN_REVIEW


def test_a_reviewer_publishes_or_sends_back(client, editor, reviewer, seed_article):
    miles, days = (
        seed_article.claims.get(kind="length", text__contains="30 miles"),
        seed_article.claims.get(text__contains="five days"),
    )
    _in_review(client, editor, miles)
    # A distance in km is no reference for "five days": the source brings no figure here.
    _in_review(client, editor, days, {**SOURCE, "reference_value": "", "reference_unit": ""})
    client.force_login(reviewer)
    assert "Publish</button>" in _panel(client, miles)
    _post(client, "web:move", [miles.pk, "publish"])
    _post(client, "web:send_back", [days.pk], {"back-comment": "Which Saturday?"})
    miles.refresh_from_db()
    days.refresh_from_db()
    assert miles.state == ClaimState.PUBLISHED
    assert (days.state, days.review_comment) == (ClaimState.IN_PROGRESS, "Which Saturday?")
    page = _panel(client, miles)
    assert reverse("web:public_check", args=[miles.pk]) in page
    assert "approved by rita" in page
    assert "rita · publish → Published" in page


def test_a_reviewer_proposes_a_correction_and_another_publishes_it(
    client, editor, reviewer, miles_claim
):
    from tests.factories import ReviewerFactory

    _in_review(client, editor, miles_claim)
    client.force_login(reviewer)
    _post(client, "web:move", [miles_claim.pk, "publish"])
    data = {**verdict_form(1, "correct"), "correct-rationale": "Wrong.", "correct-note": "New map."}
    _post(client, "web:verdict_correct", [miles_claim.pk], data)
    assert Verdict.objects.get(claim=miles_claim, is_current=True).rating_value == 2
    client.force_login(ReviewerFactory(username="ravi"))
    pending = workflow.pending_correction(miles_claim)
    _post(client, "web:move", [miles_claim.pk, "approve_correction"], {"proposal": pending.pk})
    current = Verdict.objects.get(claim=miles_claim, is_current=True)
    assert (current.rating_value, current.correction_note) == (1, "New map.")


def test_an_unknown_move_is_404_and_get_is_refused(client, editor, miles_claim):
    client.force_login(editor)
    assert _post(client, "web:move", [miles_claim.pk, "explode"]).status_code == 404
    assert client.get(reverse("web:move", args=[miles_claim.pk, "start"])).status_code == 405


def test_a_reviewer_assigns_a_claim_to_an_editor_and_an_editor_cannot(
    client, editor, reviewer, miles_claim
):
    client.force_login(editor)
    assert "Assign to</label>" not in _panel(client, miles_claim)
    page = _post(client, "web:assign", [miles_claim.pk], {"assign-assignee": reviewer.username})
    assert "Not done: editors may assign claims only to themselves." in page.content.decode()
    client.force_login(reviewer)
    assert "Assign to</label>" in _panel(client, miles_claim)
    _post(client, "web:assign", [miles_claim.pk], {"assign-assignee": editor.username})
    miles_claim.refresh_from_db()
    assert miles_claim.assignee == editor


def test_writes_to_a_claim_or_source_that_does_not_exist_are_404(client, editor):
    client.force_login(editor)
    assert _post(client, "web:source_add", [999999], SOURCE).status_code == 404
    assert _post(client, "web:move", [999999, "start"]).status_code == 404
    assert _post(client, "web:source_remove", [999999]).status_code == 404


def test_the_edit_form_opens_filled_in_and_a_bad_edit_keeps_it_open(client, editor, miles_claim):
    client.force_login(editor)
    _post(client, "web:source_add", [miles_claim.pk], SOURCE)
    source = Source.objects.get()
    page = _panel(client, miles_claim, edit_source=source.pk)
    assert 'id="id_edit-title"' in page
    assert 'value="GeoNames: Kupiansk"' in page
    bad = {f"edit-{k}": v for k, v in {**SOURCE, "url": "data:text/html,hi"}.items()}
    page = _post(client, "web:source_edit", [source.pk], bad).content.decode()
    assert 'id="id_edit-url"' in page
    assert "Only web addresses that start with http:// or https://" in page
    source.refresh_from_db()
    assert source.url == SOURCE["url"]
