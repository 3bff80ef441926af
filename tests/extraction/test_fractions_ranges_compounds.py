"""Fractions and mixed numbers with units, ranges written with words, and measures in two units
joined by "and": each read as one quantity with its value, unit, kind and span."""

import pytest

from claims.extraction import extract_quantities

from .helpers import approx, only, surfaces

# ---- mixed numbers and fractions with units -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "kind"),
    [
        ("The trail runs 7 3/4 miles along the ridge.", "7 3/4 miles", 7.75, "mile", "length"),
        ("Fit a 3/4-inch pipe under the sink.", "3/4-inch", 0.75, "inch", "length"),
        ("He lost 2 1/2 stone before the fight.", "2 1/2 stone", 2.5, "stone", "mass"),
        ("The snow lay 10-1/2 inches deep.", "10-1/2 inches", 10.5, "inch", "length"),
        ("The station is a quarter mile away.", "a quarter mile", 0.25, "mile", "length"),
        ("The road is 2½ km long.", "2½ km", 2.5, "kilometer", "length"),
        ("The cove is ¾ of a mile away.", "¾ of a mile", 0.75, "mile", "length"),
        ("It is one and a half kilometres away.", "one and a half kilometres", 1.5,
         "kilometer", "length"),
        ("The lake is two-thirds of a mile wide.", "two-thirds of a mile", 2 / 3, "mile",
         "length"),
        ("They ran two and three-quarter miles.", "two and three-quarter miles", 2.75, "mile",
         "length"),
        ("He ran 2 and 3/4 miles.", "2 and 3/4 miles", 2.75, "mile", "length"),
        ("The deal is worth three quarters of a billion dollars.",
         "three quarters of a billion dollars", 7.5e8, "USD", "currency"),
        ("The state spent half a million euros on the study.", "half a million euros", 5e5,
         "EUR", "currency"),
        ("A walk of a mile and three quarters.", "a mile and three quarters", 1.75, "mile",
         "length"),
    ],
)  # fmt: skip
def test_a_fraction_or_mixed_number_is_read_with_its_unit(text, surface, value, unit, kind):
    q = only(text)
    assert (q.text, q.unit, q.kind, q.qualifier) == (surface, unit, kind, "exact")
    assert q.start == text.index(surface)
    assert approx(q.value, value)


def test_a_fraction_is_converted_to_si_like_any_figure():
    q = only("The board is 3/4 inch thick.")
    assert approx(q.si_value, 0.75 * 0.0254)


def test_a_range_of_fractions_keeps_both_ends():
    q = only("The board is 1/2 to 3/4 inch thick.")
    assert (q.text, q.value, q.value_high, q.qualifier) == ("1/2 to 3/4 inch", 0.5, 0.75, "range")


def test_a_fraction_of_a_whole_in_figures_is_a_share_like_the_words():
    words, figures = only("Three quarters of voters backed it."), only("¾ of voters backed it.")
    assert (words.kind, words.value) == (figures.kind, figures.value) == ("percentage", 75.0)


@pytest.mark.parametrize(
    "text",
    [
        "The 9/11 attacks changed air travel.",  # a date
        "The helpline runs 24/7 all year.",  # not a proper fraction
        "On 3/4 the office is closed.",  # a date, nothing measured
        "He lives at 7 3/4 Main Street.",  # an address
        "Only 1/4 of respondents agreed.",  # slashes are dates as often: no share from them
        "A 2/3 majority is needed.",
        "The fund lost three quarters of a billion.",  # a scale with nothing counted
        "He won it, one and all.",
        "It was 3/4/2022 when it opened.",
    ],
)
def test_a_slash_or_a_fraction_with_nothing_measured_is_no_quantity(text):
    assert extract_quantities(text) == []


def test_a_count_is_a_whole_number():
    # "1 1/2 of his shares" is no count of one and a half things: nothing is said of what.
    assert surfaces("He sold 1 1/2 of his shares.") == []


def test_a_share_of_a_scale_word_counts_what_follows():
    q = only("They sold two-thirds of a million tickets.")
    assert (q.text, q.kind) == ("two-thirds of a million tickets", "count")
    assert approx(q.value, 2e6 / 3)


# ---- ranges written with words ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "low", "high", "unit", "kind"),
    [
        ("The wall is six to 8 metres high.", "six to 8 metres", 6, 8, "meter", "length"),
        ("It weighs between 3 and 4 kg.", "between 3 and 4 kg", 3, 4, "kilogram", "mass"),
        ("The drive takes from five to seven hours.", "five to seven hours", 5, 7, "hour",
         "duration"),
        ("The route is 3-to-4 km long.", "3-to-4 km", 3, 4, "kilometer", "length"),
        ("He faces five to 10 years in prison.", "five to 10 years", 5, 10, "year",
         "duration"),
        ("Between five and 10 people were hurt.", "Between five and 10 people", 5, 10, "",
         "count"),
        ("It takes 6 to eight hours.", "6 to eight hours", 6, 8, "hour", "duration"),
        ("Prices climbed two to 3 per cent.", "two to 3 per cent", 2, 3, "percent",
         "percentage"),
        ("She earned between two and 3 million dollars.", "between two and 3 million dollars",
         2e6, 3e6, "USD", "currency"),
        ("Temperatures of minus five to 10 degrees Celsius are forecast.",
         "minus five to 10 degrees Celsius", -5, 10, "degree_Celsius", "temperature"),
    ],
)  # fmt: skip
def test_a_range_written_with_words_is_one_quantity(text, surface, low, high, unit, kind):
    q = only(text)
    assert (q.text, q.unit, q.kind, q.qualifier) == (surface, unit, kind, "range")
    assert q.start == text.index(surface)
    assert (q.value, q.value_high) == (low, high)
    assert q.si_value_high is not None and q.si_value_high > q.si_value


def test_one_before_a_figure_is_a_pronoun_as_often_as_a_number():
    q = only("The court sentenced one to 15 years in prison.")
    assert (q.text, q.value, q.value_high) == ("15 years", 15, None)


def test_a_ratio_joined_by_to_is_no_range_and_no_count():
    assert extract_quantities("A 3-to-1 majority approved the plan.") == []


def test_a_word_before_thousands_in_figures_is_left_unread():
    # "six to 7,000" means six thousand to seven thousand: no 6-7,000 range is guessed.
    found = extract_quantities("The firm employs six to 7,000 people.")
    assert [(q.text, q.value, q.value_high) for q in found] == [("7,000 people", 7000, None)]


def test_a_change_from_one_figure_to_another_is_two_figures_sharing_a_scale():
    found = extract_quantities("Spending rose from five to seven billion dollars.")
    assert [(q.text, q.value, q.qualifier) for q in found] == [
        ("five", 5e9, "exact"), ("seven billion dollars", 7e9, "exact"),
    ]  # fmt: skip


def test_two_sizes_joined_by_and_without_between_are_two_figures():
    found = extract_quantities("We sell 3 and 4 kg bags.")
    assert [(q.value, q.value_high, q.unit) for q in found] == [
        (3, None, "kilogram"), (4, None, "kilogram"),
    ]  # fmt: skip


# ---- measures in two units joined by "and" ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "kind"),
    [
        ("He is 6 feet and 1 inch tall.", "6 feet and 1 inch", 73, "inch", "length"),
        ("She is five feet and two inches tall.", "five feet and two inches", 62, "inch",
         "length"),
        ("The baby weighed 5 pounds and 3 ounces.", "5 pounds and 3 ounces", 83, "ounce",
         "mass"),
        ("He weighs 15 stone and 4 pounds.", "15 stone and 4 pounds", 214, "pound", "mass"),
        ("The race is a mile and 110 yards.", "a mile and 110 yards", 1870, "yard", "length"),
        ("He is 6 ft 1 1/2 in tall.", "6 ft 1 1/2 in", 73.5, "inch", "length"),
        ("She stands 5 ft and 11 in.", "5 ft and 11 in", 71, "inch", "length"),
    ],
)  # fmt: skip
def test_a_measure_in_two_units_is_one_quantity_in_the_smaller(text, surface, value, unit, kind):
    q = only(text)
    assert (q.text, q.value, q.unit, q.kind) == (surface, value, unit, kind)
    assert q.start == text.index(surface)


def test_a_height_in_feet_and_inches_has_the_si_value_of_the_whole():
    assert approx(only("He is 6 feet and 1 inch tall.").si_value, 73 * 0.0254)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # Durations stay apart: each part is a claim of its own and the date checks read each.
        ("The film runs 2 hours and 30 minutes.", ["2 hours", "30 minutes"]),
        ("He is 6 feet and 14 inches.", ["6 feet", "14 inches"]),  # not a height
        ("They drove 10 miles and 5 kilometres.", ["10 miles", "5 kilometres"]),
        ("The walls are 2 metres and 3 metres high.", ["2 metres", "3 metres"]),
        ("The fence is 6 feet, and 2 in 10 residents want it higher.",
         ["6 feet", "2 in 10"]),  # "in" is a preposition there
    ],
)  # fmt: skip
def test_measures_that_are_not_one_compound_stay_apart(text, parts):
    assert surfaces(text) == parts
