"""Machine checks on the quantities of a text: pure Python, no Django (DESIGN.md, "Checks API").

    from claims.checks import check_text
    findings = check_text(text, reference_date=None)  # list[Finding], in text order

The per-check functions are exported too, so that services can run them on stored claims:
`check_conversions`, `check_geography`, `check_reference` / `check_reference_value`,
`check_offline_reference` (countries' areas and populations) and `check_date_arithmetic`.
Tolerances live in `claims.checks.tolerance` (docs/tolerances.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from claims.checks.conversion import check_conversion, check_conversions
from claims.checks.finding import CHECKS, OUTCOMES, Finding
from claims.checks.geography import check_geo_phrase, check_geography
from claims.checks.offline_reference import check_offline_reference
from claims.checks.reference import check_reference, check_reference_value
from claims.extraction import Quantity, extract_quantities

__all__ = [
    "CHECKS",
    "OUTCOMES",
    "Finding",
    "check_conversion",
    "check_conversions",
    "check_date_arithmetic",
    "check_geo_phrase",
    "check_geography",
    "check_offline_reference",
    "check_reference",
    "check_reference_value",
    "check_text",
]


def check_text(
    text: str,
    reference_date: date | None = None,
    quantities: Sequence[Quantity] | None = None,
) -> list[Finding]:
    """Extract the text's quantities once (or take `quantities`, the text's own, when the
    caller has them) and run every machine check on them."""
    if quantities is None:
        quantities = extract_quantities(text, reference_date=reference_date)
    findings = [
        *check_conversions(text, quantities),
        *check_geography(text, quantities),
        *check_offline_reference(text, quantities),
        *check_date_arithmetic(text, reference_date, quantities),
    ]
    return sorted(findings, key=lambda f: (f.start, f.end, f.check))


def check_date_arithmetic(
    text: str, reference_date: date | None = None, quantities: Sequence[Quantity] | None = None
) -> list[Finding]:
    """The date check (claims.checks.date_arithmetic), imported on first use; `quantities` are
    the text's extracted quantities (extracted again when not given)."""
    # Imported here so that importing the package stays cheap.
    from claims.checks.date_arithmetic import check_date_arithmetic as check

    return check(text, reference_date, quantities)
