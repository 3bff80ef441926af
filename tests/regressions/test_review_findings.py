"""Defects a code review found, each kept as a test of the behaviour that is now right."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from claims import services
from claims.models import Article, Claim, ClaimState, Source
from claims.services.extraction import article_mark_running
from claims.services.reference_values import FIGURE_MESSAGE
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    EditorFactory,
    ReviewerFactory,
    SourceFactory,
    VerdictFactory,
)
from tests.paths import SEED

pytestmark = pytest.mark.django_db


def api(user, read_only=False):
    c = APIClient()
    _, key = services.api_token_issue(user=user, name="t", read_only=read_only)
    c.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    c.raise_request_exception = False
    return c


# An unbalanced quote is searched for as written: no claim has it, so none is found.
def test_api_search_with_unbalanced_quote_finds_nothing_not_500():
    ed = EditorFactory()
    ClaimFactory()
    r = api(ed).get("/api/v1/claims/", {"search": "'abc"})
    assert r.status_code == 200, r.status_code
    assert r.json()["results"] == []


def test_web_claims_list_search_with_unbalanced_quote_finds_nothing_not_500():
    ed = EditorFactory()
    ClaimFactory()
    c = Client(raise_request_exception=False)
    c.force_login(ed)
    r = c.get("/claims/", {"q": '"abc'})
    assert r.status_code == 200, r.status_code
    html = r.content.decode()
    assert ">0 claims</p>" in html
    assert "No claim matches." in html


def test_admin_search_with_unbalanced_quote_finds_nothing_not_500():
    rv = ReviewerFactory()
    ClaimFactory()
    c = Client(raise_request_exception=False)
    c.force_login(rv)
    r = c.get("/admin/claims/claim/", {"q": "'abc"})
    assert r.status_code == 200, r.status_code
    assert "0 results" in r.content.decode()


def test_api_text_with_long_byline_header_is_a_4xx_not_500():
    ed = EditorFactory()
    text = "date 2024-03-15 By " + "A" * 600 + ", Gazette\nThe trail is 50 km long."
    r = api(ed).post("/api/v1/articles/", {"text": text}, format="json")
    assert r.status_code == 400, (r.status_code, r.content[:300])
    assert r.json()["error"]["fields"] == {
        "input": ["the byline in the dateline line is over 500 characters"]
    }
    assert not Article.objects.exists()


def test_api_text_with_long_publisher_header_is_a_4xx_not_500():
    ed = EditorFactory()
    text = "date 2024-03-15 By Ann, " + "P" * 300 + "\nThe trail is 50 km long."
    r = api(ed).post("/api/v1/articles/", {"text": text}, format="json")
    assert r.status_code == 400, (r.status_code, r.content[:300])
    assert r.json()["error"]["fields"] == {
        "input": ["the publisher in the dateline line is over 200 characters"]
    }
    assert not Article.objects.exists()


def test_admin_deleting_the_only_source_of_a_published_claim_is_refused_not_500():
    rv = ReviewerFactory()
    claim = ClaimFactory(state=ClaimState.PUBLISHED)
    src = SourceFactory(claim=claim)
    VerdictFactory(claim=claim, published_at=timezone.now())
    c = Client(raise_request_exception=False)
    c.force_login(rv)
    r = c.post(f"/admin/claims/source/{src.pk}/delete/", {"post": "yes"})
    # The workflow refuses (a published claim keeps a source): the admin's 403.
    assert r.status_code == 403, r.status_code
    assert Source.objects.filter(pk=src.pk).exists()


def test_admin_bulk_delete_sources_refusal_is_not_500():
    rv = ReviewerFactory()
    claim = ClaimFactory(state=ClaimState.PUBLISHED)
    src = SourceFactory(claim=claim)
    c = Client(raise_request_exception=False)
    c.force_login(rv)
    r = c.post(
        "/admin/claims/source/",
        {"action": "delete_selected", "_selected_action": [src.pk], "post": "yes"},
    )
    assert r.status_code == 403, r.status_code
    assert Source.objects.filter(pk=src.pk).exists()


def test_a_second_worker_cannot_take_an_article_another_worker_is_running():
    art = ArticleFactory()
    assert article_mark_running(article_id=art.pk) is not None  # worker A
    assert article_mark_running(article_id=art.pk) is None  # worker B (duplicate delivery)


def test_reextraction_keeps_the_reference_finding_in_worst_outcome(settings):
    ed = EditorFactory()
    result = services.article_ingest_text(text=SEED.read_text(), submitted_by=ed)
    services.article_extract(article_id=result.article.pk)
    claim = result.article.claims.get(kind="area", text__contains="8,000")
    services.claim_start(actor=ed, claim_id=claim.pk)
    # a source giving 10 km2 for the area: the reference check says inconsistent
    services.source_add(
        actor=ed, claim_id=claim.pk, title="map", reference_value=10, reference_unit="km**2"
    )
    claim.refresh_from_db()
    ref = claim.check_results.get(source__isnull=False)
    assert ref.outcome == "inconsistent"
    before = claim.worst_outcome
    services.articles_requeue_extraction(article_ids=[result.article.pk])
    services.article_extract(article_id=result.article.pk)
    claim.refresh_from_db()
    assert claim.check_results.filter(source__isnull=False).exists()
    assert claim.worst_outcome == before, (before, claim.worst_outcome)


TEMPERATURE = {"text": "104F", "value": 104.0, "unit": "degree_Fahrenheit", "kind": "temperature",
               "si_value": 313.15}  # fmt: skip


@pytest.mark.parametrize(
    "value,unit,status,quantity",
    [
        (1e308, "km**2", 201, {}),
        (1e308, "sq mi", 201, {}),
        ("1e400", "km**2", 400, {}),  # infinity is not a number the API takes
        (-1e308, "degF", 201, TEMPERATURE),
        (1e300, "hectare", 201, {}),
    ],
)
def test_api_source_with_extreme_reference_value_is_not_500(value, unit, status, quantity):
    # Each unit fits its claim's quantity (an area, or a temperature for the negative value):
    # a unit of another kind is refused since reference values are checked against the claim.
    ed = EditorFactory()
    claim = ClaimFactory(state=ClaimState.IN_PROGRESS, assignee=ed)
    from tests.factories import QuantityFactory

    QuantityFactory(claim=claim, **quantity)
    c = api(ed)
    body = (
        f'{{"claim": {claim.pk}, "title": "x", "reference_value": {value}, '
        f'"reference_unit": "{unit}"}}'
    )
    r = c.post("/api/v1/sources/", body, content_type="application/json")
    assert r.status_code == status, (r.status_code, r.content[:300])
    if status == 400:
        assert r.json()["error"]["fields"] == {"reference_value": [FIGURE_MESSAGE]}
    # The claim, with its reference finding, still reads.
    r2 = c.get(f"/api/v1/claims/{claim.pk}/")
    assert r2.status_code == 200, (r2.status_code, r2.content[:300])


UNKNOWN = "is not a unit we know; try km, mile, square mile, day or kg."
WRITE_A_UNIT = "Write a unit such as km, miles, square miles, km², km/h, °C, tonnes or %."
AREA_CLAIM = "This claim is an area (sq mi);"
AREA_UNITS = "Give the source's figure in a unit of area such as sq mi, km² or m²."


@pytest.mark.parametrize(
    "unit,status,message",
    [
        ("foo", 400, f"“foo” {UNKNOWN}"),
        ("km/", 400, WRITE_A_UNIT),
        ("**", 400, WRITE_A_UNIT),
        ("1/0", 400, WRITE_A_UNIT),
        ("m^999999", 400, WRITE_A_UNIT),
        ("__class__", 400, f"“__class__” {UNKNOWN}"),
        # pint reads a bare "e" as the elementary charge, a unit it knows, but not an area.
        ("e", 400, f"{AREA_CLAIM} “e” is not a unit of area. {AREA_UNITS}"),
        ("km**km", 400, WRITE_A_UNIT),
        ("%", 400, f"{AREA_CLAIM} “%” is a percentage. {AREA_UNITS}"),
    ],
)
def test_api_source_with_odd_units_is_not_500(unit, status, message):
    ed = EditorFactory()
    claim = ClaimFactory(state=ClaimState.IN_PROGRESS, assignee=ed)
    from tests.factories import QuantityFactory

    QuantityFactory(claim=claim)
    r = api(ed).post(
        "/api/v1/sources/",
        {"claim": claim.pk, "title": "x", "reference_value": 3, "reference_unit": unit},
        format="json",
    )
    assert r.status_code == status, (unit, r.status_code, r.content[:300])
    if message is not None:
        assert r.json()["error"]["fields"] == {"reference_unit": [message]}


@pytest.mark.parametrize("unit", ["1/0", "km/", "**", "("])
def test_web_source_form_with_odd_unit_is_not_500(unit):
    ed = EditorFactory()
    claim = ClaimFactory(state=ClaimState.IN_PROGRESS, assignee=ed)
    c = Client(raise_request_exception=False)
    c.force_login(ed)
    r = c.post(
        f"/claims/{claim.pk}/sources/",
        {"title": "x", "reference_value": "3", "reference_unit": unit},
    )
    assert r.status_code == 400, (unit, r.status_code)
    assert WRITE_A_UNIT in r.content.decode()
    assert not Source.objects.exists()


@pytest.mark.parametrize("url", ["/articles/{a}/?claim=%C2%B2", "/claims/{c}/?edit_source=%C2%B2"])
def test_superscript_digits_in_query_are_not_500(url):
    ed = EditorFactory()
    claim = ClaimFactory()
    c = Client(raise_request_exception=False)
    c.force_login(ed)
    r = c.get(url.format(a=claim.article_id, c=claim.pk), HTTP_HX_REQUEST="true")
    assert r.status_code == 200, r.status_code
    assert claim.text in r.content.decode()


def test_anonymous_throttle_cannot_be_dodged_with_x_forwarded_for(monkeypatch):
    from django.core.cache import cache

    from claims.api.throttling import PerTokenThrottle

    cache.clear()
    monkeypatch.setattr(PerTokenThrottle, "THROTTLE_RATES", {"token": "2/minute"})
    c = APIClient()
    codes = [
        c.get("/api/v1/claimreviews/", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}").status_code
        for i in range(5)
    ]
    assert codes == [200, 200, 429, 429, 429], codes


def test_baseline_anonymous_throttle_works_without_xff(monkeypatch):
    from django.core.cache import cache

    from claims.api.throttling import PerTokenThrottle

    cache.clear()
    monkeypatch.setattr(PerTokenThrottle, "THROTTLE_RATES", {"token": "2/minute"})
    c = APIClient()
    codes = [c.get("/api/v1/claimreviews/").status_code for i in range(5)]
    assert codes == [200, 200, 429, 429, 429], codes


BIGINT = "Ensure this value is less than or equal to 9223372036854775807."


@pytest.mark.parametrize(
    "q,error",
    [
        ({"article": "1e30"}, BIGINT),
        ({"article": "99999999999999999999"}, BIGINT),
        ({"si_value_min": "1e400"}, "Ensure this value is less than or equal to 1e+50."),
        ({"published_after": "9999-12-31T23:59:59-10:00"}, "The date is out of range."),
        ({"search": "\x00"}, "Null characters are not allowed."),
        ({"rating": "9"}, "A rating's number runs from 1 to 5; or give the label's name."),
    ],
)
def test_api_claims_list_bad_filters_are_a_400_naming_the_filter(q, error):
    ed = EditorFactory()
    ClaimFactory()
    r = api(ed).get("/api/v1/claims/", q)
    assert r.status_code == 400, (q, r.status_code, r.content[:200])
    assert r.json()["error"]["fields"] == {next(iter(q)): [error]}


@pytest.mark.parametrize(
    "q,found",
    [
        ({"si_value_max": "-1e400"}, 0),  # below every value
        ({"page_size": "99999999999999999999"}, 1),  # capped at the largest page
        ({"cursor": "%%%"}, 1),  # nothing base64 in it: the first page
        ({"ordering": "sentence"}, 1),  # not an ordering the API offers: ignored
        ({"search": "a\\"}, 0),
    ],
)
def test_api_claims_list_odd_but_harmless_filters_answer_a_page(q, found):
    ed = EditorFactory()
    ClaimFactory()
    r = api(ed).get("/api/v1/claims/", q)
    assert r.status_code == 200, (q, r.status_code, r.content[:200])
    assert len(r.json()["results"]) == found


@pytest.mark.parametrize(
    "q,error",
    [
        ({"article": "99999999999999999999"}, BIGINT),
        ({"q": "\x00"}, "Null characters are not allowed."),
        ({"page": "99999999999999999999"}, None),  # past the end: the last page
        (
            {"assignee": "99999999999999999999"},
            "Select a valid choice. That choice is not one of the available choices.",
        ),
    ],
)
def test_web_claims_list_odd_filters_show_the_form_error_and_every_claim(q, error):
    ed = EditorFactory()
    ClaimFactory()
    c = Client(raise_request_exception=False)
    c.force_login(ed)
    r = c.get("/claims/", q)
    assert r.status_code == 200, (q, r.status_code)
    html = r.content.decode()
    assert ">1 claim</p>" in html
    if error is not None:
        assert f'id="id_{next(iter(q))}_error"><li>{error}</li>' in html
    else:
        assert "errorlist" not in html


def test_a_poison_article_redelivered_after_each_worker_death_is_eventually_failed(
    settings, monkeypatch
):
    """reject_on_worker_lost requeues at once; each redelivery calls article_mark_running."""
    # Each delivery's worker dies (the task never completes), whatever the broker does.
    monkeypatch.setattr("claims.services.extraction.enqueue_extraction", lambda ids: None)
    art = ArticleFactory()
    for _ in range(settings.EXTRACTION_MAX_ATTEMPTS + 5):
        article_mark_running(article_id=art.pk)  # ...and the worker is OOM-killed here
        # ...and, time having passed, beat's sweep finds it abandoned.
        services.articles_requeue_stalled(
            stall_seconds=0, max_attempts=settings.EXTRACTION_MAX_ATTEMPTS
        )
    art.refresh_from_db()
    assert art.extraction_state == "failed", (art.extraction_attempts, art.extraction_state)


def test_cursor_pages_ordered_by_check_worthiness_reach_every_claim():
    ed = EditorFactory()
    first = ClaimFactory(check_worthiness=0.55)
    Claim.objects.bulk_create(
        [
            Claim(
                article=first.article,
                start=16,
                end=32,
                sentence_start=0,
                sentence_end=57,
                text="x",
                sentence="x",
                kind="area",
                check_worthiness=0.55,
                detached=True,
            )
            for _ in range(1400)
        ]
    )
    c = api(ed)
    url, seen, pages = "/api/v1/claims/?ordering=check_worthiness&page_size=200", set(), 0
    while url and pages < 20:
        body = c.get(url).json()
        seen.update(r["id"] for r in body["results"])
        url, pages = body["next"], pages + 1
    assert len(seen) == 1401 and pages < 20, (len(seen), pages)


def test_web_paste_of_3mb_gets_the_forms_message_not_a_bare_400():
    ed = EditorFactory()
    c = Client(raise_request_exception=False)
    c.force_login(ed)
    text = ("The trail is 50 km long. " * 130000)[:3_000_000]
    r = c.post("/submit/", {"text": text})
    # Under the ingest limit of 5 MB: stored, and the editor is sent to the article.
    assert r.status_code == 302, r.status_code
    assert r["Location"] == f"/articles/{Article.objects.get().pk}/"


@pytest.mark.parametrize("unit", ["km**9**9**9", "1/0", "km/", "**", "("])
def test_a_bad_reference_unit_is_a_400_that_says_what_to_write(unit):
    from tests.factories import QuantityFactory

    ed = EditorFactory()
    claim = ClaimFactory(state=ClaimState.IN_PROGRESS, assignee=ed)
    QuantityFactory(claim=claim)
    r = api(ed).post(
        "/api/v1/sources/",
        {"claim": claim.pk, "title": "x", "reference_value": 3, "reference_unit": unit},
        format="json",
    )
    assert r.status_code == 400
    assert "reference_unit" in r.json()["error"]["fields"]


def test_a_dateline_header_of_a_megabyte_is_read_in_linear_time():
    from claims.intake import document_from_text

    document = document_from_text("date 2024-01-01 By x" + " " * 1_000_000 + "y\nThe road is 5 km.")
    assert document.dateline is None  # a line that long is text, not a header


def test_a_paste_over_the_ingest_limit_gets_the_forms_message(settings):
    settings.INGEST_MAX_BYTES = 100_000
    ed = EditorFactory()
    c = Client()
    c.force_login(ed)
    r = c.post("/submit/", {"text": "The trail is 50 km long. " * 8_000})
    assert r.status_code == 200
    assert "over the limit" in r.content.decode()
    assert not Article.objects.exists()


def test_an_oversized_upload_is_refused_before_it_is_read(settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.INGEST_MAX_BYTES = 1000
    ed = EditorFactory()
    c = Client()
    c.force_login(ed)
    upload = SimpleUploadedFile("big.txt", b"The trail is 50 km long. " * 100, "text/plain")
    r = c.post("/submit/", {"file": upload})
    assert "over the limit of 1,000 bytes" in r.content.decode()
    assert not Article.objects.exists()
