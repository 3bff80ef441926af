"""The geography check on prose as writers write it: which place a distance locates, how the
place it is measured from is named, and the compass in all its spellings."""

import pytest

from claims.checks.geography import compass_abbreviation
from tests.checks.builders import geography_findings, only_geography


def measured(finding):
    """'Marseille → Avignon' from the explanation: the reference and the place measured."""
    return finding.explanation.split(":")[0]


# --- the place measured ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Avignon, a walled city on the Rhône in the Vaucluse département of southern France, "
         "lies about 80 km north-west of Marseille.", "consistent"),
        ("Avignon, a walled city on the Rhône in the Vaucluse département of southern France, "
         "lies about 30 km north-west of Marseille.", "inconsistent"),
        ("The old port of Gdansk hosted the regatta, and Sopot, a resort on the Baltic coast, "
         "lies about 10 km north-west of Gdansk.", "consistent"),
    ],
)  # fmt: skip
def test_the_subject_in_apposition_before_the_figure_is_the_place_measured(text, outcome):
    finding = only_geography(text)
    assert finding.outcome == outcome, finding.explanation
    assert measured(finding).endswith(("Avignon", "Sopot"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Hampshire" (a county; the gazetteer has small US towns of that name) sits in a phrase
        # about Portsmouth: Portsmouth is measured.
        ("Portsmouth is a naval city on the coast of Hampshire, about 100 km south-west of "
         "London.", "London → Portsmouth"),
        ("Brest is a port on the western tip of Brittany, France, about 210 km west of Rennes.",
         "Rennes → Brest"),
    ],
)  # fmt: skip
def test_a_name_inside_the_subjects_own_phrase_is_not_the_place_measured(text, expected):
    finding = only_geography(text)
    assert measured(finding) == expected
    assert finding.outcome == "consistent", finding.explanation


def test_a_region_the_gazetteer_lacks_yields_to_the_sentences_subject():
    finding = geography_findings("Leipzig is a city in Saxony, 150 km south-west of Berlin.")[0]
    assert measured(finding) == "Berlin → Leipzig"
    assert finding.outcome == "consistent"


@pytest.mark.parametrize(
    "text",
    [
        "Utrecht is a Dutch city. It lies about 35 km south-east of Amsterdam.",
        "Utrecht is a Dutch city. The city lies about 35 km south-east of Amsterdam.",
        "Utrecht has a famous university. Today the city is about 35 km south-east of Amsterdam.",
    ],
)  # fmt: skip
def test_a_pronoun_refers_back_to_the_previous_sentences_place(text):
    finding = only_geography(text)
    assert measured(finding) == "Amsterdam → Utrecht"
    assert finding.outcome == "consistent"
    assert "read as Utrecht" in finding.explanation


def test_a_pronoun_carries_a_wrong_figure_to_its_place():
    finding = only_geography(
        "Utrecht is a university city. It lies about 90 km south-east of Amsterdam."
    )
    assert finding.outcome == "inconsistent"
    assert measured(finding) == "Amsterdam → Utrecht"


def test_the_first_town_of_the_sentence_before_stands_for_the_city():
    # The sentence before opens with no town; "Piedmont"-like modifiers are not towns.
    text = (
        "Its coastal Baltic location makes Gdynia about 25 km north-west of Gdansk by train. "
        "The city is about 25 km north-west of Gdansk."
    )
    assert measured(geography_findings(text)[-1]) == "Gdańsk → Gdynia"


@pytest.mark.parametrize(
    "text",
    [
        "Leipzig is a city in Saxony, 150 km south-west of Berlin and 100 km north-west of "
        "Dresden.",
        "Leipzig lies 150 km south-west of Berlin, 100 km north-west of Dresden.",
        "From Leipzig it is 150 km south-west to Berlin. Leipzig, 150 km south-west of Berlin, "
        "100 km north-west of Dresden, hosted the fair.",
    ],
)  # fmt: skip
def test_a_distance_in_a_list_belongs_to_the_sentences_subject(text):
    *_, first, second = geography_findings(text)
    assert measured(first) == "Berlin → Leipzig"
    assert measured(second) == "Dresden → Leipzig"  # not Berlin, the list's previous place
    assert (first.outcome, second.outcome) == ("consistent", "consistent")


def test_a_list_after_a_pronoun_keeps_the_pronouns_place():
    text = (
        "Poltava is a city in central Ukraine. It lies about 130 km south-west of Kharkiv, "
        "about 300 km east of Kyiv and about 140 km north-west of Dnipro."
    )
    assert [measured(f) for f in geography_findings(text)] == [
        "Kharkiv → Poltava",
        "Kyiv → Poltava",
        "Dnipro → Poltava",
    ]


def test_a_list_whose_every_figure_is_longer_than_the_line_is_read_as_road_distances():
    text = (
        "Lyon is 465 km south-east of Paris, 315 km north of Marseille and 145 km west of Geneva."
    )
    found = geography_findings(text)
    assert "inconsistent" not in [f.outcome for f in found]
    assert any("as distances by road are" in f.explanation for f in found)


# --- the place measured from -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Pasadena lies about 10 miles north-east of downtown Los Angeles.", "Los Angeles"),
        ("Watford, about 25 km north-west of central London, grew fast.", "London"),
        ("Gouda, about 20 km north-east of the city of Rotterdam, sells cheese.", "Rotterdam"),
        ("Stockport, about 10 km south-east of Manchester city centre, flooded.", "Manchester"),
        ("Mesa, about 15 miles east of the state capital, Phoenix, grew fast.", "Phoenix"),
        ("Giverny lies about 65 km north-west of the centre of Paris.", "Paris"),
        ("Petersburg lies about 22 miles south of Richmond, Virginia.", "Richmond"),
        ("Arlington lies about 3 miles west of Washington, D.C.", "Washington"),
    ],
)
def test_downtown_central_the_city_of_y_is_y(text, reference):
    finding = only_geography(text)
    assert measured(finding).startswith(f"{reference} → ")
    assert finding.outcome == "consistent", finding.explanation


def test_the_state_after_the_reference_picks_its_reading():
    finding = only_geography("Petersburg lies about 22 miles south of Richmond, Virginia.")
    assert "37 km" in finding.expected  # Richmond, Virginia; not Richmond, British Columbia


# --- the compass -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "point"),
    [
        ("north-west", "NW"), ("northwest", "NW"), ("north west", "NW"), ("NW", "NW"),
        ("to the west", "W"), ("west-northwest", "WNW"), ("west-north-west", "WNW"),
        ("west north-west", "WNW"), ("WNW", "WNW"), ("west-south-west", "WSW"),
        ("south-south-east", "SSE"), ("SSE", "SSE"), ("due north", "N"), ("eastward", "E"),
    ],
)  # fmt: skip
def test_sixteen_point_directions_in_every_spelling_are_read(words, point):
    assert compass_abbreviation(words) == point


@pytest.mark.parametrize(
    "direction",
    ["west-northwest", "west-north-west", "west north-west", "WNW", "north-west",
     "northwest", "to the north-west", "to the west"],
)  # fmt: skip
def test_sixteen_point_directions_in_prose_are_checked(direction):
    finding = only_geography(f"Oxford lies about 80 km {direction} of London.")
    assert finding.outcome == "consistent", finding.explanation  # bearing 290°
    assert f"'{direction.replace('to the ', '')}' allows bearings" in finding.explanation


@pytest.mark.parametrize("direction", ["east-south-east", "ESE", "south-east", "east"])
def test_a_wrong_sixteen_point_direction_is_an_alarm(direction):
    assert (
        only_geography(f"Oxford lies about 80 km {direction} of London.").outcome == "inconsistent"
    )


def test_an_aside_with_a_verb_of_its_own_is_a_clause_not_an_apposition():
    text = (
        "During the Second World War, a treaty was signed in Compiègne, about 80 km north-east "
        "of Paris."
    )
    finding = only_geography(text)
    assert measured(finding) == "Paris → Compiègne"
    assert finding.outcome == "consistent"


def test_a_place_in_an_aside_between_commas_is_not_the_place_measured():
    # The theme park is in Marne-la-Vallée, not Marne-la-Vallée itself: no town to measure.
    text = "Disneyland Paris, in Marne-la-Vallée, 32 km east of the centre of Paris, is busy."
    assert only_geography(text).outcome == "unverifiable"


# --- how far a distance between towns may be from the straight line -------------------------
# Eugene lies 104 miles (167 km) from Portland in a straight line, bearing 191°.


@pytest.mark.parametrize(
    "text",
    [
        "Eugene lies 120 miles south of Portland.",  # +15 %: a distance between towns
        "Eugene lies about 125 miles south of Portland.",  # +20 % after a hedge
        "Eugene lies about 88 miles south of Portland.",  # -15 % after a hedge
    ],
)
def test_a_distance_between_towns_holds_loosely(text):
    assert only_geography(text).outcome == "consistent"


def test_a_figure_longer_by_a_roads_detour_is_left_to_an_editor():
    finding = only_geography("Eugene lies 130 miles south of Portland.")  # +25 %
    assert finding.outcome == "unverifiable"
    assert "road" in finding.explanation


@pytest.mark.parametrize(
    "text",
    [
        "Eugene lies 150 miles south of Portland.",  # +44 %: more than any usual detour
        "Eugene lies 85 miles south of Portland.",  # -18 %: no road is shorter than the line
        "Eugene lies about 80 miles south of Portland.",  # -23 %, past what "about" allows
    ],
)
def test_a_figure_beyond_a_loose_distance_or_a_detour_is_an_alarm(text):
    assert only_geography(text).outcome == "inconsistent"


def test_as_the_crow_flies_holds_the_figure_to_its_own_precision():
    finding = only_geography("Eugene lies 130 miles south of Portland as the crow flies.")
    assert finding.outcome == "inconsistent"
    assert "road" not in finding.explanation
