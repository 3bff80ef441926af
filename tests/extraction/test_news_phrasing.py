"""Phrasings found in news beyond the basic forms: proportions, rates, shared units, ages."""

import pytest

from claims.extraction import extract_quantities

from .helpers import approx, only, surfaces


def found(text: str) -> list[tuple[str, str, float]]:
    return [(q.text, q.kind, round(q.value, 6)) for q in extract_quantities(text)]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("About one in five adults smokes.", "one in five", 20),
        ("The virus killed 1 in 10 of those infected.", "1 in 10", 10),
        ("Sales increased by a quarter last year.", "a quarter", 25),
        ("Just over half of respondents agreed.", "half", 50),
        ("Three-quarters of the city was without power.", "Three-quarters", 75),
        ("The bond yield rose 15 basis points.", "15 basis points", 0.15),
    ],
)
def test_proportions_are_percentages(text, surface, value):
    q = only(text)
    assert (q.text, q.kind, q.unit) == (surface, "percentage", "percent")
    assert approx(q.value, value)


def test_a_unit_written_once_belongs_to_both_figures_of_a_change():
    assert found("Unemployment rose from 5 to 7 per cent.") == [
        ("5", "percentage", 5),
        ("7 per cent", "percentage", 7),
    ]


def test_a_scale_written_once_belongs_to_both_ends_of_a_range():
    q = only("Around two to three million people are affected.")
    assert (q.value, q.value_high, q.qualifier) == (2e6, 3e6, "range")


def test_a_price_per_unit_is_money_only():
    assert found("Oil prices rose to $90 a barrel.") == [("$90", "currency", 90)]
    assert found("Petrol costs 1.45 pounds a litre.") == [("1.45 pounds", "currency", 1.45)]


def test_a_rate_per_time_keeps_its_duration():
    assert found("He earns €120,000 a year.") == [
        ("€120,000", "currency", 120_000),
        ("a year", "duration", 1),
    ]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Half a million people marched.", "Half a million people", 500_000, ""),
        ("Half a dozen ministers resigned.", "Half a dozen ministers", 6, ""),
        ("A quarter of a million people marched.", "A quarter of a million people", 250e3, ""),
        ("It was minus 15 in Moscow.", "minus 15", -15, "degree_Celsius"),
        ("It is a half-hour drive.", "a half-hour", 0.5, "hour"),
        ("It has been a quarter century since the war.", "a quarter century", 25, "year"),
        ("He has served for a year and a half.", "a year and a half", 1.5, "year"),
        ("The journey takes an hour and a quarter.", "an hour and a quarter", 1.25, "hour"),
        ("A two-year-old boy was rescued.", "two-year-old", 2, "year"),
        ("A 10,000-strong force was deployed.", "10,000-strong", 10_000, ""),
    ],
)
def test_compound_forms(text, surface, value, unit):
    q = only(text)
    assert (q.text, q.value, q.unit) == (surface, value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Mr Smith, 45, said he was innocent.",
        "Call 0800 123 456 for help.",
        "The price rose 3-fold.",
        "Prices rose three times.",
        "The ship turned 90 degrees.",
        "A third term was not allowed.",
        "The first half ended goalless.",
        "Hundreds of people and thousands of troops arrived.",
        "The earthquake measured 7.8.",
        "The score was 2-1.",
        "The bill passed 52-48.",
        "The meeting is at 9.30am.",
        "The iPhone 15 and PlayStation 5 went on sale.",
        "The suspect, aged 42, was arrested.",
        "He drank a litre of water.",
        "A 50-50 chance of rain.",
        "At half-time his half-brother scored.",
    ],
)
def test_not_quantities(text):
    assert surfaces(text) == []


def test_a_verb_that_is_also_a_label_word_does_not_hide_a_count():
    assert surfaces("The new stadium will seat 60,000 fans.") == ["60,000 fans"]


def test_over_a_period_of_money_is_not_a_bound():
    q = extract_quantities("The bloc agreed to a €50bn package over four years.")[-1]
    assert (q.text, q.qualifier) == ("four years", "exact")
    q = only("The city was held for over five months.")
    assert q.qualifier == "more_than"


def test_a_word_between_figure_and_unit_does_not_hide_the_unit():
    q = only("The city was shelled for 10 consecutive days.")
    assert (q.text, q.kind, q.si_value) == ("10 consecutive days", "duration", 864_000)
    assert only("Talks need three more weeks.").unit == "week"


def test_a_change_by_an_amount_to_a_level_is_not_a_range():
    assert found("The cost rose by almost $2bn to $12.5bn.") == [
        ("$2bn", "currency", 2e9),
        ("$12.5bn", "currency", 12.5e9),
    ]
    assert only("Inflation will rise by 2 to 3 per cent.").qualifier == "range"
