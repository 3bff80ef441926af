"""The value type that the extractor returns (the Extraction API contract of DESIGN.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = (
    "area",
    "length",
    "duration",
    "speed",
    "mass",
    "volume",
    "temperature",
    "currency",
    "percentage",
    "count",
)
QUALIFIERS = ("exact", "approximate", "at_least", "more_than", "at_most", "less_than", "range")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity mentioned in a text.

    `start`/`end` are character offsets into the text of the whole mention (number and unit),
    so `text[start:end] == self.text`. `value` is the figure as stated (the low end of a range),
    `unit` a string that pint parses (`""` for counts, an ISO 4217 code for money), `si_value`
    the magnitude in SI base units (m², m, s, m/s, kg, m³, K; the value itself for counts,
    percentages and money). `sentence` is the `(start, end)` of the sentence it stands in.
    """

    start: int
    end: int
    text: str
    value: float
    unit: str
    kind: str
    si_value: float
    qualifier: str = "exact"
    value_high: float | None = None
    si_value_high: float | None = None
    sentence: tuple[int, int] = (0, 0)
    # The rounding step the numeral shows, in the stated unit: 1 for "3,088", 1000 for "8,000",
    # 0.1 for "26.2"; None for words and fractions ("five", "half", "3½"), whose step is the unit.
    step: float | None = None
    check_worthiness: float = 0.0
    extras: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
