"""The API's contract beyond permissions: submission, filters, pages, ETags, errors."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import services
from claims.models import Article, Claim
from tests.api.conftest import claim_in, client_for
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    QuantityFactory,
    SourceFactory,
)
from tests.paths import SEED

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(people):
    return client_for(people["editor"])


@pytest.fixture
def reviewer_client(people):
    return client_for(people["reviewer"])


def test_submitting_text_answers_202_with_the_address_to_poll(editor_client, people):
    response = editor_client.post(
        "/api/v1/articles/", {"text": SEED.read_text(), "publisher": "CNN"}, format="json"
    )
    assert response.status_code == 202
    article = Article.objects.get()
    assert response.headers["Location"].endswith(f"/api/v1/articles/{article.pk}/")
    assert response.json()["extraction_state"] in ("queued", "done")
    assert article.submitted_by == people["editor"]
    assert article.dateline.isoformat() == "2022-09-14" and article.publisher == "CNN"

    poll = editor_client.get(response.headers["Location"]).json()
    assert poll["id"] == article.pk and "text" in poll


def test_the_same_text_twice_answers_200_with_the_existing_article(editor_client):
    first = editor_client.post(
        "/api/v1/articles/", {"text": "The dam is 40 m tall."}, format="json"
    )
    again = editor_client.post(
        "/api/v1/articles/", {"text": "The dam is 40 m tall."}, format="json"
    )
    assert (first.status_code, again.status_code) == (202, 200)
    assert again.json()["id"] == first.json()["id"]
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "Send either 'text' or 'url'"),
        ({"text": "a", "url": "https://example.org/"}, "Send either 'text' or 'url'"),
        ({"text": "   "}, "the text is empty"),
        ({"url": "http://127.0.0.1/story"}, "private or local address"),
        ({"text": "The road is 5 km long.", "dateline": "14/09/2022"}, "dateline"),
    ],
    ids=["nothing", "both", "blank", "private-url", "bad-date"],
)
def test_bad_submissions_get_400_with_a_message_and_store_nothing(editor_client, body, message):
    response = editor_client.post("/api/v1/articles/", body, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400 and message in error["message"]
    assert Article.objects.count() == 0


def test_claims_filter_by_state_kind_rating_outcome_qualifier_value_and_text(
    reviewer_client, people
):
    wanted = claim_in("published", author=people["other_reviewer"], sources=1, published=True)
    QuantityFactory(claim=wanted, qualifier="approximate", si_value=310_000_000)
    wanted.check_results.create(check_name="conversion", outcome="consistent", start=16, end=32)
    other = ClaimFactory(kind="length")
    QuantityFactory(claim=other, kind="length", si_value=5)
    query = (
        "state=published&kind=area&rating=4&outcome=consistent&qualifier=approximate"
        "&si_value_min=300000000&si_value_max=400000000&search=square"
    )
    ids = [c["id"] for c in reviewer_client.get(f"/api/v1/claims/?{query}").json()["results"]]
    assert ids == [wanted.pk]
    for miss in (
        "state=new&kind=area",
        "rating=1",
        "outcome=inconsistent",
        "si_value_min=1e12",
    ):
        assert reviewer_client.get(f"/api/v1/claims/?{query}&{miss}").json()["results"] == []


def test_an_unknown_filter_value_is_a_400_that_names_the_choices(reviewer_client):
    response = reviewer_client.get("/api/v1/claims/?state=approved")
    assert response.status_code == 400
    assert "state: Select a valid choice" in response.json()["error"]["message"]


def test_claims_come_in_cursor_pages(reviewer_client):
    article = ArticleFactory()
    for _ in range(5):
        ClaimFactory(
            article=article,
            start=ClaimFactory._meta.model.objects.count() + 1,
            end=ClaimFactory._meta.model.objects.count() + 3,
        )
    page = reviewer_client.get("/api/v1/claims/?page_size=2").json()
    seen = [c["id"] for c in page["results"]]
    while page["next"]:
        page = reviewer_client.get(page["next"]).json()
        seen += [c["id"] for c in page["results"]]
    assert seen == sorted(Claim.objects.values_list("pk", flat=True), reverse=True)


def test_the_claims_list_runs_the_same_number_of_queries_for_1_and_30_claims(reviewer_client):
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert reviewer_client.get("/api/v1/claims/?page_size=50").status_code == 200
        return len(ctx.captured_queries)

    claim = claim_in("in_review", author=None, sources=1)
    QuantityFactory(claim=claim)
    count_queries()  # the token's first use of the day records last_used_at
    one = count_queries()
    for i in range(29):
        article = ArticleFactory()
        more = ClaimFactory(article=article, start=1 + i % 5, end=10)
        QuantityFactory(claim=more, start=1 + i % 5, end=10)
        more.check_results.create(check_name="geography", outcome="inconsistent", start=2, end=9)
    assert count_queries() == one <= 10


def test_a_write_with_a_stale_etag_is_refused_with_412(editor_client, people):
    source = SourceFactory(claim=claim_in("new"), title="Old title")
    url = f"/api/v1/sources/{source.pk}/"
    tag = editor_client.get(url).headers["ETag"]
    first = editor_client.patch(url, {"title": "First"}, format="json", HTTP_IF_MATCH=tag)
    assert first.status_code == 200 and first.headers["ETag"] != tag
    second = editor_client.patch(url, {"title": "Second"}, format="json", HTTP_IF_MATCH=tag)
    assert second.status_code == 412
    assert second.json()["error"]["code"] == "stale"
    source.refresh_from_db()
    assert source.title == "First"


def test_an_update_without_if_match_gets_428(editor_client):
    source = SourceFactory(claim=claim_in("new"))
    response = editor_client.patch(f"/api/v1/sources/{source.pk}/", {"title": "X"}, format="json")
    assert response.status_code == 428
    assert "If-Match" in response.json()["error"]["message"]


def test_a_review_move_with_a_stale_etag_is_refused(reviewer_client, people):
    claim = claim_in("in_review", author=people["other_reviewer"], sources=1)
    tag = reviewer_client.get(f"/api/v1/claims/{claim.pk}/").headers["ETag"]
    Claim.objects.filter(pk=claim.pk).update(review_comment="touched elsewhere")
    claim.refresh_from_db()
    claim.save()  # moves updated_at, as any other write would
    response = reviewer_client.post(
        f"/api/v1/claims/{claim.pk}/publish/", {}, format="json", HTTP_IF_MATCH=tag
    )
    assert response.status_code == 412
    assert Claim.objects.get(pk=claim.pk).state == "in_review"


def etag(client, claim_id: int) -> str:
    return client.get(f"/api/v1/claims/{claim_id}/").headers["ETag"]


def test_a_refused_move_says_why(people):
    claim = claim_in("in_review", author=people["reviewer"], sources=1)
    client = client_for(people["reviewer"])
    response = client.post(
        f"/api/v1/claims/{claim.pk}/publish/",
        {},
        format="json",
        HTTP_IF_MATCH=etag(client, claim.pk),
    )
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["code"] == "transition_refused"
    assert "the author of a verdict cannot approve it" in error["message"]


def test_a_source_with_a_javascript_url_is_refused(editor_client):
    claim = claim_in("new")
    response = editor_client.post(
        "/api/v1/sources/",
        {"claim": claim.pk, "title": "x", "url": "javascript:alert(1)"},
        format="json",
    )
    assert response.status_code == 400
    assert "url" in response.json()["error"]["fields"]


def test_the_full_review_through_the_api_ends_in_a_claimreview(people):
    editor, reviewer = client_for(people["editor"]), client_for(people["reviewer"])
    article = services.article_ingest_text(text=SEED.read_text()).article
    services.article_extract(article_id=article.pk)
    claim = Claim.objects.get(article=article, text__contains="30 miles")
    base = f"/api/v1/claims/{claim.pk}"
    started = editor.post(f"{base}/start/", format="json", HTTP_IF_MATCH=etag(editor, claim.pk))
    assert started.status_code == 200
    assert (
        editor.post(
            "/api/v1/sources/",
            {
                "claim": claim.pk,
                "title": "GeoNames",
                "url": "https://www.geonames.org/",
                "reference_value": 61,
                "reference_unit": "km",
            },
            format="json",
        ).status_code
        == 201
    )
    proposal = {
        "rating": 2,
        "headline": "Kupyansk is 38 miles away",
        "claim_reviewed": "Kupyansk is 30 miles from Izium.",
        "rationale": "Kupyansk is 61 km (38 mi) from Izium, not 30 mi.",
    }
    proposed = editor.post(
        f"{base}/propose/", proposal, format="json", HTTP_IF_MATCH=etag(editor, claim.pk)
    )
    assert proposed.status_code == 200
    published = reviewer.post(
        f"{base}/publish/", format="json", HTTP_IF_MATCH=proposed.headers["ETag"]
    )
    assert published.status_code == 200 and published.json()["state"] == "published"

    review = client_for(None).get(f"/api/v1/claimreviews/{claim.pk}/")
    assert review.status_code == 200
    assert review.headers["Content-Type"].startswith("application/ld+json")
    data = review.json()
    assert data["@type"] == "ClaimReview"
    assert "30 miles" in data["claimReviewed"]
    assert data["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Mostly false",
    }
    item = data["itemReviewed"]
    assert item["@type"] == "Claim" and item["datePublished"] == "2022-09-14"
    assert item["author"] == {"@type": "Organization", "name": "CNN"}
    assert item["appearance"]["@type"] == "CreativeWork"
    assert data["author"]["@type"] == "Organization"
    assert data["url"].startswith("http") and data["datePublished"]
    feed = client_for(None).get("/api/v1/claimreviews/").json()
    assert [r["claimReviewed"] for r in feed["results"]] == [data["claimReviewed"]]


def test_a_claimreview_of_an_unpublished_claim_is_404(people):
    claim = claim_in("in_review", author=people["editor"], sources=1)
    response = client_for(None).get(f"/api/v1/claimreviews/{claim.pk}/")
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404


def test_requests_over_a_tokens_budget_get_429(people, monkeypatch):
    from django.core.cache import cache

    from claims.api.throttling import PerTokenThrottle

    cache.clear()
    monkeypatch.setattr(PerTokenThrottle, "THROTTLE_RATES", {"token": "3/minute"})
    client = client_for(people["editor"])
    codes = [client.get("/api/v1/claims/").status_code for _ in range(4)]
    other = client_for(people["reviewer"]).get("/api/v1/claims/").status_code
    cache.clear()
    assert codes == [200, 200, 200, 429]
    assert other == 200


def test_an_address_the_api_does_not_have_answers_in_the_error_format(editor_client):
    response = editor_client.get("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response.json()["error"]["message"].startswith("The API has no address")


def test_a_source_with_a_reference_value_runs_the_reference_check(editor_client):
    article = services.article_ingest_text(
        text="Kupyansk, some 30 miles to the north of Izium, is a rail hub."
    ).article
    services.article_extract(article_id=article.pk)
    claim = Claim.objects.get(article=article, kind="length")
    response = editor_client.post(
        "/api/v1/sources/",
        {
            "claim": claim.pk,
            "title": "GeoNames distance",
            "reference_value": 61,
            "reference_unit": "km",
        },
        format="json",
    )
    assert response.status_code == 201
    finding = next(
        f
        for f in editor_client.get(f"/api/v1/claims/{claim.pk}/").json()["findings"]
        if f["check"] == "reference"
    )
    assert finding["outcome"] == "inconsistent" and finding["source"] == response.json()["id"]
    assert "mi" in finding["expected"] or "km" in finding["expected"]

    tag = editor_client.get(f"/api/v1/sources/{response.json()['id']}/").headers["ETag"]
    editor_client.patch(
        f"/api/v1/sources/{response.json()['id']}/",
        {"reference_value": 48},
        format="json",
        HTTP_IF_MATCH=tag,
    )
    findings = editor_client.get(f"/api/v1/claims/{claim.pk}/").json()["findings"]
    assert [f["outcome"] for f in findings if f["check"] == "reference"] == ["consistent"]


@pytest.mark.parametrize("path", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_the_api_docs_are_served_offline_without_inline_script(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html  # every script is a file: the CSP forbids inline script
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "cdn" not in html.lower()
    if path.endswith("docs/"):
        script = client.get(path + "?script=")
        assert script.status_code == 200 and b"SwaggerUIBundle" in script.content
