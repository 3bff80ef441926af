"""Speeds in any pair of units: a length, then "/", "per", "a" or "an", then a unit of time.

The lexicon spells the speeds news uses most as units of their own ("km/h", "mph", "miles an
hour"); this reads the rest from the length the tail already found: "5 cm/s", "3.3 mm/yr",
"40 feet per minute", "30 meters a second". Which times make a speed after a slash and in
words, and which lengths a speed with "a"/"an", is the lexicon's (SLASH_TIMES, SPEED_TIMES,
TRAVEL_UNITS).

A length or other measure followed by "/" and a unit that is no time ("12 mg/L", "120 g/km",
"9.8 m/s²") is a ratio the extractor does not model: `slash_ratio_at` says so, and the figure
is then read as no quantity rather than as the measure before the slash.
"""

from __future__ import annotations

import re

from claims.extraction.lexicon.units import (
    SLASH_TIMES,
    SPEED_TIME_WORDS,
    SPEED_TIMES,
    TRAVEL_UNITS,
    UNITS,
    UnitSpec,
)
from claims.extraction.trie import trie_pattern

_SP = "[ \t\u00a0\u2009\u202f]"
_END = r"(?![A-Za-z0-9²³])"
# A negative exponent, as technical writing puts a unit under the line: "s−1", "s-1", "s^-1",
# "s⁻¹". Not a second digit after it: "s-10" is no exponent.
_INVERSE = r"(?:[−-]|\^[−-]?)1(?!\d|[.,]\d)|⁻¹"
_PER_RE = re.compile(
    rf"(?:{_SP}?/{_SP}?(?P<slash>{trie_pattern(set(SLASH_TIMES))})"
    rf"|{_SP}+(?P<joiner>per|an?){_SP}+(?P<word>{trie_pattern(set(SPEED_TIME_WORDS))}){_END}"
    rf"|{_SP}(?P<inverse>{trie_pattern(set(SLASH_TIMES))})(?:{_INVERSE}))"
)
# After a unit, another unit with a negative exponent, or an exponent glued to the unit: a
# ratio or a power of units ("6 kg s−1", "2 mg L−1", "170 m2 g−1", "964 cm−1", "1 g cm−3").
_EXPONENT_RE = re.compile(
    r"(?:[−⁻]|\^[-−]?)[1-4¹²³⁴](?!\d|[.,]\d)"
    rf"|{_SP}[A-Za-zμµ]{{1,3}}[23²³]?(?:[−⁻-]|\^[-−]?)[1-4](?!\d|[.,]\d)|{_SP}[A-Za-zμµ]{{1,3}}⁻[¹²³]"
)
# "m/s²", "m/s2", "m/s^2", "metres per second squared", "m/s/s": an acceleration.
_SQUARED_RE = re.compile(rf"²|2(?![\d])|\^2|{_SP}+squared(?![\w])|/s(?![A-Za-z0-9])")
# "/" glued to a letter after a unit: the denominator of a unit ratio ("mg/L", "g/km").
_SLASH_WORD_RE = re.compile(rf"{_SP}?/{_SP}?([A-Za-zµμ°][\w²³^µμ°]*)")
# The units of time a rate may be per ("km/day", "mm/yr"): the figure keeps its own reading.
_TIMES = frozenset(s for s, spec in UNITS.items() if spec.kind == "duration") | {"d", "s", "h"}
_SPACES = " \t\u00a0\u2009\u202f"
# What may start "/", "per", "a"/"an", or a time under the line ("s−1", "h−1", "min−1", "yr−1").
_EXPONENT_STARTS = frozenset("−⁻^") | frozenset(_SPACES)
_AFTER_SPACE = frozenset("/pashmdy")


def may_follow(text: str, end: int) -> bool:
    """Whether "/", "per", "a" or "an" may follow a unit ending at `end`: one look that rules
    out speeds and ratios after most units."""
    ch = text[end : end + 1]
    if ch == "/":
        return True
    return ch != "" and ch in _SPACES and text[end + 1 : end + 2] in _AFTER_SPACE


def speed_after(text: str, spec: UnitSpec, end: int) -> tuple[UnitSpec, int] | None:
    """The speed a length unit ending at `end` opens ("cm" + "/s"): (its spec, its end)."""
    if spec.kind != "length" or not may_follow(text, end):
        return None
    m = _PER_RE.match(text, end)
    if m is None:
        return None
    if m["joiner"] and m["joiner"] != "per" and spec.unit not in TRAVEL_UNITS:
        return None  # "3 inches an hour": an amount in each hour
    if m["slash"] or m["inverse"]:
        time = SLASH_TIMES[m["slash"] or m["inverse"]]
    else:
        time = SPEED_TIMES[m["word"]]
    return UnitSpec(f"{spec.unit} / {time}", "speed"), m.end()


def is_acceleration(text: str, end: int) -> bool:
    """Whether a speed ending at `end` is squared: "9.8 m/s²" is an acceleration."""
    return _SQUARED_RE.match(text, end) is not None


def slash_ratio_at(text: str, end: int) -> bool:
    """Whether a unit ending at `end` is the top of a ratio of units: "mg/L", "g/km", "m/s2".

    A time after the slash ("km/day", "litres/year") makes a rate, which the figure keeps."""
    if "/" not in text[end : end + 2]:
        return False
    m = _SLASH_WORD_RE.match(text, end)
    return m is not None and m.group(1).casefold() not in _TIMES


def exponent_ratio_at(text: str, end: int) -> bool:
    """Whether a unit ending at `end` carries an exponent or is over another unit written with
    a negative exponent: "6 kg s−1" and "964 cm−1" are no mass and no length."""
    ch = text[end : end + 1]
    if ch not in _EXPONENT_STARTS:
        return False
    return _EXPONENT_RE.match(text, end) is not None
