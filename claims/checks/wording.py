"""Reading the words around a quantity: the hedge in front of it ("some", "roughly")."""

from __future__ import annotations

import re

# Longest first, so "more than" wins over "more".
HEDGES = (
    "approximately", "an estimated", "estimated", "upwards of", "just under", "just over",
    "more than", "fewer than", "less than", "at least", "at most", "close to", "as many as",
    "as much as", "roughly", "nearly", "almost", "around", "about", "circa", "some", "over",
    "under", "up to", "only", "just", "c.", "~",
)  # fmt: skip
_HEDGE_AT_END = re.compile(
    r"(?:^|(?<=[\s(\[,—–-]))(" + "|".join(re.escape(h) for h in HEDGES) + r")\s*$", re.IGNORECASE
)
_HEDGE_AT_START = re.compile(
    r"^(" + "|".join(re.escape(h) for h in HEDGES) + r")\b\s*", re.IGNORECASE
)


def hedge(text: str, start: int, surface: str = "") -> tuple[str, int]:
    """The hedge word of the quantity at `start` and where it begins; ("", start) if none.

    The extractor may or may not count the hedge as part of the mention, so both the
    mention's own first words and the words just before it are looked at.
    """
    inside = _HEDGE_AT_START.match(surface)
    if inside:
        return inside.group(1), start
    found = _HEDGE_AT_END.search(text, max(0, start - 20), start)
    if found:
        return found.group(1), found.start(1)
    return "", start


def leading_hedge(surface: str) -> str:
    """The hedge a mention opens with ("some 30 miles" → "some"), or ""."""
    found = _HEDGE_AT_START.match(surface)
    return found.group(1) if found else ""
