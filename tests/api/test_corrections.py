"""Corrections through the API: proposed by one person, approved by another (four eyes)."""

from __future__ import annotations

import pytest

from claims import workflow
from tests.api.conftest import claim_in, client_for

pytestmark = pytest.mark.django_db

BODY = {
    "rating": 3,
    "headline": "Kupyansk is 38 miles away",
    "claim_reviewed": "Kupyansk is 30 miles from Izium.",
    "rationale": "Half right.",
    "note": "The distance was 61 km.",
}


def _move(client, claim, move, body=None):
    tag = client.get(f"/api/v1/claims/{claim.pk}/").headers["ETag"]
    return client.post(
        f"/api/v1/claims/{claim.pk}/{move}/", body or {}, format="json", HTTP_IF_MATCH=tag
    )


def test_a_correction_is_only_proposed_until_another_reviewer_approves_it(people):
    claim = claim_in("published", author=people["reviewer"], sources=1, published=True)
    rita, rob = client_for(people["reviewer"]), client_for(people["other_reviewer"])

    proposed = _move(rita, claim, "correct", BODY)
    assert proposed.status_code == 200
    body = proposed.json()
    assert body["verdict"]["correction_note"] == ""  # the published verdict still stands
    assert body["pending_correction"]["correction_note"] == "The distance was 61 km."
    assert body["pending_correction"]["author"] == "rita"
    assert body["pending_correction"]["reviewer"] is None
    review = client_for(None).get(f"/api/v1/claimreviews/{claim.pk}/").json()
    assert review["reviewRating"]["ratingValue"] == 4

    refused = _move(rita, claim, "approve-correction")
    assert refused.status_code == 403
    assert refused.json()["error"] == {
        "status": 403,
        "code": "transition_refused",
        "message": f"Cannot approve correction claim {claim.pk}: the proposer of a correction "
        "cannot approve it; another reviewer must",
    }

    approved = _move(rob, claim, "approve-correction")
    assert approved.status_code == 200
    verdict = approved.json()["verdict"]
    assert (verdict["rating"], verdict["author"], verdict["reviewer"]) == (3, "rita", "rob")
    assert approved.json()["pending_correction"] is None
    review = client_for(None).get(f"/api/v1/claimreviews/{claim.pk}/").json()
    assert review["reviewRating"]["ratingValue"] == 3


def test_a_second_proposal_while_one_waits_is_refused(people):
    claim = claim_in("published", author=people["reviewer"], sources=1, published=True)
    assert _move(client_for(people["reviewer"]), claim, "correct", BODY).status_code == 200
    again = _move(client_for(people["other_reviewer"]), claim, "correct", BODY)
    assert again.status_code == 403
    assert "a correction is already waiting for approval" in again.json()["error"]["message"]


def test_a_rejected_correction_leaves_the_published_verdict(people):
    claim = claim_in("published", author=people["reviewer"], sources=1, published=True)
    _move(client_for(people["reviewer"]), claim, "correct", BODY)
    rejected = _move(client_for(people["admin"]), claim, "reject-correction", {"reason": "No."})
    assert rejected.status_code == 200
    assert rejected.json()["pending_correction"] is None
    assert workflow.current_verdict(claim).rating_value == 4


def test_approving_with_the_etag_of_a_replaced_proposal_is_refused(people):
    """If-Match names the proposal read: the claim's ETag changes with each proposal, so a
    reviewer who read P1 cannot publish the P2 that replaced it unseen."""
    from claims.services.review import correction_reject

    claim = claim_in("published", author=people["reviewer"], sources=1, published=True)
    rita, rob = client_for(people["reviewer"]), client_for(people["other_reviewer"])
    assert _move(rita, claim, "correct", BODY).status_code == 200
    read = rob.get(f"/api/v1/claims/{claim.pk}/")
    assert read.json()["pending_correction"]["rationale"] == "Half right."
    correction_reject(actor=people["reviewer"], claim_id=claim.pk)
    replaced = {
        "rating": 1,
        "headline": "Kupyansk is 38 miles away",
        "claim_reviewed": "Kupyansk is 30 miles from Izium.",
        "rationale": "Wholly wrong.",
        "note": "Another map.",
    }
    assert _move(rita, claim, "correct", replaced).status_code == 200

    stale = rob.post(
        f"/api/v1/claims/{claim.pk}/approve-correction/",
        {},
        format="json",
        HTTP_IF_MATCH=read.headers["ETag"],
    )
    assert stale.status_code == 412
    assert workflow.pending_correction(claim).rationale == "Wholly wrong."
    assert workflow.current_verdict(claim).rating_value == 4

    assert _move(rob, claim, "approve-correction").status_code == 200  # after reading P2
    assert workflow.current_verdict(claim).rationale == "Wholly wrong."
