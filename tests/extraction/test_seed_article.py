"""Every quantity in the seed article, with kind, SI value and qualifier (issue 3, item 2)."""

from pathlib import Path

import pytest

from claims.extraction import extract_quantities

from .helpers import approx

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "izium-2022-09-14.txt"

EXPECTED = [
    # surface, kind, SI value, qualifier, step
    ("five days", "duration", 5 * 86400, "exact", None),
    ("a minute", "duration", 60, "exact", None),
    ("five months", "duration", 5 * 2_629_800, "more_than", None),
    ("30 miles", "length", 48_280.32, "approximate", 10),
    ("eight years", "duration", 8 * 31_557_600, "more_than", None),
    ("8,000 square kilometers", "area", 8e9, "exact", 1000),
    ("3,088 square miles", "area", 3088 * 2_589_988.110336, "exact", 1),
    ("half", "percentage", 50, "approximate", None),
]


@pytest.fixture(scope="module")
def seed() -> tuple[str, list]:
    text = SEED.read_text(encoding="utf-8")
    return text, extract_quantities(text)


def test_every_quantity_in_the_seed_is_found_with_kind_si_value_and_qualifier(seed):
    _, found = seed
    got = [(q.text, q.kind, q.qualifier, q.step) for q in found]
    assert got == [(s, k, qual, step) for s, k, _, qual, step in EXPECTED]
    for q, (_, _, si, _, _) in zip(found, EXPECTED, strict=True):
        assert approx(q.si_value, si), (q.text, q.si_value, si)


def test_seed_quantities_know_their_sentence(seed):
    text, found = seed
    for q in found:
        start, end = q.sentence
        assert start <= q.start < q.end <= end
        assert "\n" not in text[start:end]
    conversion = [q for q in found if q.kind == "area"]
    assert conversion[0].sentence == conversion[1].sentence
    assert text[conversion[0].sentence[0] :].startswith("In a sign that Kyiv")


def test_seed_words_that_look_like_qualifiers_are_not(seed):
    text, found = seed
    # "under occupation", "over the city" and "one thing" carry no figure.
    assert not any(q.text in ("one thing", "one direction") for q in found)
    assert all(text[q.start : q.end] == q.text for q in found)


def test_sentences_stay_right_when_the_splitter_drops_a_paragraph_break():
    # sentencex sometimes leaves out a "\n\n" between two paragraphs (seen with this text
    # repeated); the spans must still be the trimmed sentence around each quantity.
    paragraphs = [
        "Water temperatures off the coast reached 30 degrees Celsius.",
        "The fund has raised $450 million so far.",
        "Tickets cost between €40 and €60.",
        "The company was fined £2.5bn by regulators.",
    ]
    text = ("\n\n".join(paragraphs) + "\n\n") * 300
    for q in extract_quantities(text):
        sentence = text[q.sentence[0] : q.sentence[1]]
        assert q.sentence[0] <= q.start < q.end <= q.sentence[1]
        assert sentence in paragraphs, sentence
