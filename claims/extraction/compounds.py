"""Compound measures: one quantity written in two units, "6ft 2in", "11st 4lb", "7lb 8oz".

News gives heights, body weights and birth weights this way; the two parts are one figure
(6 ft 2 in is 74 inches, 1.88 m), so they are read as one quantity in the smaller unit.
Durations ("2 hours 1 minute") are left as separate quantities: each part is a claim of its own.
"""

from __future__ import annotations

import re


def _part(spellings: str) -> re.Pattern[str]:
    """The second part: an optional comma, a small figure and the smaller unit's spelling."""
    return re.compile(rf",?[ \u00a0]?(\d{{1,2}}(?:\.\d+)?)[ \u00a0]?(?:{spellings})(?![\w])")


# The larger unit (pint) -> (the smaller unit, how many of it make one of the larger, pattern).
# "in" alone is read only here, right after a length in feet: elsewhere it is a preposition.
_NEXT: dict[str, tuple[str, float, re.Pattern[str]]] = {
    "foot": ("inch", 12.0, _part(r"inches|inch|ins|in|\"|″")),
    "stone": ("pound", 14.0, _part("pounds|pound|lbs|lb")),
    "pound": ("ounce", 16.0, _part("ounces|ounce|oz")),
}

COMPOUND_UNITS = frozenset(_NEXT)


def second_part(text: str, unit: str, value: float, end: int) -> tuple[float, str, int] | None:
    """The smaller unit after a measure ending at `end`: (total in it, its unit, new end)."""
    spec = _NEXT.get(unit)
    if spec is None:
        return None
    smaller, ratio, pattern = spec
    m = pattern.match(text, end)
    if m is None or float(m.group(1)) >= ratio:
        return None  # "6ft 14in" is not a height: two figures
    return value * ratio + float(m.group(1)), smaller, m.end()
