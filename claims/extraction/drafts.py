"""From a figure to a draft quantity: what follows it decides the unit and the kind.

A draft holds everything but the sentence, the SI value and the check-worthiness, which the
extractor adds once the whole text is read (sentence splitting runs once per text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claims.extraction.context import context_words, peek, pounds_are_money
from claims.extraction.counts import count_at
from claims.extraction.figures import RANGE_SEP_RE, RANGE_STARTS, Figure, figure_at, range_after
from claims.extraction.lexicon.currencies import CODE_ALIASES, SUBUNITS
from claims.extraction.lexicon.units import CASED_UNITS, UnitSpec
from claims.extraction.lexicon.words import TEMPERATURE_CUES
from claims.extraction.numbers import AND_A_HALF_RE
from claims.extraction.qualifiers import over_means_during, prefix_at, suffix_at
from claims.extraction.tails import degrees_at, money_word, tail_match, unit_spec

_IN_RE = re.compile(
    r"[ \t]+in[ \t]+(?=\d|(?i:one|two|three|four|five|six|seven|eight|nine|ten"
    r"|twenty|a hundred|hundred)\b)"
)
_FILLER_RE = re.compile(
    r"[ \t](?:consecutive|straight|successive|more|further|additional|extra|full|whole"
    r"|solid|calendar|working|business|long)(?=[ \t])"
)
_AGE_RE = re.compile(r"[ \t-]+old(?![\w])|-olds?(?![\w])")
_CELSIUS = UnitSpec("degree_Celsius", "temperature")
_FAHRENHEIT = UnitSpec("degree_Fahrenheit", "temperature")


@dataclass(slots=True)
class Draft:
    """A quantity before its sentence, SI value and score are known."""

    start: int
    end: int
    value: float
    unit: str
    kind: str
    qualifier: str = "exact"
    value_high: float | None = None
    step: float | None = None
    scaled: bool = False
    extras: dict[str, object] = field(default_factory=dict)


@dataclass(slots=True)
class Tail:
    """What follows a figure: the unit it is in, its kind and where the phrase ends."""

    unit: str
    kind: str
    end: int
    multiplier: float = 1.0


def _degrees_tail(text: str, start: int, pos: int) -> Tail | None:
    end = degrees_at(text, pos)
    if end is None:
        return None
    words = context_words(text, start, end)
    if not words & TEMPERATURE_CUES - {"degrees"}:
        return None  # an angle, or nothing we can tell
    spec = _FAHRENHEIT if "fahrenheit" in words or "°f" in text[start : end + 80] else _CELSIUS
    return Tail(spec.unit, spec.kind, end)


def _negative_temperature(text: str, figure: Figure) -> Draft | None:
    """ "minus 15 in Moscow": a figure below zero with no unit is a temperature, if the
    words around speak of weather; nothing else is counted below zero."""
    words = context_words(text, figure.start, figure.end)
    said_minus = text[figure.start].isalpha()  # "minus 15": news says it of temperatures
    if not (said_minus or words & TEMPERATURE_CUES):
        return None
    spec = _FAHRENHEIT if "fahrenheit" in words else _CELSIUS
    return draft_from_tail(text, figure, Tail(spec.unit, spec.kind, figure.end))


def tail_at(text: str, figure: Figure, pos: int) -> Tail | None:
    """The unit, percent sign or currency after a figure ending at `pos`."""
    m = tail_match(text, pos)
    if m is None:
        if figure.currency:
            return Tail(figure.currency, "currency", pos)
        return _unit_after_filler(text, pos)
    branch = m.lastgroup  # the outer group of the branch that matched
    if branch == "percent":
        return Tail("percent", "percentage", m.end())
    if figure.currency is not None:
        return Tail(figure.currency, "currency", pos)
    if branch == "unit":
        spec = unit_spec(m.group("unit_word"))
        return Tail(spec.unit, spec.kind, m.end(), spec.multiplier)
    return _money_or_other_tail(text, figure, m, branch)


def _unit_after_filler(text: str, pos: int) -> Tail | None:
    """ "10 consecutive days", "three more weeks", "two full years": a unit one word on."""
    filler = _FILLER_RE.match(text, pos)
    if filler is None:
        return None
    m = tail_match(text, filler.end())
    if m is None or m.lastgroup != "unit":
        return None
    spec = unit_spec(m.group("unit_word"))
    return Tail(spec.unit, spec.kind, m.end(), spec.multiplier)


def _money_or_other_tail(text: str, figure: Figure, m: re.Match[str], branch: str) -> Tail | None:
    if branch == "code":
        code = m.group("code_word")
        return Tail(CODE_ALIASES.get(code, code), "currency", m.end())
    if branch == "money":
        return Tail(money_word(m.group("money_word")), "currency", m.end())
    if branch == "pounds":
        if pounds_are_money(text, figure.start, m.end(), figure.scaled):
            return Tail("GBP", "currency", m.end())
        return Tail("pound", "mass", m.end())
    if branch == "subunit":
        code, factor = SUBUNITS[(m.group("subunit_word") or "p").lower()]
        return Tail(code, "currency", m.end(), factor)
    if branch == "cased":
        spec = CASED_UNITS[m.group("cased_word")]
        return Tail(spec.unit, spec.kind, m.end())
    return _degrees_tail(text, figure.start, m.start())


def qualifier_for(text: str, start: int, end: int, kind: str) -> tuple[str, int, int]:
    """The qualifier of a quantity spanning start..end: (qualifier, phrase start, new end)."""
    found = prefix_at(text, start)
    if found is not None:
        qualifier, at = found
        over = kind == "duration" and text[at : at + 4].lower() == "over"
        if over and over_means_during(text, at):
            return "exact", start, end
        return qualifier, at, end
    after = suffix_at(text, end)
    if after is not None:
        return after[0], start, after[1]
    return "exact", start, end


def _with_half_after_unit(text: str, figure: Figure, tail: Tail) -> tuple[float, int, bool]:
    """ "an hour and a half", "two years and a half": the half after the unit."""
    m = AND_A_HALF_RE.match(text, tail.end) if peek(text, tail.end) in "aA-" else None
    if m is None or not (figure.is_word or figure.step == 1):
        return figure.value, tail.end, False
    extra = 0.5 if m.group(1).lower() == "half" else 0.25
    return figure.value + extra, m.end(), True


def draft_from_tail(text: str, figure: Figure, tail: Tail) -> Draft:
    """A single (not range) quantity: the figure in the unit that follows it."""
    value, end, halved = _with_half_after_unit(text, figure, tail)
    extras: dict[str, object] = {}
    if tail.unit == "year":
        age = _AGE_RE.match(text, end)
        if age is not None and text[figure.end : figure.end + 1] == "-":
            end, extras["age"] = age.end(), True
    qualifier, qstart, end = qualifier_for(text, figure.start, end, tail.kind)
    if qstart != figure.start:
        extras["qualifier_start"] = qstart
    step = None if halved or figure.step is None else figure.step * tail.multiplier
    return Draft(
        figure.start, end, value * tail.multiplier, tail.unit, tail.kind, qualifier,
        step=step, scaled=figure.scaled, extras=extras,
    )  # fmt: skip


def _range_draft(text: str, low: Figure, high: Figure, start: int) -> Draft | None:
    tail = tail_at(text, high, high.end)
    if tail is None:
        end = count_at(text, low.start, high.end, low.value, low.raw, low.is_word, low.scaled)
        if end is None:
            return None
        tail = Tail("", "count", end)
    steps = [s for s in (low.step, high.step) if s is not None]
    step = min(steps) * tail.multiplier if len(steps) == 2 else None
    return Draft(
        start, tail.end, low.value * tail.multiplier, tail.unit, tail.kind, "range",
        value_high=high.value * tail.multiplier, step=step, scaled=low.scaled or high.scaled,
    )  # fmt: skip


def _tail_of_next(text: str, figure: Figure) -> Tail | None:
    """ "rose from 5 to 7 per cent": the unit written once, after the second figure, is the
    first one's too (the two are not a range, but both are percentages)."""
    sep = RANGE_SEP_RE.match(text, figure.end) if peek(text, figure.end) in RANGE_STARTS else None
    if sep is None:
        return None
    nxt = figure_at(text, sep.end(), figure.currency, sign=False)
    if nxt is None or nxt.is_word != figure.is_word:
        return None
    tail = tail_at(text, nxt, nxt.end)
    if tail is None:
        return None
    return Tail(tail.unit, tail.kind, figure.end, tail.multiplier)


def _ratio(text: str, figure: Figure) -> Draft | None:
    """ "one in five adults", "1 in 10": a proportion, as a percentage."""
    m = _IN_RE.match(text, figure.end) if peek(text, figure.end) == "i" else None
    if m is None or figure.scaled or figure.value <= 0:
        return None
    whole = figure_at(text, m.end(), sign=False)
    if whole is None or whole.scaled or not figure.value < whole.value <= 1000:
        return None
    if whole.raw.isdigit() and len(whole.raw) == 4:
        return None  # "1 in 2019"
    qualifier, qstart, _ = qualifier_for(text, figure.start, whole.end, "percentage")
    extras = {"qualifier_start": qstart} if qstart != figure.start else {}
    value = 100.0 * figure.value / whole.value
    return Draft(figure.start, whole.end, value, "percent", "percentage", qualifier, extras=extras)


def draft_after_figure(text: str, figure: Figure) -> Draft | None:
    """The quantity a figure starts: a range, a measure, money, a percentage or a count."""
    pair = range_after(text, figure)
    if pair is not None:
        draft = _range_draft(text, *pair)
        if draft is not None:
            return draft
    tail = tail_at(text, figure, figure.end) or _tail_of_next(text, figure)
    if tail is not None:
        return draft_from_tail(text, figure, tail)
    ratio = _ratio(text, figure)
    if ratio is not None:
        return ratio
    if figure.value < 0:
        return _negative_temperature(text, figure)
    if degrees_at(text, figure.end) is not None:
        return None  # an angle
    end = count_at(
        text, figure.start, figure.end, figure.value, figure.raw, figure.is_word, figure.scaled
    )
    if end is None:
        return None
    draft = draft_from_tail(text, figure, Tail("", "count", figure.end))
    draft.end = max(draft.end, end)
    return draft
