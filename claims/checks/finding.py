"""The value type that the machine checks return (the Checks API contract of DESIGN.md)."""

from __future__ import annotations

from dataclasses import dataclass

CHECKS = ("conversion", "date_arithmetic", "geography", "reference")
OUTCOMES = ("consistent", "inconsistent", "unverifiable")


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
