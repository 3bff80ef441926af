"""Rates: "$3.2 million a day", "£25 a year", "50 litres of water a day", "10 hours per week".

The extractor reads the "a day" of a rate as a length of time (a Quantity of kind duration,
which the extraction gold counts), but to an editor it is the figure's denominator, not a
claim about how long something lasted. This module says when a duration is such a
denominator; the claims layer (`claims.services.extraction`) then folds it into the figure's
claim. Pure Python: the words come from the lexicon.

A denominator is a rate word and one unit of time ("a day", "per year", "each week"), right
after the figure: nothing but a space or a hyphen between them, or "of" and the noun the figure
measures ("1,000 barrels of oil a day"). What follows may still make it a time: "$40 a year
ago", "a week later", "a day-long strike", "it was $5 a year before." are not rates. "for a
day", "in a week", "spent a year" stand after no figure, so they are never denominators.

A frequency ("twice a year", "three times a day", "once a week") has a denominator too, but
no figure for it to join: `is_frequency_denominator` says so, and the claims layer leaves it
out of the claims.
"""

from __future__ import annotations

import re

from claims.extraction.context import word_before
from claims.extraction.lexicon.words import (
    FREQUENCY_WORDS,
    FUNCTION_WORDS,
    NOT_NOUNS,
    NOT_RATE_AFTER,
    NOT_RATE_AFTER_AT_CLAUSE_END,
    RATE_WORDS,
)
from claims.extraction.quantity import Quantity

_SPACE = r"[ \t\u00a0\u2009\u202f]"
# Between the figure and its denominator: nothing, a space, a hyphen ("$5-a-day"), "of" and at
# most two words naming what is measured ("of water", "of crude oil"), or a first denominator
# that is no time ("2 litres per person a day", "$3 a head per week").
_GAP_RE = re.compile(
    rf"(?:{_SPACE}*-?{_SPACE}*|{_SPACE}+of{_SPACE}+(?P<noun>[a-z]+(?:{_SPACE}+[a-z]+)?){_SPACE}+"
    rf"|{_SPACE}+(?:per|an?|each|every){_SPACE}+(?P<per>[a-z]+){_SPACE}+)\Z"
)
_DENOMINATOR_RE = re.compile(r"(?P<rate>[A-Za-z]+)[ \t\u00a0]+[a-z]+\Z")
# The word after a denominator, and whether its clause ends there (punctuation or the end).
_NEXT_WORD_RE = re.compile(
    rf"{_SPACE}*(?P<word>[A-Za-z]+)(?P<end>{_SPACE}*[.,;:!?)\]\"\u201d\u2019\u2014]|\s*\Z)?"
)
_NOT_NOUNS = FUNCTION_WORDS | NOT_NOUNS


def is_rate_denominator(text: str, figure_end: int, quantity: Quantity) -> bool:
    """Whether `quantity` ("a day") is the denominator of a figure that ends at `figure_end`."""
    if quantity.start < figure_end or not _is_denominator_shaped(quantity):
        return False
    gap = _GAP_RE.match(text[figure_end : quantity.start])
    if gap is None or (gap["noun"] and set(gap["noun"].split()) & _NOT_NOUNS):
        return False
    if gap["per"] and gap["per"] in _NOT_NOUNS:
        return False
    return not _is_a_time(text, quantity.end)


def is_frequency_denominator(text: str, quantity: Quantity) -> bool:
    """Whether `quantity` ("a year") is how often something happens: "twice a year"."""
    if not _is_denominator_shaped(quantity):
        return False
    before = word_before(text, quantity.start)
    return (
        before is not None
        and before[0].casefold() in FREQUENCY_WORDS
        and not _is_a_time(text, quantity.end)
    )


def _is_denominator_shaped(quantity: Quantity) -> bool:
    words = _DENOMINATOR_RE.match(quantity.text)
    return (
        quantity.kind == "duration" and words is not None and words["rate"].casefold() in RATE_WORDS
    )


def _is_a_time(text: str, end: int) -> bool:
    """Whether the words after a denominator make it a time: "a year ago", "a day-long"."""
    if text[end : end + 1] == "-":
        return True
    after = _NEXT_WORD_RE.match(text, end)
    if after is None:
        return False
    word = after["word"].casefold()
    if word in NOT_RATE_AFTER:
        return True
    return word in NOT_RATE_AFTER_AT_CLAUSE_END and after["end"] is not None
