"""Qualifier words: what the words touching a figure say about it ("about", "more than",
"up to"). The one table of hedges and bounds, read by the extractor (claims.extraction.
qualifiers), the temporal reader and the checks (claims.checks.wording); each phrase maps to a
`Quantity.qualifier`."""

from __future__ import annotations

import re

PREFIXES: dict[str, str] = {
    "about": "approximate", "around": "approximate", "roughly": "approximate",
    "some": "approximate", "approximately": "approximate", "approx.": "approximate",
    "approx": "approximate", "an estimated": "approximate", "estimated": "approximate",
    "nearly": "approximate", "almost": "approximate", "close to": "approximate",
    "circa": "approximate", "c.": "approximate", "ca.": "approximate",
    "around about": "approximate",
    "just about": "approximate", "an approximate": "approximate", "~": "approximate",
    "∼": "approximate",  # the tilde operator, as technical writing types "about"
    "≈": "approximate", "in the region of": "approximate", "some estimated": "approximate",
    "more than": "more_than", "over": "more_than", "above": "more_than",
    "upwards of": "more_than", "a little over": "more_than", "just over": "more_than",
    "well over": "more_than", "slightly more than": "more_than", "well above": "more_than",
    "in excess of": "more_than", "greater than": "more_than", "higher than": "more_than",
    "exceeding": "more_than", "a little more than": "more_than", "just above": "more_than",
    ">": "more_than",
    # Verbs of passing a mark bound the figure they touch ("inflation topped 200%").
    "topped": "more_than", "tops": "more_than", "topping": "more_than",
    "exceeded": "more_than", "exceeds": "more_than", "surpassed": "more_than",
    "surpassing": "more_than", "to top": "more_than", "could top": "more_than",
    "will top": "more_than", "would top": "more_than", "may top": "more_than",
    "might top": "more_than",  # a bare "top" is "the top 10": a rank, not a bound
    # Comparatives with "than" bound a measure ("vessels longer than 100 feet").
    "longer than": "more_than", "taller than": "more_than", "larger than": "more_than",
    "bigger than": "more_than", "wider than": "more_than", "deeper than": "more_than",
    "heavier than": "more_than", "faster than": "more_than", "older than": "more_than",
    "shorter than": "less_than", "smaller than": "less_than", "lighter than": "less_than",
    "slower than": "less_than", "younger than": "less_than", "cheaper than": "less_than",
    "at least": "at_least", "no less than": "at_least", "no fewer than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least", "as few as": "at_least",
    "as little as": "at_least", "≥": "at_least",
    "less than": "less_than", "under": "less_than", "fewer than": "less_than",
    "below": "less_than", "just under": "less_than", "just below": "less_than",
    "slightly less than": "less_than", "lower than": "less_than", "<": "less_than",
    "up to": "at_most", "at most": "at_most", "no more than": "at_most",
    "not more than": "at_most", "a maximum of": "at_most", "as many as": "at_most",
    "as much as": "at_most", "maximum of": "at_most", "≤": "at_most",
    "within": "at_most", "as high as": "at_most", "as long as": "at_most",
    "as far as": "at_most", "as low as": "at_least",
}  # fmt: skip

# The phrases as one regex alternation, longest first so that "more than" wins over "more":
# the extractor's and the checks' patterns for a hedge are all built from this one.
HEDGE_PATTERN = "|".join(re.escape(p) for p in sorted(PREFIXES, key=len, reverse=True))
