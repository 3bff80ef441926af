"""Which two figures are one amount said twice: the pairs the `conversion` check compares.

"8,000 square kilometers (3,088 square miles)", "25-mile (40 km)", "5,000 sq mi, or roughly
13,000 sq km", "3 mi. (5 km)", "a 2,000 sq foot flat (650 sq meters)", "6 feet 2 inches
(1.88 m)". The second figure follows the first at once, joined by a bracket, a dash, a slash,
"or", "i.e.", "that is" or "equivalent to"; after an adjectival figure the bracket may come
after the noun it describes, if the bracket holds only the conversion.
"""

from __future__ import annotations

import re
from dataclasses import replace

from claims.checks.units import IncompatibleUnits, convert, same_unit
from claims.extraction.lexicon.qualifiers import HEDGE_PATTERN as _HEDGE
from claims.extraction.lexicon.words import NOT_NOUNS
from claims.extraction.quantity import Quantity

# Kinds whose units pint converts by a fixed rule; money needs an exchange rate and a date.
CONVERTIBLE_KINDS = frozenset(
    {"area", "length", "speed", "mass", "volume", "temperature", "duration"}
)
# What stands between a figure and its conversion: "(", ", or", "or about", "—", "/", ", i.e.";
# after an abbreviation, its full stop: "3 mi. (5 km)".
# A bare space or comma is not enough: "6 feet 2 inches", "5 km, 10 miles and a marathon".
_CONNECTOR = re.compile(
    r"(?:\.?\s*[(\[]|\s*[—–/]|,?\s*(?:(?:or|that is|equivalent to|equal to)\b|i\.e\.,?))\s*"
    rf"(?:(?:{_HEDGE})\s*)?",
    re.IGNORECASE,
)
# "a 2,000 sq foot flat (650 sq meters)", "a 40-foot-tall statue (12 m)": one or two words of
# the noun the figure describes, then the bracket.
_NOUN_THEN_BRACKET = re.compile(
    rf"(?:[ -]([a-z]+))(?:[ -]([a-z]+))?\s*[(\[]\s*(?:(?:{_HEDGE})\s*)?", re.IGNORECASE
)
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "its", "their", "his", "her", "our"})
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
# A bare "or" (no comma, no hedge) joins choices as often as restatements: "1 kg or 5 lb bags".
# Such a pair may be confirmed but never raises an alarm.
_CHOICE = re.compile(r"\s+or\s+", re.IGNORECASE)
# What may follow the second figure of a bracketed pair: the bracket's end, or another
# restatement ("(0.22 imp gal; 0.26 US gal)", "(40 km, or 25 mi)").
_BRACKET_ENDS = re.compile(r"\.?\s*(?:[)\];,/—–]|or\b)")
_COMPOUND_GAP = re.compile(r"\s*(?:and\s+)?")
_MAX_GAP = 32


def merge_compounds(text: str, ordered: list[Quantity]) -> list[Quantity]:
    """Join "6 feet 2 inches" into one figure (74 inches), so that "(1.88 m)" after it is
    checked against the whole height, not against "2 inches"."""
    merged: list[Quantity] = []
    for q in ordered:
        if merged and _is_compound(text, merged[-1], q):
            merged[-1] = _joined(text, merged[-1], q)
        else:
            merged.append(q)
    return merged


def _is_compound(text: str, big: Quantity, small: Quantity) -> bool:
    if big.kind != small.kind or big.kind not in ("length", "mass", "duration"):
        return False
    if not big.value.is_integer() or big.qualifier != "exact" or small.qualifier != "exact":
        return False
    if not _COMPOUND_GAP.fullmatch(text[big.end : small.start]):
        return False
    try:
        return convert(1.0, big.unit, small.unit) > 1.0
    except IncompatibleUnits:
        return False


def _joined(text: str, big: Quantity, small: Quantity) -> Quantity:
    return replace(
        big,
        end=small.end,
        text=text[big.start : small.end],
        value=convert(big.value, big.unit, small.unit) + small.value,
        unit=small.unit,
        si_value=big.si_value + small.si_value,
        step=small.step,
    )


def is_conversion_pair(text: str, first: Quantity, second: Quantity) -> bool:
    """True when `second` restates `first` in another unit of the same kind."""
    if first.kind != second.kind or first.kind not in CONVERTIBLE_KINDS:
        return False
    if same_unit(first.unit, second.unit) or not first.unit or not second.unit:
        return False
    gap = text[first.end : second.start]
    if not 0 <= len(gap) <= _MAX_GAP:
        return False
    return _CONNECTOR.fullmatch(gap) is not None or _after_the_noun(text, first, second, gap)


def _after_the_noun(text: str, first: Quantity, second: Quantity, gap: str) -> bool:
    """ "a 2,000 sq foot flat (650 sq meters)": an adjectival figure, its noun, then a bracket
    that holds the conversion and nothing else."""
    m = _NOUN_THEN_BRACKET.fullmatch(gap)
    if m is None or any(w and w.casefold() in NOT_NOUNS for w in m.groups()):
        return False
    if text[second.end : second.end + 1] not in (")", "]"):
        return False
    return _is_adjectival(text, first)


def _is_adjectival(text: str, q: Quantity) -> bool:
    """ "25-mile", "a 2,000 sq foot": a figure that describes a noun rather than stands alone."""
    if "-" in q.text.lstrip("-−"):
        return True
    before = _WORD_BEFORE.search(text, max(0, q.start - 8), q.start)
    return before is not None and before.group(1).casefold() in _DETERMINERS


def may_alarm(text: str, first: Quantity, second: Quantity) -> bool:
    """Whether the pair surely restates one amount, so that a mismatch is an error.

    A bare "or" offers a choice as often as it restates ("1 kg or 5 lb bags"); a bracket that
    goes on after the second figure may hold a part, not the whole ("a 5 km (2 miles of it
    uphill) climb"). Such pairs may be confirmed but raise no alarm.
    """
    if _CHOICE.fullmatch(text, first.end, second.start) is not None:
        return False
    opened = "(" in text[first.end : second.start] or "[" in text[first.end : second.start]
    return not opened or _BRACKET_ENDS.match(text, second.end) is not None
