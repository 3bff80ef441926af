"""Bodies the API cannot use get its one error shape, with the right status, never a 500."""

from __future__ import annotations

import json

import pytest
from rest_framework.test import APIClient

from claims import services
from claims.models import Article
from tests.factories import EditorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_api() -> APIClient:
    client = APIClient()
    _, key = services.api_token_issue(user=EditorFactory(), name="t")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    client.raise_request_exception = False
    return client


def error_of(response) -> dict:
    assert response["Content-Type"] == "application/json", response["Content-Type"]
    body = response.json()
    assert set(body) == {"error"}, body
    assert body["error"]["status"] == response.status_code
    return body["error"]


def test_json_nested_a_thousand_deep_is_a_400_that_says_so(editor_api):
    body = "[" * 1000 + "]" * 1000  # 2 KB
    r = editor_api.post("/api/v1/articles/", body, content_type="application/json")
    assert r.status_code == 400, (r.status_code, r.content[:200])
    error = error_of(r)
    assert error["code"] == "parse_error"
    assert "nested more than 32 levels deep" in error["message"]


def test_json_nested_past_the_limit_inside_an_object_is_refused(editor_api):
    body = '{"text": ' + '{"a": ' * 40 + "1" + "}" * 40 + "}"
    r = editor_api.post("/api/v1/articles/", body, content_type="application/json")
    assert r.status_code == 400
    assert "nested more than 32 levels deep" in error_of(r)["message"]


def test_brackets_inside_strings_do_not_count_as_nesting(editor_api):
    text = "The trail is 50 km long. " + "[{" * 100
    r = editor_api.post("/api/v1/articles/", {"text": text}, format="json")
    assert r.status_code == 202, (r.status_code, r.content[:200])


def test_a_json_body_over_the_limit_is_a_413_in_the_apis_shape(editor_api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    body = json.dumps({"text": "The trail is 50 km long. " * 1000})
    r = editor_api.post("/api/v1/articles/", body, content_type="application/json")
    assert r.status_code == 413, (r.status_code, r.content[:200])
    error = error_of(r)
    assert error["code"] == "too_large"
    assert error["message"] == (
        "The request body is 25,012 bytes, over the limit of 10,000 bytes; send less."
    )
    assert not Article.objects.exists()


def test_a_form_body_is_a_415_in_the_apis_shape(editor_api):
    # The API speaks JSON only (a form cannot say null); the schema says so too.
    r = editor_api.post(
        "/api/v1/articles/", "text=The+trail", content_type="application/x-www-form-urlencoded"
    )
    assert r.status_code == 415, (r.status_code, r.content[:200])
    assert error_of(r)["code"] == "unsupported_media_type"
    assert not Article.objects.exists()


def test_a_page_size_that_is_not_a_whole_number_is_a_400(editor_api):
    r = editor_api.get("/api/v1/claims/", {"page_size": "null"})
    assert r.status_code == 400
    assert error_of(r)["fields"] == {"page_size": ["Give a whole number from 1 to 200."]}


def test_a_body_within_the_limit_is_accepted(editor_api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    r = editor_api.post("/api/v1/articles/", {"text": "The trail is 50 km long."}, format="json")
    assert r.status_code == 202, (r.status_code, r.content[:200])


def test_escaped_quotes_do_not_end_a_string_for_the_depth_count():
    from claims.api.parsers import nesting_exceeds

    assert not nesting_exceeds(json.dumps({"text": 'a "quoted" [[[[ \\" {{{{'}), 2)
    assert nesting_exceeds('{"a": [[{"b": "]]]]"}]]}', 3)
