"""The API: assign by username, find people to assign, the send-back comment, notifications."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import services
from claims.api.etags import etag_of
from claims.models import Claim, Notification
from tests.api.conftest import client_for
from tests.factories import UserFactory
from tests.notifications.conftest import claim_with_source, in_review

pytestmark = pytest.mark.django_db


def _assign(client, claim, assignee):
    claim = Claim.objects.get(pk=claim.pk)
    return client.post(
        f"/api/v1/claims/{claim.pk}/assign/",
        {"assignee": assignee},
        format="json",
        HTTP_IF_MATCH=etag_of(claim),
    )


def test_assign_takes_a_username(people):
    claim = claim_with_source()
    r = _assign(client_for(people.reviewer), claim, "edna")
    assert r.status_code == 200, r.content
    assert r.json()["assignee"] == "edna"
    assert Notification.objects.get().recipient == people.editor


def test_assign_still_takes_a_user_id(people):
    claim = claim_with_source()
    r = _assign(client_for(people.reviewer), claim, people.editor.pk)
    assert r.status_code == 200, r.content
    assert r.json()["assignee"] == "edna"


@pytest.mark.parametrize(
    "assignee,message",
    [
        ("bob", "No active editor or reviewer is called “bob”."),
        ("olaf", "No active editor or reviewer is called “olaf”."),
        (999_999, "No active editor or reviewer has id 999999."),
        (2**70, "No active editor or reviewer has id"),
        ("", "Give the assignee's username (or their user id)."),
        ("a\x00b", "Give the assignee's username (or their user id)."),
        (True, "Give the assignee's username (or their user id)."),
        (["edna"], "Give the assignee's username (or their user id)."),
    ],
)
def test_assign_refuses_anyone_who_is_not_an_active_editor_or_reviewer(people, assignee, message):
    UserFactory(username="olaf")
    claim = claim_with_source()
    r = _assign(client_for(people.reviewer), claim, assignee)
    assert r.status_code == 400, r.content
    assert r.json()["error"]["fields"]["assignee"][0].startswith(message)
    assert Claim.objects.get(pk=claim.pk).assignee is None


def test_the_schema_documents_both_forms_of_assignee(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    field = schema["components"]["schemas"]["AssignRequest"]["properties"]["assignee"]
    assert [s["type"] for s in field["oneOf"]] == ["string", "integer"]
    assert "username" in field["description"]


def test_users_lists_the_people_a_claim_can_go_to_with_their_role(people):
    UserFactory(username="olaf")  # not in the newsroom
    r = client_for(people.editor).get("/api/v1/users/")
    assert r.status_code == 200
    rows = {u["username"]: u for u in r.json()["results"]}
    assert sorted(rows) == ["edna", "quinn", "rita", "rob", "root"]
    assert rows["rita"] == {
        "id": people.reviewer.pk,
        "username": "rita",
        "full_name": "Rita",
        "role": "reviewer",
    }
    assert rows["edna"]["role"] == "editor" and rows["root"]["role"] == "superuser"
    found = client_for(people.editor).get("/api/v1/users/", {"search": "RIT"}).json()
    assert [u["username"] for u in found["results"]] == ["rita"]


def test_users_refuses_outsiders(people):
    assert client_for(UserFactory(username="olaf")).get("/api/v1/users/").status_code == 403


def test_the_claim_shows_the_send_back_comment_read_only(people):
    claim = in_review(people)
    services.claim_send_back(actor=people.reviewer, claim_id=claim.pk, comment="Cite it.")
    r = client_for(people.editor).get(f"/api/v1/claims/{claim.pk}/")
    assert r.json()["review_comment"] == "Cite it."
    listed = client_for(people.editor).get("/api/v1/claims/").json()["results"]
    assert listed[0]["review_comment"] == "Cite it."


def test_notifications_lists_only_the_callers_own_and_filters_unread(people):
    claim = in_review(people)
    services.claim_send_back(actor=people.reviewer, claim_id=claim.pk, comment="Cite it.")
    other = claim_with_source()
    services.claim_assign(actor=people.editor, claim_id=other.pk, assignee=people.editor)
    services.claim_assign(actor=people.reviewer, claim_id=other.pk, assignee=people.quiet_editor)
    api = client_for(people.editor)
    rows = api.get("/api/v1/notifications/").json()["results"]
    assert [(n["kind"], n["actor"], n["message"], n["unread"]) for n in rows] == [
        ("sent_back", "rita", "Cite it.", True)
    ]
    assert rows[0]["claim"] == claim.pk and rows[0]["claim_text"] == claim.text
    theirs = Notification.objects.get(recipient=people.quiet_editor)
    read = api.post("/api/v1/notifications/read/", {"ids": [rows[0]["id"], theirs.pk, 999]})
    assert read.status_code == 200 and read.json() == {"marked": 1}
    assert Notification.objects.get(pk=theirs.pk).read_at is None, "not someone else's"
    assert api.post("/api/v1/notifications/read/", {"ids": [rows[0]["id"]]}).json() == {"marked": 0}
    assert api.get("/api/v1/notifications/", {"unread": "true"}).json()["results"] == []
    assert len(api.get("/api/v1/notifications/", {"unread": "false"}).json()["results"]) == 1
    typo = api.get("/api/v1/notifications/", {"unread": "yes"})
    assert typo.status_code == 400 and "unread" in typo.json()["error"]["fields"]
    for bad in ({}, {"ids": []}, {"ids": [2**70]}, {"ids": ["x"]}):
        assert api.post("/api/v1/notifications/read/", bad).status_code == 400, bad


def test_notifications_list_runs_as_many_queries_for_one_row_as_for_thirty(people):
    api = client_for(people.editor)
    claims = [claim_with_source() for _ in range(30)]

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert api.get("/api/v1/notifications/").status_code == 200
        return len(queries)

    count()  # the token's first use is recorded once: not part of the list's cost
    Notification.objects.create(recipient=people.editor, kind="assigned", claim=claims[0])
    one = count()
    Notification.objects.bulk_create(
        Notification(recipient=people.editor, kind="published", claim=c, actor=people.reviewer)
        for c in claims[1:]
    )
    assert count() == one
