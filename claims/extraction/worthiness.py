"""Check-worthiness: how much a quantity deserves an editor's time, in [0, 1].

The rule, applied to each quantity with the sentence it stands in:

1. Start from the kind: money 0.6; percentages and counts 0.55; areas, lengths, speeds,
   masses, volumes and temperatures 0.5; durations 0.35 (most are narrative time, "for two
   years"; the temporal checks look at them anyway).
2. Attribution, +0.2: the sentence says where the figure comes from ("said", "according to",
   "told", "reported", "estimated", "figures", "data", "study", "survey", "census"). A claim
   someone made is what a fact-check checks.
3. Specificity: +0.1 when the numeral shows three or more significant digits ("3,088",
   "26.2"); +0.05 for a scale word ("$450 million") or a parenthesis in the sentence (where
   news puts a conversion: "8,000 square kilometers (3,088 square miles)"); -0.15 for a
   figure in words or a fraction ("a day", "half"), which is rarely the point of a sentence.
4. Hedging: -0.05 for an approximate qualifier and -0.1 when the sentence hedges the claim
   itself ("may", "might", "could", "would", "expected to", "if", "forecast", "projected"),
   because an estimate or a forecast is harder to check than a stated fact; a bound ("more
   than", "up to") costs nothing.

The score is clamped to [0, 1] and rounded to two decimals so it is stable and comparable.
"""

from __future__ import annotations

import math
import re

from claims.extraction.lexicon import wordlist
from claims.extraction.trie import word_search_pattern

_BASE = {
    "currency": 0.6, "percentage": 0.55, "count": 0.55, "area": 0.5, "length": 0.5,
    "speed": 0.5, "mass": 0.5, "volume": 0.5, "temperature": 0.5, "duration": 0.35,
}  # fmt: skip
_ATTRIBUTION = wordlist(
    "said says say told according reported reports estimated estimates claimed claims"
    " announced figures data statistics study survey census report official officials"
)
_HEDGES = wordlist("may might could expected would if forecast forecasts projected")
# Trie-shaped, literal-first (see `word_search_pattern`) and on lower-cased text: a
# case-insensitive flat alternation costs several times more per sentence.
_TRAIT_RE = re.compile(word_search_pattern([*_ATTRIBUTION, *_HEDGES]))
_ATTRIBUTED = frozenset(_ATTRIBUTION)
_HEDGED = frozenset(_HEDGES)


def significant_digits(value: float, step: float | None) -> int:
    """How many significant digits a figure shows given its rounding step."""
    if step is None or step <= 0 or value == 0:
        return 0
    return max(0, math.floor(math.log10(abs(value) / step) + 1e-9) + 1)


def sentence_traits(sentence: str) -> tuple[bool, bool, bool]:
    """What the rule reads from a sentence: (attributed, hedged, holds a conversion)."""
    found = set(_TRAIT_RE.findall(sentence.casefold()))
    return (not found.isdisjoint(_ATTRIBUTED), not found.isdisjoint(_HEDGED), "(" in sentence)


def check_worthiness(
    kind: str, value: float, step: float | None, qualifier: str,
    traits: tuple[bool, bool, bool], scaled: bool,
) -> float:  # fmt: skip
    """The score of one quantity by the rule in this module's docstring.

    `traits` comes from `sentence_traits`, computed once per sentence.
    """
    attributed, hedged, converted = traits
    score = _BASE.get(kind, 0.5)
    if attributed:
        score += 0.2
    if step is None:
        score -= 0.15
    elif significant_digits(value, step) >= 3:
        score += 0.1
    if scaled or converted:
        score += 0.05
    if qualifier == "approximate":
        score -= 0.05
    if hedged:
        score -= 0.1
    return round(min(1.0, max(0.0, score)), 2)
