"""Seen before in the REST API: `seen_before` in a claim (detail and list), and confirm, reject
and propose-verdict on one of its matches, each at the match's ETag."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import services
from claims.api.etags import etag_of
from claims.models import Claim, ClaimMatch, ClaimState, MatchStatus
from tests.api.conftest import client_for
from tests.factories import ClaimFactory, EditorFactory, PublishedVerdictFactory, scale_label
from tests.matching.builders import (
    EARLIER,
    HEADLINE,
    OTHER_FIGURE,
    SAME_FIGURE,
    match_row,
    publish,
    submit,
    the_match,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("match_index")]


@pytest.fixture
def checked_before(people):
    return publish(submit(EARLIER, people["editor"]), people["editor"], people["reviewer"])


@pytest.fixture
def same(people, checked_before) -> ClaimMatch:
    return the_match(submit(SAME_FIGURE, people["editor"]))


@pytest.fixture
def other(people, checked_before) -> ClaimMatch:
    return the_match(submit(OTHER_FIGURE, people["editor"]))


@pytest.fixture
def editor_client(people):
    return client_for(people["editor"])


def _url(match: ClaimMatch, action: str, claim_id: int | None = None) -> str:
    claim_id = match.claim_id if claim_id is None else claim_id
    return f"/api/v1/claims/{claim_id}/matches/{match.pk}/{action}/"


def _post(client, match: ClaimMatch, action: str, *, tag: str | None = None):
    match.refresh_from_db()
    headers = {} if tag == "" else {"HTTP_IF_MATCH": tag or etag_of(match)}
    return client.post(_url(match, action), **headers)


def test_a_claim_lists_its_matches_with_the_earlier_published_verdict(
    editor_client, same, checked_before
):
    response = editor_client.get(f"/api/v1/claims/{same.claim_id}/")
    assert response.status_code == 200
    [seen] = response.json()["seen_before"]

    assert seen["id"] == same.pk and seen["earlier"] == checked_before.pk
    assert seen["earlier_url"] == f"http://testserver/api/v1/claims/{checked_before.pk}/"
    assert seen["earlier_text"] == checked_before.text
    assert seen["reason"] == same.reason and seen["text_score"] == same.text_score
    assert (seen["same_figure"], seen["figures_differ"]) == (True, False)
    assert seen["same_places"] is None and seen["same_period"] is None
    assert seen["decision"] == same.decision and seen["status"] == "open"
    assert seen["decided_by"] is None and seen["decided_at"] is None
    assert seen["earlier_verdict"] == {
        "rating": 1,
        "rating_label": "False",
        "rating_colour": scale_label("False").colour,
        "headline": HEADLINE,
        "url": f"http://testserver/checks/{checked_before.pk}/",
    }
    assert seen["etag"] == etag_of(same)


def test_an_earlier_claim_not_published_has_no_verdict_and_rejected_matches_come_last(
    editor_client,
):
    claim = ClaimFactory()
    match_row(claim, ClaimFactory(), text_score=0.95, status=MatchStatus.REJECTED)
    waiting = match_row(claim, ClaimFactory(), text_score=0.8)

    seen = editor_client.get(f"/api/v1/claims/{claim.pk}/").json()["seen_before"]

    assert [s["status"] for s in seen] == ["open", "rejected"]
    assert seen[0]["id"] == waiting.pk and seen[0]["earlier_verdict"] is None


def test_the_claims_list_shows_seen_before_in_as_many_queries_for_30_claims_as_for_1(
    editor_client,
):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = editor_client.get("/api/v1/claims/?page_size=100")
        assert response.status_code == 200
        return len(queries)

    def grow(n: int) -> None:
        for _ in range(n):
            earlier = ClaimFactory(state=ClaimState.PUBLISHED)
            PublishedVerdictFactory(claim=earlier)
            match_row(ClaimFactory(), earlier)
            match_row(ClaimFactory(), ClaimFactory(), status=MatchStatus.REJECTED)

    grow(1)
    count()  # the token's first use of the day records last_used_at
    one = count()
    grow(15)
    assert count() == one
    listed = editor_client.get("/api/v1/claims/?page_size=100").json()["results"]
    assert sum(len(c["seen_before"]) for c in listed) == 32


# --- the moves -------------------------------------------------------------------------------


def test_confirm_then_reject_answer_with_the_claim(editor_client, people, same):
    response = _post(editor_client, same, "confirm")
    assert response.status_code == 200
    claim = response.json()
    assert response.headers["ETag"] == etag_of(Claim.objects.get(pk=claim["id"]))
    [seen] = claim["seen_before"]
    assert (seen["status"], seen["decided_by"]) == ("confirmed", "eddie")
    assert seen["decided_at"] is not None

    response = _post(editor_client, same, "reject", tag=seen["etag"])
    assert response.status_code == 200
    assert response.json()["seen_before"][0]["status"] == "rejected"


def test_propose_verdict_sends_the_claim_to_review_in_one_step(
    editor_client, people, same, checked_before
):
    response = _post(editor_client, same, "propose-verdict")

    assert response.status_code == 200
    claim = response.json()
    assert (claim["state"], claim["assignee"]) == ("in_review", "eddie")
    assert claim["verdict"]["rating_label"] == "False"
    assert claim["verdict"]["headline"] == HEADLINE
    assert claim["verdict"]["published_at"] is None
    assert claim["seen_before"][0]["status"] == "confirmed"
    source = same.claim.sources.get()
    assert source.url.endswith(f"/checks/{checked_before.pk}/")
    # Review as usual: its proposer cannot publish it, another reviewer can.
    fresh = editor_client.get(f"/api/v1/claims/{claim['id']}/")
    tag = fresh.headers["ETag"]
    refused = editor_client.post(f"/api/v1/claims/{claim['id']}/publish/", HTTP_IF_MATCH=tag)
    assert refused.status_code == 403
    published = client_for(people["reviewer"]).post(
        f"/api/v1/claims/{claim['id']}/publish/", HTTP_IF_MATCH=tag
    )
    assert published.status_code == 200 and published.json()["state"] == "published"


def test_a_verdict_that_does_not_carry_over_is_409_and_changes_nothing(editor_client, other):
    response = _post(editor_client, other, "propose-verdict")

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "match_refused"
    assert "the earlier claim states another figure, place or period" in error["message"]
    other.claim.refresh_from_db()
    assert other.claim.state == ClaimState.NEW and not other.claim.sources.exists()
    other.refresh_from_db()
    assert other.status == MatchStatus.OPEN


def test_no_published_verdict_to_propose_is_409(editor_client):
    match = match_row(ClaimFactory(), ClaimFactory(state=ClaimState.IN_REVIEW))
    response = _post(editor_client, match, "propose-verdict")
    assert response.status_code == 409
    assert "no published verdict" in response.json()["error"]["message"]


def test_a_stale_etag_is_412_saying_who_decided_what_and_no_etag_428(editor_client, people, same):
    same.refresh_from_db()
    read = etag_of(same)
    services.match_decide(actor=people["reviewer"], match_id=same.pk, confirm=False)

    response = _post(editor_client, same, "propose-verdict", tag=read)

    assert response.status_code == 412
    error = response.json()["error"]
    assert error["code"] == "stale"
    assert "rita decided it is not the same claim." in error["message"]
    same.refresh_from_db()
    assert (same.status, same.decided_by) == (MatchStatus.REJECTED, people["reviewer"])
    assert same.claim.state == ClaimState.NEW

    response = _post(editor_client, same, "confirm", tag="")
    assert response.status_code == 428
    # The claim's own ETag is not the match's.
    claim_tag = editor_client.get(f"/api/v1/claims/{same.claim_id}/").headers["ETag"]
    assert _post(editor_client, same, "confirm", tag=claim_tag).status_code == 412


# --- who may, and where ------------------------------------------------------------------------


def test_an_outsider_and_a_read_only_token_get_403(people, same):
    for client in (
        client_for(people["outsider"]),
        client_for(people["reviewer"], read_only=True),
    ):
        for action in ("confirm", "reject", "propose-verdict"):
            assert _post(client, same, action).status_code == 403
    same.refresh_from_db()
    assert same.status == MatchStatus.OPEN


def test_another_editors_claim_is_refused_by_the_workflow(people, same):
    services.claim_start(actor=people["editor"], claim_id=same.claim_id)  # eddie's now
    colleague = client_for(EditorFactory(username="otto"))

    response = _post(colleague, same, "confirm")

    assert response.status_code == 403
    error = response.json()["error"]
    assert error["code"] == "transition_refused"
    assert "it is assigned to someone else" in error["message"]


def test_a_match_of_another_claim_or_no_match_is_404(editor_client, same):
    tag = {"HTTP_IF_MATCH": etag_of(same)}
    assert editor_client.post(_url(same, "confirm", same.earlier_id), **tag).status_code == 404
    huge = f"/api/v1/claims/{same.claim_id}/matches/{2**70}/confirm/"
    assert editor_client.post(huge, **tag).status_code == 404
    response = editor_client.post(f"/api/v1/claims/{same.claim_id}/matches/0/reject/", **tag)
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404
