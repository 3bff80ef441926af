"""Looking around a figure: the word just before it, the character after it, the words near it.

Searching backwards with a `$`-anchored regex makes `re` try every start position in the
window; walking back over characters costs only the length of the word.
"""

from __future__ import annotations

import re

from claims.extraction.lexicon.currencies import MONEY_CUES

_SPACE = " \t\u00a0\u2009\u202f"
_CONTEXT = 120
_TOKEN_RE = re.compile(r"[a-z£]+")
_MONEY_CUES = frozenset(MONEY_CUES)


def word_before(text: str, pos: int, joiners: str = "") -> tuple[str, int] | None:
    """The word (letters, plus any of `joiners`) that ends right before `pos`, spaces apart.

    Returns the word and its start, or None when something else (punctuation, a digit, the
    start of the text) stands there, or nothing but spaces separate it from `pos` not at all.
    """
    end = pos
    while end > 0 and text[end - 1] in _SPACE:
        end -= 1
    start = end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in joiners):
        start -= 1
    if start == end:
        return None
    return text[start:end], start


def peek(text: str, pos: int) -> str:
    """The first character at `pos`, after one space or tab if there is one ("" at the end).

    Cheap guards on it skip regex matches that could not succeed: most figures are followed
    by an ordinary word.
    """
    ch = text[pos : pos + 1]
    if ch in (" ", "\t", "\u00a0", "\u2009", "\u202f"):
        return text[pos + 1 : pos + 2]
    return ch


def context_words(text: str, start: int, end: int) -> set[str]:
    """The lower-cased words around a figure (a window of about a sentence)."""
    window = text[max(0, start - _CONTEXT) : end + _CONTEXT // 2].casefold()
    return set(_TOKEN_RE.findall(window))


def reads_as_money(
    text: str, start: int, end: int, scaled: bool, other_sense: frozenset[str]
) -> bool:
    """Whether a currency name that is also another word ("pounds", "marks", "won") is money:
    the nearest cue decides, a word of money (prices, fines) or one of `other_sense` (weights
    for "pounds", exams for "marks").

    With no cue around, a scale word tips it to money ("5 million pounds").
    """
    offset = max(0, start - _CONTEXT)
    window = text[offset : end + _CONTEXT // 2].casefold()
    best: tuple[int, bool] | None = None
    for m in _TOKEN_RE.finditer(window):
        word = m.group(0)
        if word in _MONEY_CUES or word == "£":
            money = True
        elif word in other_sense:
            money = False
        else:
            continue
        distance = abs(offset + m.start() - start)
        if best is None or distance < best[0]:
            best = (distance, money)
    return scaled if best is None else best[1]
