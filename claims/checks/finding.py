"""The value type that the machine checks return (the Checks API contract of DESIGN.md)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

CHECKS = ("conversion", "date_arithmetic", "geography", "reference")
OUTCOMES = ("consistent", "inconsistent", "unverifiable")
# How much an outcome asks of an editor: the queues sort and filter claims by their worst.
SEVERITY = {"inconsistent": 3, "unverifiable": 2, "consistent": 1, "": 0}


def worst_outcome(outcomes: Iterable[str]) -> str:
    """The outcome that most needs an editor, or "" when there is none."""
    return max(outcomes, key=SEVERITY.__getitem__, default="")


@dataclass(frozen=True, slots=True)
class Finding:
    """What one machine check says about one claim.

    `start`/`end` span the claim it is about; `expected` is what the machine computed, with
    units, for a person to read; `explanation` gives the arithmetic, the tolerance and the data.
    """

    check: str
    outcome: str
    start: int
    end: int
    expected: str
    explanation: str
