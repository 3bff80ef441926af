"""schemathesis 4 against the running API with a token, every check (`st run --checks all`):
no 5xx, no status or content type the schema does not declare, no schema-valid request
refused and no schema-violating one accepted, except where tests/api/schemathesis.toml says
why. Its phases run in turn: examples, coverage, fuzzing and stateful (links between calls)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from claims import fetching, intake, services
from tests.api.conftest import claim_in
from tests.factories import ArticleFactory, QuantityFactory, SourceFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.services]

HERE = Path(__file__).parent
ST = Path(sys.executable).with_name("st")


@pytest.fixture
def api_token(live_server, people, monkeypatch) -> str:
    # Generated addresses must never reach the network: fetching is replaced by a refusal.
    def no_network(url, policy):
        raise intake.IntakeError("fetching is turned off in this test")

    monkeypatch.setattr(fetching, "fetch_html", no_network)
    _, key = services.api_token_issue(user=people["reviewer"], name="schemathesis")
    _seed(people)
    return key


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


def test_the_api_keeps_to_its_schema_under_every_check(live_server, api_token, tmp_path, client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    operations = sum(len(methods) for methods in schema["paths"].values())
    assert operations >= 22
    command = [
        str(ST),
        "--config-file",
        str(HERE / "schemathesis.toml"),
        "run",
        f"{live_server.url}/api/v1/schema/",
        "--header",
        f"Authorization: Bearer {api_token}",
        "--checks",
        "all",
        "--max-examples",
        "10",
        "--seed",
        "16",
        "--workers",
        "1",
        "--generation-database",
        "none",
        "--no-color",
        "--report",
        "junit",
        "--report-dir",
        str(tmp_path),
    ]
    env = {**os.environ, "SCHEMATHESIS_HOOKS": ""}
    run = subprocess.run(
        command, capture_output=True, text=True, timeout=600, env=env, cwd=tmp_path
    )
    output = run.stdout + run.stderr
    summary = output[output.rfind("SUMMARY") :]
    assert run.returncode == 0, output[-20000:]
    assert re.search(rf"Tested: {operations}\b", summary), summary
    assert "Failures:" not in summary, summary
    print(summary)  # the figures, for whoever runs it with -s


# --- the schema document itself -------------------------------------------------------------

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture
def schema_document(client) -> dict:
    return client.get("/api/v1/schema/", HTTP_ACCEPT=BROWSER_ACCEPT).json()


def test_a_browser_is_shown_the_schema_as_json_not_handed_a_yaml_file(client):
    r = client.get("/api/v1/schema/", HTTP_ACCEPT=BROWSER_ACCEPT)
    assert r.status_code == 200
    assert r["Content-Type"] == "application/json"
    assert r["Content-Disposition"].startswith("inline")
    assert r.json()["openapi"].startswith("3.")
    yaml = client.get("/api/v1/schema/", {"format": "yaml"})
    assert yaml["Content-Type"].startswith("application/vnd.oai.openapi")
    assert yaml.content.startswith(b"openapi: 3.")


def test_every_write_declares_412_and_428_and_every_error_has_the_one_shape(schema_document):
    error = {"$ref": "#/components/schemas/Error"}
    writes = 0
    for path, operations in schema_document["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert {"401", "429"} <= responses.keys(), (method, path)
            if method in ("post", "put", "patch", "delete"):
                writes += 1
                assert {"412", "428"} <= responses.keys(), (method, path)
            if method in ("post", "put", "patch"):
                assert {"400", "413", "415"} <= responses.keys(), (method, path)
                body = operation.get("requestBody", {"content": {"application/json": {}}})
                assert list(body["content"]) == ["application/json"], (method, path)
            for status, response in responses.items():
                if int(status) >= 400:
                    assert response["content"]["application/json"]["schema"] == error
    # submit an article, correct its facts, nine review moves (two of them on corrections),
    # four source writes, marking notifications read, and three on a claim's match (Seen
    # before: confirm, reject, propose-verdict)
    assert writes == 19


def test_the_claims_filters_carry_their_bounds(schema_document):
    parameters = {
        p["name"]: p for p in schema_document["paths"]["/api/v1/claims/"]["get"]["parameters"]
    }
    assert parameters["article"]["schema"]["minimum"] == 1
    assert parameters["article"]["schema"]["maximum"] == 2**63 - 1
    assert parameters["si_value_min"]["schema"]["maximum"] == 1e50
    assert parameters["page_size"]["schema"]["minimum"] == 1
    assert parameters["search"]["schema"]["pattern"] == "^[^\\u0000]*$"
    assert parameters["state"]["allowEmptyValue"] is True
