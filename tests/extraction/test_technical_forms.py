"""The forms of technical and scientific writing (issue 17): citation numbers, panel labels and
isotopes glued to C or F, kelvin after a space, shares by weight or volume and tolerances,
speeds with a negative exponent, and amounts of a stuff in grams or litres; and the news
sentences that must read as before."""

import pytest

from claims.extraction import extract_quantities

from .helpers import approx, only, surfaces


def _found(text: str, surface: str):
    hits = [q for q in extract_quantities(text) if q.text == surface]
    assert len(hits) == 1, [(q.text, q.kind, q.unit) for q in extract_quantities(text)]
    return hits[0]


# --- citations -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The method was described in an earlier paper [12].",
        "The effect was reported independently [3, 4].",
        "Several surveys agree on this point [14–17].",
        "The coating degrades in humid air [9,12], as others found [21].",
        "Similar yields were reported for maize [2-5; 8].",
        "[7] Smith J. A history of the survey. London, 1998.",
    ],
)
def test_bare_numbers_in_square_brackets_are_references_not_counts(text):
    assert extract_quantities(text) == []


def test_a_citation_leaves_the_quantities_around_it():
    text = "The plant emitted 82% of its mercury [7] over 14 days."
    assert surfaces(text) == ["82%", "14 days"]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("A man (22) was arrested on Tuesday.", "22"),
        ("Seamus Byrne (67), of Cork, was charged.", "67"),
        ("The council has 45 members [sic] and meets weekly.", "45 members"),
    ],
)
def test_parentheses_and_figures_outside_brackets_read_as_before(text, surface):
    assert surface in surfaces(text)


@pytest.mark.parametrize(
    "text",
    [
        "The groups differed (t(39) = 1.16, p = 0.25).",
        "Density varied with soil type (F(3, 8.9) = 4.1, p = 0.03).",
        "The layer was poly(3,4-ethylenedioxythiophene) on glass.",
        "The steps followed. (1) The samples were dried; (2) the masks were cut.",
        "He set out the rules: (1) be on time.",
    ],
)
def test_an_argument_or_a_clause_number_in_parentheses_is_no_count(text):
    assert [q for q in extract_quantities(text) if q.kind == "count" and q.value < 40] == []


# --- C or F glued to a label, an isotope or a tracer -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Staining was strongest in the cortex (Fig. 3C).",
        "The markers are shown in Figure S5F and in Table 2C.",
        "Uptake rose in both grafts (Figs. 2C and 4F).",
        "Clones stayed stable over passages (Figures 1A–1F).",
        "The δ13C values fell by two units across the boundary.",
        "Samples were run for 13C/12C on a mass spectrometer.",
        "Uptake of [11C]raclopride fell after the graft.",
        "Route 3C was closed after the crash.",
    ],
)
def test_a_letter_c_or_f_on_a_label_or_isotope_is_no_temperature(text):
    assert [q for q in extract_quantities(text) if q.kind == "temperature"] == []


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Temperatures could top 30C on Friday.", "30C", "degree_Celsius"),
        ("No 30C days were recorded this summer.", "30C", "degree_Celsius"),
        ("Highs of 30C/86F are forecast for London.", "30C", "degree_Celsius"),
        ("The mercury reached 104F in Phoenix (Fig. 2 shows the map).", "104F",
         "degree_Fahrenheit"),
        ("It was 12C in Dublin and 14C in Cork.", "14C", "degree_Celsius"),
    ],
)  # fmt: skip
def test_temperatures_glued_to_c_or_f_in_news_stay_temperatures(text, surface, unit):
    assert _found(text, surface).unit == unit


# --- kelvin after a space ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value", "high"),
    [
        ("The model gives a mean temperature of 7200 K at the top.", "7200 K", 7200, None),
        ("Thermospheric temperatures of 320–500 K are typical.", "320–500 K", 320, 500),
        ("Heating raises the gas above 500 K near the pole.", "500 K", 500, None),
        ("The upper layer is cooler by 1000 K than the lower.", "1000 K", 1000, None),
        ("The run used T0 = 1300 K at the lower boundary.", "1300 K", 1300, None),
        ("The specimen temperature was held between 5 and 300 K.", "between 5 and 300 K", 5,
         300),
    ],
)  # fmt: skip
def test_a_spaced_k_near_a_temperature_is_kelvin(text, surface, value, high):
    q = _found(text, surface)
    assert (q.unit, q.kind) == ("kelvin", "temperature")
    assert q.value == value and q.value_high == high
    assert approx(q.si_value, value)


@pytest.mark.parametrize(
    "text",
    [
        "She took a job at a 50 K salary in Leeds.",
        "He ran a 10 K race in hot weather on Sunday.",
        "The firm sold 300 K units of the heater in winter.",
        "We paid $50K for it and ran a 50K run the next day.",
    ],
)
def test_a_k_for_thousands_is_no_temperature(text):
    assert [q for q in extract_quantities(text) if q.kind == "temperature"] == []


# --- shares by weight or volume, and tolerances ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The soil holds 1.3 wt.% soluble sulfate.", "1.3 wt.%", 1.3),
        ("The resin was filled with 10 wt% silica.", "10 wt%", 10),
        ("The blend held 80 vol% of the fullerene.", "80 vol%", 80),
        ("The alloy has 5 mol % of zinc.", "5 mol %", 5),
        ("Sulfate was present at ∼0.5 wt.% in the soil.", "0.5 wt.%", 0.5),
    ],
)
def test_a_share_by_weight_volume_or_amount_is_a_percentage(text, surface, value):
    q = _found(text, surface)
    assert (q.unit, q.kind, q.value) == ("percent", "percentage", value)


@pytest.mark.parametrize(
    ("text", "surface", "unit", "value"),
    [
        ("Imaging showed that 78 ± 0.6% of cells were positive.", "78 ± 0.6%", "percent", 78),
        ("Sulfate was present at 1.3 ± 0.5 wt.% in the soil.", "1.3 ± 0.5 wt.%", "percent",
         1.3),
        ("The film was grown at 300±15 °C in vacuum.", "300±15 °C", "degree_Celsius", 300),
        ("The yield fell to 46.8% ± 1.6% last year.", "46.8% ± 1.6%", "percent", 46.8),
        ("The tower stands 120 +/- 2 m above the plain.", "120 +/- 2 m", "meter", 120),
    ],
)  # fmt: skip
def test_a_tolerance_makes_one_approximate_quantity_in_its_unit(text, surface, unit, value):
    q = only(text)
    assert (q.text, q.unit, q.value, q.qualifier) == (surface, unit, value, "approximate")


def test_a_bound_before_a_tolerance_is_kept():
    q = only("The crater lies more than 5 ± 1 km from the rim.")
    assert (q.text, q.qualifier) == ("5 ± 1 km", "more_than")


# --- speeds with a negative exponent -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Median wind speed is 7.83 m s−1 at the mast.", "7.83 m s−1", "meter / second"),
        ("The outflow reaches 30 km s-1 at the top.", "30 km s-1", "kilometer / second"),
        ("Gusts passed 3 m s^-1 in the lee.", "3 m s^-1", "meter / second"),
        ("A deposition velocity of 0.02 cm s−1 was applied.", "0.02 cm s−1",
         "centimeter / second"),
        ("The glacier moved 2 m d−1 in summer.", "2 m d−1", "meter / day"),
        ("The jet exceeded 20 m s⁻¹ at noon.", "20 m s⁻¹", "meter / second"),
    ],
)  # fmt: skip
def test_a_length_over_a_time_with_a_negative_exponent_is_a_speed(text, surface, unit):
    q = _found(text, surface)
    assert (q.unit, q.kind) == (unit, "speed")


@pytest.mark.parametrize(
    "text",
    [
        "A mass loss rate of 6 kg s−1 is required.",
        "The band lies at 964 cm−1 in the spectrum.",
        "The soil density is 1 g cm−3 throughout.",
        "Surface areas reached 170 m2 g−1 in the best sample.",
        "The moment was 5 emu mol−1 between the phases.",
        "Stocks were 40 kg ha−1 under coffee.",
    ],
)
def test_a_unit_over_another_or_with_an_exponent_is_no_quantity_and_no_count(text):
    assert extract_quantities(text) == []


def test_a_range_with_a_hyphen_after_a_unit_is_still_a_range():
    q = only("The trench is 5 m-10 m deep.")
    assert (q.value, q.value_high, q.unit) == (5, 10, "meter")


# --- amounts of a stuff in grams or litres -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("The initial weight was 5 g of dried sediment.", "5 g", "gram"),
        ("Add 250 g of flour and stir.", "250 g", "gram"),
        ("Pour 2 L of water into the pan.", "2 L", "liter"),
        ("Each child drank 0.5 l of milk a day.", "0.5 l", "liter"),
        ("Samples between 20 and 60 g of sediment were washed.", "between 20 and 60 g", "gram"),
    ],
)
def test_a_gram_or_litre_symbol_before_of_is_a_unit(text, surface, unit):
    assert _found(text, surface).unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "Under section 5 g of the act, the board may refuse.",
        "Clause 12 l of the contract sets the fee.",
        "The 5 g network covers the city.",
    ],
)
def test_a_lettered_clause_or_a_g_without_of_is_no_amount(text):
    assert [q for q in extract_quantities(text) if q.kind in ("mass", "volume")] == []
