"""Figures that mark something rather than measure it, as technical writing uses them.

- A citation: bare numbers in square brackets ("as shown before [12].", "[3, 4]", "[14–17]").
  News puts words, not bare numbers, in square brackets ("[the] 12 soldiers"), so a bracket
  that holds nothing but numbers is a reference, a footnote or a list marker: never a count.
  Parentheses are left alone: "John Smith (22)" and "a man (22)" are ages in news.
- A label glued to C or F that is no temperature: a figure or table panel ("Fig. 3C",
  "Figure S5F", "Figs. 2C and 4F", "Route 3C"), an isotope ("δ13C", "13C/12C") or a tracer in
  brackets ("[11C]raclopride").
- An argument or an enumerator in parentheses: "F(3, 8.9)", "t(39)", "poly(3,4-…)" (the
  bracket glued to a letter), and "(1)", "(2)" opening a clause.
- An exponent: the digit after a unit's minus sign ("mol−1", "ha−1", "m s^-1") is no count.
"""

from __future__ import annotations

import re

from claims.extraction.context import word_before
from claims.extraction.lexicon.words import FIGURE_LABELS, LABEL_WORDS, NOT_LABELS_BEFORE_SCALE

_CITED = frozenset("0123456789,;–—- \u00a0\u2009\u202f")
_CITATION_WINDOW = 40
_LABEL_ITEM = r"S?\d+[A-Za-z]?"
# A label word, then label items joined by commas, "and" or dashes, up to the figure: "Figs. 2C
# and ", "Figures 1A–", "Figures 3E, 3H, and ".
_LABEL_LIST_RE = re.compile(
    rf"([A-Za-z]+)\.?[ \t\u00a0]+(?:{_LABEL_ITEM}[ \t\u00a0]*(?:,|and|or|–|-)[ \t\u00a0]*)+$"
)
_LABEL_LIST_WINDOW = 48
# Symbols with an exponent after a figure: "5 emu mol−1", "1 g cm−3", "3 m2 g−1".
_UNITS_WITH_EXPONENT_RE = re.compile(
    r"(?:[ \t\u00a0\u2009\u202f][A-Za-zμµ]{1,4}[23²³]?){1,3}(?:[−⁻]|\^[-−]?)[\d¹²³]"
)
_EXPONENT_WINDOW = 16
_ISOTOPE_RATIO_AFTER_RE = re.compile(r"/\d+([A-Z])(?![A-Za-z0-9])")
_ISOTOPE_RATIO_BEFORE_RE = re.compile(r"\d+([A-Z])/$")


def cites(text: str, start: int, end: int) -> bool:
    """Whether the figure at start..end stands in square brackets that hold only numbers."""
    i = start
    low = max(0, start - _CITATION_WINDOW)
    while i > low and text[i - 1] in _CITED:
        i -= 1
    if text[i - 1 : i] != "[":
        return False
    j, high = end, min(len(text), end + _CITATION_WINDOW)
    while j < high and text[j] in _CITED:
        j += 1
    return text[j : j + 1] == "]"


def units_with_exponent_after(text: str, end: int) -> bool:
    """Whether symbols with an exponent follow the figure ending at `end` ("5 emu mol−1"): a
    measure in units the extractor does not model, so no count of "emu"."""
    window = text[end : end + _EXPONENT_WINDOW]
    if "−" not in window and "⁻" not in window and "^" not in window:
        return False
    return _UNITS_WITH_EXPONENT_RE.match(text, end) is not None


def argument_or_enumerator(text: str, start: int, end: int) -> bool:
    """Whether the figure at start..end is in parentheses glued to a letter ("t(39)", "F(3,
    8.9)") or is a clause's number ("; (2) the diameter", ". (3) The masks")."""
    if text[start - 1 : start] != "(":
        return False
    if text[start - 2 : start - 1].isalpha():
        return True
    if text[end : end + 2] != ") " or not text[start:end].isdigit():
        return False
    before = text[max(0, start - 1 - _CITATION_WINDOW) : start - 1].rstrip()
    return not before or before[-1] in ".;:"


def exponent_before(text: str, start: int) -> bool:
    """Whether the figure at `start` is a unit's exponent: "mol−1", "s^-1", "m^2"."""
    i = start
    if text[i - 1 : i] in ("-", "−"):
        i -= 1
    if text[i - 1 : i] == "^":
        return True
    return i < start and text[i - 1 : i].isalpha()


def scale_letter_marks(text: str, start: int, letter_end: int) -> bool:
    """Whether a figure glued to "C" or "F" (start..letter_end) is a label, an isotope or a
    tracer rather than a temperature."""
    before = text[start - 1 : start]
    if before.isalpha():
        return True  # "δ13C", "S5F": part of a symbol or a panel name
    if before == "[" and text[letter_end : letter_end + 1] == "]":
        return True  # "[11C]raclopride": a labelled tracer
    letter = text[letter_end - 1]
    ratio_after = _ISOTOPE_RATIO_AFTER_RE.match(text, letter_end)
    if ratio_after is not None and ratio_after.group(1) == letter:
        return True  # "13C/12C": a ratio of isotopes; a temperature pair changes scale
    ratio_before = _ISOTOPE_RATIO_BEFORE_RE.search(text, max(0, start - 8), start)
    if ratio_before is not None and ratio_before.group(1) == letter:
        return True
    return _labelled(text, start)


def _labelled(text: str, start: int) -> bool:
    """ "Fig. 3C", "Route 3C", "Figs. 2C and 4F": a label word, or a list of labels after one."""
    i = start
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    if text[i - 1 : i] == ".":
        i -= 1
    found = word_before(text, i)
    if found is not None and _is_label(found[0]):
        return True
    m = _LABEL_LIST_RE.search(text, max(0, start - _LABEL_LIST_WINDOW), start)
    return m is not None and _is_label(m.group(1))


def _is_label(word: str) -> bool:
    low = word.casefold()
    if low in FIGURE_LABELS:
        return True
    # "Route 3C", "Platform 9F"; lower case, "level" or "top" may stand before a temperature.
    return word[0].isupper() and low in LABEL_WORDS and low not in NOT_LABELS_BEFORE_SCALE
