"""Rates are rates: "$3.2 million a day" is one claim about money, not money and a Duration.

The denominator stays one of the claim's quantities (the extractor reads it), but it is no
claim of its own; durations and dates ("for a day", "a week later") still are.
"""

from __future__ import annotations

from datetime import date

import pytest

from claims import services
from claims.models import Article, Claim, ExtractionState
from claims.services.extraction import draft_claims

RATES = (
    "The war costs $3.2 million a day. Members pay £25 a year. "
    "The train ran 60 miles (97 km) an hour. Each household receives 50 litres of water a day. "
    "Officials said it lasted for a day. A day later it fell; in a week it ends. "
    "She spent a year there. A day-long strike cost $40 a year ago. They meet twice a year."
)


def claims_of(text: str, reference_date: date | None = None) -> list[tuple[str, str, list[str]]]:
    return [
        (text[d.start : d.end], d.kind, [q.text for q in d.quantities])
        for d in draft_claims(text, reference_date=reference_date)
    ]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The war costs $3.2 million a day.", ("$3.2 million a day", "currency")),
        ("Members pay £25 a year.", ("£25 a year", "currency")),
        ("He earns $500 per day.", ("$500 per day", "currency")),
        ("Households get 50 litres of water a day.", ("50 litres of water a day", "volume")),
        ("Two people a day died.", ("Two people a day", "count")),
    ],
)
def test_a_rate_is_one_claim_of_its_figures_kind_holding_both_quantities(text, claim):
    [(span, kind, quantities)] = claims_of(text)
    assert (span, kind) == claim
    assert len(quantities) == 2 and quantities[1].split()[0] in ("a", "per")


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("Officials said it lasted for a day.", "a day"),
        ("A day later it fell.", "A day"),
        ("A year ago it rose.", "A year"),
        ("In a week it ends.", "a week"),
        ("She spent a year there.", "a year"),
        ("A day-long strike closed the port.", "A day"),
    ],
)
def test_a_length_of_time_or_a_date_stays_a_duration_claim(text, duration):
    assert (duration, "duration", [duration]) in claims_of(text)


def test_how_often_something_happens_is_no_claim():
    assert claims_of("The board meets twice a year and staff three times a week.") == []


def test_a_figure_before_a_date_keeps_the_date_as_its_own_claim():
    assert claims_of("It cost $40 a year ago.") == [
        ("$40", "currency", ["$40"]),
        ("a year", "duration", ["a year"]),
    ]


def test_a_rate_after_a_conversion_joins_the_conversion_claim():
    [(span, kind, quantities)] = claims_of("The train ran 60 miles (97 km) an hour.")
    assert (span, kind) == ("60 miles (97 km) an hour", "length")
    assert quantities == ["60 miles", "97 km", "an hour"]
    [draft] = draft_claims("The train ran 60 miles (97 km) an hour.")
    assert [f.check for f in draft.findings] == ["conversion"]


def test_a_duration_a_date_check_reads_as_a_time_keeps_its_claim_and_finding():
    text = "The strike began on April 1; a week later, on April 8, it cost £2m a week."
    found = draft_claims(text, reference_date=date(2024, 5, 1))
    drafts = {(text[d.start : d.end], d.kind): d for d in found}
    assert [f.check for f in drafts["a week", "duration"].findings] == ["date_arithmetic"]
    assert ("£2m a week", "currency") in drafts


@pytest.mark.django_db
def test_stored_claims_of_an_article_read_rates_as_rates():
    article = services.article_ingest_text(text=RATES).article
    services.article_extract(article_id=article.pk)
    article = Article.objects.get(pk=article.pk)
    assert article.extraction_state == ExtractionState.DONE
    claims = Claim.objects.filter(article=article).order_by("start")
    stored = [(c.text, c.kind, c.quantities.count()) for c in claims]
    assert ("$3.2 million a day", "currency", 2) in stored
    assert ("£25 a year", "currency", 2) in stored
    assert ("60 miles (97 km) an hour", "length", 3) in stored
    assert ("50 litres of water a day", "volume", 2) in stored
    durations = [text for text, kind, _ in stored if kind == "duration"]
    assert durations == ["a day", "A day", "a week", "a year", "A day", "a year"]
    rate = claims.get(text="$3.2 million a day")
    assert sorted(rate.quantities.values_list("kind", flat=True)) == ["currency", "duration"]
