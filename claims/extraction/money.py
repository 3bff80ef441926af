"""Money around a figure: the sign or code before it, scale words used only of money, and
minor units after a sum ("seven dollars and twenty cents", "2 Swiss francs 40").

The names of currencies after a figure are read with the other units (claims.extraction.tails);
the words are the lexicon's (claims.extraction.lexicon.currencies).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claims.extraction.lexicon import wordset
from claims.extraction.lexicon.currencies import (
    CODE_ALIASES,
    CODES,
    LETTER_PREFIXES,
    MONEY_SCALES,
    SYMBOLS,
)
from claims.extraction.numbers import Number, numeral_at, step_of, word_number_at
from claims.extraction.tails import subunit_at, tail_match

if TYPE_CHECKING:
    from claims.extraction.drafts import Draft
    from claims.extraction.figures import Figure

_CODES = frozenset(CODES)
# What can end a code or a letter prefix: one look at the character before a figure rules
# out almost every figure (most stand after a space and a lower-case word such as "of").
_PREFIX_ENDS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ") | {p[-1] for p in LETTER_PREFIXES}
_LONGEST_PREFIX = max(map(len, (*LETTER_PREFIXES, *CODES)))
_SPACES = " \u00a0"

_MONEY_SCALE_RE = re.compile(
    r"[ \u00a0]?(?:(MM)|((?i:" + "|".join(sorted((s for s in MONEY_SCALES if s != "MM"),
                                                 key=len, reverse=True))
    + r")))(?![A-Za-z0-9])"
)  # fmt: skip
_JOIN_RE = re.compile(r"[ \t\u00a0]+(?:(and)[ \t\u00a0]+)?")
_NEXT_RE = re.compile(r"[ \t\u00a0]*([A-Za-z]+)?")
# After "2 Swiss francs 40" the clause ends, or one of these goes on with it ("for a coffee");
# any other word makes the number a figure of its own ("5 euros 50 years ago").
_AFTER_BARE_MINOR = wordset(
    "for each apiece a an per and or but in at on with from while when which that"
)


def currency_before(text: str, pos: int) -> tuple[str, int, bool] | None:
    """A code or letter sign written before the figure at `pos` ("USD 5m", "Rs 500",
    "KSh 3.9 trillion"): (ISO code, where it starts, whether it is a three-letter code)."""
    i = pos - 1 if pos and text[pos - 1] in _SPACES else pos
    if not i or text[i - 1] not in _PREFIX_ENDS:
        return None  # the common case: no code can end here
    start = i
    floor = max(0, i - _LONGEST_PREFIX - 1)
    while start > floor and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    if start and text[start - 1].isalnum():
        return None  # part of a longer word
    word = text[start:i]
    if word in _CODES:
        return CODE_ALIASES.get(word, word), start, True
    if word in LETTER_PREFIXES:
        return LETTER_PREFIXES[word], start, False
    return None


def prefix_makes_money(text: str, figure: Figure, draft: Draft, code: bool) -> bool:
    """Whether letters before a figure make it money: not where a unit follows the figure
    ("DM 5 minutes later"), and a three-letter code not before a small whole number, where it
    is likelier an acronym with a number ("COP 28", "RON 95", "SDG 5") than a sum ("USD 5m",
    "EUR 10-12 million", "GBP 4.20", "CHF 0.833", "EUR 1,200", "CHF 500")."""
    after = tail_match(text, figure.end)
    if after is not None and after.lastgroup == "unit":
        return False
    if not code or draft.scaled or draft.value >= 100:
        return True
    return any(c in figure.raw for c in ".,")


def symbol_start(text: str, pos: int) -> tuple[str, int]:
    """The currency of the sign at `pos` and where it starts ("US$": USD, two back)."""
    if pos and text[pos - 1].isalpha():
        for size in (3, 2, 1):
            prefix, at = text[pos - size : pos + 1], pos - size
            if at >= 0 and prefix in SYMBOLS and not text[at - 1 : at].isalpha():
                return SYMBOLS[prefix], at
    return SYMBOLS[text[pos]], pos


def with_money_scale(text: str, figure: Figure) -> Figure:
    """A figure after a sign or code, multiplied by a scale word used only of money: "$5MM",
    "EUR 12 Mio", "Rs 5 lacs"."""
    if figure.scaled:
        return figure
    m = _MONEY_SCALE_RE.match(text, figure.end)
    if m is None:
        return figure
    multiplier = MONEY_SCALES[m.group(1) or m.group(2).casefold()]
    figure.end, figure.value, figure.scaled = m.end(), figure.value * multiplier, True
    figure.multiplier *= multiplier
    figure.step = step_of(figure.step, multiplier)
    return figure


def _minor_number(text: str, pos: int) -> Number | None:
    """A whole number of minor units below a hundred, in digits or words ("40", "twenty")."""
    number = numeral_at(text, pos) if text[pos : pos + 1].isdigit() else word_number_at(text, pos)
    if number is None or number.multiplier != 1.0 or "." in text[number.start : number.end]:
        return None
    return number if 0 < number.value < 100 and number.value.is_integer() else None


def minor_part(
    text: str, figure: Figure, currency: str, end: int
) -> tuple[float, float | None, int] | None:
    """The minor units after a sum named in words that ends at `end`: "seven dollars and
    twenty cents", "ten roubles 50 kopecks", "2 Swiss francs 40", "five pounds fifty".
    Returns (their value in the main unit, the step they show, where they end).

    Only after a currency's name (a sign or code is written with decimals: "$7.20") and a
    whole, unscaled sum. Without a minor unit's name the number is the price tag's two
    digits or a number word, with no "and", at the end of the clause.
    """
    if figure.currency is not None or figure.scaled or not text[end - 1].islower():
        return None
    if not float(figure.value).is_integer() or "." in figure.raw:
        return None
    join = _JOIN_RE.match(text, end)
    number = None if join is None else _minor_number(text, join.end())
    if join is None or number is None:
        return None
    named = subunit_at(text, number.end)
    if named is not None:
        divides, share, named_end = named
        if currency not in divides or number.value * share >= 1:
            return None  # "3 shillings and 6 pence", "5 dollars and 150 cents": two sums
        return number.value * share, None if number.is_word else share, named_end
    if join.group(1) or (not number.is_word and number.end - number.start != 2):
        return None
    if not _clause_goes_on_or_ends(text, number.end):
        return None
    return number.value / 100, None if number.is_word else 0.01, number.end


def _clause_goes_on_or_ends(text: str, pos: int) -> bool:
    m = _NEXT_RE.match(text, pos)  # always matches
    if m is not None and m.group(1):
        return m.group(1).casefold() in _AFTER_BARE_MINOR
    end = pos if m is None else m.end()
    return text[end : end + 1] in ("", *".,;:)!?\"'’”\n\r")


def minor_follows(text: str, end: int, currency: str) -> bool:
    """Whether minor units of `currency` follow a sum ending at `end` ("three pounds and forty
    pence", "5 marks 20 pfennigs"), which makes a name that is also a word money."""
    join = _JOIN_RE.match(text, end)
    number = None if join is None else _minor_number(text, join.end())
    if number is None:
        return False
    named = subunit_at(text, number.end)
    return named is not None and currency in named[0]
