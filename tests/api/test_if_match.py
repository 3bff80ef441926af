"""One rule for every write to an existing resource: If-Match, 428 without it, 412 if stale.

The review moves used to go through without If-Match although the README promised 428.
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from claims.models import Claim, Source
from tests.api.conftest import ROLES, claim_in, client_for
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db

MISSING = "Send the ETag you last read in an If-Match header."
STALE = "The resource changed since you read it; fetch it again and retry."


def _start(people):
    return claim_in("new"), {}


def _assign(people):
    return claim_in("new"), {"assignee": people["reviewer"].pk}


def _propose(people):
    claim = claim_in("in_progress", assignee=people["reviewer"], sources=1)
    return claim, {
        "rating": 2,
        "headline": "Kupyansk is 38 miles away",
        "claim_reviewed": "Kupyansk is 30 miles from Izium.",
        "rationale": "The gazetteer gives 61 km.",
    }


def _publish(people):
    return claim_in("in_review", author=people["other_reviewer"], sources=1), {}


def _send_back(people):
    claim = claim_in("in_review", author=people["other_reviewer"], sources=1)
    return claim, {"comment": "Cite the map."}


def _dismiss(people):
    return claim_in("new"), {"reason": "A quote."}


def _correct(people):
    claim = claim_in("published", author=people["other_reviewer"], sources=1, published=True)
    return claim, {
        "rating": 3,
        "headline": "Kupyansk is 38 miles away",
        "claim_reviewed": "Kupyansk is 30 miles from Izium.",
        "rationale": "Half right.",
        "note": "The distance was 61 km.",
    }


MOVES = {
    "start": _start,
    "assign": _assign,
    "propose": _propose,
    "publish": _publish,
    "send-back": _send_back,
    "dismiss": _dismiss,
    "correct": _correct,
}


def _unchanged(claim: Claim) -> bool:
    fresh = Claim.objects.get(pk=claim.pk)
    return (fresh.state, fresh.updated_at, fresh.verdicts.count()) == (
        claim.state,
        claim.updated_at,
        claim.verdicts.count(),
    )


@pytest.mark.parametrize("move", MOVES)
def test_a_review_move_without_if_match_gets_428_and_changes_nothing(move, people):
    claim, body = MOVES[move](people)
    response = client_for(people["reviewer"]).post(
        f"/api/v1/claims/{claim.pk}/{move}/", body, format="json"
    )
    assert response.status_code == 428, response.content[:300]
    assert response.json()["error"] == {
        "status": 428,
        "code": "precondition_required",
        "message": MISSING,
    }
    assert _unchanged(claim)


@pytest.mark.parametrize("move", MOVES)
def test_a_review_move_with_a_stale_if_match_gets_412_and_changes_nothing(move, people):
    claim, body = MOVES[move](people)
    client = client_for(people["reviewer"])
    tag = client.get(f"/api/v1/claims/{claim.pk}/").headers["ETag"]
    Claim.objects.filter(pk=claim.pk).update(updated_at=timezone.now())  # another write
    claim.refresh_from_db()
    response = client.post(
        f"/api/v1/claims/{claim.pk}/{move}/", body, format="json", HTTP_IF_MATCH=tag
    )
    assert response.status_code == 412, response.content[:300]
    assert response.json()["error"] == {"status": 412, "code": "stale", "message": STALE}
    assert _unchanged(claim)


@pytest.mark.parametrize("move", MOVES)
def test_a_review_move_with_the_current_etag_goes_through_and_answers_a_new_one(move, people):
    claim, body = MOVES[move](people)
    client = client_for(people["reviewer"])
    tag = client.get(f"/api/v1/claims/{claim.pk}/").headers["ETag"]
    response = client.post(
        f"/api/v1/claims/{claim.pk}/{move}/", body, format="json", HTTP_IF_MATCH=tag
    )
    assert response.status_code == 200, response.content[:300]
    assert response.headers["ETag"] != tag


#                   anonymous  read-only  editor  reviewer  admin
WITHOUT_IF_MATCH = (401,       403,       428,    428,      428)  # fmt: skip


@pytest.mark.parametrize(("role", "expected"), list(zip(ROLES, WITHOUT_IF_MATCH, strict=True)))
def test_every_role_that_may_write_is_asked_for_if_match_first(role, expected, as_role, people):
    client, _ = as_role(role)
    claim = claim_in("new")
    response = client.post(f"/api/v1/claims/{claim.pk}/dismiss/", {}, format="json")
    assert response.status_code == expected, response.content[:300]
    assert _unchanged(claim)


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_a_source_write_without_if_match_gets_428(method, people):
    source = SourceFactory(claim=claim_in("new"), title="Old")
    body = {"title": "New", "url": "https://example.org/"} if method != "delete" else None
    response = getattr(client_for(people["editor"]), method)(
        f"/api/v1/sources/{source.pk}/", body, format="json"
    )
    assert response.status_code == 428
    assert response.json()["error"]["message"] == MISSING
    assert Source.objects.get(pk=source.pk).title == "Old"


def test_the_schema_asks_for_if_match_on_every_write_to_an_existing_resource(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    guarded = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method in ("get", "head", "options") or "{id}" not in path:
                continue
            headers = {p["name"]: p for p in operation.get("parameters", []) if p["in"] == "header"}
            assert headers.get("If-Match", {}).get("required") is True, (method, path)
            assert {"412", "428"} <= set(operation["responses"]), (method, path)
            guarded.append(f"{method} {path}")
    moves = {f"post /api/v1/claims/{{id}}/{move}/" for move in MOVES}
    sources = {f"{m} /api/v1/sources/{{id}}/" for m in ("put", "patch", "delete")}
    assert moves | sources <= set(guarded)


def test_creating_a_source_needs_no_if_match(people):
    claim = claim_in("new")
    response = client_for(people["editor"]).post(
        "/api/v1/sources/", {"claim": claim.pk, "title": "GeoNames"}, format="json"
    )
    assert response.status_code == 201


def test_a_head_request_gives_the_etag_without_the_body(people):
    claim = claim_in("new")
    client = client_for(people["editor"])
    head = client.head(f"/api/v1/claims/{claim.pk}/")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["ETag"] == client.get(f"/api/v1/claims/{claim.pk}/").headers["ETag"]
