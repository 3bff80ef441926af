"""Compound measures: one quantity written in two units, "6ft 2in", "11st 4lb", "7lb 8oz",
"6 feet and 1 inch", "five pounds and three ounces", "a mile and 110 yards".

News gives heights, body weights, birth weights and race distances this way; the two parts are
one figure (6 ft 2 in is 74 inches, 1.88 m), so they are read as one quantity in the smaller
unit. Only the customary pairs are read: in metric units news writes one figure ("1.2 m"), so
"2 metres and 30 centimetres" is more likely two measures than one. Durations ("2 hours 1
minute", "an hour and 45 minutes") are left as separate quantities: each part is a claim of its
own, and the date checks read each.
"""

from __future__ import annotations

import re

from claims.extraction.lexicon.numbers import SMALL
from claims.extraction.numbers import numeral_at, word_number_at

# Between the parts: nothing, a space, a comma, or "and" ("6 feet and 1 inch").
_JOIN_RE = re.compile(r",?[ \u00a0]+(and)[ \u00a0]+|,?[ \u00a0]?")
# What a second part's figure can start with: a digit or a small number word.
_FIRST_CHARS = frozenset("0123456789" + "".join(w[0] + w[0].upper() for w in SMALL))
# After "and", "2 in" is "2 in 10 residents" or "2 in the morning" unless the clause ends there.
_IN_ENDS_RE = re.compile(r"[ \u00a0]in(?=[.,;:)!?]|$)")


def _part(spellings: str) -> re.Pattern[str]:
    """The smaller unit's spelling after the second part's figure."""
    return re.compile(rf"[ \u00a0]?(?:{spellings})(?![\w])")


# The larger unit (pint) -> (the smaller unit, how many of it make one of the larger, pattern).
# "in" alone is read only here, right after a length in feet: elsewhere it is a preposition.
_NEXT: dict[str, tuple[str, float, re.Pattern[str]]] = {
    "foot": ("inch", 12.0, _part(r"inches|inch|ins|in|\"|″")),
    "stone": ("pound", 14.0, _part("pounds|pound|lbs|lb")),
    "pound": ("ounce", 16.0, _part("ounces|ounce|oz")),
    "mile": ("yard", 1760.0, _part("yards|yard|yds|yd")),
}

COMPOUND_UNITS = frozenset(_NEXT)


def second_part(text: str, unit: str, value: float, end: int) -> tuple[float, str, int] | None:
    """The smaller unit after a measure ending at `end`: (total in it, its unit, new end)."""
    spec = _NEXT.get(unit)
    if spec is None:
        return None
    smaller, ratio, pattern = spec
    join = _JOIN_RE.match(text, end)
    pos = end if join is None else join.end()
    if text[pos : pos + 1] not in _FIRST_CHARS:
        return None  # the common case: "30 miles to the north", "6 feet of snow"
    part = numeral_at(text, pos) or word_number_at(text, pos)  # "2", "1 1/2", "two"
    if part is None:
        return None
    m = pattern.match(text, part.end)
    if m is None or part.value >= ratio:
        return None  # "6ft 14in" is not a height: two figures
    after_and = join is not None and join.group(1) is not None
    if after_and and m.group().lstrip(" \u00a0") == "in" and not _IN_ENDS_RE.match(text, part.end):
        return None
    return value * ratio + part.value, smaller, m.end()
