"""Reading the words around a quantity: the hedge in front of it ("some", "roughly").

The words come from the extractor's one table of qualifiers (claims.extraction.lexicon.
qualifiers) and are found by the extractor's own reader (`prefix_at`), so the checks and the
extractor never disagree on what hedges a figure.
"""

from __future__ import annotations

import re

from claims.extraction.lexicon.qualifiers import HEDGE_PATTERN
from claims.extraction.qualifiers import prefix_at

_HEDGE_AT_START = re.compile(rf"^({HEDGE_PATTERN})(?!\w)\s*", re.IGNORECASE)


def hedge(text: str, start: int, surface: str = "") -> tuple[str, int]:
    """The hedge word of the quantity at `start` and where it begins; ("", start) if none.

    The extractor may or may not count the hedge as part of the mention, so both the
    mention's own first words and the words just before it are looked at.
    """
    inside = _HEDGE_AT_START.match(surface)
    if inside:
        return inside.group(1), start
    found = prefix_at(text, start)
    if found is None:
        return "", start
    at = found[1]
    return text[at:start].strip(), at


def leading_hedge(surface: str) -> str:
    """The hedge a mention opens with ("some 30 miles" → "some"), or ""."""
    found = _HEDGE_AT_START.match(surface)
    return found.group(1) if found else ""
