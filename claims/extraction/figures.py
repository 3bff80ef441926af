"""A figure: a numeral or number words, with its sign, "and a half", scale word and range.

`figure_at` reads one figure from an anchor; `range_after` reads the other end of a range
("20-30", "20 to 30", "between 20 and 30", "€40 and €60", "$1-2 million").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claims.extraction.context import peek, word_before
from claims.extraction.counts import counted_noun, is_plural
from claims.extraction.lexicon.currencies import SYMBOLS
from claims.extraction.lexicon.words import CHANGE_WORDS
from claims.extraction.numbers import (
    Number,
    and_fraction_at,
    numeral_at,
    scale_at,
    step_of,
    word_number_at,
)
from claims.extraction.tails import tail_match

_NEXT_RE = re.compile(r"[ \t\u00a0\u2009\u202f]+([A-Za-z]+)")
_SYMBOL_RE = re.compile("|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True)))
_SPACES = "[ \t\u00a0\u2009\u202f]"
# "-to-" first: the plain dash would take its first hyphen ("3-to-4 km").
RANGE_SEP_RE = re.compile(
    rf"[-–]((?i:to))[-–]|{_SPACES}*[-–—]{_SPACES}*|{_SPACES}+((?i:to|and|or)){_SPACES}+"
)
# The first characters a range separator can start with (see `peek`).
RANGE_STARTS = "-–—tTaAoO"
_SCALE_STARTS = "tTmMbBkKcClL"  # what a scale word can start with (numbers.scale_at)


@dataclass(slots=True)  # not frozen: built and adjusted on the hot path
class Figure:
    """A figure read from the text: `start` includes a currency symbol or a minus sign."""

    start: int
    end: int
    value: float
    step: float | None
    raw: str
    is_word: bool
    currency: str | None = None
    scaled: bool = False
    multiplier: float = 1.0  # what a scale word multiplied the figure by


def _signed(text: str, number: Number) -> tuple[int, float]:
    """Start and value once a minus sign or "minus" before the numeral is read."""
    s = number.start
    dash = not number.is_word and s and text[s - 1] in "-−"
    if dash and (s == 1 or text[s - 2] in " \t\n(["):
        return s - 1, -number.value
    if s >= 6 and text[s - 6 : s - 1].casefold() == "minus" and text[s - 1] in " \t":
        before = word_before(text, s)
        if before is not None and before[0].casefold() == "minus":
            return before[1], -number.value
    return s, number.value


def _ambiguous_scale_fits(text: str, figure_start: int, end: int) -> bool:
    """Whether "m"/"k" ending at `end` is a scale: it is before what it counts ("5m people",
    "2m barrels", "5m euros"); otherwise "5m" is metres."""
    nxt = _NEXT_RE.match(text, end)
    if nxt is None:
        return False
    if is_plural(nxt.group(1)) or tail_match(text, end) is not None:
        return True
    if _after_article(text, figure_start):
        return False  # "a 1.5m wall": one thing, so metres
    noun = counted_noun(text, end)  # "1m artillery shells": the plural a word further on
    return noun is not None and is_plural(noun[0]) and noun[1] - end < 30


def _after_article(text: str, start: int) -> bool:
    before = word_before(text, start)
    return before is not None and before[0].casefold() in ("a", "an")


def figure_at(text: str, pos: int, currency: str | None = None, sign: bool = True) -> Figure | None:
    """The figure whose numeral starts at `pos`, with "and a half" and a scale word."""
    number = numeral_at(text, pos) or word_number_at(text, pos)
    if number is None:
        return None
    # Words take no minus sign, only "minus" ("minus five"): a word ending in "s" before them.
    signed = sign and (not number.is_word or text[pos - 2 : pos - 1] in ("s", "S"))
    start, value = _signed(text, number) if signed else (pos, number.value)
    end, step = number.end, number.step
    nxt = peek(text, end)
    half = and_fraction_at(text, end) if nxt in "aA-" else None
    if half is not None and (number.is_word or step == 1):
        value += half[0]
        end, step = half[1], None
    raw = text[number.start : number.end]
    figure = Figure(start, end, value, step, raw, number.is_word, currency)
    if number.multiplier != 1.0:
        figure.scaled, figure.multiplier = True, number.multiplier
    if half is None and nxt not in _SCALE_STARTS:
        return figure  # the common case: no scale word can follow (one look, no calls)
    return with_scale(text, figure)


def with_scale(text: str, figure: Figure) -> Figure:
    """The figure multiplied by a scale word that follows it ("3.2 million", "£2.5bn")."""
    scale = scale_at(text, figure.end)
    if scale is None:
        return figure
    multiplier, end, ambiguous = scale
    if ambiguous and figure.currency is None and not _ambiguous_scale_fits(text, figure.start, end):
        return figure
    figure.end, figure.value, figure.scaled = end, figure.value * multiplier, True
    figure.multiplier *= multiplier
    figure.step = step_of(figure.step, multiplier)
    if not ambiguous:  # "Rs 1.5 lakh crore", "a thousand million": scale words multiply
        more = scale_at(text, end)
        if more is not None and not more[2]:
            return with_scale(text, figure)
    return figure


def separator_word(sep: re.Match[str]) -> str:
    """What joins two figures, from a match of RANGE_SEP_RE: "to", "and", "or", or "-"."""
    word = sep.group(1) or sep.group(2)
    return "-" if word is None else word.casefold()


def ends_agree(low: Figure, high: Figure, word: str) -> bool:
    """Whether two figures may be read together, as the ends of a range or as figures sharing
    a unit: both in digits or both in words, or mixed across a word ("six to 8 metres", "five to
    10 years": style books spell out numbers under ten). "one" is a pronoun as often as a number
    ("sentenced one to 15 years"), and a dash between a word and digits joins nothing news
    writes ("6-eight"), so neither mixes. Nor do digits in thousands after a word: "six to
    7,000 people" is six thousand to seven thousand, a reading left to no guess."""
    if low.is_word == high.is_word:
        return True
    thousands = high.value / high.multiplier >= 1000
    return word != "-" and not (low.is_word and (low.raw.casefold() == "one" or thousands))


def range_opener(text: str, start: int) -> tuple[str, int] | None:
    """ "between" or "from" right before a figure: (word, its start)."""
    before = word_before(text, start)
    if before is None or before[1] == start or before[0].casefold() not in ("between", "from"):
        return None
    return before[0].casefold(), before[1]


def _change_before(text: str, at: int) -> bool:
    before = word_before(text, at)
    return before is not None and before[0].casefold() in CHANGE_WORDS


def range_after(text: str, low: Figure) -> tuple[Figure, Figure, int] | None:
    """The high end of a range that starts with `low`: (low, high, range start)."""
    sep = RANGE_SEP_RE.match(text, low.end) if peek(text, low.end) in RANGE_STARTS else None
    if sep is None:
        return None
    word = separator_word(sep)
    opener = range_opener(text, low.start)
    if word == "and" and (opener is None or opener[0] != "between"):
        return None
    if opener is not None and opener[0] == "from" and _change_before(text, opener[1]):
        return None  # "rose from 20 to 30": two figures, not a range
    pos, currency = sep.end(), low.currency
    sym = _SYMBOL_RE.match(text, pos)
    if sym is not None and low.currency is not None:
        pos = sym.end()
        if text[pos : pos + 1] == " ":
            pos += 1
    high = figure_at(text, pos, currency, sign=False)
    if high is None or not ends_agree(low, high, word):
        return None
    low = share_scale(low, high)
    if not high.value > low.value:
        return None
    if word == "to" and high.value > 2 * low.value and _by_before(text, low.start):
        return None  # "rose by $2bn to $12.5bn": a change and a level, not a range
    start = opener[1] if opener is not None and opener[0] == "between" else low.start
    return low, high, start


def _by_before(text: str, start: int) -> bool:
    """Whether "by" (maybe with a qualifier between) stands before the figure at `start`."""
    window = text[max(0, start - 24) : start].casefold().split()
    return "by" in window[-3:]


def share_scale(low: Figure, high: Figure) -> Figure:
    """ "$1-2 million", "two to three million": the scale written once belongs to both ends."""
    if low.scaled or not high.scaled or not low.value < high.value / high.multiplier:
        return low
    step = step_of(low.step, high.multiplier)
    return replace(  # a new figure: `low` stands on its own if the range is rejected
        low, value=low.value * high.multiplier, step=step, scaled=True,
        multiplier=high.multiplier,
    )  # fmt: skip
