"""Every endpoint and method × anonymous, a read-only token, an editor, a reviewer, an admin."""

from __future__ import annotations

import pytest

from claims import services
from tests.api.conftest import ROLES, claim_in
from tests.factories import ArticleFactory, QuantityFactory, SourceFactory, scale_label

pytestmark = pytest.mark.django_db


def etag(client, url) -> str:
    return client.get(url).headers.get("ETag", "")


def resource_of(method: str, url: str) -> str | None:
    """The existing resource a write changes (whose ETag it must send), or None for a read or
    a create: /claims/{id}/start/ changes /claims/{id}/, PATCH /sources/{id}/ that source."""
    parts = url.strip("/").split("/")  # api, v1, collection[, id[, move]]
    if method == "get" or len(parts) < 4:
        return None
    return "/" + "/".join(parts[:4]) + "/"


# Each case: (set-up → (method, url, body, headers)), expected status per role in ROLES order.
def list_articles(me, people):
    ArticleFactory()
    return "get", "/api/v1/articles/", None


def submit_article(me, people):
    return "post", "/api/v1/articles/", {"text": "The new road is 12 km long and cost €4m."}


def read_article(me, people):
    return "get", f"/api/v1/articles/{ArticleFactory().pk}/", None


def list_claims(me, people):
    claim_in("new")
    return "get", "/api/v1/claims/", None


def read_claim(me, people):
    return "get", f"/api/v1/claims/{claim_in('new').pk}/", None


def start(me, people):
    return "post", f"/api/v1/claims/{claim_in('new').pk}/start/", {}


def assign_to_self(me, people):
    target = (me or people["editor"]).pk
    return "post", f"/api/v1/claims/{claim_in('new').pk}/assign/", {"assignee": target}


def propose(me, people):
    claim = claim_in("in_progress", assignee=me or people["editor"], sources=1)
    body = {
        "rating": 2,
        "headline": "Kupyansk is 38 miles away",
        "claim_reviewed": "Kupyansk is 30 miles from Izium.",
        "rationale": "The gazetteer gives 61 km, not 48 km.",
    }
    return "post", f"/api/v1/claims/{claim.pk}/propose/", body


def publish(me, people):
    claim = claim_in("in_review", author=people["other_reviewer"], sources=1)
    return "post", f"/api/v1/claims/{claim.pk}/publish/", {}


def send_back(me, people):
    claim = claim_in("in_review", author=people["other_reviewer"], sources=1)
    return "post", f"/api/v1/claims/{claim.pk}/send-back/", {"comment": "Cite the map."}


def dismiss(me, people):
    return "post", f"/api/v1/claims/{claim_in('new').pk}/dismiss/", {"reason": "A quote."}


def correct(me, people):
    claim = claim_in("published", author=people["other_reviewer"], sources=1, published=True)
    body = {
        "rating": 3,
        "headline": "Kupyansk is 38 miles away",
        "claim_reviewed": "Kupyansk is 30 miles from Izium.",
        "rationale": "Half right.",
        "note": "The distance was 61 km.",
    }
    return "post", f"/api/v1/claims/{claim.pk}/correct/", body


def _with_a_proposed_correction(people):
    claim = claim_in("published", author=people["other_reviewer"], sources=1, published=True)
    services.verdict_correct(
        actor=people["other_reviewer"],
        claim_id=claim.pk,
        rating=scale_label(3),
        rationale="Half.",
        note="61",
    )
    return claim


def approve_correction(me, people):
    claim = _with_a_proposed_correction(people)
    return "post", f"/api/v1/claims/{claim.pk}/approve-correction/", {}


def reject_correction(me, people):
    claim = _with_a_proposed_correction(people)
    return "post", f"/api/v1/claims/{claim.pk}/reject-correction/", {"reason": "Not so."}


def list_sources(me, people):
    SourceFactory()
    return "get", "/api/v1/sources/", None


def add_source(me, people):
    claim = claim_in("new")
    QuantityFactory(claim=claim)  # 120 square miles: a reference value needs a figure to meet
    body = {
        "claim": claim.pk,
        "title": "GeoNames",
        "url": "https://geonames.org/",
        "reference_value": 311,
        "reference_unit": "km²",
    }
    return "post", "/api/v1/sources/", body


def read_source(me, people):
    return "get", f"/api/v1/sources/{SourceFactory(claim=claim_in('new')).pk}/", None


def edit_source(me, people):
    return "patch", f"/api/v1/sources/{SourceFactory(claim=claim_in('new')).pk}/", {"quote": "…"}


def remove_source(me, people):
    return "delete", f"/api/v1/sources/{SourceFactory(claim=claim_in('new')).pk}/", None


def claimreview_feed(me, people):
    return "get", "/api/v1/claimreviews/", None


def claimreview(me, people):
    claim = claim_in("published", author=people["other_reviewer"], sources=1, published=True)
    return "get", f"/api/v1/claimreviews/{claim.pk}/", None


def schema(me, people):
    return "get", "/api/v1/schema/", None


#            anonymous  read-only  editor  reviewer  admin
MATRIX = [
    (list_articles,    (401, 200, 200, 200, 200)),
    (submit_article,   (401, 403, 202, 202, 202)),
    (read_article,     (401, 200, 200, 200, 200)),
    (list_claims,      (401, 200, 200, 200, 200)),
    (read_claim,       (401, 200, 200, 200, 200)),
    (start,            (401, 403, 200, 200, 200)),
    (assign_to_self,   (401, 403, 200, 200, 200)),
    (propose,          (401, 403, 200, 200, 200)),
    (publish,          (401, 403, 403, 200, 200)),
    (send_back,        (401, 403, 403, 200, 200)),
    (dismiss,          (401, 403, 200, 200, 200)),
    (correct,          (401, 403, 403, 200, 200)),
    (approve_correction, (401, 403, 403, 200, 200)),
    (reject_correction,  (401, 403, 403, 200, 200)),
    (list_sources,     (401, 200, 200, 200, 200)),
    (add_source,       (401, 403, 201, 201, 201)),
    (read_source,      (401, 200, 200, 200, 200)),
    (edit_source,      (401, 403, 200, 200, 200)),
    (remove_source,    (401, 403, 204, 204, 204)),
    (claimreview_feed, (200, 200, 200, 200, 200)),
    (claimreview,      (200, 200, 200, 200, 200)),
    (schema,           (200, 200, 200, 200, 200)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "role", "expected"),
    [(case, role, codes[i]) for case, codes in MATRIX for i, role in enumerate(ROLES)],
    ids=[f"{case.__name__}-{role}" for case, _ in MATRIX for role in ROLES],
)
def test_permission_matrix(case, role, expected, as_role, people):
    client, me = as_role(role)
    method, url, body = case(me, people)
    headers = {}
    resource = resource_of(method, url)
    if resource is not None and role != "anonymous":
        headers["HTTP_IF_MATCH"] = etag(client, resource) or '"unknown"'
    response = getattr(client, method)(url, body, format="json", **headers)
    assert response.status_code == expected, response.content[:300]
    if response.status_code >= 400:
        assert set(response.json()["error"]) >= {"status", "code", "message"}


def test_a_user_outside_the_newsroom_reads_nothing(people):
    from tests.api.conftest import client_for

    response = client_for(people["outsider"]).get("/api/v1/claims/")
    assert response.status_code == 403
    assert "Only members of the newsroom" in response.json()["error"]["message"]


def test_a_revoked_token_is_refused(people):
    from claims import services
    from tests.api.conftest import client_for

    client = client_for(people["editor"])
    token = people["editor"].api_tokens.get()
    services.api_token_revoke(token_id=token.pk)
    response = client.get("/api/v1/claims/")
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "The token is unknown or has been revoked."
