"""What may follow a figure: a unit, a percent sign, a currency code, name or sign.

Each matcher is anchored at the end of the figure and returns where the phrase ends. Long
spellings are tried before short ones ("square miles" before "miles", "km2" before "km").
A hyphen may stand between figure and unit: "a 12-mile stretch", "the 3.5-kilometre section".
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.extraction.lexicon.currencies import (
    AMBIGUOUS_NAMES,
    CENT_SIGN,
    CODE_MAGNITUDES,
    CODES,
    DIVIDES,
    LETTER_SUFFIXES,
    SUBUNIT_WORDS,
    SUBUNITS,
    SYMBOLS,
    WORDS,
)
from claims.extraction.lexicon.units import CASED_UNITS, PREFIXED_SYMBOLS, UNITS, UnitSpec
from claims.extraction.trie import trie_pattern


def _alternation(spellings, any_case: bool = False) -> str:
    # Trie-shaped: one attempt per character instead of one per spelling.
    return trie_pattern(set(spellings), any_case)


_GAP = r"(?:[ \t\u00a0\u2009\u202f]?-?[ \t\u00a0\u2009\u202f]?)"
_END = r"(?![A-Za-z0-9])"
_UNIT_RE = re.compile(rf"{_GAP}((?i:{_alternation(UNITS)})|{_alternation(PREFIXED_SYMBOLS)}){_END}")
# Case-carrying one-letter units: glued to the figure ("41.2C", "104F", "50g", "24h"), and
# "m" and "h" also after one space ("a 100 m wall", "after 5 h"; unit_tails guards "h").
_AFTER_SPACE = "mh"
_CASED = rf"(?:|-|(?<=\d) (?=[{_AFTER_SPACE}]))"
_CASED_RE = re.compile(rf"{_CASED}([{''.join(CASED_UNITS)}]){_END}")
# "1.3 wt.%", "5 vol%", "2 mol %": a share by weight, volume or amount is a percentage too.
_PERCENT_OF = r"(?:(?:wt|vol|mol)\.?[ \t\u00a0\u2009\u202f]?)?%"
_PERCENT_RE = re.compile(
    r"(?:[ \t\u00a0\u2009\u202f]?-?)(?:("
    + _PERCENT_OF
    + r")|((?i:per[ \t-]?cent|percent)(?:age[ \t]+points?)?"
    r"|(?i:percentage[ \t]+points?))" + _END + r"|(pc)" + _END + ")"
)
_DEGREES_RE = re.compile(rf"[ \t\u00a0\u2009\u202f]?((?i:degrees|degree|degs|deg)|°){_END}")
# Signs that may stand after the figure ("5 €", "50¢", "100 zł"), and the characters that
# start them: a tail can start with one of these besides a letter, "%", "°" or "-".
SIGN_CHARS = "".join(s for s in SYMBOLS if len(s) == 1) + CENT_SIGN
TAIL_STARTS = "%°º-" + SIGN_CHARS
# Everything above in one pattern, so that the common case (a figure followed by an ordinary
# word) costs one failed match. Earlier branches win: "km2" (a unit) before "m" (a one-letter
# unit). The names of money are one branch (a trie tries the longest first: "euro cents"
# before "euro", "pounds sterling" before "pounds"), which `money_name` tells apart, and are
# tried before units ("pounds" as money before mass). A sign after the figure is not read when
# a figure follows it ("5 €10 notes").
_SP = "[ \t\u00a0\u2009\u202f]"
MONEY_NAMES = frozenset(
    {*WORDS, *AMBIGUOUS_NAMES, *SUBUNIT_WORDS, *(w for w in SUBUNITS if w != "p")}
)
TAIL_RE = re.compile(
    rf"(?P<percent>{_SP}?-?(?:{_PERCENT_OF}"
    rf"|(?:(?i:per[ \t-]?cent|percent)(?:(?i:age){_SP}+(?i:points?))?"
    rf"|(?i:percentage){_SP}+(?i:points?)|pc){_END}))"
    rf"|(?P<code>{_SP}?(?P<code_scale>{_alternation(CODE_MAGNITUDES)})?"
    rf"(?P<code_word>{_alternation(CODES)}){_END})"
    rf"|(?P<money>{_SP}?-?(?P<money_word>{_alternation(MONEY_NAMES, any_case=True)}){_END})"
    rf"|(?P<unit>{_GAP}(?P<unit_word>{_alternation(UNITS, any_case=True)}"
    rf"|{_alternation(PREFIXED_SYMBOLS)}){_END})"
    rf"|(?P<pence>p{_END})"
    rf"|(?P<cased>{_CASED}(?P<cased_word>[{''.join(CASED_UNITS)}]){_END})"
    rf"|(?P<degrees>{_SP}?(?:(?i:degrees|degree|degs|deg)|°){_END})"
    rf"|(?P<sign>{_SP}?(?P<sign_word>[{SIGN_CHARS}]|{_alternation(LETTER_SUFFIXES)})"
    rf"(?!{_SP}?\d)(?![\w]))"
)


def tail_match(text: str, pos: int) -> re.Match[str] | None:
    """The one match of TAIL_RE at `pos`; its `lastgroup`-free branch names say what it is."""
    return TAIL_RE.match(text, pos)


@lru_cache(maxsize=1024)  # a few hundred spellings as written; normalising each costs more
def unit_spec(spelling: str) -> UnitSpec:
    """The spec of a unit spelling as matched (any case, any spacing; symbols as written)."""
    return PREFIXED_SYMBOLS.get(spelling) or UNITS[" ".join(spelling.casefold().split())]


@lru_cache(maxsize=512)
def money_name(word: str) -> tuple[str, str, float]:
    """What a name of money as matched is: ("money", code, 1) for a currency's name,
    ("subunit", code, share) for a minor unit ("cents", "euro cents"), ("ambiguous", name, 1)
    for a name that is also an ordinary word ("pounds", "won", "marks")."""
    key = " ".join(word.casefold().split())
    if key in WORDS:
        return "money", WORDS[key], 1.0
    if key in AMBIGUOUS_NAMES:
        return "ambiguous", key, 1.0
    code, share = SUBUNITS.get(key) or SUBUNIT_WORDS[key]
    return "subunit", code, share


def subunit_at(text: str, pos: int) -> tuple[frozenset[str], float, int] | None:
    """A minor unit of money right after a figure ending at `pos` ("20 cents", "50p"):
    (the currencies it divides, its share of the main unit, where it ends)."""
    m = TAIL_RE.match(text, pos)
    if m is None or m.lastgroup not in ("money", "pence"):
        return None
    word = "p" if m.lastgroup == "pence" else " ".join(m.group("money_word").casefold().split())
    if word in SUBUNIT_WORDS:
        code, share = SUBUNIT_WORDS[word]
        return frozenset({code}), share, m.end()
    if word not in DIVIDES:
        return None
    return DIVIDES[word], SUBUNITS[word][1], m.end()


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
