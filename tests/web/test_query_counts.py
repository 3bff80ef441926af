"""Every list and page runs the same number of queries for one row as for thirty."""

from __future__ import annotations

from collections.abc import Callable
from itertools import count

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from claims.models import CheckResult, ClaimState, Quantity, Source, Verdict
from tests.factories import ArticleFactory, ClaimFactory, EditorFactory, rated

pytestmark = pytest.mark.django_db

TEXT = "Some 30 miles away. " * 40  # room for forty claims of five characters
_unique = count()


def _article(**fields):
    return ArticleFactory(raw=f"{TEXT}{next(_unique)}", **fields)


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def _claims(article, n: int, start: int = 0, **fields) -> list:
    """`n` claims at distinct spans, each with a quantity and a finding."""
    made = []
    for i in range(start, start + n):
        claim = ClaimFactory(
            article=article,
            start=i * 20 + 5,
            end=i * 20 + 13,
            sentence_start=i * 20,
            sentence_end=i * 20 + 19,
            kind="length",
            worst_outcome="inconsistent",
            **fields,
        )
        Quantity.objects.create(
            claim=claim,
            start=claim.start,
            end=claim.end,
            text="30 miles",
            value=30,
            unit="mile",
            kind="length",
            si_value=48280.32,
        )
        CheckResult.objects.create(
            claim=claim,
            check_name="geography",
            outcome="inconsistent",
            start=claim.start,
            end=claim.end,
            expected="61 km",
            explanation="far",
        )
        made.append(claim)
    return made


def _same_count(client, url: Callable[[], str], grow: Callable[[int], None]) -> None:
    grow(1)
    one = _count(client, url())
    grow(29)
    thirty = _count(client, url())
    assert one == thirty, f"{one} queries with 1 row, {thirty} with 30"


@pytest.fixture
def signed_in(client, editor):
    client.force_login(editor)
    return client


def test_dashboard(signed_in, editor):
    def grow(n):
        for _ in range(n):
            _claims(_article(), 1, assignee=editor, state="in_progress")

    _same_count(signed_in, lambda: reverse("web:dashboard"), grow)


def test_progress_partial(signed_in):
    def grow(n):
        for i in range(n):
            ArticleFactory(extraction_state="running" if i % 2 else "done")

    _same_count(signed_in, lambda: reverse("web:article_progress"), grow)


def test_claims_list_with_filters(signed_in, editor):
    article = _article()
    state = {"start": 0}

    def grow(n):
        _claims(article, n, start=state["start"], assignee=editor)
        state["start"] += n

    _same_count(signed_in, lambda: reverse("web:claims"), grow)
    state["start"] = 30
    url = f"{reverse('web:claims')}?q=miles&kind=length&finding=inconsistent&article={article.pk}"
    assert _count(signed_in, url) == _count(signed_in, url + "&page=2")


def test_article_page_with_a_claim_open(signed_in, editor):
    article = _article()
    opened = _claims(article, 1, assignee=editor, state="in_progress")[0]
    # One source from the start, so that the verdict form (and its list of ratings) shows
    # in both counts.
    Source.objects.create(claim=opened, title="S", url="https://a.org/")
    state = {"start": 1}

    def grow(n):
        if state["start"] > 1:
            _claims(article, n, start=state["start"])
            for i in range(n):
                Source.objects.create(claim=opened, title=f"S{i}", url="https://a.org/")
        state["start"] += n

    url = f"{reverse('web:article', args=[article.pk])}?claim={opened.pk}"
    _same_count(signed_in, lambda: url, grow)


def test_claim_panel_partial(signed_in, editor):
    claim = _claims(_article(), 1, assignee=editor, state="in_progress")[0]

    def grow(n):
        for i in range(n):
            Source.objects.create(claim=claim, title=f"S{i}", url="https://a.org/")
            claim.save()  # one more history row

    url = reverse("web:claim", args=[claim.pk])
    grow(1)
    with CaptureQueriesContext(connection) as one:
        signed_in.get(url, HTTP_HX_REQUEST="true")
    grow(29)
    with CaptureQueriesContext(connection) as thirty:
        signed_in.get(url, HTTP_HX_REQUEST="true")
    assert len(one) == len(thirty)


def test_public_page(client):
    author, reviewer = EditorFactory(), EditorFactory()
    claim = _claims(_article(), 1, state=ClaimState.PUBLISHED)[0]
    old = Verdict.objects.create(
        claim=claim,
        **rated(3),
        rationale="r",
        author=author,
        reviewer=reviewer,
        published_at=timezone.now(),
        is_current=False,
    )
    Verdict.objects.create(
        claim=claim,
        **rated(2),
        rationale="r",
        author=author,
        reviewer=reviewer,
        published_at=timezone.now(),
        supersedes=old,
        correction_note="n",
    )

    def grow(n):
        for i in range(n):
            Source.objects.create(claim=claim, title=f"S{i}", url="https://a.org/")

    _same_count(client, lambda: reverse("web:public_check", args=[claim.pk]), grow)
