"""Where an article's title comes from (claims.intake, no database): the page's title, the
text's headline, else the first sentence."""

from __future__ import annotations

import pytest

from claims.intake import document_from_any, document_from_html, first_sentence_title, headline_of
from tests.paths import SEED

BODY = "The bridge is 300 metres long and took four years to build, the city said on Monday."


@pytest.mark.parametrize(
    "text",
    [
        f"Bridge reopens after four years\n\n{BODY}",
        f"Is the new bridge safe?\n\n{BODY}",
        f"Bridge reopens after four years\n{BODY}",  # the body straight after it
        f"  Bridge reopens after four years  \n\n{BODY}",
        f"Kyiv: 300 metres of bridge, four years of work\n\n{BODY}",
    ],
    ids=["blank-line", "question", "next-line", "padded", "colon-inside"],
)
def test_a_short_first_line_without_a_final_period_is_the_headline(text):
    assert headline_of(text) == text.strip().split("\n")[0].strip()


@pytest.mark.parametrize(
    "text",
    [
        BODY,  # a single paragraph: no body after it
        "Bridge reopens after four years",  # nothing after it
        f"{BODY}\n\nMore text follows here.",  # ends with a period: a sentence
        f"The city said on Monday that the bridge,\n{BODY}",  # ends with a comma
        "Officials said the bridge was built for the\nCity of Kyiv at great cost.",  # wrapped
        "Officials said the new bridge was finally opened\nafter four long years.",  # wrapped
        f"By Ann Smith and Bo Li\n\n{BODY}",  # a byline
        f"Ukraine\n\n{BODY}",  # one word: a label, not a headline
        f"{'Very long line ' * 12}without a period\n\n{BODY}",  # too long
        f"the bridge reopens\n\n{BODY}",  # starts in lower case
    ],
    ids=[
        "single-paragraph",
        "nothing-after",
        "sentence",
        "comma",
        "wrapped-the",
        "wrapped-lowercase",
        "byline",
        "one-word",
        "too-long",
        "lowercase",
    ],
)
def test_other_first_lines_are_not_headlines(text):
    assert headline_of(text) == ""


def test_a_plain_text_with_a_headline_is_named_by_it():
    document = document_from_any(f"Bridge reopens after four years\n\n{BODY}")
    assert document.title == "Bridge reopens after four years"


def test_without_a_headline_the_title_is_left_to_the_fallback_of_the_first_sentence():
    document = document_from_any(f"{BODY} Traffic resumed at noon.\n\nMore.")
    assert document.title == ""
    assert document.fallback_title == BODY


def test_the_first_sentence_is_cut_at_a_word_when_long():
    seed = document_from_any(SEED.read_text(encoding="utf-8"))
    assert seed.title == ""
    title = seed.fallback_title
    assert title.startswith("Ukrainian President Volodymyr Zelensky") and title.endswith("…")
    assert len(title) <= 121


def test_an_abbreviation_does_not_end_the_first_sentence():
    assert first_sentence_title("Mr. Smith said the U.S. bridge is long. It is.") == (
        "Mr. Smith said the U.S. bridge is long."
    )


def _page(head: str, heading: str = "") -> str:
    return (
        f"<html><head>{head}</head><body><article>{heading}<p>{BODY}</p>"
        "<p>Traffic resumed at noon, officials said on Tuesday evening.</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("head", "heading", "title"),
    [
        (
            '<title>Bridge | The Ledger</title><meta property="og:title" content="Bridge opens">',
            "<h1>Heading</h1>",
            "Bridge opens",
        ),
        ('<meta property="og:title" content="  Bridge\n opens  ">', "", "Bridge opens"),
        ("<title>Bridge opens at last</title>", "", "Bridge opens at last"),
    ],
    ids=["og-title-first", "og-title-spaces", "title-element"],
)
def test_an_html_page_is_named_by_its_og_title_or_title(head, heading, title):
    assert document_from_html(_page(head, heading)).title == title
