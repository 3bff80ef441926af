"""The reference check: a claim against a source's value, with a neutral grade (the rating it
suggests is named on the newsroom's scale by the service: tests/web/test_reference_values.py)."""

import pytest

from claims.checks.reference import (
    FAR,
    INSIDE,
    NEAR,
    check_reference,
    check_reference_value,
    compare_reference_value,
)
from tests.checks.builders import quantity

TEXT = "Ukraine says 8,000 square kilometers have been liberated."
AREA = quantity(TEXT, "8,000 square kilometers", "kilometer ** 2", "area")


@pytest.mark.parametrize(
    ("reference", "unit", "outcome", "grade"),
    [
        (8000, "kilometer ** 2", "consistent", INSIDE),
        (3100, "mile ** 2", "consistent", INSIDE),  # 8,029 km²
        (8400, "kilometer ** 2", "consistent", INSIDE),
        (3400, "mile ** 2", "inconsistent", NEAR),  # 8,806 km², 3.5 % out
        (6000, "kilometer ** 2", "inconsistent", FAR),
        (1.2e10, "meter ** 2", "inconsistent", FAR),
    ],
)
def test_a_claim_against_a_sources_value(reference, unit, outcome, grade):
    finding = check_reference(AREA, reference, unit)
    assert finding.check == "reference"
    assert finding.outcome == outcome
    assert (finding.start, finding.end) == (AREA.start, AREA.end)
    # The grade is neutral; the words of a rating scale are the app's (claims/services).
    compared = compare_reference_value(
        value=AREA.value, unit=AREA.unit, step=AREA.step, reference_value=reference,
        reference_unit=unit,
    )  # fmt: skip
    assert (compared.finding.outcome, compared.grade) == (outcome, grade)
    assert "accurate" not in finding.expected + finding.explanation


def test_the_explanation_shows_the_conversion_and_the_tolerance():
    finding = check_reference(AREA, 3400, "mile ** 2")
    assert "3,400 sq mi = 8,806 km²" in finding.explanation
    assert "7,500–8,500 km²" in finding.explanation
    assert "306 km² (3.5 %) outside, within 10 % of it" in finding.explanation


def test_a_hedged_claim_is_given_its_hedge():
    text = "Kupyansk, some 30 miles to the north"
    claim = quantity(text, "30 miles", "mile", "length")
    assert check_reference(claim, 61, "kilometer", hedge="some").outcome == "inconsistent"
    assert check_reference(claim, 50, "kilometer", hedge="some").outcome == "consistent"


def test_one_sided_claims_only_fail_on_their_side():
    base = {"value": 5, "unit": "month", "qualifier": "more_than"}
    assert check_reference_value(**base, reference_value=6, reference_unit="month").outcome == (
        "consistent"
    )
    assert check_reference_value(**base, reference_value=100, reference_unit="day").outcome == (
        "inconsistent"
    )


def test_stored_claim_values_work_without_a_quantity():
    finding = check_reference_value(
        value=120, unit="mile ** 2", step=10, reference_value=311, reference_unit="kilometer ** 2"
    )
    assert finding.outcome == "consistent"


def test_incompatible_units_are_unverifiable():
    finding = check_reference(AREA, 8000, "kilogram")
    assert finding.outcome == "unverifiable"
    assert compare_reference_value(value=8000, unit="kilometer ** 2", reference_value=8000,
                                   reference_unit="kilogram").grade == ""  # fmt: skip
    assert "measure different things" in finding.explanation


def test_different_currencies_are_unverifiable():
    finding = check_reference_value(value=100, unit="USD", reference_value=90, reference_unit="EUR")
    assert finding.outcome == "unverifiable"
    assert "exchange rate" in finding.explanation


def test_counts_and_same_currency_compare_directly():
    count = check_reference_value(value=40, unit="", step=10, reference_value=41, reference_unit="")
    assert count.outcome == "consistent"
    money = check_reference_value(value=100, unit="USD", reference_value=150, reference_unit="USD")
    assert money.outcome == "inconsistent"
