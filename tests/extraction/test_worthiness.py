"""Check-worthiness follows the documented rule (claims.extraction.worthiness)."""

from claims.extraction import extract_quantities
from claims.extraction.worthiness import significant_digits

from .helpers import only


def test_scores_are_between_zero_and_one():
    text = "Officials said 3,088 people may have died, roughly half of them, in five days."
    quantities = extract_quantities(text)
    assert [q.text for q in quantities] == ["3,088 people", "half", "five days"]
    scores = [q.check_worthiness for q in quantities]
    assert all(0.0 <= score <= 1.0 for score in scores), scores


def test_attribution_raises_the_score():
    plain = only("The fund has $450 million.")
    said = only("The minister said the fund has $450 million.")
    assert said.check_worthiness > plain.check_worthiness


def test_hedging_lowers_the_score():
    stated = only("The fund has $450 million.")
    hedged = only("The fund could have $450 million.")
    assert hedged.check_worthiness < stated.check_worthiness


def test_specific_figures_score_above_words():
    assert (
        only("They took 3,088 villages.").check_worthiness
        > only("They took three villages.").check_worthiness
    )


def test_significant_digits():
    assert significant_digits(3088, 1) == 4
    assert significant_digits(8000, 1000) == 1
    assert significant_digits(26.2, 0.1) == 3
    assert significant_digits(5, None) == 0
