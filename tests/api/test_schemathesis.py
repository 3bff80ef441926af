"""schemathesis against the running API with a token: no 5xx, no response outside the schema."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)

from claims import fetching, intake, services
from tests.api.conftest import claim_in
from tests.factories import ArticleFactory, QuantityFactory, SourceFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.services]


@pytest.fixture
def api_schema(live_server, people, monkeypatch):
    # Generated addresses must never reach the network: fetching is replaced by a refusal.
    def no_network(url, policy):
        raise intake.IntakeError("fetching is turned off in this test")

    monkeypatch.setattr(fetching, "fetch_html", no_network)
    _, key = services.api_token_issue(user=people["reviewer"], name="schemathesis")
    _seed(people)
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/schema/")
    schema.config.headers = {"Authorization": f"Bearer {key}"}
    return schema


def _seed(people) -> None:
    for state in ("new", "in_progress", "in_review"):
        claim = claim_in(
            state,
            assignee=people["reviewer"],
            sources=1,
            author=people["other_reviewer"] if state == "in_review" else None,
        )
        QuantityFactory(claim=claim)
    claim_in("published", author=people["other_reviewer"], sources=1, published=True)
    ArticleFactory()
    SourceFactory(claim=claim_in("new"))


def test_the_api_keeps_to_its_schema(api_schema):
    """Every operation, 25 generated requests each (schemathesis' pytest plugin does not run
    under pytest 9, so the operations are driven through their Hypothesis strategies)."""
    checks = [not_a_server_error, response_schema_conformance, content_type_conformance]
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15
    failures = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        def exercise(case):
            response = case.call(headers=api_schema.config.headers)
            case.validate_response(response, checks=checks)

        try:
            exercise()
        except Exception as exc:  # collect them all, then report
            failures.append(f"{operation.label}: {exc}")
    assert not failures, "\n\n".join(failures)
