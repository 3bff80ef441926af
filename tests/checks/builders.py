"""Hand-built quantities, so the checks can be tested without the extractor."""

from __future__ import annotations

import re

from claims.checks.finding import Finding
from claims.checks.geography import check_geography
from claims.checks.units import convert
from claims.extraction import extract_quantities
from claims.extraction.lexicon.qualifiers import PREFIXES
from claims.extraction.quantity import Quantity

SI = {"area": "meter ** 2", "length": "meter", "mass": "kilogram", "duration": "second",
      "speed": "meter / second", "volume": "meter ** 3", "temperature": "kelvin"}  # fmt: skip
# The hedges these tests write, with their meaning from the extractor's one table.
HEDGED = {
    words: PREFIXES[words]
    for words in ("about", "some", "roughly", "around", "nearly", "more than", "at least",
                  "less than", "at most")
}  # fmt: skip


def quantity(text: str, surface: str, unit: str, kind: str, **overrides: object) -> Quantity:
    """The quantity `surface` (first occurrence in `text`) as the extractor would give it:
    value, step and qualifier read off the numeral and the hedge before it."""
    start = text.index(surface)
    numeral = re.search(r"\d[\d,]*(?:\.\d+)?", surface).group(0)
    value = float(numeral.replace(",", ""))
    fields: dict[str, object] = {
        "start": start,
        "end": start + len(surface),
        "text": surface,
        "value": value,
        "unit": unit,
        "kind": kind,
        "si_value": value if "si_value" in overrides or kind not in SI else None,
        "qualifier": _qualifier(text[:start]),
        "step": _step(numeral),
    }
    fields.update(overrides)
    if fields["si_value"] is None:
        fields["si_value"] = convert(value, unit, SI[kind])
    return Quantity(**fields)


def _qualifier(before: str) -> str:
    for words, qualifier in HEDGED.items():
        if before.lower().rstrip().endswith(words):
            return qualifier
    return "exact"


def _step(numeral: str) -> float:
    if "." in numeral:
        return 10.0 ** -len(numeral.split(".")[1])
    digits = numeral.replace(",", "")
    return 10.0 ** (len(digits) - len(digits.rstrip("0"))) if digits.strip("0") else 1.0


def geography_findings(text: str) -> list[Finding]:
    """The geography findings for `text`, on the distances the extractor reads in it."""
    return check_geography(text, extract_quantities(text))


def only_geography(text: str) -> Finding:
    """The one geography finding for `text` (the test fails if there are more or none)."""
    found = geography_findings(text)
    assert len(found) == 1, found
    return found[0]
