"""What may follow a figure: a unit, a percent sign, a currency code or word.

Each matcher is anchored at the end of the figure and returns where the phrase ends. Long
spellings are tried before short ones ("square miles" before "miles", "km2" before "km").
A hyphen may stand between figure and unit: "a 12-mile stretch", "the 3.5-kilometre section".
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.extraction.lexicon.currencies import CODES, WORDS
from claims.extraction.lexicon.units import CASED_UNITS, PREFIXED_SYMBOLS, UNITS, UnitSpec
from claims.extraction.trie import trie_pattern


def _alternation(spellings) -> str:
    # Trie-shaped: one attempt per character instead of one per spelling.
    return trie_pattern(set(spellings))


_GAP = r"(?:[ \t\u00a0\u2009\u202f]?-?[ \t\u00a0\u2009\u202f]?)"
_END = r"(?![A-Za-z0-9])"
_UNIT_RE = re.compile(rf"{_GAP}((?i:{_alternation(UNITS)})|{_alternation(PREFIXED_SYMBOLS)}){_END}")
# Case-carrying one-letter units: glued to the figure ("41.2C", "104F", "50g", "24h"), and
# "m" and "h" also after one space ("a 100 m wall", "after 5 h"; unit_tails guards "h").
_AFTER_SPACE = "mh"
_CASED = rf"(?:|-|(?<=\d) (?=[{_AFTER_SPACE}]))"
_CASED_RE = re.compile(rf"{_CASED}([{''.join(CASED_UNITS)}]){_END}")
_PERCENT_RE = re.compile(
    r"(?:[ \t\u00a0\u2009\u202f]?-?)(?:(%)|((?i:per[ \t-]?cent|percent)(?:age[ \t]+points?)?"
    r"|(?i:percentage[ \t]+points?))" + _END + r"|(pc)" + _END + ")"
)
_DEGREES_RE = re.compile(rf"[ \t\u00a0\u2009\u202f]?((?i:degrees|degree|degs|deg)|°){_END}")
# Everything above in one pattern, so that the common case (a figure followed by an ordinary
# word) costs one failed match. Earlier branches win: "pounds" is tried as money before mass,
# "km2" (a unit) before "m" (a one-letter unit).
_SP = "[ \t\u00a0\u2009\u202f]"
TAIL_RE = re.compile(
    rf"(?P<percent>{_SP}?-?(?:%|(?:(?i:per[ \t-]?cent|percent)(?:(?i:age){_SP}+(?i:points?))?"
    rf"|(?i:percentage){_SP}+(?i:points?)|pc){_END}))"
    rf"|(?P<code>{_SP}?(?P<code_word>{'|'.join(CODES)}){_END})"
    rf"|(?P<money>{_SP}?-?(?P<money_word>(?i:{_alternation(WORDS)})){_END})"
    rf"|(?P<pounds>{_SP}?-?(?i:pounds|pound){_END})"
    rf"|(?P<unit>{_GAP}(?P<unit_word>(?i:{_alternation(UNITS)})"
    rf"|{_alternation(PREFIXED_SYMBOLS)}){_END})"
    rf"|(?P<subunit>(?:{_SP}?(?P<subunit_word>(?i:cents|cent|pence))|(?P<pence>p)){_END})"
    rf"|(?P<cased>{_CASED}(?P<cased_word>[{''.join(CASED_UNITS)}]){_END})"
    rf"|(?P<degrees>{_SP}?(?:(?i:degrees|degree|degs|deg)|°){_END})"
)


def tail_match(text: str, pos: int) -> re.Match[str] | None:
    """The one match of TAIL_RE at `pos`; its `lastgroup`-free branch names say what it is."""
    return TAIL_RE.match(text, pos)


@lru_cache(maxsize=1024)  # a few hundred spellings as written; normalising each costs more
def unit_spec(spelling: str) -> UnitSpec:
    """The spec of a unit spelling as matched (any case, any spacing; symbols as written)."""
    return PREFIXED_SYMBOLS.get(spelling) or UNITS[" ".join(spelling.casefold().split())]


@lru_cache(maxsize=256)
def money_word(word: str) -> str:
    """The ISO code of a currency word as matched."""
    return WORDS[" ".join(word.casefold().split())]


def unit_at(text: str, pos: int) -> tuple[UnitSpec, int, str] | None:
    """The unit spelled at `pos`: (spec, end, spelling as written)."""
    m = _UNIT_RE.match(text, pos)
    if m is not None:
        return unit_spec(m.group(1)), m.end(), m.group(1)
    m = _CASED_RE.match(text, pos)
    if m is not None:
        return CASED_UNITS[m.group(1)], m.end(), m.group(1)
    return None


def percent_at(text: str, pos: int) -> tuple[int, bool] | None:
    """A percent sign or word at `pos`: (end, whether it says percentage points)."""
    m = _PERCENT_RE.match(text, pos)
    if m is None:
        return None
    return m.end(), "point" in m.group(0).casefold()


def degrees_at(text: str, pos: int) -> int | None:
    """A bare "degrees" (no scale named) at `pos`: its end."""
    m = _DEGREES_RE.match(text, pos)
    return None if m is None else m.end()
