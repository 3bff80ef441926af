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
from claims.extraction.lexicon.qualifiers import PREFIXES
from claims.extraction.lexicon.words import OVER_MORE_BEFORE

_SYMBOLS = {p: q for p, q in PREFIXES.items() if not p[0].isalpha()}
_OPENING = "(“\"‘'[—–-"
_LAST_WORDS = frozenset(p.split()[-1] for p in PREFIXES if p[0].isalpha())
_WORDS = sorted((p for p in PREFIXES if p[0].isalpha()), key=lambda p: (-len(p), p))
# The phrases read backwards from the figure: the window before it is reversed once and one
# anchored match finds the longest phrase that ends there (slicing and splitting words cost
# more). The phrase must begin a word: opening punctuation, then a space or the window's start.
_BACKWARDS = "|".join(r"\s+".join(re.escape(w[::-1]) for w in reversed(p.split())) for p in _WORDS)
_REVERSED_RE = re.compile(rf"({_BACKWARDS})(?=[{re.escape(_OPENING)}]*(?:\s|$))", re.IGNORECASE)
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

    The last word before the figure is looked up first; only a word that can end a phrase
    leads to the match of the reversed window, which finds the longest phrase.
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
    if stripped.rsplit(None, 1)[-1].casefold().lstrip(_OPENING) not in _LAST_WORDS:
        return None  # the common case, decided from the last word alone
    m = _REVERSED_RE.match(stripped[::-1])
    if m is None:
        return None
    at = offset + len(stripped) - m.end(1)
    if at == offset and offset and not text[offset - 1].isspace():
        return None  # the window cut a longer word ("moreover" seen as "over")
    # `.get`: case-insensitive matching lets letters through that no table spells.
    qualifier = PREFIXES.get(" ".join(text[at : offset + len(stripped)].casefold().split()))
    return None if qualifier is None else (qualifier, at)


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
    return m.group(1).casefold() not in OVER_MORE_BEFORE


_YEAR_RE = re.compile(r"1\d{3}|20\d\d")


def over_follows_figure(text: str, phrase_start: int) -> bool:
    """Whether the "over" or "under" at `phrase_start` comes right after another figure ("3,405
    km over 21 stages", "30 homes under 10 metres of mud"): it then spreads or places that
    figure, it does not bound this one."""
    tokens = text[max(0, phrase_start - _WINDOW) : phrase_start].split()[-2:]
    if not tokens or not tokens[-1][-1:].isalnum():
        return False  # "In 2020, over 500 people": a new clause
    return any(any(c.isdigit() for c in t) and not _YEAR_RE.fullmatch(t) for t in tokens)
