"""What follows a figure, read as a `Tail`: the unit it is in, its kind and where it ends.

`tail_at` decides between the readings that `tails.TAIL_RE` finds: a percent sign, a currency
code (with a magnitude: "12 MEUR") or name, a name that is also a word ("pounds" as money or
mass, "won", "marks"), a unit, a sub-unit ("50p", "20 cents"), a one-letter unit ("41.2C"),
bare "degrees" (a temperature only near words of weather), a currency sign after the figure
("5 €"), and "st" for stone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claims.extraction.context import context_words, peek, reads_as_money, word_before
from claims.extraction.lexicon.currencies import (
    AMBIGUOUS_NAMES,
    CENT_SIGN,
    CODE_ALIASES,
    CODE_MAGNITUDES,
    LETTER_SUFFIXES,
    NOT_AFTER_WON,
    SUBUNITS,
    SYMBOLS,
)
from claims.extraction.lexicon.units import CASED_UNITS, UNITS, UnitSpec, spelled_unit
from claims.extraction.lexicon.words import LABEL_WORDS, TEMPERATURE_CUES
from claims.extraction.markers import scale_letter_marks
from claims.extraction.misspellings import misspelled_unit, misspelled_unit_at
from claims.extraction.money import minor_follows
from claims.extraction.short_units import FIRST_CHARS, short_unit_at
from claims.extraction.speeds import (
    exponent_ratio_at,
    is_acceleration,
    may_follow,
    slash_ratio_at,
    speed_after,
)
from claims.extraction.tails import (
    TAIL_STARTS,
    degrees_at,
    money_name,
    tail_match,
    unit_spec,
)
from claims.extraction.unit_labels import unit_in_brackets, unit_in_header

if TYPE_CHECKING:
    from claims.extraction.figures import Figure

_FILLER_RE = re.compile(
    r"[ \t](?:consecutive|straight|successive|more|further|additional|extra|full|whole"
    r"|solid|calendar|working|business|long)(?=[ \t])"
)
CELSIUS = UnitSpec("degree_Celsius", "temperature")
FAHRENHEIT = UnitSpec("degree_Fahrenheit", "temperature")
# "15st" is fifteen stone, but "21st" is an ordinal: "st" is stone glued to digits unless they
# end in a 1 that is not part of 11 (1st, 21st, 101st; 11st is never an ordinal).
_STONE_RE = re.compile(r"st(?![A-Za-z0-9])")
_STONE = UNITS["stone"]
_WORD_AFTER_RE = re.compile(r"[ \t\u00a0]+([A-Za-z]+)")


@dataclass(slots=True)
class Tail:
    """What follows a figure: the unit it is in, its kind and where the phrase ends."""

    unit: str
    kind: str
    end: int
    multiplier: float = 1.0


# What follows the figure makes it no quantity the extractor models: "9.8 m/s²", "12 mg/L".
NO_QUANTITY = Tail("", "", -1)
# "at 17 h" is a time of day; "section 5 h)" a list's letter.
_NOT_HOURS_BEFORE = LABEL_WORDS | {"at"}
_SYMBOL_SLASH_RE = re.compile(r"[ \t\u00a0]?([A-Za-z]{1,3})(?=/)")
_WORD_AFTER_RE = re.compile(r"[ \t\u00a0]+([A-Za-z]+)(?![\w])")


def _measure(text: str, spec: UnitSpec, end: int) -> Tail:
    """A unit read after a figure, with the time that makes a length a speed ("5 cm/s")."""
    if may_follow(text, end) or spec.kind == "speed":  # one look rules out most units
        speed = speed_after(text, spec, end)
        if speed is not None:
            spec, end = speed
        if (spec.kind == "speed" and is_acceleration(text, end)) or slash_ratio_at(text, end):
            return NO_QUANTITY
    if exponent_ratio_at(text, end):
        return NO_QUANTITY  # "6 kg s−1", "964 cm−1": a rate or a power the extractor does not model
    return Tail(spec.unit, spec.kind, end, spec.multiplier)


def _scale_after_degrees(text: str, end: int) -> Tail | None:
    """ "100 degrees fahrenheight", "20 degrees celcius": a scale the lexicon lists, or one
    letter from one."""
    m = _WORD_AFTER_RE.match(text, end)
    if m is None:
        return None
    spec = UNITS.get(m.group(1).casefold()) or misspelled_unit(m.group(1))
    if spec is None or spec.kind != "temperature":
        return None
    return Tail(spec.unit, spec.kind, m.end())


def _degrees_tail(text: str, start: int, pos: int) -> Tail | None:
    end = degrees_at(text, pos)
    if end is None:
        return None
    scale = _scale_after_degrees(text, end)
    if scale is not None:
        return scale
    words = context_words(text, start, end)
    if not words & TEMPERATURE_CUES - {"degrees"}:
        return None  # an angle, or nothing we can tell
    spec = FAHRENHEIT if "fahrenheit" in words or "°f" in text[start : end + 80] else CELSIUS
    return Tail(spec.unit, spec.kind, end)


def tail_at(text: str, figure: Figure, pos: int, start: int | None = None) -> Tail | None:
    """The unit, percent sign or currency after a figure ending at `pos`.

    `start` is where the quantity begins when that is not the figure's start (the low end of
    a range): a short symbol ("in", "t") is read as a unit by what stands around the whole.
    """
    nxt = peek(text, pos)
    # Every unit, sign and currency word starts with a letter, "%", "°"/"º", a hyphen or a
    # currency sign.
    m = tail_match(text, pos) if nxt and (nxt.isalpha() or nxt in TAIL_STARTS) else None
    if m is None:
        if figure.currency:
            return Tail(figure.currency, "currency", pos)
        return (
            _stone(text, figure, pos)
            or _unit_after_filler(text, pos)
            or _short_symbol(text, figure, pos, start)
            or _labelled(text, figure.start if start is None else start, pos)
            or _misspelled(text, pos)
            or _symbol_ratio(text, pos)
        )
    branch = m.lastgroup  # the outer group of the branch that matched
    if branch == "percent":
        return Tail("percent", "percentage", m.end())
    if figure.currency is not None:
        return Tail(figure.currency, "currency", pos)
    if branch == "unit":
        return _measure(text, unit_spec(m.group("unit_word")), m.end())
    return _money_or_other_tail(text, figure, m, branch or "")


def _labelled(text: str, start: int, pos: int) -> Tail | None:
    """ "12 (kg)", "height (m): 3.2": a unit a table or a list writes apart from the figure."""
    found = unit_in_brackets(text, pos)
    if found is not None:
        return Tail(found[0].unit, found[0].kind, found[1], found[0].multiplier)
    spec = unit_in_header(text, start)
    return None if spec is None else Tail(spec.unit, spec.kind, pos, spec.multiplier)


def _symbol_ratio(text: str, pos: int) -> Tail | None:
    """ "120 g/km", "5 t/ha": a symbol that is also a word or letter, read as the top of a ratio
    of units, makes the figure no count."""
    m = _SYMBOL_SLASH_RE.match(text, pos) if "/" in text[pos : pos + 5] else None
    if m is None or spelled_unit(m.group(1)) is None:
        return None
    return NO_QUANTITY if slash_ratio_at(text, m.end(1)) else None


def _misspelled(text: str, pos: int) -> Tail | None:
    found = misspelled_unit_at(text, pos)
    return None if found is None else _measure(text, *found)


def _short_symbol(text: str, figure: Figure, pos: int, start: int | None) -> Tail | None:
    """ "100 in (250 cm)", "(180 t)": a symbol that is also a word, where it is a unit."""
    if peek(text, pos) not in FIRST_CHARS or figure.currency is not None:
        return None
    found = short_unit_at(text, figure.start if start is None else start, pos)
    if found is None:
        return None
    spec, end = found
    return Tail(spec.unit, spec.kind, end, spec.multiplier)


def _unit_after_filler(text: str, pos: int) -> Tail | None:
    """ "10 consecutive days", "three more weeks", "two full years": a unit one word on."""
    filler = _FILLER_RE.match(text, pos)
    if filler is None:
        return None
    m = tail_match(text, filler.end())
    if m is None or m.lastgroup != "unit":
        return None
    return _measure(text, unit_spec(m.group("unit_word")), m.end())


def _money_or_other_tail(text: str, figure: Figure, m: re.Match[str], branch: str) -> Tail | None:
    if branch == "code":
        code, scale = m.group("code_word"), m.group("code_scale")
        multiplier = CODE_MAGNITUDES[scale] if scale else 1.0  # "12 MEUR"
        return Tail(CODE_ALIASES.get(code, code), "currency", m.end(), multiplier)
    if branch == "money":
        return _money_name(text, figure, m)
    if branch == "pence":
        code, share = SUBUNITS["p"]
        return Tail(code, "currency", m.end(), share)
    if branch == "sign":
        sign = m.group("sign_word")
        if sign == CENT_SIGN:
            return Tail("USD", "currency", m.end(), 0.01)
        return Tail(SYMBOLS.get(sign) or LETTER_SUFFIXES[sign], "currency", m.end())
    if branch == "cased":
        letter = m.group("cased_word")
        if letter == "h" and text[figure.end] == " " and not _hours_fit(text, figure, m.end()):
            return None
        if letter in "CF" and scale_letter_marks(text, figure.start, m.end()):
            return NO_QUANTITY  # "Fig. 3C", "δ13C", "[11C]": a label, an isotope, a tracer
        return _measure(text, CASED_UNITS[letter], m.end())
    return _degrees_tail(text, figure.start, m.start())


def _hours_fit(text: str, figure: Figure, end: int) -> bool:
    """Whether a spaced "h" after a figure is hours: not "at 17 h" (a time of day), not
    "section 5 h" or "5 h)" (a list's letter), unless a bracket opens before the figure."""
    before = word_before(text, figure.start)
    if before is not None and before[0].casefold() in _NOT_HOURS_BEFORE:
        return False
    return text[end : end + 1] != ")" or "(" in text[max(0, figure.start - 40) : figure.start]


def _money_name(text: str, figure: Figure, m: re.Match[str]) -> Tail | None:
    what, code_or_name, share = money_name(m.group("money_word"))
    if what != "ambiguous":
        return Tail(code_or_name, "currency", m.end(), share)
    name = code_or_name
    if _ambiguous_name_is_money(text, figure, name, m.end()):
        return Tail(AMBIGUOUS_NAMES[name][0], "currency", m.end())
    return Tail("pound", "mass", m.end()) if name.startswith("pound") else None


def _ambiguous_name_is_money(text: str, figure: Figure, name: str, end: int) -> bool:
    """ "40 million punts", "5,000 won for a meal", "three pounds and forty pence": a bare
    name that is also an ordinary word is money where the words around speak of money (or,
    with none of either sense around, where a scale word makes it a sum), or where its minor
    units follow it."""
    code, other_sense = AMBIGUOUS_NAMES[name]
    if name == "won":
        nxt = _WORD_AFTER_RE.match(text, end)
        if nxt is not None and nxt.group(1).casefold() in NOT_AFTER_WON:
            return False  # "2 million won by the Democrats"
    if reads_as_money(text, figure.start, end, figure.scaled, other_sense):
        return True
    return minor_follows(text, end, code)


def _stone(text: str, figure: Figure, pos: int) -> Tail | None:
    """ "15st", "20st 4lb": stone glued to digits that cannot make an ordinal."""
    raw = figure.raw
    if text[pos : pos + 2] != "st" or not raw.isdigit() or figure.end != pos:
        return None
    if raw.endswith("1") and not raw.endswith("11"):
        return None  # "1st", "21st"
    m = _STONE_RE.match(text, pos)
    return None if m is None else Tail(_STONE.unit, _STONE.kind, m.end())
