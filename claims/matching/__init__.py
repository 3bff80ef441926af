"""Matching claims across articles: pure Python, no Django.

For now, matching on the numbers (numbers.py): the same kind of figure within its own
tolerance, the same places, the same period. Matching on the words comes next.
"""

from claims.matching.numbers import ClaimFigures, NumberMatch, match_numbers, read_claim

__all__ = ["ClaimFigures", "NumberMatch", "match_numbers", "read_claim"]
