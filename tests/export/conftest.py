"""A claim with everything a CSV row shows, and a reader of the CSV as a spreadsheet user's
script would read it back (Python's csv module)."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io

import pytest
from django.http import StreamingHttpResponse

from claims.models import CheckResult, Claim, ClaimState
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    PublishedVerdictFactory,
    QuantityFactory,
    ReviewerFactory,
    SourceFactory,
    rated,
)

PUBLISHED_AT = dt.datetime(2024, 3, 20, 12, 0, tzinfo=dt.UTC)


def read_csv(response: StreamingHttpResponse) -> list[dict[str, str]]:
    """The rows of a streamed CSV download, after checking it is one."""
    assert isinstance(response, StreamingHttpResponse), type(response)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content)
    assert body.startswith(codecs.BOM_UTF8)
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))


@pytest.fixture
def reviewer(db):
    return ReviewerFactory(username="rita")


def checked_claim(*, state: str = ClaimState.PUBLISHED, title: str = "Lake report") -> Claim:
    """Two figures, two findings, two sources, a superseded and a current published verdict."""
    article = ArticleFactory(
        title=title,
        url="https://news.example/lake",
        publisher="Gazette",
        dateline=dt.date(2024, 3, 15),
    )
    claim = ClaimFactory(article=article, state=state)
    QuantityFactory(claim=claim)  # 120 square miles
    QuantityFactory(
        claim=claim,
        start=34,
        end=55,
        text="311 square kilometres",
        value=311.0,
        unit="kilometer ** 2",
        si_value=311e6,
        qualifier="approximate",
    )
    for check, outcome, expected in (
        ("conversion", "consistent", "310.8 km²"),
        ("reference", "inconsistent", ""),
    ):
        CheckResult.objects.create(
            claim=claim, check_name=check, outcome=outcome, start=16, end=32, expected=expected
        )
    SourceFactory(claim=claim, title="Lake survey", url="https://example.org/lake")
    SourceFactory(claim=claim, title="Atlas of lakes", url="")
    PublishedVerdictFactory(claim=claim, **rated(2), rationale="First reading.", is_current=False)
    PublishedVerdictFactory(
        claim=claim,
        **rated(5),
        rationale="The survey gives the same area.",
        published_at=PUBLISHED_AT,
    )
    return claim
