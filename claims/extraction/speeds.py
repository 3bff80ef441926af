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
_PER_RE = re.compile(
    rf"(?:{_SP}?/{_SP}?(?P<slash>{trie_pattern(set(SLASH_TIMES))})"
    rf"|{_SP}+(?P<joiner>per|an?){_SP}+(?P<word>{trie_pattern(set(SPEED_TIME_WORDS))})){_END}"
)
# "m/s²", "m/s2", "m/s^2", "metres per second squared", "m/s/s": an acceleration.
_SQUARED_RE = re.compile(rf"²|2(?![\d])|\^2|{_SP}+squared(?![\w])|/s(?![A-Za-z0-9])")
# "/" glued to a letter after a unit: the denominator of a unit ratio ("mg/L", "g/km").
_SLASH_WORD_RE = re.compile(rf"{_SP}?/{_SP}?([A-Za-zµμ°][\w²³^µμ°]*)")
# The units of time a rate may be per ("km/day", "mm/yr"): the figure keeps its own reading.
_TIMES = frozenset(s for s, spec in UNITS.items() if spec.kind == "duration") | {"d", "s", "h"}
_SPACES = " \t\u00a0\u2009\u202f"


def may_follow(text: str, end: int) -> bool:
    """Whether "/", "per", "a" or "an" may follow a unit ending at `end`: one look that rules
    out speeds and ratios after most units."""
    ch = text[end : end + 1]
    return ch == "/" or (ch != "" and ch in _SPACES and text[end + 1 : end + 2] in ("/", "p", "a"))


def speed_after(text: str, spec: UnitSpec, end: int) -> tuple[UnitSpec, int] | None:
    """The speed a length unit ending at `end` opens ("cm" + "/s"): (its spec, its end)."""
    if spec.kind != "length" or not may_follow(text, end):
        return None
    m = _PER_RE.match(text, end)
    if m is None:
        return None
    if m["joiner"] and m["joiner"] != "per" and spec.unit not in TRAVEL_UNITS:
        return None  # "3 inches an hour": an amount in each hour
    time = SLASH_TIMES[m["slash"]] if m["slash"] else SPEED_TIMES[m["word"]]
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
