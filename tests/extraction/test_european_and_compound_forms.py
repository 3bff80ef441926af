"""Plain-space thousands, compound measures, cubic units, tons, and the rules added with the
unseen news set (tests/extraction/data/unseen_news.jsonl)."""

import pytest

from claims.extraction import extract_quantities

from .helpers import approx, only, surfaces


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The town has 8 000 inhabitants.", "8 000 inhabitants", 8000),
        ("The hall seats 2 500 people.", "2 500 people", 2500),
        ("It covers 12 500 km2 of land.", "12 500 km2", 12500),
        ("The total was 1 250 000.", "1 250 000", 1_250_000),
    ],
)
def test_a_plain_space_groups_thousands(text, surface, value):
    q = only(text)
    assert (q.text, q.value) == (surface, value)


@pytest.mark.parametrize(
    "text",
    [
        "Call 0800 123 456 for help.",
        "In 2019 300 people died.",
    ],
)
def test_a_plain_space_does_not_join_separate_numbers(text):
    assert all(q.value < 1000 for q in extract_quantities(text))


@pytest.mark.parametrize(
    ("text", "surface", "unit", "si"),
    [
        ("She stands 5ft 4in tall.", "5ft 4in", "inch", 1.6256),
        ("He is 6 feet, 2 inches tall.", "6 feet, 2 inches", "inch", 1.8796),
        ("The baby weighed 7lb 8oz.", "7lb 8oz", "ounce", 3.40194),
        ("He weighs 11 stone 4lb.", "11 stone 4lb", "pound", 71.6676),
    ],
)
def test_a_compound_measure_is_one_quantity(text, surface, unit, si):
    q = only(text)
    assert (q.text, q.unit) == (surface, unit)
    assert approx(q.si_value, si, rel=1e-4)


def test_a_conversion_in_cubic_miles_is_found_too():
    found = extract_quantities("The lake holds 18 cubic kilometres (4.3 cubic miles) of water.")
    assert [(q.text, q.kind) for q in found] == [
        ("18 cubic kilometres", "volume"),
        ("4.3 cubic miles", "volume"),
    ]
    assert approx(found[1].si_value, 4.3 * 1609.344**3)


@pytest.mark.parametrize(
    ("text", "kg"),
    [
        ("It carried 3 tons of coal.", 3 * 907.18474),  # US short tons (AP style)
        ("It carried 3 tonnes of coal.", 3000),
        ("It carried 3 metric tons of coal.", 3000),
        ("It carried 3 long tons of coal.", 3 * 1016.0469088),
    ],
)
def test_tons_are_short_tons_and_tonnes_metric(text, kg):
    assert approx(only(text).si_value, kg)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Fighters crossed within a week.", "at_most"),
        ("Waves as high as 9 metres hit the harbour.", "at_most"),
        ("Inflation topped 200%.", "more_than"),
        ("The ban covers vessels longer than 100 feet.", "more_than"),
        ("Losses could top $10bn.", "more_than"),
    ],
)
def test_more_bounding_words(text, qualifier):
    assert only(text).qualifier == qualifier


def test_over_after_a_figure_spreads_it_and_does_not_bound_the_next():
    found = extract_quantities("The Tour covers 3,405 kilometres over 21 stages.")
    assert [q.qualifier for q in found] == ["exact", "exact"]
    assert only("In 2020 over 500 people died.").qualifier == "more_than"


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("Prices rose between 5% and 7% last month.", "between 5% and 7%", 5, 7),
        ("Some 40% to 50% of the crop was destroyed.", "40% to 50%", 40, 50),
        ("The zone is 10km-15km wide.", "10km-15km", 10, 15),
    ],
)
def test_a_range_with_the_unit_written_twice(text, surface, low, high):
    q = only(text)
    assert (q.text, q.value, q.value_high, q.qualifier) == (surface, low, high, "range")


def test_a_change_between_two_levels_is_not_a_range():
    assert surfaces("It rose from 5% to 7%.") == ["5%", "7%"]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The government will spend Rs 1.5 lakh crore.", "Rs 1.5 lakh crore", 1.5e12),
        (
            "The Fed raised rates by a quarter of a percentage point.",
            "a quarter of a percentage point",
            0.25,
        ),
        ("Nine out of 10 voters agreed.", "Nine out of 10", 90),
        ("The EU will send 1m artillery shells.", "1m artillery shells", 1e6),
        ("Around 70,000 Rohingya have fled.", "70,000 Rohingya", 70_000),
    ],
)
def test_more_news_forms(text, surface, value):
    q = only(text)
    assert q.text == surface
    assert approx(q.value, value)


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders met in Geneva.",
        "Officials said the 767 was grounded.",
        "The M4 was closed between junctions 14 and 15.",
        "The firm is in the top 10 of the index.",
    ],
)
def test_references_and_labels_are_not_counts(text):
    assert surfaces(text) == []


def test_a_year_does_not_take_the_unit_of_the_next_figure():
    text = "Growth of 2.9% for 2024 and 3.1% for 2025."
    assert surfaces(text) == ["2.9%", "3.1%"]


def test_a_wall_of_one_and_a_half_metres_is_not_a_million():
    q = only("A 1.5m wall surrounds the compound.")
    assert (q.kind, q.value) == ("length", 1.5)


@pytest.mark.parametrize(
    ("text", "surface", "unit", "value"),
    [
        ("He weighs 15st.", "15st", "stone", 15),
        ("He weighed 20st 4lb.", "20st 4lb", "pound", 284),
    ],
)
def test_st_glued_to_digits_is_stone(text, surface, unit, value):
    q = only(text)
    assert (q.text, q.unit, q.value) == (surface, unit, value)


def test_st_after_a_one_is_an_ordinal():
    assert surfaces("She was 21st in the race and 1st in the heats.") == []


@pytest.mark.parametrize(
    "text",
    ["It took 5 ſeconds.", "It cost 5 euroſ.", "5 thouſand people", "ſix \u212am away"],
)
def test_letters_that_match_ascii_case_insensitively_do_not_crash(text):
    # re's IGNORECASE lets "ſ" (long s) match "s" and "\u212a" (kelvin sign) match "k"; the
    # tables are looked up with casefold(), which maps them the same way.
    for q in extract_quantities(text):
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Germany will send 14 Leopard 2 tanks.", "14 Leopard 2 tanks"),
        ("Russia fired 3 S-300 missiles.", "3 S-300 missiles"),
    ],
)
def test_a_count_of_things_named_by_a_model(text, surface):
    q = only(text)
    assert (q.text, q.kind) == (surface, "count")


def test_the_number_after_a_slash_is_not_a_figure():
    # The denominator belongs to the fraction: "1/2 pound" is half a pound, never "2 pound".
    q = only("The package weighs 1/2 pound.")
    assert (q.text, q.value, q.unit) == ("1/2 pound", 0.5, "pound")
    assert surfaces("The 9/11 attacks changed air travel.") == []
