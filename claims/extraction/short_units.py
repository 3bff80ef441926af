"""Short unit symbols that are also words or letters: "in", "t", "g", "L", "l", "st".

After a number these are usually not units: "5 in 10 people", "born in 1990 in Paris", "rose
5 in June", "Group 5 t", "the 2 L ward". They are read as units only where English makes
them units:

- glued to the figure: "12in", "40t" ("50g", "2L" and "15st" are read by their own rules);
- in a bracket right after the figure's opening, closed after the symbol: "(4 in)",
  "(180 t; 200 short tons)";
- opening a pair: the same amount follows in another unit of the kind, after a bracket,
  "or", "i.e.", a slash or a dash: "100 in (250 cm)", "0.1 in or 0.25 cm", "3.2 g (0.11 oz)";
- closing a pair: the symbol's figure follows such a connector after a figure in another
  unit of the kind: "0.25 cm or 0.1 in", "(10 cm; 4 in)";
- the larger part of a measure in two units: "11 st 4 lb".

"kn" (knots) has no other meaning after a figure and needs no pair ("kN" is a force).
Everything here runs only when one of these letters follows a figure, and the common case
("1990 in Paris") fails on one anchored match and a look at the character before the figure.
"""

from __future__ import annotations

import re

from claims.extraction.compounds import COMPOUND_UNITS, second_part
from claims.extraction.context import context_words, word_before
from claims.extraction.lexicon.qualifiers import HEDGE_PATTERN, PREFIXES
from claims.extraction.lexicon.units import CASED_UNITS, SHORT_SYMBOLS, UnitSpec
from claims.extraction.lexicon.words import KELVIN_CUES, LABEL_WORDS
from claims.extraction.tails import tail_match, unit_spec

# The characters a short symbol can start with, after at most one space (see `peek`).
FIRST_CHARS = frozenset(s[0] for s in SHORT_SYMBOLS)
_SP = "[ \t\u00a0\u2009\u202f]"
_SPACE = " \t\u00a0\u2009\u202f"
_SYMBOL_RE = re.compile(rf"({_SP}?)({'|'.join(sorted(SHORT_SYMBOLS, key=len, reverse=True))})"
                        r"(?![A-Za-z0-9])")  # fmt: skip
# One-word hedges from the extractor's one table of qualifiers ("or about 0.25 cm").
_HEDGE_WORDS = frozenset(w for w in PREFIXES if " " not in w and w[0].isalpha())
# What may follow the symbol and open the same amount in another unit.
_OPENS_RE = re.compile(
    rf"\.?{_SP}*(?:[(\[]|,?{_SP}*(?:or|i\.e\.,?|that is)(?={_SP})|/|[—–]){_SP}*"
    rf"(?:(?i:{HEDGE_PATTERN}){_SP}+|~)?"
)
_FIGURE_RE = re.compile(r"[-−]?\d[\d,]*(?:\.\d+)?|[-−]?\.\d+")
_RANGE_GAP_RE = re.compile(rf"{_SP}*(?:[-–—]|to){_SP}*")
_CLOSERS = ")];"
_CONNECTOR_WORDS = frozenset({"or", "i.e.", "i.e.,"})
_CONNECTOR_MARKS = "([;/—–"
_BEFORE_WINDOW = 48
# "T = 1200 K", "T0 = 1300 K", "Tmax ≈ 500 K": a temperature's symbol set to the figure.
_TEMPERATURE_SYMBOL_RE = re.compile(rf"(?<![A-Za-z])T[A-Za-z0-9]{{0,3}}{_SP}*[=≈~∼]{_SP}*[~∼]?$")
# Mass and volume symbols that an "of" makes units: "5 g of dried sediment", "2 L of water".
_PARTITIVE = frozenset({"g", "L", "l"})
_OF_RE = re.compile(rf"{_SP}+of{_SP}+[a-z]")


def short_unit_at(text: str, start: int, figure_end: int) -> tuple[UnitSpec, int] | None:
    """The short symbol after a figure (start..figure_end) if English makes it a unit here:
    (its spec, where it ends)."""
    m = _SYMBOL_RE.match(text, figure_end)
    if m is None:
        return None
    symbol = m.group(2)
    spec = SHORT_SYMBOLS[symbol]
    if symbol == "kn":
        return spec, m.end()
    if not m.group(1):  # glued: "12in", "40t"; "15st", "50g", "2L" have rules of their own
        if symbol in ("in", "t"):
            return spec, m.end()
        # "300K" is most often thousands: kelvin only when a temperature restates it
        restated = symbol == "K" and _restated_after(text, m.end(), spec.kind)
        return (spec, m.end()) if restated else None
    if _restated_after(text, m.end(), spec.kind) or _restates_before(text, start, m.end(), spec):
        return spec, m.end()
    if symbol == "K" and _kelvin_context(text, start, m.end()):
        return spec, m.end()
    if symbol in _PARTITIVE and _OF_RE.match(text, m.end()) and not _after_label(text, start):
        return spec, m.end()  # "5 g of sugar", "2 L of water": an amount of a stuff
    if spec.unit in COMPOUND_UNITS and second_part(text, spec.unit, 0.0, m.end()) is not None:
        return spec, m.end()  # "11 st 4 lb": a weight in two units
    return None


def _kelvin_context(text: str, start: int, end: int) -> bool:
    """Whether a spaced "K" is kelvin: a word of temperature near it ("a mean temperature of
    7200 K", "cooler by 1000–2000 K") or a temperature symbol set to it ("T0 = 1300 K")."""
    if _TEMPERATURE_SYMBOL_RE.search(text, max(0, start - 8), start):
        return True
    return not context_words(text, start, end).isdisjoint(KELVIN_CUES)


def _after_label(text: str, start: int) -> bool:
    """ "section 5 g of the act": a lettered clause, not grams."""
    before = word_before(text, start, joiners=".")
    return before is not None and before[0].casefold().rstrip(".") in LABEL_WORDS


def _restated_after(text: str, pos: int, kind: str) -> bool:
    """Whether the same amount follows in another unit of `kind`: " (250 cm)", " or 0.25 cm"."""
    opens = _OPENS_RE.match(text, pos)
    if opens is None:
        return False
    return _kind_after_figure(text, opens.end()) == kind


def _restates_before(text: str, start: int, end: int, spec: UnitSpec) -> bool:
    """Whether the figure at `start` restates one before it: "(4 in)", "0.25 cm or 0.1 in"."""
    mark = _mark_before(text, start)
    if mark is None:
        return False
    word, at = mark
    closed = text[end : end + 1] in _CLOSERS or text[end : end + 2] in (".)", ".;")
    if word in "([":
        return closed
    return _kind_before(text, at) == spec.kind


def _mark_before(text: str, start: int) -> tuple[str, int] | None:
    """The bracket or connector just before a figure, past one hedge word: (it, its start)."""
    i = _back_over_space(text, start)
    if text[i - 1 : i] == "~":
        i = _back_over_space(text, i - 1)
    before = word_before(text, i, joiners=".")
    if before is not None and before[0].casefold() in _HEDGE_WORDS:
        i = _back_over_space(text, before[1])
        before = word_before(text, i, joiners=".")
    if before is not None:
        word = before[0].casefold()
        return (word, before[1]) if word in _CONNECTOR_WORDS else None
    mark = text[i - 1 : i]
    return (mark, i - 1) if mark and mark in _CONNECTOR_MARKS else None


def _back_over_space(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in _SPACE:
        pos -= 1
    return pos


def _kind_after_figure(text: str, pos: int) -> str | None:
    """The kind of the unit after the figure (or range) at `pos`, read without short symbols."""
    figure = _FIGURE_RE.match(text, pos)
    if figure is None:
        return None
    end = figure.end()
    gap = _RANGE_GAP_RE.match(text, end)
    if gap is not None:
        other = _FIGURE_RE.match(text, gap.end())
        end = other.end() if other is not None else end
    kind = _kind_at(text, end)
    if kind is None:  # "29 C (84 F)": a short symbol that closes its bracket restates too
        symbol = _SYMBOL_RE.match(text, end)
        if symbol is not None and text[symbol.end() : symbol.end() + 1] in _CLOSERS:
            return SHORT_SYMBOLS[symbol.group(2)].kind
    return kind


def _kind_before(text: str, at: int) -> str | None:
    """The kind of the unit that ends, after a figure, just before the connector at `at`."""
    window_start = max(0, at - _BEFORE_WINDOW)
    last = None
    for last in _FIGURE_RE.finditer(text, window_start, at):  # noqa: B007 - the last is kept
        pass
    if last is None:
        return None
    kind = _kind_at(text, last.end())
    return kind if kind is not None and _ends_near(text, last.end(), at) else None


def _ends_near(text: str, figure_end: int, at: int) -> bool:
    """Whether only a unit (no second figure, no clause) lies between a figure and `at`."""
    between = text[figure_end:at]
    return len(between) <= 24 and not any(c.isdigit() for c in between)


def _kind_at(text: str, pos: int) -> str | None:
    m = tail_match(text, pos)
    if m is None:
        return None
    branch = m.lastgroup
    if branch == "unit":
        return unit_spec(m.group("unit_word")).kind
    if branch == "cased":
        return CASED_UNITS[m.group("cased_word")].kind
    if branch == "pounds":
        return "mass"
    return "temperature" if branch == "degrees" else None
