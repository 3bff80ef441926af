"""The conversion check on whole sentences (extractor included): which pairs it sees, how it
reads ranges, small figures, temperatures and ambiguous units, and when it says it cannot
tell."""

from __future__ import annotations

import pytest

import claims.checks.conversion as conversion
from claims.checks import check_text
from claims.checks.finding import Finding
from claims.checks.units import IncompatibleUnits
from tests.checks.builders import quantity


def conversion_on(text: str, surface: str) -> Finding:
    """The one conversion finding over `surface` (fails, showing all findings, otherwise)."""
    start = text.index(surface)
    found = [
        f
        for f in check_text(text)
        if f.check == "conversion" and f.start < start + len(surface) and start < f.end
    ]
    assert len(found) == 1, [(f.outcome, text[f.start : f.end]) for f in check_text(text)]
    return found[0]


def no_conversion_on(text: str, surface: str) -> bool:
    start = text.index(surface)
    return not any(
        f.check == "conversion" and f.start < start + len(surface) and start < f.end
        for f in check_text(text)
    )


@pytest.mark.parametrize(
    ("text", "surface", "outcome"),
    [
        ("They bought a 2,000 sq foot flat (186 sq meters) in town.", "2,000 sq foot",
         "consistent"),
        ("A 40-foot-tall statue (12 m) stands in the square.", "40-foot", "consistent"),
        ("The family sold a 500-acre farm (202 hectares) last year.", "500-acre", "consistent"),
        ("It is a 10-mile walk (16 km) along the cliffs.", "10-mile", "consistent"),
        ("A 300-metre tower (984 ft) dominates the skyline.", "300-metre", "consistent"),
        ("It is a 10-mile walk (10 km) along the cliffs.", "10-mile", "inconsistent"),
    ],
)  # fmt: skip
def test_a_bracket_after_an_adjectival_compound_restates_the_figure(text, surface, outcome):
    finding = conversion_on(text, surface)
    assert finding.outcome == outcome
    assert text[finding.start : finding.end].endswith(")")


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("It is a 10-mile walk (6 km of it on sand) along the cliffs.", "10-mile"),
        ("He ran 10 miles yesterday (16 km in all) and rested.", "10 miles"),
        ("A 40-foot statue of the king (12 m) stands there.", "40-foot"),
        ("A 10-mile walk and a swim (2 km) end the day.", "10-mile"),
        ("The 5 km race (3 miles of it uphill) starts at noon.", "5 km"),
    ],
)
def test_a_bracket_after_a_noun_is_no_conversion_unless_it_holds_only_one(text, surface):
    assert no_conversion_on(text, surface)


@pytest.mark.parametrize(
    ("text", "surface", "outcome"),
    [
        ("The path is 3 mi. (5 km) long.", "3 mi", "consistent"),
        ("The field covers 5,000 sq mi, or about 13,000 sq km, of steppe.", "5,000 sq mi",
         "consistent"),
        ("The gap is 2 in, i.e. 5 cm, at its widest.", "2 in", "consistent"),
        ("The wall stands 6 ft / 1.8 m high.", "6 ft", "consistent"),
        ("The wall stands 6 ft — 2.5 m — high.", "6 ft", "inconsistent"),
        ("Snow lay 20 cm (8 in) deep.", "20 cm", "consistent"),
    ],
)  # fmt: skip
def test_restatements_are_joined_by_brackets_or_i_e_slashes_and_dashes(text, surface, outcome):
    assert conversion_on(text, surface).outcome == outcome


@pytest.mark.parametrize(
    ("text", "surface", "outcome"),
    [
        ("At 5 ft 6 in (168 cm) he was short for a soldier.", "5 ft 6 in", "consistent"),
        ("She weighed 11 st 4 lb (72 kg) at the start.", "11 st 4 lb", "consistent"),
        ("He is 1.68 m (5 ft 6 in) tall.", "1.68 m", "consistent"),
        ("The baby weighed 7 lb 8 oz (3.4 kg).", "7 lb 8 oz", "consistent"),
        ("He stands 6 ft 2 in (1.88 m) in his socks.", "6 ft 2 in", "consistent"),
        ("He stands 6 ft 2 in (1.68 m) in his socks.", "6 ft 2 in", "inconsistent"),
    ],
)
def test_a_figure_in_two_units_is_converted_whole(text, surface, outcome):
    finding = conversion_on(text, surface)
    assert finding.outcome == outcome
    start = text.index(surface)
    assert finding.start <= start and start + len(surface) < finding.end  # the whole figure


@pytest.mark.parametrize(
    ("text", "surface", "outcome"),
    [
        ("Days with over 0.2 millimetres (0.0079 in) of rain count as wet.", "0.2 millimetres",
         "consistent"),
        ("The blades sit 0.02 in (0.5 mm) apart.", "0.02 in", "consistent"),
        ("A 0.5 mm (0.0197 in) wire was used.", "0.5 mm", "consistent"),
        ("The sheet is 0.3 mm (0.0079 in) thick.", "0.3 mm", "inconsistent"),
        ("The film is 0.004 in (0.1 mm) thick.", "0.004 in", "consistent"),
        ("The film is 0.004 in (0.2 mm) thick.", "0.004 in", "inconsistent"),
    ],
)  # fmt: skip
def test_values_below_one_keep_their_precision(text, surface, outcome):
    assert conversion_on(text, surface).outcome == outcome


def test_a_value_below_one_is_shown_with_its_digits():
    finding = conversion_on("Days with 0.2 millimetres (0.0079 in) of rain.", "0.2 millimetres")
    assert finding.expected == "0.2 mm = 0.007874 in"


@pytest.mark.parametrize(
    ("text", "surface", "outcome"),
    [
        ("The belt runs from 100 to 300 mi (160 to 480 km) wide.", "100 to 300 mi",
         "consistent"),
        ("The island is 4 to 12 miles (6 to 19 km) wide.", "4 to 12 miles", "consistent"),
        ("The cliffs rise 250 to 400 feet (76–122 m) above the bay.", "250 to 400 feet",
         "consistent"),
        ("The cliffs rise 250 to 400 feet (76–152 m) above the bay.", "250 to 400 feet",
         "inconsistent"),
        ("The lake lies 15–20 km (9–25 mi) east.", "15–20 km", "inconsistent"),
        ("The shore lies 5–10 miles (16–32 km) inland.", "5–10 miles", "inconsistent"),
        ("Peaks of 1,500–3,000 metres (4,900–9,800 ft) ring the valley.", "1,500–3,000 metres",
         "consistent"),
    ],
)  # fmt: skip
def test_ranges_are_converted_end_by_end(text, surface, outcome):
    finding = conversion_on(text, surface)
    assert finding.outcome == outcome
    assert "end by end" in finding.explanation


@pytest.mark.parametrize(
    ("text", "surface", "outcome"),
    [
        ("The sea has warmed by 1.5 °C (2.7 °F) since 1900.", "1.5 °C", "consistent"),
        ("The centre can be 5 °C (9 °F) warmer than the suburbs.", "5 °C", "consistent"),
        ("The record shows a rise of 0.8 °C (1.4 °F) in a century.", "0.8 °C", "consistent"),
        ("Nights are warming 0.2 °C (0.36 °F) per decade.", "0.2 °C", "consistent"),
        ("Winters are 11 °C (20 °F) above the average for the latitude.", "11 °C",
         "consistent"),
        ("The sea has warmed by 1.5 °C (34.7 °F) since 1900.", "1.5 °C", "inconsistent"),
    ],
)  # fmt: skip
def test_a_temperature_difference_converts_without_the_offset(text, surface, outcome):
    finding = conversion_on(text, surface)
    assert finding.outcome == outcome
    assert "Δ" in finding.expected


@pytest.mark.parametrize(
    ("text", "surface", "outcome"),
    [
        ("Summer highs of 35 °C (95 °F) are common.", "35 °C", "consistent"),
        ("Temperatures rose to 40 °C (104 °F) on Monday.", "40 °C", "consistent"),
        ("Water boils at 100 °C (212 °F) at sea level.", "100 °C", "consistent"),
        ("The night fell to −15 °C (5 °F).", "−15 °C", "consistent"),
        ("Temperatures of 35C (63F) were recorded.", "35C", "inconsistent"),
        ("The pool is kept at 28 °C (82 °F).", "28 °C", "consistent"),
    ],
)
def test_a_temperature_reading_converts_with_the_offset(text, surface, outcome):
    assert conversion_on(text, surface).outcome == outcome


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The Paris agreement aims to limit warming to 1.5 C (2.7 F).", "1.5 C"),
        ("The Paris agreement aims to limit warming to 1.5 degrees Celsius (2.7 degrees "
         "Fahrenheit).", "1.5 degrees"),
        ("The anomaly reached 3 C (5.4 F).", "3 C"),
        ("Scientists put the cooling at 0.5 °C (0.9 °F) after the eruption.", "0.5 °C"),
        ("The summer's rise reached 2 °C (3.6 °F) in the north.", "2 °C"),
        ("Models put the warming from greenhouse gases at 1.2 °C (2.2 °F).", "1.2 °C"),
        ("The anomaly peaked at 1.8 °C (3.2 °F) in February.", "1.8 °C"),
        ("Last year the increase came to 0.4 °C (0.7 °F) on the decade.", "0.4 °C"),
        ("The goal is to hold the temperature rise to 2 °C (3.6 °F).", "2 °C"),
        ("The lake's cooling reached 4 °F (2.2 °C) by dawn.", "4 °F"),
    ],
)  # fmt: skip
def test_a_change_noun_in_the_clause_reads_a_level_word_as_a_difference(text, surface):
    finding = conversion_on(text, surface)
    assert finding.outcome == "consistent", finding.explanation
    assert "Δ" in finding.expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("A rise in temperatures to 30 °C (86 °F) is forecast.", "30 °C"),
        ("The drop to 5 °C (41 °F) came overnight.", "5 °C"),
        ("Warming to 25 °C (77 °F) is expected by Friday.", "25 °C"),
        ("The increase took the pool to 28 °C (82 °F).", "28 °C"),
        ("After the change, the thermostat sits at 21 °C (70 °F).", "21 °C"),
    ],
)
def test_a_change_noun_beside_a_level_that_fits_as_a_reading_raises_no_alarm(text, surface):
    assert conversion_on(text, surface).outcome == "consistent"


@pytest.mark.parametrize(
    ("text", "surface", "outcome"),
    [
        ("Temperatures rose to 30 C (86 F).", "30 C", "consistent"),
        ("The thermometer reached 25 °C (77 °F) by noon.", "25 °C", "consistent"),
        ("Highs hit 38 °C (100 °F) in Seville.", "38 °C", "consistent"),
        ("The oven was set to 220 °C (428 °F).", "220 °C", "consistent"),
        ("Temperatures rose to 30 °C (54 °F) on Friday.", "30 °C", "inconsistent"),
        ("Temperatures climbed to 5 °C (9 °F) in the capital.", "5 °C", "inconsistent"),
        ("Water in the bay reached 20 °C (36 °F) this week.", "20 °C", "inconsistent"),
        ("Readings averaged 12 °C (21.6 °F) in March.", "12 °C", "inconsistent"),
    ],
)  # fmt: skip
def test_a_level_word_without_a_change_noun_keeps_the_pair_a_reading(text, surface, outcome):
    finding = conversion_on(text, surface)
    assert finding.outcome == outcome
    assert "Δ" not in finding.expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The mill burned 42.5 tonnes (41.8 tons) of coal a day.", "42.5 tonnes"),
        ("The crane lifts 100 tons (102 tonnes) at full reach.", "100 tons"),
        ("Each 10-gallon (45-litre) drum was sealed.", "10-gallon"),
        ("The tank took 5 gallons (23 litres) of diesel.", "5 gallons"),
        ("He drank 2.0 pints (1.14 litres) of milk.", "2.0 pints"),
    ],
)
def test_ambiguous_tons_and_gallons_are_saved_by_their_other_meaning(text, surface):
    finding = conversion_on(text, surface)
    assert finding.outcome == "consistent"
    assert finding.explanation.startswith("As first read the two do not match")


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The barge took 100 short tons (102 t) of coal.", "100 short tons"),
        ("The tank took 5 US gal (23 L) of diesel.", "5 US gal"),
        ("The hull weighs 100.0 long tons (91 t).", "100.0 long tons"),
        ("The tank took 5 imperial gallons (19 litres) of diesel.", "5 imperial gallons"),
        ("The crane lifts 100 tons (150 tonnes) at full reach.", "100 tons"),
    ],
)
def test_units_spelled_out_in_full_are_not_read_another_way(text, surface):
    assert conversion_on(text, surface).outcome == "inconsistent"


def test_statute_miles_that_fit_as_nautical_ones_are_flagged_with_a_note():
    text = "The second force was 22 miles (40 km) behind the first."
    finding = conversion_on(text, "22 miles")
    assert finding.outcome == "inconsistent"
    assert "nautical miles" in finding.explanation


# --- every path to `unverifiable` ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("It was a 35C (63F) day.", "35C"),
        ("The 2 °C (3.6 °F) limit was agreed in Paris.", "2 °C"),
        ("The 1.5 °C (2.7 °F) goal is slipping away.", "1.5 °C"),
        ("A 10 °C (18 °F) night followed.", "10 °C"),
        ("A 4 °F (2.2 °C) margin separated the two towns.", "4 °F"),
    ],
)
def test_a_temperature_whose_readings_disagree_unsaid_is_unverifiable(text, surface):
    finding = conversion_on(text, surface)
    assert finding.outcome == "unverifiable"
    assert "do not say which is meant" in finding.explanation


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Heaters raised the room 20 °C (68 °F) in an hour.", "20 °C"),
        ("The sun heated the rock 30 °C (86 °F) by noon.", "30 °C"),
        ("The kiln warmed the clay 25 °C (77 °F) before firing.", "25 °C"),
        ("Cooling towers lowered the water 10 °C (50 °F) downstream.", "10 °C"),
        ("The spell chilled the valley 5 °C (41 °F) overnight.", "5 °C"),
    ],
)
def test_a_loose_word_of_change_cannot_confirm_a_reading(text, surface):
    assert conversion_on(text, surface).outcome == "unverifiable"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The lake fell to 10 °C (14 °F) below freezing.", "10 °C"),
        ("The air was 15 °C (5 °F) below zero.", "15 °C"),
        ("It stayed 3 °C (27 °F) below zero all week.", "3 °C"),
        ("Nights dropped to 20 °F (−29 °C) below zero.", "20 °F"),
        ("The thaw came at 2 °C (40 °F) above freezing.", "2 °C"),
    ],
)
def test_a_temperature_counted_from_zero_or_freezing_is_unverifiable(text, surface):
    finding = conversion_on(text, surface)
    assert finding.outcome == "unverifiable"
    assert "does not model" in finding.explanation


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The cliffs rise 250 to 400 feet (120 m) above the bay.", "250 to 400 feet"),
        ("The shore lies 5–10 miles (12 km) inland.", "5–10 miles"),
        ("The lake lies 20 km (9–12 mi) east.", "20 km"),
        ("Peaks of 1,500 to 3,000 metres (6,500 ft) ring the valley.", "1,500 to 3,000 metres"),
        ("The belt is 100 mi (160 to 480 km) wide.", "100 mi"),
    ],
)
def test_a_range_against_one_figure_is_unverifiable(text, surface):
    finding = conversion_on(text, surface)
    assert finding.outcome == "unverifiable"
    assert "range" in finding.explanation


@pytest.mark.parametrize(
    ("surface_1", "unit_1", "surface_2", "unit_2"),
    [
        ("5 km", "kilometer", "3 kg", "kilogram"),
        ("5 km", "kilometer", "3 s", "second"),
        ("5 km", "kilometer", "3 km²", "kilometer ** 2"),
        ("5 km", "kilometer", "3 zz", "furlongzz"),
        ("5 km", "kilometer", "3 l", "liter"),
    ],
)
def test_units_that_measure_different_things_under_one_kind_are_unverifiable(
    surface_1, unit_1, surface_2, unit_2
):
    text = f"a {surface_1} ({surface_2}) load"  # an extractor slip: both called lengths
    first = quantity(text, surface_1, unit_1, "length")
    second = quantity(text, surface_2, unit_2, "length", si_value=3.0)
    finding = conversion.check_conversion(text, first, second)
    assert finding.outcome == "unverifiable"
    assert "measure different things" in finding.explanation


def test_a_unit_pint_cannot_convert_is_unverifiable(monkeypatch):
    def refuse(value: float, from_unit: str, to_unit: str) -> float:
        raise IncompatibleUnits(f"cannot convert {from_unit} to {to_unit}")

    monkeypatch.setattr(conversion, "convert", refuse)
    text = "a 5 km (3 mi) walk"
    first = quantity(text, "5 km", "kilometer", "length")
    second = quantity(text, "3 mi", "mile", "length")
    finding = conversion.check_conversion(text, first, second)
    assert finding.outcome == "unverifiable"
    assert "cannot convert kilometer to mile" in finding.explanation


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("A 5 km (1 mile of it uphill) climb ends the stage.", "5 km"),
        ("The camp sits at 1,280 m (2,200 ft above the valley floor).", "1,280 m"),
        ("The reef is 40 km (10 miles of it dead) long.", "40 km"),
        ("Crews cleared 300 m (50 ft of it by hand) of rubble.", "300 m"),
        ("The route covers 120 km (20 miles through forest).", "120 km"),
    ],
)
def test_a_bracket_that_goes_on_after_the_second_figure_raises_no_alarm(text, surface):
    start = text.index(surface)
    assert not any(
        f.outcome == "inconsistent" and f.start <= start < f.end for f in check_text(text)
    )


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The drought left people on 1 litre (0.5 imp gal; 0.26 US gal) a day.", "1 litre"),
        ("The reef is 40 km (10 mi) long.", "40 km"),
        ("The reef is 40 km (10 mi, or so the survey says) long.", "40 km"),
        ("The camp sits at 1,280 m (2,200 ft).", "1,280 m"),
        ("Crews cleared 300 m / 500 ft of rubble.", "300 m"),
    ],
)
def test_a_bracket_that_holds_only_restatements_may_raise_an_alarm(text, surface):
    assert conversion_on(text, surface).outcome == "inconsistent"
