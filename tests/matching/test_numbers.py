"""Matching on the numbers (claims.matching): the same figure within its own tolerance, the
same places, the same period, and a reason an editor can read. Pure Python, no database."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from claims.matching import NumberMatch, match_numbers, read_claim

REPO = Path(__file__).resolve().parents[2]
PAIRS = Path(__file__).parent / "pairs.jsonl"


def match(a: str, b: str) -> NumberMatch:
    return match_numbers(read_claim(a), read_claim(b))


def test_a_reworded_claim_with_the_same_figures_matches():
    found = match(
        "Kupyansk lies some 30 miles to the north of Izium.",
        "Izium is about 30 miles south of Kupyansk.",
    )
    assert found.same_figure and found.same_places is True and found.matches
    assert found.reason == "same figure: about 30 mi; same places: Kupyansk, Izium"


def test_another_figure_in_the_same_sentence_is_a_number_mismatch_and_says_so():
    found = match("Kupyansk is 67 miles from Izium.", "Kupyansk is 76 miles from Izium.")
    assert not found.same_figure and not found.matches
    assert found.same_places is True  # the places agree: only the figure tells them apart
    assert found.reason.startswith("figures differ: 67 mi ≠ 76 mi")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # Their roundings (2.5–3.5 and 3.5–4.5) share an end only: two figures.
        ("Officials counted 3 crews.", "Officials counted 4 crews.", False),
        ("Prices rose by 7.5 percent.", "Prices rose by 7.6 percent.", False),
        ("The bridge is 1,200 metres long.", "The bridge is 1,300 metres long.", False),
        # Roundings that share more than an end: the same figure.
        ("About 100 people came.", "Some 110 people came.", True),
        ("The company paid $4.2 million.", "The company paid $4.25 million.", True),
        ("Officials counted 3 crews.", "Officials counted three crews.", True),
    ],
)
def test_two_figures_are_the_same_when_their_roundings_share_more_than_an_end(a, b, same):
    assert match(a, b).same_figure is same


def test_about_108_km_matches_67_miles_and_76_miles_does_not():
    same = match("The road is about 108 km long.", "The road is 67 miles long.")
    assert same.same_figure
    assert same.reason == "same figure: about 108 km = 67 mi (108 km)"
    other = match("The road is about 108 km long.", "The road is 76 miles long.")
    assert not other.same_figure
    assert other.reason == "figures differ: about 108 km ≠ 76 mi (122 km)"


def test_a_truncated_conversion_matches_as_the_conversion_check_allows():
    # 8,000 km² is 3,088.8 sq mi; "3,088" cuts it off (claims/checks/tolerance.py).
    assert match("It covers 8,000 square kilometers.", "It covers 3,088 square miles.").same_figure


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The park covers 500 square miles.", "The park is 500 miles from the coast."),
        ("Unemployment rose to 8 percent.", "Unemployment rose by 8 people."),
        ("The trip took 30 minutes.", "The trip was 30 kilometres."),
        ("The company paid $4.2 million.", "The company paid €4.2 million."),
    ],
)
def test_figures_of_different_kinds_or_currencies_never_match(a, b):
    found = match(a, b)
    assert not found.same_figure
    assert found.reason.startswith("no figure of the same kind")


def test_the_same_number_in_another_unit_is_not_the_same_figure():
    assert not match("It was 30 degrees Celsius.", "It was 30 degrees Fahrenheit.").same_figure
    assert match("It was 30 degrees Celsius.", "It was 86 degrees Fahrenheit.").same_figure


def test_ranges_match_end_by_end_and_never_a_single_figure_inside_them():
    assert match("It spread over 250 to 400 feet.", "It spread over 76–122 metres.").same_figure
    assert not match("Between 15 and 20 km.", "Between 15 and 40 km.").same_figure
    inside = match("The road is 60 to 70 miles long.", "The road is 67 miles long.")
    assert not inside.same_figure
    assert inside.reason == "figures differ: 60–70 mi ≠ 67 mi"


def test_more_than_60_miles_is_compatible_with_67_miles_but_not_the_same_figure():
    found = match("The road is more than 60 miles long.", "The road is 67 miles long.")
    assert not found.same_figure
    assert found.reason == "figures differ: more than 60 mi ≠ 67 mi"


def test_floors_match_floors_at_the_same_number_and_never_a_ceiling():
    assert match("It lasted more than eight years.", "It lasted at least eight years.").same_figure
    assert match("It covers 8,000 km².", "It covers more than 8,000 km².").same_figure
    assert not match("Fewer than 50 people came.", "More than 50 people came.").same_figure


def test_a_hedge_widens_the_figure_by_its_rule():
    assert match("The road is 67 miles long.", "The road is about 70 miles long.").same_figure
    assert not match("The road is 67 miles long.", "The road is about 90 miles long.").same_figure


def test_one_changed_figure_among_several_is_a_mismatch():
    found = match("Some 300 tanks and 5,000 troops.", "Some 200 tanks and 5,000 troops.")
    assert not found.same_figure
    assert "about 300 ≠ about 200" in found.reason
    assert match("Some 300 tanks and 5,000 troops.", "About 5,000 troops and some 300 tanks.")


def test_the_same_figure_for_other_places_is_not_the_same_places():
    found = match("Kupyansk is 67 miles from Izium.", "Kharkiv is 67 miles from Izium.")
    assert found.same_figure and found.same_places is False and not found.matches
    assert "other places: Kupyansk, Izium vs Kharkiv, Izium" in found.reason
    assert match("Lviv and Kyiv are 470 km apart.", "Kyiv and Lviv lie 470 km apart.").same_places
    countries = match("Portugal covers 92,000 km².", "Hungary covers 92,000 km².")
    assert countries.same_places is False


def test_places_are_compared_only_when_both_sentences_name_them():
    assert match("Izium is 67 miles away.", "The town is 67 miles away.").same_places is None


def test_years_and_dates_are_compared_when_both_name_them():
    year = match("In 2019 the city had 1.2 million people.", "In 2021 the city had 1.2 million.")
    assert year.same_figure and year.same_period is False and not year.matches
    assert year.reason.endswith("other period: 2019 vs 2021")
    day = match(
        "On September 10, 2022, troops advanced 50 km.", "Troops advanced 50 km on Sept. 10, 2022."
    )
    assert day.same_period is True and day.reason.endswith("same period: 2022-09-10")
    assert match("In 2019 it had 5 km.", "It had 5 km.").same_period is None


def test_a_claim_span_keeps_only_its_own_figure():
    sentence = "The road is 67 miles long and the bridge 2 km."
    road = read_claim(sentence, span=(12, 20))
    assert [q.text for q in road.quantities] == ["67 miles"]
    assert match_numbers(road, read_claim("The road is 108 km long.")).same_figure


def test_the_reason_takes_a_text_score_in_front():
    found = match("The road is 67 miles long.", "The road is 108 km long.")
    assert f"text 0.91; {found.reason}" == "text 0.91; same figure: 67 mi = 108 km (67.1 mi)"


def test_the_pairs_set_is_large_and_labelled():
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]
    assert len(pairs) >= 60
    assert all({"a", "b", "same_figure", "how"} <= set(p) for p in pairs)
    assert {True, False} == {p["same_figure"] for p in pairs}


def test_the_benchmark_prints_precision_and_recall():
    done = subprocess.run(
        [sys.executable, "bench/match_pairs.py"], cwd=REPO, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    # A floor under the figures it printed when the pairs were written (0.98 and 1.00): the
    # matcher, not only the printing, is held to the hand-labelled pairs.
    said = re.search(r"same figure: precision ([\d.]+), recall ([\d.]+)", done.stdout)
    assert said is not None, done.stdout
    precision, recall = map(float, said.groups())
    assert precision >= 0.95 and recall >= 0.95
    # Words and numbers together, at the thresholds of the settings (chosen on these pairs:
    # a floor, not a score): the targets, precision 0.9 and recall 0.8.
    said = re.search(r"seen before: precision ([\d.]+), recall ([\d.]+)", done.stdout)
    assert said is not None, done.stdout
    precision, recall = map(float, said.groups())
    assert precision >= 0.9 and recall >= 0.8


def test_the_package_imports_without_django():
    code = (
        "import sys; import claims.matching as m; m.read_claim('5 km from Kyiv');"
        "bad = [n for n in sys.modules"
        " if n.split('.')[0] in ('django', 'celery', 'rest_framework')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_capitalised_ordinary_word_is_not_read_as_a_place():
    # "Since" and "More" are small towns in GeoNames; outside a stated distance only towns of
    # the article context's size are read.
    assert not read_claim("Since early September, 5 km were taken.").places.names
    assert not read_claim("More than 50 people attended.").places
    assert read_claim("Since September, Ukraine retook 8,000 km².").places.names == ("Ukraine",)
