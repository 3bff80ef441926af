"""Quantities in news text: pure Python, no Django (DESIGN.md, "Extraction API").

from claims.extraction import extract_quantities
quantities = extract_quantities(text, reference_date=None)  # list[Quantity], in text order
"""

from claims.extraction.quantity import KINDS, QUALIFIERS, Quantity

__all__ = ["KINDS", "QUALIFIERS", "Quantity", "extract_quantities"]


def extract_quantities(text: str, reference_date=None) -> list[Quantity]:
    raise NotImplementedError("the extraction engine lands with issue 3")
