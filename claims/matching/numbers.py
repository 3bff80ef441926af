"""Matching on the numbers: whether two claims state the same figure, for the same places and
the same period. Pure Python, no Django.

    from claims.matching import match_numbers, read_claim
    found = match_numbers(read_claim(sentence_a), read_claim(sentence_b))
    found.same_figure, found.same_places, found.same_period, found.reason
    # True, True, None, "same figure: 67 mi = about 108 km; same places: Kupyansk, Izium"

Each figure of one claim is compared with the other claim's figures of the same kind
(figures.py, the tolerance rules of claims/checks/tolerance.py). The claims state the same
figure when at least one pair is the same and no figure has a counterpart of its kind that
differs; a figure whose kind the other claim does not mention ("for five days" added) is let
be. The places and the period are compared only when both sentences name them (None
otherwise). `reason` is written for an editor and is meant to be prefixed by a caller that
also scores the words ("text 0.91; " + reason).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from claims.extraction import extract_quantities
from claims.extraction.quantity import Quantity
from claims.matching.figures import FigureMatch, comparable, compare_figures, describe
from claims.matching.period import Period, compare_periods, period_named
from claims.matching.places import Places, compare_places, places_named


@dataclass(frozen=True, slots=True)
class ClaimFigures:
    """A claim as the extractor sees it: its sentence, the figures in it (offsets into the
    sentence), and the places and period the sentence names."""

    sentence: str
    quantities: tuple[Quantity, ...]
    places: Places
    period: Period


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """Two claims compared on the numbers. `same_places` and `same_period` are None when
    either sentence names no place (no year or date)."""

    same_figure: bool
    same_places: bool | None
    same_period: bool | None
    reason: str
    # False when no figure of one claim has a counterpart of its kind in the other (nothing
    # to compare, so `same_figure` False says nothing against the pair).
    compared: bool = True

    @property
    def matches(self) -> bool:
        """The same figure, and no place or period that tells the two apart."""
        return self.same_figure and self.same_places is not False and self.same_period is not False

    @property
    def another_subject(self) -> bool:
        """The claims name different places, or state figures of different kinds (an area
        against a count): whatever their words share, they are not about the same thing."""
        other_kinds = not self.compared and self.reason.startswith("no figure of the same kind")
        return self.same_places is False or other_kinds

    @property
    def differs(self) -> bool:
        """A figure, the places or the period tell the two claims apart."""
        figures_differ = self.compared and not self.same_figure
        return figures_differ or self.same_places is False or self.same_period is False


def read_claim(
    sentence: str,
    *,
    span: tuple[int, int] | None = None,
    reference_date: date | None = None,
) -> ClaimFigures:
    """Read a claim's sentence once. `span` (offsets into the sentence) keeps only the figures
    it covers, for a claim that is one figure of a sentence holding several; `reference_date`
    (the article's dateline) resolves "on Saturday"."""
    quantities = extract_quantities(sentence, reference_date=reference_date)
    figures = tuple(q for q in quantities if span is None or _within(q, span))
    return ClaimFigures(
        sentence,
        figures,
        places_named(sentence, quantities),
        period_named(sentence, quantities, reference_date),
    )


def match_numbers(a: ClaimFigures, b: ClaimFigures) -> NumberMatch:
    """Whether `a` and `b` state the same figure, for the same places and period, and why."""
    same_figure, compared, figures = _compare_all(a.quantities, b.quantities)
    same_places, places = compare_places(a.places, b.places)
    same_period, period = compare_periods(a.period, b.period)
    reason = "; ".join(part for part in (figures, places, period) if part)
    return NumberMatch(same_figure, same_places, same_period, reason, compared)


def _compare_all(a: Sequence[Quantity], b: Sequence[Quantity]) -> tuple[bool, bool, str]:
    from_a = [m for m in (_against(q, b) for q in a) if m is not None]
    # A figure of `b` with no partner in `a` is a difference too; shown from `a`'s side, as
    # the editor reads the first claim first.
    from_b = [_against(q, a, flip=True) for q in b]
    differ = [m for m in from_a if not m.same] + [m for m in from_b if m and not m.same]
    if differ:
        return False, True, "figures differ: " + ", ".join(dict.fromkeys(d.shown for d in differ))
    if from_a:
        return True, True, "same figure: " + ", ".join(dict.fromkeys(m.shown for m in from_a))
    return False, False, _no_pair(a, b)


def _against(q: Quantity, others: Sequence[Quantity], *, flip: bool = False) -> FigureMatch | None:
    """`q` against the first of `others` it is the same as, else the first of its kind;
    None when no figure of `others` is of its kind."""
    tried = [(o, compare_figures(q, o)) for o in others if comparable(q, o)]
    if not tried:
        return None
    other, found = next(((o, m) for o, m in tried if m.same), tried[0])
    return compare_figures(other, q) if flip else found


def _no_pair(a: Sequence[Quantity], b: Sequence[Quantity]) -> str:
    if not a or not b:
        return "no figure to compare"
    kinds_a = ", ".join(dict.fromkeys(describe(q) for q in a))
    kinds_b = ", ".join(dict.fromkeys(describe(q) for q in b))
    return f"no figure of the same kind: {kinds_a} vs {kinds_b}"


def _within(q: Quantity, span: tuple[int, int]) -> bool:
    return q.start < span[1] and span[0] < q.end
