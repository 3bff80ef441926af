"""Qualifiers: the words before (or after) a figure that bound or soften it.

Only the words touching the figure count ("for over five months"), so "under occupation" or
"over the border", which have no figure after them, never qualify anything. "over" before a
duration means "more than" after the few words that ask how long ("for over five months",
"took over a year") and "during" otherwise ("shrunk by 20 per cent over 40 years", "£5bn over
five years").
"""

from __future__ import annotations

import re

from claims.extraction.context import peek
from claims.extraction.lexicon.words import OVER_MORE_BEFORE

_PREFIXES: dict[str, str] = {
    "about": "approximate", "around": "approximate", "roughly": "approximate",
    "some": "approximate", "approximately": "approximate", "approx.": "approximate",
    "approx": "approximate", "an estimated": "approximate", "estimated": "approximate",
    "nearly": "approximate", "almost": "approximate", "close to": "approximate",
    "circa": "approximate", "c.": "approximate", "around about": "approximate",
    "just about": "approximate", "an approximate": "approximate", "~": "approximate",
    "≈": "approximate", "in the region of": "approximate", "some estimated": "approximate",
    "more than": "more_than", "over": "more_than", "above": "more_than",
    "upwards of": "more_than", "a little over": "more_than", "just over": "more_than",
    "well over": "more_than", "slightly more than": "more_than", "well above": "more_than",
    "in excess of": "more_than", "greater than": "more_than", "higher than": "more_than",
    "exceeding": "more_than", "a little more than": "more_than", "just above": "more_than",
    ">": "more_than",
    "at least": "at_least", "no less than": "at_least", "no fewer than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least", "as few as": "at_least",
    "as little as": "at_least", "≥": "at_least",
    "less than": "less_than", "under": "less_than", "fewer than": "less_than",
    "below": "less_than", "just under": "less_than", "just below": "less_than",
    "slightly less than": "less_than", "lower than": "less_than", "<": "less_than",
    "up to": "at_most", "at most": "at_most", "no more than": "at_most",
    "not more than": "at_most", "a maximum of": "at_most", "as many as": "at_most",
    "as much as": "at_most", "maximum of": "at_most", "≤": "at_most",
}  # fmt: skip

_LONGEST = max(len(p.split()) for p in _PREFIXES)
_SYMBOLS = {p: q for p, q in _PREFIXES.items() if not p[0].isalpha()}
# Phrases by their last word, longest first: the word before a figure picks a few to try.
_BY_LAST_WORD: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _qualifier in sorted(_PREFIXES.items(), key=lambda item: -len(item[0].split())):
    _BY_LAST_WORD.setdefault(_phrase.split()[-1], []).append((tuple(_phrase.split()), _qualifier))
_OPENING = "(“\"‘'[—–-"
_SUFFIX_RE = re.compile(
    r"[ \t]*(?:(or more|or above|or over|and more|and above|\+|-plus|plus)"
    r"|(or so|or thereabouts|-odd|odd)|(or less|or fewer|or under|and under))(?![\w])",
    re.IGNORECASE,
)
_SUFFIX_KINDS = ("at_least", "approximate", "at_most")
_WINDOW = 40
_WORD_BEFORE_RE = re.compile(r"([\w%]+)[^\w%]*$")


def prefix_at(text: str, start: int) -> tuple[str, int] | None:
    """The qualifier ending right before `start`: (qualifier, where its words start).

    The last few words before the figure are looked up in a table, longest phrase first,
    which costs the same whatever the text around.
    """
    offset = max(0, start - _WINDOW)
    stripped = text[offset:start].rstrip()
    if not stripped:
        return None
    last = stripped[-1]
    if last in _SYMBOLS:
        return _SYMBOLS[last], offset + len(stripped) - 1
    if not (last.isalpha() or last == "."):
        return None
    words = stripped.rsplit(None, _LONGEST)
    candidates = _BY_LAST_WORD.get(words[-1].lower().lstrip(_OPENING))
    if candidates is None:
        return None  # the common case: no qualifier at all
    if offset and len(words) > _LONGEST:
        words = words[1:]  # the first piece is the rest of the window, maybe a cut word
    lowered = [w.lower() for w in words]
    for phrase, qualifier in candidates:  # longest first
        n = len(phrase)
        if n > len(lowered):
            continue
        first = lowered[-n].lstrip(_OPENING)
        if first == phrase[0] and tuple(lowered[len(lowered) - n + 1 :]) == phrase[1:]:
            at = _phrase_start(stripped, n) + len(lowered[-n]) - len(first)
            return qualifier, offset + at
    return None


def _phrase_start(stripped: str, n: int) -> int:
    """Where the last `n` words of `stripped` start."""
    pos = len(stripped)
    for _ in range(n):
        while pos > 0 and stripped[pos - 1].isspace():
            pos -= 1
        while pos > 0 and not stripped[pos - 1].isspace():
            pos -= 1
    return pos


def suffix_at(text: str, end: int) -> tuple[str, int] | None:
    """A qualifier written after the figure ("30 days or more"): (qualifier, its end)."""
    if peek(text, end) not in "oOaA+-pP":
        return None
    m = _SUFFIX_RE.match(text, end)
    if m is None:
        return None
    for group, qualifier in enumerate(_SUFFIX_KINDS, start=1):
        if m.group(group):
            return qualifier, m.end()
    return None


def over_means_during(text: str, phrase_start: int) -> bool:
    """Whether the "over" at `phrase_start`, before a duration, means "during"."""
    before = text[max(0, phrase_start - _WINDOW) : phrase_start]
    stripped = before.rstrip()
    if not stripped or stripped[-1] in ',.;:(—–-"“':
        return True  # "Over five years, the lake shrank"
    m = _WORD_BEFORE_RE.search(stripped)
    if m is None:
        return True
    return m.group(1).lower() not in OVER_MORE_BEFORE
