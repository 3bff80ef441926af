"""Sentence spans from sentencex, an established rule-based splitter (Wikimedia).

sentencex is compiled (Rust) and splits about 100 MB/s, where pysbd manages about 0.5 MB/s:
the whole text can be split once. Its segments concatenate back to the input, so offsets are
running sums of their lengths (checked; if they ever do not add up, each segment is searched
for instead); surrounding whitespace is trimmed from each span.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

import sentencex


class Sentences:
    """The sentences of one text, for looking up the sentence around an offset.

    Only the segment ends are computed up front (in C: lengths and a running sum); a
    sentence's whitespace is trimmed when it is looked up, since most are never asked for.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        segments = list(sentencex.segment("en", text))
        self._ends = list(accumulate(map(len, segments)))
        if self._ends and self._ends[-1] != len(text):
            self._ends = _ends_by_search(text, segments)
        self._trimmed: dict[int, tuple[int, int]] = {}

    def around(self, offset: int) -> tuple[int, int]:
        """The `(start, end)` of the sentence that holds `offset` (the whole text if none)."""
        i = bisect_right(self._ends, offset)
        if i >= len(self._ends):
            return (0, len(self.text))
        span = self._trimmed.get(i)
        if span is None:
            span = self._trimmed[i] = self._trim(self._ends[i - 1] if i else 0, self._ends[i])
        return span

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Every sentence's span, trimmed (for tests and tools; the extractor uses `around`)."""
        starts = [0, *self._ends[:-1]]
        spans = [self._trim(a, b) for a, b in zip(starts, self._ends, strict=True)]
        return [(a, b) for a, b in spans if b > a]

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        segment = self.text[start:end]
        stripped = segment.strip()
        if not stripped:
            return (start, start)
        lead = len(segment) - len(segment.lstrip())
        return (start + lead, start + lead + len(stripped))


def _ends_by_search(text: str, segments: list[str]) -> list[int]:
    """Segment ends found by searching, should the segments ever not add up to the text."""
    ends: list[int] = []
    pos = 0
    for segment in segments:
        found = text.find(segment, pos)
        if found >= 0:
            pos = found + len(segment)
        ends.append(pos)
    ends[-1] = len(text)
    return ends
