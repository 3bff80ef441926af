"""The unit an editor writes beside a source's reference value, read as the extractor reads
units in a text: the same lexicon (unit spellings, currencies, percent words), then pint.

"C" beside a figure is Celsius to a newsroom and a coulomb to pint; "km2", "per cent", "USD"
and "£" are units to the extractor and nothing to pint. Reading the editor's unit the way the
text's units were read lets the two be compared kind for kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.checks.units import IncompatibleUnits, registry
from claims.extraction.lexicon.currencies import CODE_ALIASES, CODES, SYMBOLS, WORDS
from claims.extraction.lexicon.units import SI_TARGET, spelled_unit
from claims.extraction.tails import percent_at

# A unit as people write one: words or symbols, at most one small power and one "per". pint
# evaluates what it parses, so anything else (km**9**9**9 runs for minutes) never reaches it.
UNIT_SHAPE = re.compile(
    r"^[A-Za-z_°%²³µ$€£¥ .]+[23]?(\s*(\*\*|\^)\s*[1-3])?(\s*/\s*[A-Za-z_°µ .]+[23]?)?$"
)
_POUNDS = ("pound", "pounds")


@dataclass(frozen=True, slots=True)
class UnitReading:
    """`unit` is a pint unit string or an ISO 4217 code ("" for a bare figure); `kind` one
    of the extractor's KINDS, or None for a unit pint knows that measures none of them (a
    coulomb); a value in the written unit times `multiplier` is in `unit` ("decades")."""

    unit: str
    kind: str | None
    multiplier: float = 1.0


def read_unit(written: str, *, money: bool = False) -> UnitReading | None:
    """What `written` names, or None when it is no unit we know.

    `money` says the figure is an amount of money, so that "pounds" is sterling, as the
    extractor decides from the words around the figure."""
    text = " ".join(written.split())
    if not text:
        return UnitReading("", "count")
    if money and text.casefold() in _POUNDS:
        return UnitReading("GBP", "currency")
    return _read(text)


@lru_cache(maxsize=512)
def _read(text: str) -> UnitReading | None:
    code = _currency(text)
    if code:
        return UnitReading(code, "currency")
    end = percent_at(text, 0)
    if end is not None and end[0] == len(text):
        return UnitReading("percent", "percentage")
    spec = spelled_unit(text)
    if spec is not None:
        return UnitReading(spec.unit, spec.kind, spec.multiplier)
    return _pint(text)


def _currency(text: str) -> str:
    if text in SYMBOLS:
        return SYMBOLS[text]
    if text.upper() in CODES and text.isalpha():
        return CODE_ALIASES.get(text.upper(), text.upper())
    return WORDS.get(text.casefold(), "")


def _pint(text: str) -> UnitReading | None:
    if not UNIT_SHAPE.match(text):
        return None
    try:
        unit = registry().Unit(text)
    except Exception:  # pint raises many kinds of error for text it cannot read
        return None
    return UnitReading(str(unit), kind_of(str(unit)))


@lru_cache(maxsize=256)
def kind_of(unit: str) -> str | None:
    """The kind of quantity a pint unit measures: its dimension's, as the extractor's SI
    targets name them. Of the dimensionless units, percent is a percentage and pint's
    "count" a count; angles ("degree") and the like measure none of our kinds."""
    try:
        dimensionality = registry().Unit(unit).dimensionality
    except Exception as exc:  # not a pint unit: an ISO code is money, anything else nothing
        if unit.isupper() and unit.isalpha():
            return "currency"
        raise IncompatibleUnits(f"{unit!r} is not a unit pint knows") from exc
    if not dimensionality:
        return {"percent": "percentage", "count": "count", "dimensionless": "count"}.get(unit)
    for kind, target in SI_TARGET.items():
        if registry().Unit(target).dimensionality == dimensionality:
            return kind
    return None
