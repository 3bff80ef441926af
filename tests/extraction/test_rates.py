"""A rate's "a day" is the figure's denominator, not a length of time (claims.extraction.rates).

The extractor still reads it as a duration (the gold counts it); the rule only says that it
belongs to the figure before it, which the claims layer then folds into one claim.
"""

from itertools import pairwise

import pytest

from claims.extraction import extract_quantities
from claims.extraction.rates import is_frequency_denominator, is_rate_denominator


def denominators(text: str) -> list[tuple[str, str]]:
    """(figure, denominator) for every duration read as the rate of the quantity before it."""
    found = extract_quantities(text)
    return [
        (figure.text, q.text)
        for figure, q in pairwise(found)
        if is_rate_denominator(text, figure.end, q)
    ]


def durations(text: str) -> list[str]:
    return [q.text for q in extract_quantities(text) if q.kind == "duration"]


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("The war costs $3.2 million a day.", ("$3.2 million", "a day")),
        ("Members pay £25 a year.", ("£25", "a year")),
        ("Wages were $5 an hour in 1990.", ("$5", "an hour")),
        ("He earns $500 per day.", ("$500", "per day")),
        ("Rent of £800 a month is common.", ("£800", "a month")),
        ("Each household receives 50 litres of water a day.", ("50 litres", "a day")),
        ("Output fell to 1,000 barrels of crude oil per day.", ("1,000 barrels", "per day")),
        ("Two people a day died.", ("Two people", "a day")),
        ("Prices rose 5% a year for a decade.", ("5%", "a year")),
        ("Staff worked 10 hours a day.", ("10 hours", "a day")),
        ("The post pays £25,000 a year before tax.", ("£25,000", "a year")),
        ("It costs $5 a year on average.", ("$5", "a year")),
    ],
)
def test_a_rate_word_and_one_unit_of_time_after_a_figure_is_its_denominator(text, rate):
    assert denominators(text) == [rate]


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("He stayed for a day.", "a day"),
        ("A day later it fell.", "A day"),
        ("A year ago it rose.", "A year"),
        ("In a week it ends.", "a week"),
        ("She spent a year there.", "a year"),
        ("A day-long strike closed the port.", "A day"),
        ("It cost $40 a year ago.", "a year"),
        ("Sales were $5 million a week later.", "a week"),
        ("Tickets were $5 a year before.", "a year"),
        ("The town of 5,000 a year on, was rebuilt.", "a year"),
        ("It paid $5, a year after the war.", "a year"),
        ("It rose by 3 cm. A year later it fell.", "A year"),
        ("It cost $5 for a year.", "a year"),
    ],
)
def test_a_length_of_time_or_a_date_is_not_a_denominator(text, duration):
    assert duration in durations(text)  # the extractor still reads it
    assert denominators(text) == []


def test_two_units_or_a_number_of_units_are_not_a_denominator():
    assert denominators("It ran 60 km in two days.") == []
    assert denominators("It cost $5 every two years.") == []


@pytest.mark.parametrize(
    "text", ["Take it three times a day.", "They meet twice a year.", "It runs once a week."]
)
def test_how_often_has_a_denominator_without_a_figure(text):
    [q] = [q for q in extract_quantities(text) if q.kind == "duration"]
    assert is_frequency_denominator(text, q)
    assert denominators(text) == []


@pytest.mark.parametrize(
    "text",
    ["He stayed for a day.", "Twice, a year later, it flooded.", "It happened twice a year ago."],
)
def test_a_length_of_time_is_no_frequency(text):
    [q] = [q for q in extract_quantities(text) if q.kind == "duration"]
    assert not is_frequency_denominator(text, q)
