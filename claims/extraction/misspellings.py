"""Long unit names misspelled by one letter: "kilometeres", "milimetres", "farenheit", "celcius".

A word after a figure that is no unit is read as one when a single letter added, dropped,
changed or swapped with its neighbour makes it a long unit name of the lexicon. Only long names
are read this way (a short one, "metres", is one letter from too many words), never the names
of durations ("minuets", "decides", "millennials" are words of their own), never a word from
the lexicon's list of English words that stand one edit from a unit name ("galleons",
"micros"), and only when the first letter is kept, which is how people misspell
("manometers" are not nanometres).

The index holds each name and each of its one-letter deletions; a word is looked up with its
own deletions, so a look costs one dictionary probe per letter of the word; most words are
turned away before that by their first two letters, which a misspelling keeps (or it drops the
second).
"""

from __future__ import annotations

import re

from claims.extraction.context import peek
from claims.extraction.lexicon.units import NOT_MISSPELLINGS, UNITS, UnitSpec

_SHORTEST = 7  # letters in the shortest name read this way ("celsius")
_KINDS = frozenset({"length", "area", "mass", "volume", "temperature"})
_NAMES: dict[str, UnitSpec] = {
    name: spec
    for name, spec in UNITS.items()
    if name.isalpha() and len(name) >= _SHORTEST and spec.kind in _KINDS
}


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def _index() -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for name in _NAMES:
        for key in (name, *_deletions(name)):
            index.setdefault(key, []).append(name)
    return index


_INDEX = _index()
_FIRST_LETTERS = frozenset(name[0] for name in _NAMES)
# How a misspelling may begin: as its name does, or with the name's second letter dropped.
_OPENINGS = frozenset(name[:2] for name in _NAMES) | frozenset(name[0] + name[2] for name in _NAMES)
_LONGEST = max(map(len, _NAMES)) + 1
_POWERS = {"square": 2, "sq": 2, "cubic": 3}
_STARTS = _FIRST_LETTERS | {w[0] for w in _POWERS}
_POWER_RE = re.compile(r"[ \t\u00a0\u2009\u202f]?((?i:square|sq|cubic))\.?(?=[ \t\u00a0])")
_WORD_RE = re.compile(
    rf"[ \t\u00a0\u2009\u202f]?-?([A-Za-z]{{{_SHORTEST - 1},{_LONGEST}}})(?![A-Za-z0-9])"
)


def misspelled_unit(word: str) -> UnitSpec | None:
    """The unit `word` misspells by one letter, if exactly one unit fits (any case)."""
    word = word.casefold()
    if word[:2] not in _OPENINGS or word in NOT_MISSPELLINGS or word in UNITS:
        return None
    found = {
        _NAMES[name]
        for key in (word, *_deletions(word))
        for name in _INDEX.get(key, ())
        if name[0] == word[0]
    }
    return found.pop() if len(found) == 1 else None


def misspelled_unit_at(text: str, pos: int) -> tuple[UnitSpec, int] | None:
    """A misspelled long unit name right after a figure ending at `pos`, maybe squared or
    cubed ("12 square kilometeres"): (spec, its end)."""
    if peek(text, pos).casefold() not in _STARTS:
        return None  # the common case: a word no unit name (or "square") starts like
    power = _POWER_RE.match(text, pos)
    m = _WORD_RE.match(text, pos if power is None else power.end())
    if m is None:
        return None
    spec = misspelled_unit(m.group(1))
    if spec is None:
        return None
    if power is not None:
        if spec.kind != "length":
            return None
        exponent = _POWERS[power.group(1).casefold()]
        spec = UnitSpec(f"{spec.unit} ** {exponent}", "area" if exponent == 2 else "volume")
    return spec, m.end()
