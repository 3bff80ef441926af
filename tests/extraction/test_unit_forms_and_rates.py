"""Units in every form a writer uses, and rates (issue 17): SI prefixes spelled out and as
symbols, "5 h", shares of an hour, "deg F", misspelled unit names, units in brackets and table
headers, rates per day or per person, and speeds in any pair of units."""

from itertools import pairwise

import pytest

from claims.extraction import extract_quantities
from claims.extraction.rates import is_rate_denominator

from .helpers import approx

HOUR = 3600.0


def _one(text: str, surface: str):
    """The one quantity whose span is `surface` (fails, showing what was found, otherwise)."""
    found = extract_quantities(text)
    hits = [q for q in found if q.text == surface]
    assert len(hits) == 1, [(q.text, q.kind, q.unit, q.value) for q in found]
    q = hits[0]
    assert text[q.start : q.end] == surface
    return q


def _check(text, surface, value, unit, kind, si):
    q = _one(text, surface)
    assert (q.unit, q.kind) == (unit, kind)
    assert approx(q.value, value)
    assert approx(q.si_value, si)


def _read(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.kind) for q in extract_quantities(text)]


# ---- SI prefixes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "kind", "si"),
    [
        ("The daily dose was 250 micrograms.", "250 micrograms", 250, "microgram", "mass",
         250e-9),
        ("The daily dose was 250 μg.", "250 μg", 250, "microgram", "mass", 250e-9),
        ("The daily dose was 250 µg.", "250 µg", 250, "microgram", "mass", 250e-9),
        ("The gate is 12 nanometres wide.", "12 nanometres", 12, "nanometer", "length", 12e-9),
        ("The gate is 12 nm wide.", "12 nm", 12, "nanometer", "length", 12e-9),
        ("A glass holds 33 cl of wine.", "33 cl", 33, "centiliter", "volume", 33e-5),
        ("Pour in 2 decilitres of milk.", "2 decilitres", 2, "deciliter", "volume", 2e-4),
        ("The tank takes 5 kilolitres.", "5 kilolitres", 5, "kiloliter", "volume", 5.0),
        ("The delay was 40 milliseconds.", "40 milliseconds", 40, "millisecond", "duration",
         0.04),
        ("The delay was 40 ms on the link.", "40 ms", 40, "millisecond", "duration", 0.04),
        ("Emissions were 36 Gt of carbon dioxide.", "36 Gt", 36, "gigatonne", "mass", 36e12),
        ("The plant emits 3 kilotonnes a year.", "3 kilotonnes", 3, "kilotonne", "mass", 3e6),
    ],
)  # fmt: skip
def test_an_si_prefix_written_out_or_as_a_symbol_scales_its_unit(
    text, surface, value, unit, kind, si
):
    _check(text, surface, value, unit, kind, si)


@pytest.mark.parametrize(
    ("text", "not_read"),
    [
        ("The 3 pm meeting was moved.", "3 pm"),  # a time of day, not picometres
        ("The 5 Ms of marketing.", "millisecond"),  # a symbol's case carries its meaning
        ("It was 5 MS on the scale.", "millisecond"),
        ("The bomb was 15 kilotons.", "mass"),  # a yield of energy, not 15,000 short tons
    ],
)
def test_a_prefix_symbol_or_name_in_another_sense_is_not_that_unit(text, not_read):
    for q in extract_quantities(text):
        assert not_read not in (q.text, q.unit, q.kind)


# ---- "5 h" and the other short forms of time --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The crossing took 5 h in calm seas.", "5 h", 5),
        ("The race runs for 24 h non-stop.", "24 h", 24),
        ("Charging takes 2.5 h at home.", "2.5 h", 2.5),
        ("The repair (3 h) was quick.", "3 h", 3),
        ("The climb took 3 h 20 min.", "3 h", 3),
        ("It was done in 5h flat.", "5h", 5),
    ],
)
def test_h_after_a_figure_is_hours(text, surface, value):
    _check(text, surface, value, "hour", "duration", value * HOUR)


@pytest.mark.parametrize(
    "text",
    [
        "The meeting starts at 17 h today.",  # a time of day
        "See section 5 h of the act.",  # a list's letter
        "Options are listed as 4 h) and 5 i).",
        "The score is 2-1 (h) after the first leg.",  # a home game
    ],
)
def test_h_that_is_a_letter_or_a_time_of_day_is_not_hours(text):
    assert all(q.kind != "duration" for q in extract_quantities(text))


# ---- shares of a unit of time -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("The wait was three quarters of an hour.", "three quarters of an hour", 0.75, "hour"),
        ("The wait was five and a half hours.", "five and a half hours", 5.5, "hour"),
        ("The wait was 5 and a half hours.", "5 and a half hours", 5.5, "hour"),
        ("The wait was one and three-quarter hours.", "one and three-quarter hours", 1.75,
         "hour"),
        ("The wait was two and two thirds days.", "two and two thirds days", 8 / 3, "day"),
        ("The wait was an hour and a half.", "an hour and a half", 1.5, "hour"),
        ("The wait was two and a quarter hours.", "two and a quarter hours", 2.25, "hour"),
        ("The wait was three quarters of a minute.", "three quarters of a minute", 0.75,
         "minute"),
    ],
)  # fmt: skip
def test_a_share_of_a_unit_of_time_is_that_much_of_the_unit(text, surface, value, unit):
    q = _one(text, surface)
    assert (q.unit, q.kind) == (unit, "duration")
    assert approx(q.value, value)


def test_a_share_of_something_else_does_not_join_the_figure():
    found = [(q.text, q.value) for q in extract_quantities("He took 2 and a third of the vote.")]
    assert ("2", 2.0) in found
    assert all(not approx(value, 7 / 3) for _, value in found)


# ---- degrees ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "si"),
    [
        ("It was 100 deg F in Phoenix.", "100 deg F", 100, "degree_Fahrenheit", 310.9278),
        ("It was 38 deg C in Seville.", "38 deg C", 38, "degree_Celsius", 311.15),
        ("It was 38 degC in Seville.", "38 degC", 38, "degree_Celsius", 311.15),
        ("It fell to -5 deg. C overnight.", "-5 deg. C", -5, "degree_Celsius", 268.15),
        ("It was 100 degrees Fahrenheit.", "100 degrees Fahrenheit", 100, "degree_Fahrenheit",
         310.9278),
        ("Water boils at 212 deg Fahrenheit.", "212 deg Fahrenheit", 212, "degree_Fahrenheit",
         373.15),
        ("It was 21 ° Celsius at noon.", "21 ° Celsius", 21, "degree_Celsius", 294.15),
    ],
)  # fmt: skip
def test_a_temperature_in_degrees_is_read_in_every_abbreviation(text, surface, value, unit, si):
    _check(text, surface, value, unit, "temperature", si)


def test_deg_with_no_scale_and_no_weather_is_an_angle_not_a_count():
    assert extract_quantities("The car turned 90 deg to the left.") == []


# ---- misspelled unit names ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "kind", "si"),
    [
        ("The road is 12 kilometeres long.", "12 kilometeres", 12, "kilometer", "length",
         12000),
        ("The road is 12 kilomters long.", "12 kilomters", 12, "kilometer", "length", 12000),
        ("A 4 milimetre gap opened.", "4 milimetre", 4, "millimeter", "length", 0.004),
        ("The snow was 40 centimters deep.", "40 centimters", 40, "centimeter", "length", 0.4),
        ("It was 100 farenheit at noon.", "100 farenheit", 100, "degree_Fahrenheit",
         "temperature", 310.9278),
        ("It was 100 degrees fahrenheight.", "100 degrees fahrenheight", 100,
         "degree_Fahrenheit", "temperature", 310.9278),
        ("It was 20 degrees celcius.", "20 degrees celcius", 20, "degree_Celsius",
         "temperature", 293.15),
        ("The fire burnt 12 square kilometeres.", "12 square kilometeres", 12,
         "kilometer ** 2", "area", 12e6),
        ("The parcel weighed 3 kilogrammes.", "3 kilogrammes", 3, "kilogram", "mass", 3.0),
        ("The parcel weighed 3 kilgrams.", "3 kilgrams", 3, "kilogram", "mass", 3.0),
    ],
)  # fmt: skip
def test_a_long_unit_name_misspelled_by_one_letter_is_that_unit(
    text, surface, value, unit, kind, si
):
    _check(text, surface, value, unit, kind, si)


@pytest.mark.parametrize(
    "text",
    [
        "Divers found 40 galleons off the coast.",  # ships, one letter from "gallons"
        "The orchestra played 3 minuets.",  # dances: durations are never guessed
        "The poll asked 500 millennials.",
        "The lab ordered 5 manometers.",  # a letter changed at the start
        "They built 12 kilometre-long walls and 12 kilns.",
    ],
)
def test_a_word_one_letter_from_a_unit_name_is_not_that_unit(text):
    units = {q.unit for q in extract_quantities(text)}
    assert units <= {"", "kilometer"}


# ---- units in brackets and table headers --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "kind", "si"),
    [
        ("weight: 12 (kg)", "12 (kg)", 12, "kilogram", "mass", 12.0),
        ("Length of the route: 3.5 (km)", "3.5 (km)", 3.5, "kilometer", "length", 3500),
        ("Adults weigh 12-14 (kg) on average.", "12-14 (kg)", 12, "kilogram", "mass", 12.0),
        ("Height (cm): 172", "172", 172, "centimeter", "length", 1.72),
        ("Weight (kg): 70", "70", 70, "kilogram", "mass", 70.0),
        ("Temperature (°C): 21", "21", 21, "degree_Celsius", "temperature", 294.15),
        ("Share (%): 12", "12", 12, "percent", "percentage", 12.0),
        ("Weight/kg: 70", "70", 70, "kilogram", "mass", 70.0),
        ("Distance / km: 45", "45", 45, "kilometer", "length", 45000),
        ("Depth/metres: 120", "120", 120, "meter", "length", 120.0),
        ("Rainfall / mm: 12.5", "12.5", 12.5, "millimeter", "length", 0.0125),
        ("Area/km2: 3.5", "3.5", 3.5, "kilometer ** 2", "area", 3.5e6),
        ("Area (km²): 3.5", "3.5", 3.5, "kilometer ** 2", "area", 3.5e6),
        ("Turnout/%: 61", "61", 61, "percent", "percentage", 61.0),
    ],
)  # fmt: skip
def test_a_unit_in_a_bracket_after_the_figure_or_in_its_header_is_its_unit(
    text, surface, value, unit, kind, si
):
    _check(text, surface, value, unit, kind, si)


@pytest.mark.parametrize(
    "text",
    [
        "Population (m): 5.2",  # millions, or metres: one letter does not say
        "The score is 2-1 (h) after the first leg.",
        "Price: 12 / kg",  # a slash says "per"
        "He scored 12 (a record) in the final.",
        "Ratio (x): 5",
        "Speed km/h: 45",  # the column of a speed, not hours
        "Either/or: 3",
        "Length / m: 3.2",  # one letter is not enough, as in brackets
    ],
)
def test_a_bracket_or_slash_that_holds_no_unit_gives_the_figure_none(text):
    assert all(q.unit == "" for q in extract_quantities(text))


def test_a_range_in_brackets_keeps_both_ends_in_the_unit():
    q = _one("Adults weigh 12-14 (kg) on average.", "12-14 (kg)")
    assert q.qualifier == "range" and approx(q.value_high, 14)


# ---- rates that are not durations ---------------------------------------------------------------


def _denominators(text: str) -> list[tuple[str, str]]:
    found = extract_quantities(text)
    return [(a.text, b.text) for a, b in pairwise(found) if is_rate_denominator(text, a.end, b)]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "kind", "denominator"),
    [
        ("Workers earn $5 a day.", "$5", 5, "USD", "currency", "a day"),
        ("He was paid €300 per month.", "€300", 300, "EUR", "currency", "per month"),
        ("The town uses 2 million litres a year.", "2 million litres", 2e6, "liter", "volume",
         "a year"),
        ("Each gets 2 litres per person per day.", "2 litres", 2, "liter", "volume",
         "per day"),
        ("Rations of 3 kg per person per week.", "3 kg", 3, "kilogram", "mass", "per week"),
        ("It costs $3 a head a week.", "$3", 3, "USD", "currency", "a week"),
    ],
)  # fmt: skip
def test_a_rate_is_its_figure_with_a_time_as_its_denominator(
    text, surface, value, unit, kind, denominator
):
    q = _one(text, surface)
    assert (q.unit, q.kind) == (unit, kind) and approx(q.value, value)
    assert _denominators(text) == [(surface, denominator)]


@pytest.mark.parametrize(
    ("text", "surface", "unit", "kind"),
    [
        ("Rations were 3 kg per person.", "3 kg", "kilogram", "mass"),
        ("Brent traded at $90 a barrel.", "$90", "USD", "currency"),
        ("Petrol rose 10p a litre.", "10p", "GBP", "currency"),
        ("Fees are £12 per head.", "£12", "GBP", "currency"),
        ("Tomatoes sell for $4/kg.", "$4", "USD", "currency"),
    ],
)
def test_a_rate_per_thing_is_the_figure_alone(text, surface, unit, kind):
    found = extract_quantities(text)
    assert [(q.text, q.unit, q.kind) for q in found] == [(surface, unit, kind)]


def test_a_time_after_a_rate_per_person_that_is_a_date_is_no_denominator():
    assert _denominators("They got 3 kg per person a year ago.") == []


# ---- speeds in any pair of units ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "si"),
    [
        ("The car went 12 km/h.", "12 km/h", 12, "kilometer / hour", 12 / 3.6),
        ("It ran at 30 miles an hour.", "30 miles an hour", 30, "mile / hour", 13.4112),
        ("Winds of 5 metres per second.", "5 metres per second", 5, "meter / second", 5.0),
        ("The belt moves 3 ft/s.", "3 ft/s", 3, "foot / second", 0.9144),
        ("Gusts of 10 knots.", "10 knots", 10, "knot", 5.144444),
        ("It went 40 km per hour.", "40 km per hour", 40, "kilometer / hour", 40 / 3.6),
        ("The current flows at 5 cm/s.", "5 cm/s", 5, "centimeter / second", 0.05),
        ("Lifts run at 152 m/min.", "152 m/min", 152, "meter / minute", 152 / 60),
        ("Lifts run at 200 ft/min.", "200 ft/min", 200, "foot / minute", 200 * 0.3048 / 60),
        ("Lava crept 40 feet per minute.", "40 feet per minute", 40, "foot / minute",
         40 * 0.3048 / 60),
        ("The jet hit 30 meters a second.", "30 meters a second", 30, "meter / second", 30.0),
        ("It did 100 miles a minute.", "100 miles a minute", 100, "mile / minute", 2682.24),
        ("Rain fell at 5 mm/h overnight.", "5 mm/h", 5, "millimeter / hour", 5e-3 / 3600),
        ("Snow fell at 3 cm per hour.", "3 cm per hour", 3, "centimeter / hour", 0.03 / 3600),
        ("Sea level rose 3.3 mm/yr.", "3.3 mm/yr", 3.3, "millimeter / year",
         3.3e-3 / 31557600),
        ("The front moved 10 km/day.", "10 km/day", 10, "kilometer / day", 10000 / 86400),
        ("The road sped past at 12 kilometeres per hour.", "12 kilometeres per hour", 12,
         "kilometer / hour", 12 / 3.6),
    ],
)  # fmt: skip
def test_a_length_per_unit_of_time_written_as_one_unit_is_a_speed(text, surface, value, unit, si):
    _check(text, surface, value, unit, "speed", si)


@pytest.mark.parametrize(
    "text",
    [
        "Gravity is 9.8 m/s² here.",
        "Gravity is 9.8 m/s2 here.",
        "Gravity is 9.8 metres per second squared here.",
        "Nitrate reached 12 mg/L in the well.",  # a concentration
        "The car emits 120 g/km of CO2.",
    ],
)
def test_an_acceleration_or_a_ratio_of_units_is_no_quantity(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Snow fell at a rate of 3 inches an hour.",
         [("3 inches", "length"), ("an hour", "duration")]),
        ("The machine advances 15 metres a day.",
         [("15 metres", "length"), ("a day", "duration")]),
        ("He walked 4 miles in an hour.", [("4 miles", "length"), ("an hour", "duration")]),
    ],
)  # fmt: skip
def test_a_length_a_day_in_words_or_an_amount_in_each_hour_is_no_speed(text, read):
    assert _read(text) == read
