"""Qualifiers before and after a figure; words that only look like them."""

import pytest

from claims.extraction import extract_quantities

from .helpers import only


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("It is about 700 km long.", "approximate"),
        ("It is around 700 km long.", "approximate"),
        ("It is roughly 700 km long.", "approximate"),
        ("Kupyansk, some 30 miles north, is a hub.", "approximate"),
        ("It is approximately 700 km long.", "approximate"),
        ("An estimated 1,500 refugees arrived.", "approximate"),
        ("They talked for nearly a year.", "approximate"),
        ("Almost a third of the harvest was lost.", "approximate"),
        ("More than 2,000 people fled.", "more_than"),
        ("The city was occupied for over five months.", "more_than"),
        ("Prices are above 5%.", "more_than"),
        ("Upwards of 300 people came.", "more_than"),
        ("A little over 300 people came.", "more_than"),
        ("The ban lasts at least 30 days.", "at_least"),
        ("The drone flew less than 5 kilometers.", "less_than"),
        ("Children under 5 years were spared.", "less_than"),
        ("Fewer than 20 children came.", "less_than"),
        ("Inflation is below 2%.", "less_than"),
        ("The ban lasts up to 30 days.", "at_most"),
        ("It is at most 5 km.", "at_most"),
        ("No more than 10 people may enter.", "at_most"),
        ("It is 700 km long.", "exact"),
        ("It lasted 30 days or more.", "at_least"),
        ("It took 40-odd years.", "approximate"),
    ],
)
def test_qualifier(text, qualifier):
    assert only(text).qualifier == qualifier


def test_over_a_duration_after_a_change_means_during():
    found = extract_quantities("The lake has shrunk by 15–20 per cent over 40 years.")
    assert [(q.text, q.qualifier) for q in found] == [
        ("15–20 per cent", "range"),
        ("40 years", "exact"),
    ]


def test_under_occupation_and_over_the_border_are_not_qualifiers():
    found = extract_quantities("Under occupation, villages over the border lost 300 homes.")
    assert [(q.text, q.qualifier) for q in found] == [("300 homes", "exact")]


def test_the_qualifier_is_outside_the_span_but_recorded():
    text = "Kupyansk, some 30 miles to the north of Izium."
    q = only(text)
    assert q.text == "30 miles"
    assert text[q.extras["qualifier_start"] :].startswith("some 30")
