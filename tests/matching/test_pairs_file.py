"""The hand-written pairs set (tests/matching/pairs.jsonl, described in PAIRS.md) keeps its
shape: enough pairs of each kind, every field present, `how` from the fixed vocabulary, and
labels that agree with the way each pair was made. Pure Python, no database."""

import json
from collections import Counter
from pathlib import Path

import pytest

PAIRS = Path(__file__).parent / "pairs.jsonl"

# How a pair was made. A rewording states the same figure about the same thing; another figure
# or period is still the same statement ("seen before", with the figure to check); the rest
# are about something else, whatever figure they share.
SAME_FIGURE_HOWS = frozenset({"reworded", "converted", "headline", "quoted"})
RELATED_HOWS = SAME_FIGURE_HOWS | {"other_figure", "other_period"}
UNRELATED_HOWS = frozenset(
    {"other_quantity", "same_figure_other_subject", "unrelated", "near_miss", "other_places"}
)
REQUIRED = frozenset({"a", "b", "related", "same_figure", "how"})
OPTIONAL = frozenset({"same_places", "same_period", "note"})


def load() -> list[dict]:
    lines = PAIRS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_every_line_is_one_json_object_with_no_blank_lines():
    lines = PAIRS.read_text(encoding="utf-8").splitlines()
    assert all(line.strip() for line in lines)
    assert all(isinstance(json.loads(line), dict) for line in lines)


def test_the_set_has_at_least_200_pairs_and_no_pair_twice():
    pairs = load()
    assert len(pairs) >= 200
    twice = [k for k, n in Counter((p["a"], p["b"]) for p in pairs).items() if n > 1]
    assert not twice
    assert all(p["a"] != p["b"] for p in pairs)


def test_every_pair_has_the_required_fields_and_no_others():
    for pair in load():
        assert REQUIRED <= set(pair) <= REQUIRED | OPTIONAL, pair
        assert isinstance(pair["a"], str) and pair["a"].strip(), pair
        assert isinstance(pair["b"], str) and pair["b"].strip(), pair
        for field in ("related", "same_figure", "same_places", "same_period"):
            assert pair.get(field, False) in (True, False), pair


def test_how_comes_from_the_vocabulary():
    assert {p["how"] for p in load()} <= RELATED_HOWS | UNRELATED_HOWS


def test_related_agrees_with_how():
    # An unrelated pair needs nothing beyond the required fields: its figure, places and
    # period are labelled where written but never required.
    for pair in load():
        expected = RELATED_HOWS if pair["related"] else UNRELATED_HOWS
        assert pair["how"] in expected, pair


@pytest.mark.parametrize(
    ("how", "field", "value"),
    [
        ("reworded", "same_figure", True),
        ("converted", "same_figure", True),
        ("headline", "same_figure", True),
        ("quoted", "same_figure", True),
        ("other_figure", "same_figure", False),
        ("same_figure_other_subject", "same_figure", True),
        ("unrelated", "same_figure", False),
        ("other_period", "same_period", False),
        ("other_places", "same_places", False),
    ],
)
def test_the_labels_agree_with_how_the_pair_was_made(how, field, value):
    made = [p for p in load() if p["how"] == how]
    assert made, f"no pair made as {how}"
    assert all(p.get(field) is value for p in made), [p for p in made if p.get(field) is not value]


def test_rewordings_keep_the_places_and_period_where_both_name_them():
    for pair in load():
        if pair["how"] in SAME_FIGURE_HOWS:
            assert pair.get("same_places", True) and pair.get("same_period", True), pair


def test_the_set_is_balanced():
    pairs = load()
    related = [p for p in pairs if p["related"]]
    unrelated = [p for p in pairs if not p["related"]]
    assert len(related) >= 60 and len(unrelated) >= 60
    # Each side of both labels is a real share of the set, not a handful.
    share = len(unrelated) / len(pairs)
    assert 0.25 <= share <= 0.6
    for label in (True, False):
        assert sum(p["same_figure"] is label for p in related) >= 40
        assert sum(p["same_figure"] is label for p in unrelated) >= 30
    assert all(n >= 5 for n in Counter(p["how"] for p in pairs).values())
