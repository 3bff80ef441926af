"""The conversion check: a figure and its conversion in the same breath."""

import pytest

from claims.checks.conversion import check_conversions
from claims.checks.units import convert
from tests.checks.builders import quantity

AREA, LENGTH = "area", "length"
KM2, MI2, KM, MI = "kilometer ** 2", "mile ** 2", "kilometer", "mile"


def outcome_of(text, first, second):
    findings = check_conversions(text, [first, second])
    assert len(findings) == 1, findings
    return findings[0]


@pytest.mark.parametrize(
    ("text", "first", "unit_1", "second", "unit_2", "kind", "expected"),
    [
        ("8,000 square kilometers (3,088 square miles) of territory", "8,000 square kilometers",
         KM2, "3,088 square miles", MI2, AREA, "consistent"),
        ("The lake covers 120 square miles (311 square kilometres).", "120 square miles", MI2,
         "311 square kilometres", KM2, AREA, "consistent"),
        ("The trail is 50 km (20 miles) long.", "50 km", KM, "20 miles", MI, LENGTH,
         "inconsistent"),
        ("a 25-mile (40 km) front", "25-mile", MI, "40 km", KM, LENGTH, "consistent"),
        ("an area of 5,000 sq mi, or roughly 13,000 sq km", "5,000 sq mi", MI2, "13,000 sq km",
         KM2, AREA, "consistent"),
        ("the marathon's 26.2 miles (42.2 km)", "26.2 miles", MI, "42.2 km", KM, LENGTH,
         "consistent"),
        ("a 10-mile (16 km) walk", "10-mile", MI, "16 km", KM, LENGTH, "consistent"),
        ("about 100 km (62 miles) away", "100 km", KM, "62 miles", MI, LENGTH, "consistent"),
        ("100 km (50 miles) away", "100 km", KM, "50 miles", MI, LENGTH, "inconsistent"),
        ("100 km (60 miles) away", "100 km", KM, "60 miles", MI, LENGTH, "consistent"),
        ("some 500 km (200 miles) of road", "500 km", KM, "200 miles", MI, LENGTH,
         "inconsistent"),
        ("a 6-foot (1.8-metre) wall", "6-foot", "foot", "1.8-metre", "meter", LENGTH,
         "consistent"),
        ("a 6-foot (2.5-metre) wall", "6-foot", "foot", "2.5-metre", "meter", LENGTH,
         "inconsistent"),
        ("It weighs 200 kg (440 lb).", "200 kg", "kilogram", "440 lb", "pound", "mass",
         "consistent"),
        ("It weighs 200 kg (240 lb).", "200 kg", "kilogram", "240 lb", "pound", "mass",
         "inconsistent"),
        ("a 3,000-acre (1,214-hectare) farm", "3,000-acre", "acre", "1,214-hectare", "hectare",
         AREA, "consistent"),
        ("a 1,500 sq km — 580 sq mi — zone", "1,500 sq km", KM2, "580 sq mi", MI2, AREA,
         "consistent"),
        ("temperatures of 30C (86F)", "30C", "degree_Celsius", "86F", "degree_Fahrenheit",
         "temperature", "consistent"),
        ("temperatures of 30C (96F)", "30C", "degree_Celsius", "96F", "degree_Fahrenheit",
         "temperature", "inconsistent"),
        ("at 100 km/h (62 mph)", "100 km/h", "kilometer / hour", "62 mph", "mile / hour",
         "speed", "consistent"),
    ],
)  # fmt: skip
def test_a_figure_and_its_conversion(text, first, unit_1, second, unit_2, kind, expected):
    finding = outcome_of(
        text, quantity(text, first, unit_1, kind), quantity(text, second, unit_2, kind)
    )
    assert finding.check == "conversion"
    assert finding.outcome == expected
    assert text[finding.start : finding.end].startswith(first)


def test_the_finding_spans_the_pair_and_shows_the_arithmetic():
    text = "8,000 square kilometers (3,088 square miles) of territory"
    finding = outcome_of(
        text,
        quantity(text, "8,000 square kilometers", KM2, AREA),
        quantity(text, "3,088 square miles", MI2, AREA),
    )
    assert text[finding.start : finding.end] == "8,000 square kilometers (3,088 square miles)"
    assert finding.expected == "8,000 km² = 3,088.8 sq mi"
    assert "7,500–8,500 km²" in finding.explanation
    assert "2,896–3,282 sq mi" in finding.explanation


def test_a_truncated_exact_conversion_is_consistent():
    text = "3,088.8 square miles (8,000 square kilometres)"
    finding = outcome_of(
        text,
        quantity(text, "3,088.8 square miles", MI2, AREA),
        quantity(text, "8,000 square kilometres", KM2, AREA, step=1.0),
    )
    assert finding.outcome == "consistent"


def test_units_that_measure_different_things_are_not_a_conversion():
    text = "a 5 km (3 kg) load"
    findings = check_conversions(
        text, [quantity(text, "5 km", KM, LENGTH), quantity(text, "3 kg", "kilogram", "mass")]
    )
    assert findings == []


def test_incompatible_units_under_one_kind_are_unverifiable():
    text = "a 5 km (3 kg) load"  # an extractor slip: both called lengths
    finding = outcome_of(
        text,
        quantity(text, "5 km", KM, LENGTH),
        quantity(text, "3 kg", "kilogram", LENGTH, si_value=3.0),
    )
    assert finding.outcome == "unverifiable"


@pytest.mark.parametrize(
    "text",
    [
        "The trail is 50 km long and the river 20 miles.",  # not in the same breath
        "It rose from 20 miles to 50 km.",
    ],
)
def test_figures_apart_are_not_a_conversion(text):
    first, second = ("50 km", "20 miles") if text.index("50") < text.index("20") else (
        "20 miles", "50 km")  # fmt: skip
    qs = [quantity(text, s, KM if "km" in s else MI, LENGTH) for s in (first, second)]
    assert check_conversions(text, qs) == []


def test_the_same_unit_twice_is_not_a_conversion():
    text = "a 5 km (3 km of it uphill) climb"
    qs = [quantity(text, "5 km", KM, LENGTH), quantity(text, "3 km", KM, LENGTH)]
    assert check_conversions(text, qs) == []


def test_money_is_never_converted():
    text = "It cost $100 (€90)."
    qs = [quantity(text, "$100", "USD", "currency"), quantity(text, "€90", "EUR", "currency")]
    assert check_conversions(text, qs) == []


def test_a_compound_figure_is_converted_whole():
    text = "He is 6 feet 2 inches (1.88 m) tall."
    qs = [
        quantity(text, "6 feet", "foot", LENGTH),
        quantity(text, "2 inches", "inch", LENGTH),
        quantity(text, "1.88 m", "meter", LENGTH),
    ]
    (finding,) = check_conversions(text, qs)
    assert finding.outcome == "consistent"
    assert text[finding.start : finding.end] == "6 feet 2 inches (1.88 m)"


def test_a_list_of_figures_is_not_a_conversion():
    text = "The runs were 5 km, 10 miles and a marathon."
    qs = [quantity(text, "5 km", KM, LENGTH), quantity(text, "10 miles", MI, LENGTH)]
    assert check_conversions(text, qs) == []


@pytest.mark.parametrize(
    ("value", "from_unit", "to_unit", "expected"),
    [
        (0, "degree_Celsius", "degree_Fahrenheit", 32.0),
        (100, "degree_Celsius", "degree_Fahrenheit", 212.0),
        (-40, "degree_Fahrenheit", "degree_Celsius", -40.0),
        (0, "degree_Celsius", "kelvin", 273.15),
        (26.2, "mile", "kilometer", 26.2 * 1.609344),
    ],
)
def test_a_unit_converts_by_its_exact_formula(value, from_unit, to_unit, expected):
    assert convert(value, from_unit, to_unit) == expected
