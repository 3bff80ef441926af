"""One test per class of error found on passages outside the dev set (unseen_passages.jsonl)."""

import datetime as dt

import pytest

from claims.checks import check_text

FRIDAY = dt.date(2024, 3, 15)


def outcomes(text, check, reference_date=FRIDAY):
    return [f.outcome for f in check_text(text, reference_date=reference_date) if f.check == check]


@pytest.mark.parametrize(
    "text",
    [
        "Global temperatures have risen by about 1.1C (2F) since pre-industrial times.",
        "Warming beyond 1.5C (2.7F) would be dangerous.",
    ],
)
def test_a_temperature_difference_converts_as_a_difference(text):
    assert outcomes(text, "conversion") == ["consistent"]


def test_a_temperature_wrong_both_ways_is_still_wrong():
    assert outcomes("The mercury climbed to 35C (75F).", "conversion") == ["inconsistent"]


def test_a_bare_or_between_choices_raises_no_alarm():
    assert "inconsistent" not in outcomes("Buy the rice in 1 kg or 5 lb bags.", "conversion")


def test_a_floor_applies_to_the_pair():
    assert outcomes("It rose more than 3 inches (7.5 cm).", "conversion") == ["consistent"]


@pytest.mark.parametrize(
    "text", ["The lorry carried 40 tonnes (40 tons).", "A 10-gallon (45-litre) drum."]
)
def test_units_with_two_meanings_are_read_both_ways(text):
    assert outcomes(text, "conversion") == ["consistent"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kharkiv is 480 km from Kyiv by road.", ["unverifiable"]),
        ("Kharkiv is about 500 km from Kyiv.", ["unverifiable"]),
        ("Lyon is 250 km from Paris by road.", ["inconsistent"]),  # shorter than the line
        ("Lviv lies roughly 700 km west of Kyiv.", ["inconsistent"]),  # a compass word: a map
        ("Lyon is 460 km south-east of Paris as the crow flies.", ["inconsistent"]),
    ],
)
def test_a_distance_without_a_compass_word_may_be_a_route(text, expected):
    assert outcomes(text, "geography") == expected


def test_a_province_after_a_name_picks_the_place():
    text = "London, Ontario, about 190 km south-west of Toronto, flooded."
    assert outcomes(text, "geography") == ["consistent"]


@pytest.mark.parametrize(("point", "expected"), [("NNE", "consistent"), ("SW", "inconsistent")])
def test_abbreviated_compass_points(point, expected):
    assert outcomes(f"Kupyansk, 61 km {point} of Izium, is a rail hub.", "geography") == [expected]


def test_a_name_stops_at_the_end_of_its_sentence():
    text = "Casablanca, some 240 km north of Marrakesh. Temperatures rose."
    (finding,) = [f for f in check_text(text) if f.check == "geography"]
    assert text[finding.start : finding.end].endswith("Marrakesh")


def test_a_possessive_aside_between_place_and_distance():
    text = "Kharkiv, Ukraine's second-largest city, about 40 km from Belgorod, was shelled."
    assert outcomes(text, "geography") == ["inconsistent"]


@pytest.mark.parametrize(("n", "expected"), [("four", "consistent"), ("five", "inconsistent")])
def test_since_a_day_and_days_ago(n, expected):
    text = f"The airport has been closed since Monday, {n} days ago."
    assert outcomes(text, "date_arithmetic") == [expected]


def test_a_relative_clause_dates_its_antecedent():
    text = (
        "The strike, which began on Monday, paralysed ports. "
        "On Wednesday, two days after the strike began, the minister resigned."
    )
    assert outcomes(text, "date_arithmetic") == ["consistent"]


def test_just_before_a_count_keeps_it_exact():
    text = "The minister, who took office on Monday, resigned on Thursday, just three days later."
    assert outcomes(text, "date_arithmetic") == ["consistent"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Wednesday, March 13, the court ruled.", ["consistent"]),
        ("On Tuesday, March 13, the court ruled.", ["inconsistent"]),
        ("The ceremony on Saturday, 14 July 2019, drew thousands.", ["inconsistent"]),
    ],
)
def test_a_weekday_against_its_calendar_date(text, expected):
    assert outcomes(text, "date_arithmetic") == expected


def test_a_weekday_that_fits_another_year_is_wrong_in_the_datelines_year():
    # 13 March 2024 is a Wednesday (13 March 2025 a Thursday): with no year written, the
    # dateline's window is the rule every date is read by (tests/checks/test_weekdays.py).
    assert outcomes("On Thursday, March 13, the court ruled.", "date_arithmetic") == [
        "inconsistent"
    ]


def test_a_round_figure_ending_in_five_may_be_rounded_to_the_half():
    text = "Goma, 1,500 km east of Kinshasa, fell to the rebels."
    assert outcomes(text, "geography") == ["consistent"]  # 1,574 km


@pytest.mark.parametrize(
    "text",
    [
        "Zaporizhzhia, Europe's largest nuclear plant, lies 50 km from Nikopol.",
        "Zaporizhzhia, the largest nuclear plant in Europe, lies 50 km from Nikopol.",
    ],
)
def test_an_aside_saying_the_name_is_not_a_town(text):
    assert outcomes(text, "geography") == []


def test_a_smaller_namesake_when_the_larger_is_far_away():
    text = "The town of Superior, about 7 miles south-east of Boulder, was spared."
    assert outcomes(text, "geography") == ["consistent"]  # Superior, Colorado


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Three days after the quake on Monday, rescuers found survivors on Thursday.",
            "consistent",
        ),
        ("Two days after the vote on Sunday, the president resigned on Wednesday.", "inconsistent"),
        ("The dam burst on Monday. Two days later, the river peaked on Thursday.", "inconsistent"),
    ],
)
def test_an_offset_opening_its_sentence_dates_the_main_clause(text, expected):
    assert outcomes(text, "date_arithmetic") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "A week after the attack, police said on Monday they had arrested a man.",
        "Two days after the vote, which took place on Sunday, the results came on Tuesday.",
    ],
)
def test_a_reporting_date_or_a_relative_clause_is_not_the_main_event(text):
    assert "inconsistent" not in outcomes(text, "date_arithmetic")


def test_a_bearing_just_past_the_edge_of_the_arc_fits_either_word():
    text = "Rhodes, some 400 km south-east of Athens, evacuated 19,000 people."  # bearing 112°
    assert outcomes(text, "geography") == ["consistent"]
