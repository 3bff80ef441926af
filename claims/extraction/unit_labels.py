"""Units that tables and lists write apart from the figure: "weight: 12 (kg)", "Height (m): 3.2".

- A bracket right after the figure that holds nothing but a unit: "12 (kg)", "3.5 (km)". The
  mention takes the bracket in.
- A label before the figure whose bracket holds the unit, then a colon: "Height (m): 3.2",
  "Share (%): 12"; or the label, a slash and the unit, as scientific tables write a quantity
  over its unit: "Weight/kg: 70", "Distance / km: 45". The mention is the figure alone: the
  unit names the column, not the figure. The word before the slash must be a label, not a
  unit itself ("km/h: 45" is a speed's column, not hours).

Either way the bracket holds a unit and nothing else. One letter is not enough: results tables
write "2-1 (h)" for a home game and "Population (m)" for millions. A slash is not read this
way: after a figure "/kg" says "per kilogram" ("$12/kg"), and "12 / kg" is no weight of 12 kg.
"""

from __future__ import annotations

import re

from claims.extraction.lexicon.units import UnitSpec, spelled_unit

_SP = "[ \t\u00a0\u2009\u202f]"
# A unit is written without digits but for a power at its end ("km2", "m³").
_UNIT = r"[^/()\s\d:](?:[^/()\d:]{0,22}[^/()\s\d:])?[23²³]?"
_BRACKET_RE = re.compile(rf"{_SP}?\({_SP}*({_UNIT}){_SP}*\)")
_HEADER_RE = re.compile(rf"\({_SP}*({_UNIT}){_SP}*\){_SP}*:{_SP}*$")
_SLASH_HEADER_RE = re.compile(rf"([A-Za-z]{{2,}}){_SP}*/{_SP}*({_UNIT}){_SP}*:{_SP}*$")
_PERCENT = UnitSpec("percent", "percentage")
_HEADER_WINDOW = 32


def _spec(written: str) -> UnitSpec | None:
    if written == "%":
        return _PERCENT
    return None if len(written) < 2 else spelled_unit(written)


def unit_in_brackets(text: str, pos: int) -> tuple[UnitSpec, int] | None:
    """ "12 (kg)": the unit in a bracket right after a figure ending at `pos`, and its end."""
    if text[pos : pos + 1] != "(" and text[pos + 1 : pos + 2] != "(":
        return None
    m = _BRACKET_RE.match(text, pos)
    spec = None if m is None else _spec(m.group(1))
    return None if spec is None or m is None else (spec, m.end())


def unit_in_header(text: str, start: int) -> UnitSpec | None:
    """ "Height (m): 3.2", "Weight/kg: 70": the unit in the label before a figure at `start`."""
    i = start
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    if text[i - 1 : i] != ":":
        return None
    window = max(0, i - _HEADER_WINDOW)
    m = _HEADER_RE.search(text, window, start)
    if m is not None:
        return _spec(m.group(1))
    m = _SLASH_HEADER_RE.search(text, window, start)
    if m is None or spelled_unit(m.group(1)) is not None:
        return None
    return _spec(m.group(2))
