"""Quantities in news text: pure Python, no Django (DESIGN.md, "Extraction API").

from claims.extraction import extract_quantities
quantities = extract_quantities(text, reference_date=None)  # list[Quantity], in text order
"""

from claims.extraction.extractor import extract_quantities
from claims.extraction.quantity import KINDS, QUALIFIERS, Quantity
from claims.extraction.temporal import TimeExpression, find_time_expressions

__all__ = [
    "KINDS",
    "QUALIFIERS",
    "Quantity",
    "TimeExpression",
    "extract_quantities",
    "find_time_expressions",
]
