"""A source's reference value held against its claim before it is stored.

One validation for every door (the web panel, the admin, the API): `Source.clean` calls
`reference_validate`, and the services run `full_clean` before they save. The rules:

- the figure is a finite number ("8,000" and "8 000" are read; words are not);
- the claim has a quantity to compare it with;
- the unit measures what the claim's quantities measure: an area for a claim in km², a
  currency for one in USD (another currency is stored; the check says it needs an exchange
  rate), nothing or a count for a count, % or nothing for a percentage;
- below zero only where a figure can be: a temperature, or a claim that states a change
  ("fell by 3 %", "a drop of $2 million", "-0.5 %").

Units are read as the extractor reads them (claims.checks.reference_units): one lexicon.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError

from claims.checks.reference_units import UnitReading, read_unit
from claims.checks.units import symbol
from claims.checks.wording import hedge
from claims.extraction.lexicon.currencies import CODES
from claims.extraction.lexicon.units import UNITS
from claims.extraction.lexicon.words import (
    COMPARATIVES,
    DIRECTION_WORDS,
    SIGNED_CHANGE_WORDS,
)

if TYPE_CHECKING:
    from claims.models import Claim, Quantity

FIGURE_MESSAGE = (
    "Write the source's figure as a number, such as 8000 or 3.5; without units — put the "
    "unit in Unit."
)
NO_QUANTITY = (
    "The machine found no figure in this claim, so there is nothing to compare a reference "
    "value with; leave Reference value and Unit empty and put what the source says in Quote."
)
# How the messages name each kind of quantity: (as a thing, as what a unit measures).
KIND_NAMES = {
    "area": ("an area", "area"),
    "length": ("a distance", "distance"),
    "duration": ("a duration", "time"),
    "speed": ("a speed", "speed"),
    "mass": ("a mass", "mass"),
    "volume": ("a volume", "volume"),
    "temperature": ("a temperature", "temperature"),
    "currency": ("an amount of money", "currency"),
    "percentage": ("a percentage", "percentage"),
    "count": ("a count", "count"),
}

# "8,000", "8 000", "-1,234.5": groups of three after the first, with one kind of separator.
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:(,)\d{3}(?:,\d{3})*|( )\d{3}(?: \d{3})*)(?:\.\d+)?$")
_PLAIN = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_SPACES = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " ", "−": "-"})
_WORD = re.compile(r"[A-Za-z]+")
_NEXT_WORD = re.compile(r"[ \t\u00a0\u2009\u202f-]+([A-Za-z]+)")
_CLAUSE_MARKS = ",;:.!?()[]—"


def read_figure(written: str) -> float:
    """The number an editor typed; ValueError (FIGURE_MESSAGE) for anything else.

    Thousands may be grouped with commas or spaces ("8,000", "8 000"); a comma is never a
    decimal point ("3,5" is refused rather than read as 35 or 3.5)."""
    text = written.strip().translate(_SPACES)
    if _GROUPED.match(text):
        text = text.replace(",", "").replace(" ", "")
    elif not _PLAIN.match(text):
        raise ValueError(FIGURE_MESSAGE)
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(FIGURE_MESSAGE)
    return value


def reference_validate(*, claim: Claim, value: float | None, unit: str) -> None:
    """Refuse a reference value that cannot be held against `claim`: a ValidationError whose
    dict names the field to fix (reference_value or reference_unit)."""
    errors = reference_errors(claim=claim, value=value, unit=unit)
    if errors:
        raise ValidationError(errors)


def reference_errors(*, claim: Claim, value: float | None, unit: str) -> dict[str, str]:
    if value is None:
        return {}  # a unit without a value is the model's constraint and the forms' message
    if not math.isfinite(value):
        return {"reference_value": FIGURE_MESSAGE}
    quantities = list(claim.quantities.all())
    if not quantities:
        return {"reference_value": NO_QUANTITY}
    reading = reference_reading(claim, quantities, unit)
    if reading is None:
        return {}  # not a unit at all: the field's validator says so
    unit_error = _unit_error(claim, quantities, unit, reading)
    if unit_error:
        return {"reference_unit": unit_error}
    if value < 0 and reading.kind != "temperature" and not states_change(claim, quantities):
        thing = KIND_NAMES[reading.kind or claim.kind][0]
        return {
            "reference_value": f"{thing[0].upper()}{thing[1:]} cannot be negative; give the "
            "source's figure without a minus sign."
        }
    return {}


def reference_reading(
    claim: Claim, quantities: Sequence[Quantity], unit: str
) -> UnitReading | None:
    """The unit of a reference value on `claim`: as written, read with the claim's kinds in
    mind ("pounds" beside money is sterling; a bare figure beside a percentage is one)."""
    kinds = {q.kind for q in quantities}
    reading = read_unit(unit, money="currency" in kinds)
    bare = reading is not None and not reading.unit
    if bare and "count" not in kinds and "percentage" in kinds:
        return UnitReading("percent", "percentage")
    return reading


def _unit_error(
    claim: Claim, quantities: Sequence[Quantity], unit: str, reading: UnitReading
) -> str:
    kinds = {q.kind for q in quantities}
    if reading.kind in kinds and (reading.unit or reading.kind == "count"):
        return ""
    main = next((q for q in quantities if q.kind == claim.kind), quantities[0])
    thing, measure = KIND_NAMES[main.kind]
    shown = f" ({symbol(main.unit)})" if symbol(main.unit) else ""
    said = f"This claim is {thing}{shown}"
    if not unit.strip():
        return f"{said}; give the unit of the source's figure, such as {_examples(main)}."
    other = KIND_NAMES[reading.kind][0] if reading.kind else f"not a unit of {measure}"
    return f"{said}; “{unit.strip()}” is {other}. {_what_to_write(main, measure)}"


def _what_to_write(main: Quantity, measure: str) -> str:
    if main.kind == "count":
        return "Leave Unit empty for a count."
    if main.kind == "percentage":
        return "Write % or leave Unit empty."
    if main.kind == "currency":
        return f"Give the source's figure in a currency, such as {_examples(main)}."
    return f"Give the source's figure in a unit of {measure} such as {_examples(main)}."


def _examples(main: Quantity) -> str:
    """The claim's own unit, then the first others of its kind in the lexicon."""
    if main.kind == "currency":
        units = [main.unit, *CODES]
    else:
        units = [main.unit, *(spec.unit for spec in UNITS.values() if spec.kind == main.kind)]
    shown = list(dict.fromkeys(_shown(u, main.kind) for u in units if u))[:3]
    return f"{', '.join(shown[:-1])} or {shown[-1]}" if len(shown) > 1 else "".join(shown)


def _shown(unit: str, kind: str) -> str:
    # pint's symbols for days and years ("d", "a") are not what a newsroom writes.
    return f"{unit}s" if kind == "duration" else symbol(unit)


def states_change(claim: Claim, quantities: Sequence[Quantity]) -> bool:
    """Whether a quantity of `claim` is the size of a change, which may be negative.

    A figure written with a sign ("-0.5 %"); a word of change or direction before it in its
    clause, past a hedge ("fell by about 3 %", "a drop of $2 million", "down 3 %"); or a
    word of change or comparison right after it ("a 3 % drop", "2 °C warmer"). A level
    reached is no change: "rose to 7 %"."""
    return any(q.value < 0 or _changed(claim, q) for q in quantities)


def _changed(claim: Claim, q: Quantity) -> bool:
    # The words before the figure, past its hedge ("fell by about 3 %"), read as the checks do.
    _, at = hedge(claim.sentence, max(0, q.start - claim.sentence_start), q.text)
    words = _clause_words(claim.sentence[:at])
    last = words[-1] if words else ""
    if last in SIGNED_CHANGE_WORDS or last in DIRECTION_WORDS:
        return True
    if last == "by" and SIGNED_CHANGE_WORDS.intersection(words):
        return True
    if last == "of" and len(words) > 1 and words[-2] in SIGNED_CHANGE_WORDS:
        return True
    after = _NEXT_WORD.match(claim.sentence, max(0, q.end - claim.sentence_start))
    return after is not None and after.group(1).casefold() in SIGNED_CHANGE_WORDS | COMPARATIVES


def _clause_words(before: str) -> list[str]:
    """The lower-cased words of the clause before a figure."""
    for mark in _CLAUSE_MARKS:
        before = before.rpartition(mark)[2]
    return [w.casefold() for w in _WORD.findall(before)]
