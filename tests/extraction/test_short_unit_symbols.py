"""Short unit symbols that are also words or letters ("in", "t", "g", "L", "st", "kn"), and
the abbreviations of reference prose ("sq foot", "imp gal", "US gal", "µm")."""

import pytest

from claims.extraction import extract_quantities

from .helpers import approx, surfaces

INCH, TONNE = 0.0254, 1000.0


def _found(text: str, surface: str):
    hits = [q for q in extract_quantities(text) if q.text == surface]
    assert len(hits) == 1, [(q.text, q.kind, q.unit) for q in extract_quantities(text)]
    return hits[0]


@pytest.mark.parametrize(
    ("text", "surface", "unit", "si"),
    [
        ("The bracket says it: 30 cm (12 in) of snow fell overnight.", "12 in", "inch", 12 * INCH),
        ("Hail the size of golf balls, 4.3 cm (1.7 in), was reported.", "1.7 in", "inch",
         1.7 * INCH),
        ("The ferry carried 640 short tons (580 t) of cargo.", "580 t", "metric_ton",
         580 * TONNE),
        ("A standard coin weighs 7.5 g (0.26 oz) in silver.", "7.5 g", "gram", 0.0075),
        ("Each bottle holds 1.5 L (0.40 US gal) of water.", "1.5 L", "liter", 0.0015),
        ("The champion weighed 95 kg (15 st) at the weigh-in.", "15 st", "stone",
         15 * 6.35029318),
        ("(about 8 in) of rain fell in a day.", "8 in", "inch", 8 * INCH),
    ],
)  # fmt: skip
def test_a_short_symbol_in_a_bracket_after_a_figure_is_a_unit(text, surface, unit, si):
    q = _found(text, surface)
    assert q.unit == unit
    assert approx(q.si_value, si)


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("The wettest spot gets 180 in (4,570 mm) of rain a year.", "180 in", "inch"),
        ("Frost reached 0.4 in or 1 cm into the soil.", "0.4 in", "inch"),
        ("The dam holds 2,500,000 t (2,460,000 long tons) of rock.", "2,500,000 t", "metric_ton"),
        ("A sparrow weighs 28 g (1 oz) on average.", "28 g", "gram"),
        ("The jug takes 4 L (1 US gal) when full.", "4 L", "liter"),
        ("Snow lay 2 cm or 0.8 in deep by noon.", "0.8 in", "inch"),
        ("Snow lay 2 cm, or about 0.8 in, by noon.", "0.8 in", "inch"),
        ("The ration was 500 g, or 1.1 lb in American measure.", "500 g", "gram"),
        ("Stitched at 5 mm / 0.2 in intervals.", "0.2 in", "inch"),
        ("The gas was held at 300 K (27 °C) for an hour.", "300 K", "kelvin"),
        ("The probe read 77K (−196 °C) in the flask.", "77K", "kelvin"),
    ],
)
def test_a_short_symbol_in_a_pair_is_a_unit(text, surface, unit):
    assert _found(text, surface).unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "Five in 10 people said they would vote, and 3 in 4 of them for the mayor.",
        "She was born in 1990 in Paris and moved in 2001 in a hurry.",
        "The market opens at 10 in the morning and closes at 4 in the afternoon.",
        "Prices rose 5 in June and 7 in July, the office said.",
        "He finished 3 in (what was) a crowded field.",
        "Page 12 in (the appendix) lists the sources.",
    ],
)
def test_in_after_a_number_stays_a_preposition_outside_a_measurement(text):
    assert not any(q.unit == "inch" for q in extract_quantities(text)), surfaces(text)


@pytest.mark.parametrize(
    "text",
    [
        "Team 5 t (the Reds) won the final.",
        "She wore size 10 L at the fitting, team 4 g said.",
        "The 21 st century began in 2001.",
        "Ward 2 L (the maternity ward) was closed.",
        "Group 5 g won (20 to 3).",
    ],
)
def test_letters_after_a_number_are_no_unit_without_a_pair(text):
    kinds = {q.kind for q in extract_quantities(text)}
    assert not kinds & {"mass", "volume"}, surfaces(text)


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("A 12in pizza costs more here.", "12in", "inch"),
        ("The 40t truck overturned.", "40t", "metric_ton"),
        ("The yacht made 12 kn against the tide.", "12 kn", "knot"),
        ("The cabin has 2,000 sq foot of floor.", "2,000 sq foot", "foot ** 2"),
        ("The tank takes 4,800 imp gal of diesel.", "4,800 imp gal", "imperial_gallon"),
        ("The tank takes 5,800 US gal of diesel.", "5,800 US gal", "US_liquid_gallon"),
        ("The filter stops particles of 2.5 µm in the air.", "2.5 µm", "micrometer"),
        ("The filter stops particles of 2.5 μm in the air.", "2.5 μm", "micrometer"),
        ("The ship displaced 12,000 long tons at launch.", "12,000 long tons", "long_ton"),
        ("The barge took 300 short tons of coal.", "300 short tons", "short_ton"),
        ("The flat has 650 sq meters of floor.", "650 sq meters", "meter ** 2"),
        ("A dose of 30 mL was given.", "30 mL", "milliliter"),
    ],
)
def test_glued_symbols_and_reference_abbreviations_are_units(text, surface, unit):
    assert _found(text, surface).unit == unit


def test_a_full_stop_after_mi_does_not_hide_the_unit():
    q = _found("The path is 3 mi. long and climbs 200 ft.", "3 mi")
    assert q.unit == "mile"
    assert _found("The path is 3 mi. long and climbs 200 ft.", "200 ft").unit == "foot"


def test_a_range_in_a_bracket_takes_the_short_symbol():
    text = "The wall is 250 to 400 ft (76–122 m) high, the tide 2 to 3 in (5–8 cm)."
    q = _found(text, "2 to 3 in")
    assert (q.unit, q.value, q.value_high) == ("inch", 2.0, 3.0)


@pytest.mark.parametrize(
    ("text", "surface", "pounds"),
    [
        ("She weighed 11 st 4 lb (72 kg) at the start.", "11 st 4 lb", 158),
        ("He came in at 15 st 2 lb, a stone lighter.", "15 st 2 lb", 212),
        ("The jockey rides at 8 st 7 lbs today.", "8 st 7 lbs", 119),
        ("A 20 st 1 lb heavyweight won.", "20 st 1 lb", 281),
        ("The boxer made 10 st 0 lb on the scales.", "10 st 0 lb", 140),
    ],
)
def test_stone_with_a_space_is_read_with_its_pounds(text, surface, pounds):
    q = _found(text, surface)
    assert (q.unit, q.value) == ("pound", pounds)


@pytest.mark.parametrize(
    "text",
    [
        "The fund raised 300K last year.",
        "A 10K run starts at 9.",
        "Salaries reach 80K (before tax) in the city.",
        "He scored 12 st in the table.",
        "The 5 K-pop bands toured.",
    ],
)
def test_k_and_st_are_no_units_without_a_measure_around_them(text):
    kinds = {q.kind for q in extract_quantities(text)}
    assert not kinds & {"temperature", "mass"}, surfaces(text)


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Forecasters expect 29 C (84 F) by the afternoon.", "29 C", "degree_Celsius"),
        ("Forecasters expect 29 C (84 F) by the afternoon.", "84 F", "degree_Fahrenheit"),
        ("The lake warmed to 75 F (24 C) in July.", "75 F", "degree_Fahrenheit"),
        ("Nights fell to -5 C (23 F) in the valley.", "23 F", "degree_Fahrenheit"),
        ("A reading of 104 F (40 C) was logged at noon.", "40 C", "degree_Celsius"),
    ],
)
def test_a_scale_letter_after_a_space_is_a_temperature_in_a_pair(text, surface, unit):
    assert _found(text, surface).unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "Grade 5 C students were taught in the annex.",
        "Team 5 C (the reserves) lost again.",
        "Flight 12 F was delayed.",
        "He scored 3 C-grades and 2 F marks.",
        "Exhibit 7 F (a letter) was shown to the jury.",
    ],
)
def test_a_scale_letter_without_a_restating_pair_is_not_a_temperature(text):
    assert not [q for q in extract_quantities(text) if q.kind == "temperature"]
