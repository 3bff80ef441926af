"""Every same-kind pair of the lexicon's units, said in one breath, is considered by the
conversion check: "N unit1 (M unit2)" and "N unit1, or M unit2", with M converted by pint,
give a consistent finding, and with M 30 % off an inconsistent one.

The units and their spellings come from the extractor's lexicon, so a unit added there is
covered here without a line of this file changing.
"""

from __future__ import annotations

import math
from collections import defaultdict

import pint
import pytest

from claims.checks import check_text
from claims.checks.units import same_unit
from claims.extraction.lexicon.units import CASED_UNITS, SHORT_SYMBOLS, UNITS, UnitSpec

KINDS = ("length", "area", "volume", "mass", "speed", "temperature")
UREG = pint.UnitRegistry()
FIRST_VALUE = 21.7
CONNECTORS = {"bracket": "{a} ({b})", "or": "{a}, or {b}"}


def _spellings() -> dict[str, dict[UnitSpec, list[str]]]:
    """kind -> unit -> every spelling of it, as it would be written after a figure."""
    found: dict[str, dict[UnitSpec, list[str]]] = defaultdict(lambda: defaultdict(list))
    for spelling, spec in UNITS.items():
        found[spec.kind][spec].append(spelling)
    for symbol, spec in SHORT_SYMBOLS.items():
        found[spec.kind][spec].append(symbol)
    for symbol, spec in CASED_UNITS.items():
        found[spec.kind][spec].append("\u2060" + symbol)  # a mark: written glued to the figure
    return found


SPELLINGS = _spellings()


def _written(value: float, spelling: str) -> str:
    number = _numeral(value)
    if spelling.startswith("\u2060"):
        return number + spelling[1:]
    return f"{number} {spelling}"


def _numeral(value: float) -> str:
    """`value` to four significant figures, as a person would write it (no exponent)."""
    if value == 0:
        return "0"
    rounded = float(f"{value:.4g}")
    digits = max(0, 3 - int(f"{abs(rounded):e}".split("e")[1]))
    text = f"{rounded:,.{digits}f}"
    return text.replace("-", "−")


def _first_value(spec_1: UnitSpec, spec_2: UnitSpec) -> float:
    """FIRST_VALUE, scaled so that both figures of a far-apart pair stay writable: light
    years in nanometres are "0.000000000002170 ly (20,530,000,000,000 nm)"."""
    if spec_1.kind == "temperature":
        return FIRST_VALUE
    ratio = abs(_in(1.0, spec_1, spec_2))
    return FIRST_VALUE * 10.0 ** -math.floor(math.log10(ratio) / 2)


def _in(value: float, spec_1: UnitSpec, spec_2: UnitSpec) -> float:
    """`value` written in `spec_1`, as the figure written in `spec_2` (pint converts)."""
    quantity = UREG.Quantity(value * spec_1.multiplier, spec_1.unit)
    return float(quantity.to(spec_2.unit).magnitude) / spec_2.multiplier


def _cases(kind: str) -> list[tuple[str, str, UnitSpec, str, UnitSpec]]:
    """(label, spelling 1, unit 1, spelling 2, unit 2): every ordered pair of units in their
    first spelling, and every spelling against the kind's first other unit, both ways."""
    units = SPELLINGS[kind]
    specs = list(units)
    cases = []
    for spec_1 in specs:
        for spec_2 in specs:
            if not same_unit(spec_1.unit, spec_2.unit):
                cases.append(("pair", units[spec_1][0], spec_1, units[spec_2][0], spec_2))
    for spec in specs:
        partner = next((p for p in specs if not same_unit(p.unit, spec.unit)), None)
        if partner is None:
            continue
        for spelling in units[spec]:
            cases.append(("spelling", spelling, spec, units[partner][0], partner))
            cases.append(("spelling", units[partner][0], partner, spelling, spec))
    return cases


def _outcomes(text: str, start: int, end: int) -> set[str]:
    return {
        f.outcome
        for f in check_text(text)
        if f.check == "conversion" and f.start < end and start < f.end
    }


@pytest.mark.parametrize("connector", sorted(CONNECTORS))
@pytest.mark.parametrize("kind", KINDS)
def test_every_same_kind_pair_in_one_breath_is_considered_by_conversion(kind, connector):
    assert len(SPELLINGS[kind]) >= 2
    wrong = []
    for label, spelling_1, spec_1, spelling_2, spec_2 in _cases(kind):
        first = float(_numeral(_first_value(spec_1, spec_2)).replace(",", ""))
        converted = _in(first, spec_1, spec_2)
        for factor, wanted in ((1.0, "consistent"), (1.3, "inconsistent")):
            pair = CONNECTORS[connector].format(
                a=_written(first, spelling_1), b=_written(converted * factor, spelling_2)
            )
            text = f"The survey recorded {pair} at the site."
            start = text.index(pair)
            got = _outcomes(text, start, start + len(pair))
            if got != {wanted}:
                wrong.append(f"{label}: {pair!r} wanted {wanted}, got {sorted(got)}")
    assert not wrong, f"{len(wrong)} pairs:\n" + "\n".join(wrong[:40])


def test_the_pairs_cover_every_kind_with_many_units():
    counts = {kind: len(SPELLINGS[kind]) for kind in KINDS}
    assert counts["length"] >= 10
    assert counts["volume"] >= 10
    assert counts["mass"] >= 8
    assert counts["temperature"] == 3
