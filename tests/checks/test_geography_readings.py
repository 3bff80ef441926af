"""Which town a name means (datelines, states, one reading per article, small towns, city
districts), and every path on which the geography check says `unverifiable` instead of
guessing."""

import pytest

from claims.checks.geo_context import Context
from claims.checks.places import Readings, read_pair
from tests.checks.builders import geography_findings, only_geography

# --- the article's own words pick the reading --------------------------------------------------

SPRINGFIELD = "Springfield lies about 175 miles south-west of Chicago."


def test_without_a_hint_two_springfields_are_a_toss_up_that_names_both():
    finding = only_geography(SPRINGFIELD)
    assert finding.outcome == "unverifiable"
    assert "Springfield (US-IL" in finding.explanation
    assert "Springfield (US-MO" in finding.explanation


@pytest.mark.parametrize(
    "dateline",
    ["SPRINGFIELD, Ill. (AP) — ", "SPRINGFIELD, Illinois — ", "CHICAGO (AP) — "],
)
def test_the_datelines_state_picks_the_reading(dateline):
    finding = only_geography(dateline + SPRINGFIELD)
    assert finding.outcome == "consistent", finding.explanation
    assert "283 km" in finding.expected  # Springfield, Illinois


def test_a_dateline_in_another_state_reads_the_name_there():
    # Filed from Springfield, Missouri, the article's Springfield is that one, 707 km away.
    finding = only_geography("SPRINGFIELD, Mo. (AP) — " + SPRINGFIELD)
    assert finding.outcome == "inconsistent"
    assert finding.expected.startswith("707 km")


@pytest.mark.parametrize(
    "text",
    [
        "Salem, Ore., lies about 60 miles north of Eugene.",
        "Salem, Oregon, lies about 60 miles north of Eugene.",
        "Salem, OR, lies about 60 miles north of Eugene.",
    ],
)
def test_a_state_written_the_ap_way_or_in_full_after_a_name_picks_its_reading(text):
    finding = only_geography(text)
    assert finding.outcome == "consistent"
    assert "Eugene → Salem: 99 km" in finding.explanation


def test_a_name_keeps_one_reading_per_article():
    fresh = read_pair("Richmond", "Toronto", Context(), 750)
    assert fresh.place is not None and fresh.place.country == "CA"  # alone: Richmond, BC

    readings = Readings()
    first = read_pair("Richmond", "Washington", Context(), 153, ("Virginia", "D.C."), readings)
    assert first.place is not None and first.place.admin1 == "VA"
    again = read_pair("Richmond", "Toronto", Context(), 750, readings=readings)
    assert again.place == first.place


def test_a_name_left_open_once_raises_no_alarm_later_in_the_article():
    text = SPRINGFIELD + " The town is about 140 miles north of St. Louis."
    first, second = geography_findings(text)
    assert first.outcome == "unverifiable"
    assert second.outcome == "unverifiable"
    assert "earlier in the article" in second.explanation


# --- the gazetteer's tiers and districts ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kilometres"),
    [
        ("Hallstatt, about 50 km south-east of Salzburg, draws tourists.", "53 km"),
        ("Giverny, about 70 km north-west of Paris, has Monet's garden.", "65 km"),
    ],
)
def test_a_town_missing_from_the_cities_is_found_among_the_smaller_towns(text, kilometres):
    finding = only_geography(text)
    assert finding.outcome == "consistent", finding.explanation
    assert finding.expected.startswith(kilometres)


def test_a_city_district_is_not_read_as_a_village():
    # The gazetteer has Buckow, a district of Berlin 12 km from its centre, and Buckow, a
    # small town in Brandenburg 45 km east: "45 km east of Berlin" is the town.
    finding = only_geography("Buckow, a spa town in Brandenburg, lies about 45 km east of Berlin.")
    assert finding.outcome == "consistent"
    assert finding.expected.startswith("45 km")


def test_a_small_town_whose_name_is_shared_raises_no_alarm():
    finding = only_geography("Buckow, a spa town in Brandenburg, lies about 150 km east of Berlin.")
    assert finding.outcome == "unverifiable"
    assert "small places share names" in finding.explanation


def test_a_name_is_looked_up_as_written_not_by_its_last_word():
    # Not "Wola" (a district of Warsaw) for a village the gazetteer does not list.
    finding = only_geography("The composer was born in Stara Wola, 40 km west of Warsaw.")
    assert finding.outcome == "unverifiable"
    assert "'Stara Wola' is not in the gazetteer" in finding.explanation


# --- unverifiable, with the reason ----------------------------------------------------------------


def test_a_pronoun_with_nothing_before_it_is_an_unknown_subject():
    finding = only_geography("It lies about 40 km north of Lyon.")
    assert finding.outcome == "unverifiable"
    assert "'It' stands for a place the text does not name" in finding.explanation


def test_the_village_with_no_village_named_is_an_unknown_subject():
    finding = only_geography("The village, 30 km east of Poltava, was shelled.")
    assert finding.outcome == "unverifiable"
    assert "'The village' stands for a place" in finding.explanation


def test_a_pronoun_that_would_measure_a_town_from_itself_is_unverifiable():
    text = "Lyon has a new stadium. It lies about 10 km east of central Lyon."
    finding = only_geography(text)
    assert finding.outcome == "unverifiable"
    assert "a town is not a distance from itself" in finding.explanation


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Schiphol Airport lies about 15 km south-west of Amsterdam.", "an airport"),
        ("Zell am See, about 40 km north of Mount Grossglockner, is a resort.", "a mountain"),
        ("Sandy Hook, about 20 km south of Lake Champlain, flooded.", "a lake"),
        ("Amarillo lies about 100 miles north of Texas.", "a region"),
    ],
)
def test_an_airport_a_mountain_a_lake_or_a_state_is_not_a_settlement(text, what):
    finding = only_geography(text)
    assert finding.outcome == "unverifiable"
    assert f"is {what}, not a town" in finding.explanation


def test_a_travel_time_is_not_a_distance():
    finding = only_geography("Asheville lies about two hours west of Charlotte.")
    assert finding.outcome == "unverifiable"
    assert "travel time" in finding.explanation


@pytest.mark.parametrize(
    "text",
    ["Bordeaux is 585 km from Paris by road.", "By road, Bordeaux is 585 km south-west of Paris."],
)
def test_a_figure_longer_than_the_line_by_road_is_unverifiable(text):
    finding = only_geography(text)
    assert finding.outcome == "unverifiable"
    assert "by road" in finding.explanation


def test_a_drive_is_not_read_as_a_distance_between_places():
    assert geography_findings("Nice is a 930 km drive south-east of Paris.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Mrs Okafor lives 20 miles north of Leeds.",
        "A plane came down 30 km east of Tallinn.",
        "Estonia, 80 km south of Helsinki, joined the euro.",
    ],
)
def test_a_distance_that_locates_no_town_gets_no_finding(text):
    assert geography_findings(text) == []


def test_the_city_in_a_lede_after_a_dateline_is_the_datelines_town():
    text = "BOISE, Idaho (AP) — The city lies about 40 miles north-west of Mountain Home."
    finding = only_geography(text)
    assert finding.explanation.startswith("Mountain Home → Boise")
    assert "the article's own town" in finding.explanation
