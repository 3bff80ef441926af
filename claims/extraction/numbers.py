"""Numerals as news writes them: digits, separators, fractions, scale words, number words.

Every pattern here is anchored and linear (no nested quantifiers over the same characters),
so a long run of digits and separators costs time in proportion to its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.extraction.context import peek
from claims.extraction.lexicon.numbers import DENOMINATORS, GROUPS, SCALES, SMALL, TENS

# Thousands separators: comma, thin space, narrow no-break space, no-break space.
_SEP = "[,\u2009\u202f\u00a0]"
# A plain space groups thousands too in European style ("8 000"), but it also stands between
# two separate numbers, so it counts only in a strict shape: groups of exactly three digits,
# with no further digit group after the last one ("0800 123 456" stays a telephone number).
_SPACED = r"\d{1,3}(?: \d{3})+(?![\d,\u2009\u202f\u00a0]|\.\d| \d)"
DIGITS = rf"\d{{1,3}}(?:{_SEP}\d{{3}})+(?!\d)(?:\.\d+)?|{_SPACED}|\d+(?:\.\d+)?"
FRACTION_CHARS: dict[str, float] = {
    "½": 1 / 2, "¼": 1 / 4, "¾": 3 / 4, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}  # fmt: skip
_FRAC = "[" + "".join(FRACTION_CHARS) + "]"
# A fraction in figures: "3/4", after a whole number "7 3/4" or "7-3/4". Not when a digit, a
# slash or a decimal point goes on ("3/4/2022", "1/2.5"): that is a date or a ratio.
_SLASHED = (
    r"(?:[ \u00a0-](?P<over>\d{1,2})/(?P<under>\d{1,2})|/(?P<lone_under>\d{1,2}))(?![\d/]|\.\d)"
)
NUMERAL_RE = re.compile(
    rf"(?P<digits>{DIGITS})(?:(?P<frac>\s?{_FRAC})|{_SLASHED})?|(?P<only>{_FRAC})"
)

# Scale words and abbreviations after a figure. "m" and "k" are decided by the caller,
# because "5m" is metres on a running track and millions in a budget.
SCALE_ABBREVIATIONS: dict[str, float] = {
    **SCALES, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12,
    "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
}  # fmt: skip
AMBIGUOUS_SCALES: dict[str, float] = {"m": 1e6, "k": 1e3, "K": 1e3, "M": 1e6, "b": 1e9}

_WORD = "|".join(sorted([*SMALL, *TENS, *SCALES, *GROUPS], key=len, reverse=True))
WORD_NUMBER_RE = re.compile(rf"(?i:{_WORD})(?![\w])")
_NEXT_WORD_RE = re.compile(rf"(?:[ \t]+|-)((?i:and)[ \t]+)?((?i:{_WORD}))(?![\w])")
SCALE_RE = re.compile(
    r"[ \t\u00a0]?(?i:(thousand|million|billion|trillion|crores?|lakhs?)(?![\w])"
    r"|(mn|mln|bn|bln|tn|trn)(?![\w]))"
    r"|(m|k|K|M|b)(?![\w])"
)
# "and a half", "and three quarters", "and 3/4" after a whole number or its unit.
_NUMERATORS = {"a": 1, "an": 1, **{w: v for w, v in SMALL.items() if 0 < v < 10}}
_AND_FRACTION_RE = re.compile(
    r"[ \t-]+and[ \t-]+(?:("
    + "|".join(sorted(_NUMERATORS, key=len, reverse=True))
    + r")[ \t-]+("
    + "|".join(sorted(DENOMINATORS, key=len, reverse=True))
    + r")|(\d{1,2})/(\d{1,2}))(?![\w/])"
    + r"(?![ \t]+of[ \t])",  # "two and a third of the vote": a share of something
    re.IGNORECASE,
)


@dataclass(slots=True)
class Number:
    """A numeral found in the text: its span, value and the rounding step it shows."""

    start: int
    end: int
    value: float
    step: float | None  # None for words and fractions
    is_word: bool = False
    multiplier: float = 1.0  # a scale word inside the words ("three million": 1e6)


_NO_SEPARATORS = str.maketrans("", "", ", \u2009\u202f\u00a0")


@lru_cache(maxsize=4096)  # news repeats its numerals ("2", "10", "2022"); parsing is pure
def parse_digits(raw: str) -> tuple[float, float]:
    """Value and step of a digit numeral: "8,000" -> (8000, 1000), "26.2" -> (26.2, 0.1)."""
    plain = raw.translate(_NO_SEPARATORS)
    if "." in plain:
        decimals = len(plain) - plain.index(".") - 1
        return float(plain), 10.0**-decimals
    stripped = plain.rstrip("0")
    zeros = len(plain) - len(stripped) if stripped else 0
    return float(plain), 10.0**zeros


# Longer digit runs are identifiers, not figures; floats also stay finite below this.
_LONGEST_NUMERAL = 24
DIGIT_RUN_RE = re.compile(r"[\d,.\u2009\u202f\u00a0]+")


def numeral_at(text: str, pos: int) -> Number | None:
    """The digit numeral (with a unicode or slash fraction) that starts at `pos`, if any."""
    m = NUMERAL_RE.match(text, pos)
    if m is None:
        return None
    digits, frac, over, _, lone, only = m.groups()
    end = m.end()
    if only:
        return Number(pos, end, FRACTION_CHARS[only], None)
    if end - pos > _LONGEST_NUMERAL or (digits[0] == "0" and digits[1:2].isdigit()):
        return None  # a serial number, a code ("020 7946", "000"), garbage: not a figure
    value, step = parse_digits(digits)
    if frac:
        return Number(pos, end, value + FRACTION_CHARS[frac[-1]], None)
    if over or lone:
        return _slashed(m, digits, value, step)
    return Number(pos, end, value, step)


def _slashed(m: re.Match[str], digits: str, value: float, step: float) -> Number:
    """ "3/4", "7 3/4", "7-3/4": a proper fraction, alone or after a whole number.

    Anything else with a slash ("24/7", "1,000 1/2") is the plain digits before it; the caller
    decides whether those are a figure.
    """
    over, under, lone = m.group("over", "under", "lone_under")
    if digits.isdigit():
        if lone is not None and 0 < value < int(lone) and len(digits) <= 2:
            return Number(m.start(), m.end(), value / int(lone), None)
        if over is not None and 0 < int(over) < int(under):
            return Number(m.start(), m.end(), value + int(over) / int(under), None)
    return Number(m.start(), m.end("digits"), value, step)


def and_fraction_at(text: str, pos: int) -> tuple[float, int] | None:
    """ "and a half", "and three-quarters", "and 3/4" at `pos`: (the fraction, its end)."""
    m = _AND_FRACTION_RE.match(text, pos)
    if m is None:
        return None
    if m.group(1) is not None:
        over, under = _NUMERATORS[m.group(1).casefold()], DENOMINATORS[m.group(2).casefold()]
    else:
        over, under = int(m.group(3)), int(m.group(4))
    return (over / under, m.end()) if 0 < over < under else None


def _combine(words: list[str]) -> float:
    """English number words to a value: ["one", "hundred", "twenty"] -> 120."""
    total = current = 0.0
    for word in words:
        if word in SMALL:
            current += SMALL[word]
        elif word in TENS:
            current += TENS[word]
        elif word in GROUPS:
            current = (current or 1) * GROUPS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * SCALES[word]
            current = 0.0
    return total + current


def _follows(prev: str, word: str) -> bool:
    """Whether `word` may continue a number phrase after `prev` ("twenty" "five": yes)."""
    if word in SCALES or word in GROUPS:
        return prev not in SCALES or SCALES.get(word, 0) > SCALES.get(prev, 0)
    if prev in TENS:
        return word in SMALL and 0 < SMALL[word] < 10
    return prev in SCALES or prev in GROUPS


def word_number_at(text: str, pos: int) -> Number | None:
    """The number written in words that starts at `pos` ("twenty-three", "two million")."""
    m = WORD_NUMBER_RE.match(text, pos)
    if m is None:
        return None
    words = [m.group(0).casefold()]
    end = m.end()
    while True:
        nxt = _NEXT_WORD_RE.match(text, end)
        if nxt is None or not _follows(words[-1], nxt.group(2).casefold()):
            break
        if nxt.group(1) and words[-1] not in ("hundred", "thousand"):
            break
        words.append(nxt.group(2).casefold())
        end = nxt.end()
    if words[0] in SCALES:
        return None  # "hundreds"-less bare "million" is not a figure
    multiplier = SCALES[words[-1]] if words[-1] in SCALES and words[-1] != "hundred" else 1.0
    return Number(pos, end, _combine(words), None, True, multiplier)


_SCALE_STARTS = "tTmMbBkKcClL"


def scale_at(text: str, pos: int) -> tuple[float, int, bool] | None:
    """A scale word or abbreviation right after a figure: (multiplier, end, ambiguous).

    "m", "k" and "b" are ambiguous ("5m" may be metres): the caller decides from context.
    They count only glued to the figure; "5 m" is metres.
    """
    if peek(text, pos) not in _SCALE_STARTS:
        return None
    m = SCALE_RE.match(text, pos)
    if m is None:
        return None
    word = m.group(1) or m.group(2)
    if word:
        return SCALE_ABBREVIATIONS[word.casefold()], m.end(), False
    if m.start(3) == pos:
        return AMBIGUOUS_SCALES[m.group(3)], m.end(), True
    return None


def step_of(step: float | None, multiplier: float) -> float | None:
    """The step a figure shows once a scale word has multiplied it ("2.5bn": 1e8)."""
    return None if step is None else step * multiplier
