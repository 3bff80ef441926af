"""The readings a conversion pair may have: a temperature as a reading or as a difference, and
unit words with more than one meaning (tons, gallons, pints).

A temperature converts one way as a reading (30 °C = 86 °F) and another as a difference (a
rise of 1.5 °C = 2.7 °F). The words around the pair say which, when they say anything:

- a difference, firmly: "by" before the figure ("warmed by 1.5 °C"), "a rise of", a word of
  comparison or change right after the pair ("5 °C (9 °F) warmer", "above the average",
  "per decade", "a 2 °C (3.6 °F) rise");
- a difference, loosely: a verb of change a few words before ("raise the temperature up to
  22 °C"), which may also name the level reached;
- a reading: "to", "at", "of", "from", "highs", "average" right before the figure ("rose to
  30 °C", "highs of 35 °C", "averages 29 °C"), or a figure below zero;
- either: such a word of level in a clause that names a change ("limit warming to 1.5 °C",
  "the anomaly reached 3 °C", "a rise to 30 °C"): the amount of the change or the level it
  reaches, whichever the pair fits;
- a reference the check does not model: "below zero", "below freezing".
"""

from __future__ import annotations

import re

from claims.checks.wording import hedge
from claims.extraction.lexicon import wordset
from claims.extraction.lexicon.words import CHANGE_NOUNS, TEMPERATURE_CHANGE_VERBS
from claims.extraction.quantity import Quantity

DIFFERENCE, MAYBE_DIFFERENCE, READING, EITHER, OFFSET, UNSAID = (
    "difference", "maybe a difference", "reading", "reading or difference", "offset", "",
)  # fmt: skip

TEMPERATURE_DELTAS = {
    "degree_Celsius": "delta_degree_Celsius",
    "degree_Fahrenheit": "delta_degree_Fahrenheit",
    "kelvin": "kelvin",
}
# Unit words with more than one meaning: British "tons" are long tons (or loosely tonnes),
# American ones short tons; a bare gallon, pint, quart or fluid ounce is American or imperial.
# Spelled-out "short tons", "long tons", "imperial gallons", "US gal" mean one thing only.
OTHER_MEANINGS = {
    "ton": ("long_ton", "metric_ton"), "gallon": ("imperial_gallon",),
    "pint": ("imperial_pint",), "quart": ("imperial_quart",),
    "fluid_ounce": ("imperial_fluid_ounce",),
}  # fmt: skip

_AFTER_DIFFERENCE = re.compile(
    r"[)\]]?\s*(?:(?:warmer|colder|cooler|hotter|higher|lower|more|less|above|below)\b"
    r"|(?:per|a|each|every)\s+(?:decade|century|year|day|hour|month)\b"
    rf"|(?:{'|'.join(sorted(CHANGE_NOUNS - {'range'}))})\b)",  # "in the 30 °C range": a level
    re.IGNORECASE,
)
_AFTER_OFFSET = re.compile(
    r"[)\]]?\s*(?:below|above|under)\s+(?:zero|freezing|the\s+freezing)\b", re.IGNORECASE
)
_WORDS_BEFORE = re.compile(r"[A-Za-z]+")
# Words right before a figure that make it a level: "rose to", "highs of", "averages around".
_READING_BEFORE = wordset(
    "to at of from between reached reaching reaches hit hits high highs low lows average"
    " averages averaged averaging mean record maximum minimum peak peaks peaked"
)
_CLAUSE_WORDS = 6


def temperature_reading(text: str, first: Quantity, second: Quantity) -> str:
    """What the words around a temperature pair say it is: DIFFERENCE, MAYBE_DIFFERENCE,
    READING, EITHER, OFFSET or UNSAID."""
    if _AFTER_OFFSET.match(text, second.end):  # both patterns step over a closing bracket
        return OFFSET
    if _AFTER_DIFFERENCE.match(text, second.end):
        return DIFFERENCE
    words = _clause_words_before(text, _hedge_start(text, first))
    last = words[-1] if words else ""
    if last == "by" or (last == "of" and len(words) > 1 and words[-2] in CHANGE_NOUNS):
        return DIFFERENCE
    if last in _READING_BEFORE or first.value < 0 or second.value < 0:
        return EITHER if any(w in CHANGE_NOUNS for w in words) else READING
    if any(w in TEMPERATURE_CHANGE_VERBS or w in CHANGE_NOUNS for w in words):
        return MAYBE_DIFFERENCE
    return UNSAID


def _hedge_start(text: str, q: Quantity) -> int:
    start = q.extras.get("qualifier_start", q.start)
    start = start if isinstance(start, int) else q.start
    _, at = hedge(text, start, q.text)
    return min(start, at)


def _clause_words_before(text: str, start: int) -> list[str]:
    """The lower-cased words of the clause before `start`, at most a few, nearest last."""
    window = text[max(0, start - 60) : start]
    for mark in ",;:.!?()[]—":
        window = window.rpartition(mark)[2]
    return [w.casefold() for w in _WORDS_BEFORE.findall(window)][-_CLAUSE_WORDS:]


def alternative_units(unit_1: str, unit_2: str) -> list[tuple[str, str]]:
    """The other meanings of a pair of ambiguous unit words ("tons", "gallons"), the stated
    reading excluded."""
    pairs: list[tuple[str, str]] = []
    for a in (unit_1, *OTHER_MEANINGS.get(unit_1, ())):
        pairs.extend((a, b) for b in (unit_2, *OTHER_MEANINGS.get(unit_2, ())))
    return [pair for pair in pairs if pair != (unit_1, unit_2)]
