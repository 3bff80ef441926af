"""The offline gazetteer: spellings, tiers, context."""

import pytest

from claims.checks.gazetteer import fold, gazetteer, skeleton
from claims.checks.geo_context import article_context


@pytest.mark.parametrize(
    ("written", "name", "country"),
    [
        ("Izium", "Izyum", "UA"), ("Izyum", "Izyum", "UA"),
        ("Kupiansk", "Kupyansk", "UA"), ("Kupyansk", "Kupyansk", "UA"),
        ("Kup'yansk", "Kupyansk", "UA"),
        ("Kraków", "Kraków", "PL"), ("Krakow", "Kraków", "PL"), ("Cracow", "Kraków", "PL"),
        ("Kyiv", "Kyiv", "UA"), ("Kiev", "Kyiv", "UA"),
        ("Odesa", "Odesa", "UA"), ("Lodz", "Łódź", "PL"),
    ],
)  # fmt: skip
def test_spellings_find_the_place(written, name, country):
    found = {(m.place.name, m.place.country) for m in gazetteer().candidates(written)}
    assert (name, country) in found


def test_odessa_has_a_ukrainian_and_a_texan_reading():
    countries = {m.place.country for m in gazetteer().candidates("Odessa")}
    assert {"UA", "US"} <= countries


def test_small_towns_come_from_the_second_tier():
    assert [m.place.name for m in gazetteer().candidates("Soledar")] == ["Soledar"]


def test_an_unknown_name_has_no_candidates():
    assert gazetteer().candidates("Zzyzxville") == []


def test_folding_ignores_accents_apostrophes_hyphens_and_case():
    assert fold("Kraków") == "krakow"
    assert fold("Kup’yans’k") == "kupyansk"
    assert fold("Stoke-on-Trent") == "stoke on trent"
    assert skeleton(fold("Odessa")) == skeleton(fold("Odesa"))


def test_the_article_context_counts_countries_cities_and_adjectives():
    context = article_context("Ukrainian forces entered Kharkiv. Ukraine said Russia lost.")
    assert context.country_share("UA") > 0.5
    assert context.country_share("US") == 0
    texas = article_context("In West Texas, oil prices rose.")
    assert texas.state_share("US", "TX") == 1.0


def test_an_ambiguous_city_name_is_no_context():
    assert article_context("Springfield voted.").mentions == ()
