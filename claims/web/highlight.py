"""The article's text cut into plain runs and claim runs, for highlighting in the template.

The template autoescapes every run, so the article's own markup (a `<script>` in a pasted
text) stays text; nothing here builds HTML.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from claims.models import Claim


@dataclass(frozen=True)
class Segment:
    text: str
    claim: Claim | None = None


def segments(text: str, claims: Iterable[Claim]) -> list[Segment]:
    """Runs that cover `text` exactly once; a claim overlapping an earlier one stays unmarked
    in the text (it is still listed beside it), because spans cannot nest in one run."""
    runs: list[Segment] = []
    cursor = 0
    for claim in sorted(claims, key=lambda c: (c.start, -c.end)):
        if claim.start < cursor or claim.end > len(text):
            continue
        if claim.start > cursor:
            runs.append(Segment(text[cursor : claim.start]))
        runs.append(Segment(text[claim.start : claim.end], claim))
        cursor = claim.end
    if cursor < len(text):
        runs.append(Segment(text[cursor:]))
    return runs
