"""Small helpers shared by the extraction tests."""

from __future__ import annotations

import random

from claims.extraction import Quantity, extract_quantities


def only(text: str) -> Quantity:
    """The one quantity in `text` (fails, showing what was found, if there is not exactly one)."""
    found = extract_quantities(text)
    assert len(found) == 1, [(q.text, q.kind, q.value) for q in found]
    return found[0]


def surfaces(text: str) -> list[str]:
    return [q.text for q in extract_quantities(text)]


def approx(x: float, y: float, rel: float = 1e-6) -> bool:
    return abs(x - y) <= rel * max(abs(y), 1e-12)


def pathological(size: int, seed: int = 7) -> str:
    """Digits, separators and unit words run together: the input that hurts backtracking."""
    rng = random.Random(seed)
    parts = [
        "1", "22", "333", ",", ",000", ".", "5", " ", "-", "–", " km", "km", " sq", " square ",
        " miles", "%", " per", " cent", " to ", " and ", "$", "£", "bn", "m", " million",
    ]  # fmt: skip
    out: list[str] = []
    length = 0
    while length < size:
        piece = rng.choice(parts)
        out.append(piece)
        length += len(piece)
    return "".join(out)[:size]
