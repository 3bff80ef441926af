"""Units through pint: spellings news uses, kinds, SI values (m², m, s, m/s, kg, m³, K)."""

import pint
import pytest

from claims.extraction import KINDS, QUALIFIERS, extract_quantities

from .helpers import approx, only

UREG = pint.UnitRegistry()

CASES = [
    # text, kind, unit, SI value
    ("It covers 21 km² of land.", "area", "kilometer ** 2", 21e6),
    ("It covers 21 km2 of land.", "area", "kilometer ** 2", 21e6),
    ("It covers 21 sq km of land.", "area", "kilometer ** 2", 21e6),
    ("A 2 sq mi zone was set up.", "area", "mile ** 2", 2 * 2_589_988.110336),
    ("The ranch has 18,000 acres.", "area", "acre", 18_000 * 4046.8726098742513),
    ("The farm has 7,284 hectares.", "area", "hectare", 72_840_000),
    ("The flat is 80 square metres.", "area", "meter ** 2", 80),
    ("The border runs 700 km.", "length", "kilometer", 700_000),
    ("The border runs 700 kilometres.", "length", "kilometer", 700_000),
    ("A 40-foot container fell.", "length", "foot", 12.192),
    ("The wave was 30 feet high.", "length", "foot", 9.144),
    ("Visibility fell to 200 yards.", "length", "yard", 182.88),
    ("The ship was 12 nautical miles out.", "length", "nautical_mile", 22_224),
    ("Winds reached 120 mph.", "speed", "mile / hour", 53.6448),
    ("Winds reached 80 km/h.", "speed", "kilometer / hour", 80 / 3.6),
    ("Winds reached 80 kph.", "speed", "kilometer / hour", 80 / 3.6),
    ("The ferry cruises at 25 knots.", "speed", "knot", 12.861111111111112),
    ("Police found 1.3 tonnes of heroin.", "mass", "metric_ton", 1300),
    ("The parcel weighed 2.5kg.", "mass", "kilogram", 2.5),
    ("The sturgeon weighed 200 pounds.", "mass", "pound", 90.718474),
    ("The bag weighed 20 lb.", "mass", "pound", 9.0718474),
    ("The tanker holds 2 million barrels of oil.", "volume", "oil_barrel", 317_974.58985599),
    ("Each person gets 50 litres of water.", "volume", "liter", 0.05),
    ("The tank holds 40 gallons.", "volume", "gallon", 40 * 0.003785411784),
    ("The reservoir holds 3 million cubic metres.", "volume", "meter ** 3", 3e6),
    ("The thermometer hit 104F in Phoenix.", "temperature", "degree_Fahrenheit", 313.15),
    ("The sea reached 30 degrees Celsius.", "temperature", "degree_Celsius", 303.15),
    ("Temperatures hit 41.2C in Seville.", "temperature", "degree_Celsius", 314.35),
    ("It was 20°C at noon.", "temperature", "degree_Celsius", 293.15),
    ("The bombing went on for 78 days.", "duration", "day", 6_739_200),
    ("The talks lasted 36 hours.", "duration", "hour", 129_600),
    ("He served a decade in parliament.", "duration", "year", 315_576_000),
    ("The empire lasted two centuries.", "duration", "year", 200 * 31_557_600),
    ("There was a minute's silence.", "duration", "minute", 60),
    ("They mourned for a fortnight.", "duration", "fortnight", 1_209_600),
    ("It took a quarter of an hour.", "duration", "hour", 900),
    ("It took half an hour.", "duration", "hour", 1800),
    ("The siege lasted five months.", "duration", "month", 5 * 2_629_800),
    ("Unemployment stands at 7.2 percent.", "percentage", "percent", 7.2),
    ("Unemployment stands at 7.2 per cent.", "percentage", "percent", 7.2),
    ("Unemployment stands at 7.2%.", "percentage", "percent", 7.2),
    ("Half the area is flooded.", "percentage", "percent", 50),
    ("A third of the harvest was lost.", "percentage", "percent", 100 / 3),
    ("Two-thirds of voters agreed.", "percentage", "percent", 200 / 3),
    ("The fund raised $450 million.", "currency", "USD", 450e6),
    ("The fine was £2.5bn.", "currency", "GBP", 2.5e9),
    ("It cost €85m.", "currency", "EUR", 85e6),
    ("It cost 5 million euros.", "currency", "EUR", 5e6),
    ("It cost 300 million hryvnias.", "currency", "UAH", 300e6),
    ("He was fined 500 pounds by the court.", "currency", "GBP", 500),
    ("The project cost 5 million pounds.", "currency", "GBP", 5e6),
    ("Five soldiers were wounded.", "count", "", 5),
    ("More than 2,000 people fled.", "count", "", 2000),
]


@pytest.mark.parametrize(("text", "kind", "unit", "si"), CASES)
def test_kind_unit_and_si_value(text, kind, unit, si):
    q = only(text)
    assert (q.kind, q.unit) == (kind, unit)
    assert approx(q.si_value, si, 1e-4), (q.si_value, si)


@pytest.mark.parametrize(("text", "kind", "unit", "si"), CASES)
def test_units_are_pint_units_or_iso_codes(text, kind, unit, si):
    q = only(text)
    assert q.kind in KINDS and q.qualifier in QUALIFIERS
    if q.kind == "currency":
        assert len(q.unit) == 3 and q.unit.isupper()
        assert q.si_value == q.value
    elif q.kind == "count":
        assert q.unit == ""
    elif q.kind == "percentage":
        assert q.si_value == q.value
    else:
        assert not UREG.parse_units(q.unit).dimensionless


def test_pounds_weighed_are_mass_and_pounds_paid_are_money():
    found = extract_quantities("He lost 30 pounds in weight after he was fined 500 pounds.")
    assert [(q.text, q.kind) for q in found] == [
        ("30 pounds", "mass"),
        ("500 pounds", "currency"),
    ]


def test_currency_symbols_map_to_iso_codes():
    text = "She paid $50,000, US$3.5bn, ¥1,000, ₹200 and ₴40."
    assert [q.unit for q in extract_quantities(text)] == ["USD", "USD", "JPY", "INR", "UAH"]


def test_rate_time_units_are_durations():
    found = extract_quantities("Each household receives 50 litres of water a day.")
    assert [(q.text, q.kind, q.si_value) for q in found][1] == ("a day", "duration", 86400)


def test_bare_degrees_need_a_temperature_context():
    assert only("Temperatures rose to 35 degrees on Monday.").kind == "temperature"
    assert extract_quantities("The ship turned 90 degrees to port.") == []
