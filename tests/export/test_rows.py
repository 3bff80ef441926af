"""What a CSV row holds, read back with Python's csv module (issue 14)."""

from __future__ import annotations

import codecs
import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import exports
from claims.models import Claim, ClaimState, RatingLabel, RatingScale
from tests.export.conftest import checked_claim
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, VerdictFactory, rated

pytestmark = pytest.mark.django_db


def _rows(queryset=None, **kwargs) -> list[dict[str, str]]:
    body = b"".join(exports.claims_csv(queryset or Claim.objects.all(), **kwargs))
    assert body.startswith(codecs.BOM_UTF8)
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def test_a_published_claim_with_several_figures_findings_and_sources_is_one_full_row():
    claim = checked_claim()
    absolute = "https://factcheck.example{}".format

    [row] = _rows(absolute_url=absolute)

    article = claim.article
    assert row == {
        "article_id": str(article.pk),
        "article_title": "Lake report",
        "article_url": "https://news.example/lake",
        "article_publisher": "Gazette",
        "article_dateline": "2024-03-15",
        "claim_id": str(claim.pk),
        "state": "published",
        "claim": "120 square miles",
        "sentence": "The lake covers 120 square miles (311 square kilometres).",
        "kind": "area",
        "figures": (
            "120 sq mi (exact) = 310,798,573.24 m² | 311 km² (approximate) = 311,000,000 m²"
        ),
        "findings": "conversion: consistent (expected 310.8 km²) | reference: inconsistent",
        "rating": "True",
        "rating_value": "5",
        "rationale": "The survey gives the same area.",
        "published_on": "2024-03-20",
        "sources": "Lake survey <https://example.org/lake> | Atlas of lakes",
        "public_url": f"https://factcheck.example/checks/{claim.pk}/",
    }
    assert list(row) == list(exports.HEADER)


def test_a_claim_without_verdict_or_evidence_has_empty_cells_and_no_public_page():
    claim = ClaimFactory(state=ClaimState.NEW)

    [row] = _rows()

    assert row["claim_id"] == str(claim.pk)
    empty = ("figures", "findings", "rating", "rating_value", "rationale", "published_on")
    assert {name: row[name] for name in (*empty, "sources", "public_url")} == dict.fromkeys(
        (*empty, "sources", "public_url"), ""
    )


def test_a_proposed_verdict_is_exported_unpublished_and_without_a_public_page():
    claim = ClaimFactory(state=ClaimState.IN_REVIEW)
    VerdictFactory(claim=claim, **rated(1), rationale="No such lake.")

    [row] = _rows()

    assert (row["rating"], row["rating_value"], row["rationale"]) == ("False", "1", "No such lake.")
    assert row["published_on"] == "" and row["public_url"] == ""


def test_a_textual_rating_has_its_name_and_no_number():
    scale = RatingScale.current()
    unproven = RatingLabel.objects.create(
        scale=scale, name="Unproven", position=99, rating_value=None, colour="#57606a"
    )
    claim = ClaimFactory(state=ClaimState.IN_REVIEW)
    VerdictFactory(claim=claim, label=unproven, rationale="Nobody has measured it.")

    [row] = _rows()

    assert (row["rating"], row["rating_value"]) == ("Unproven", "")


def test_rows_keep_the_querysets_filter_and_order():
    first, second, third = (ClaimFactory() for _ in range(3))

    rows = _rows(Claim.objects.exclude(pk=second.pk).order_by("-id"))

    assert [r["claim_id"] for r in rows] == [str(third.pk), str(first.pk)]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_would_start_a_formula_gets_a_leading_quote(start):
    assert exports.formula_safe(f"{start}1+1") == f"'{start}1+1"


def test_formulas_in_titles_rationales_and_sources_reach_the_file_as_text():
    article = ArticleFactory(title='=HYPERLINK("http://evil.example","Click")', publisher="+44 20")
    claim = ClaimFactory(article=article, state=ClaimState.IN_REVIEW)
    SourceFactory(claim=claim, title="@SUM(A1:A9)", url="")
    VerdictFactory(claim=claim, rationale="-2+3 is what it said.")

    [row] = _rows()

    assert row["article_title"] == '\'=HYPERLINK("http://evil.example","Click")'
    assert row["article_publisher"] == "'+44 20"
    assert row["sources"] == "'@SUM(A1:A9)"
    assert row["rationale"] == "'-2+3 is what it said."
    # Only the first character counts: an equals sign inside a cell is left alone.
    assert row["sentence"].startswith("The lake") and "'" not in row["sentence"]


def test_the_file_comes_in_pieces_of_about_the_buffer_size(monkeypatch):
    monkeypatch.setattr(exports, "BUFFER_BYTES", 1000)
    for _ in range(30):
        checked_claim()

    chunks = list(exports.claims_csv(Claim.objects.all()))

    assert chunks[0] == codecs.BOM_UTF8
    sizes = [len(c) for c in chunks[1:]]
    assert len(sizes) > 5 and all(1000 <= s < 2000 for s in sizes[:-1]), sizes


@pytest.mark.parametrize(("chunk_size", "queries"), [(10, 1 + 3 * 4), (100, 1 + 4)])
def test_claims_are_read_in_chunks_each_with_one_query_per_relation(chunk_size, queries):
    """One cursor, and per chunk one query each for figures, findings, verdicts and sources:
    memory holds one chunk, and the queries grow with the chunks, not with the claims."""
    for _ in range(30):
        checked_claim()

    with CaptureQueriesContext(connection) as captured:
        rows = _rows(chunk_size=chunk_size)

    assert len(rows) == 30
    assert len(captured) == queries, [q["sql"][:80] for q in captured]
