"""From a figure to a draft quantity: what follows it decides the unit and the kind.

A draft holds everything but the sentence, the SI value and the check-worthiness, which the
extractor adds once the whole text is read (sentence splitting runs once per text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claims.extraction.compounds import COMPOUND_UNITS, second_part
from claims.extraction.context import context_words, peek, word_before
from claims.extraction.counts import count_at
from claims.extraction.figures import (
    RANGE_SEP_RE,
    RANGE_STARTS,
    Figure,
    ends_agree,
    figure_at,
    range_after,
    range_opener,
    separator_word,
    share_scale,
)
from claims.extraction.lexicon.numbers import SMALL, TENS
from claims.extraction.lexicon.words import CHANGE_WORDS, TEMPERATURE_CUES
from claims.extraction.money import minor_part
from claims.extraction.numbers import and_fraction_at
from claims.extraction.qualifiers import (
    over_follows_figure,
    over_means_during,
    prefix_at,
    suffix_at,
)
from claims.extraction.tails import degrees_at
from claims.extraction.unit_tails import CELSIUS, FAHRENHEIT, NO_QUANTITY, Tail, tail_at

# "one in five", "three out of ten": a ratio, not a quantity and its unit.
_IN_RE = re.compile(
    r"[ \t]+(?:in|out[ \t]+of)[ \t]+(?=\d|(?i:"
    + "|".join(sorted([*SMALL, *TENS, "a hundred", "hundred"], key=len, reverse=True))
    + r")\b)"
)
_JOINED_TO_RE = re.compile(r"[-–](?i:to)[-–]")
# "78 ± 0.6%", "300±15 °C", "12 +/- 2 km": a tolerance after a figure or its unit.
_TOLERANCE_RE = re.compile(r"[ \t\u00a0\u2009\u202f]?(?:±|\+/[-−])[ \t\u00a0\u2009\u202f]?")
_AGE_RE = re.compile(r"[ \t-]+old(?![\w])|-olds?(?![\w])")


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


def _negative_temperature(text: str, figure: Figure) -> Draft | None:
    """ "minus 15 in Moscow": a figure below zero with no unit is a temperature, if the
    words around speak of weather; nothing else is counted below zero."""
    words = context_words(text, figure.start, figure.end)
    said_minus = text[figure.start].isalpha()  # "minus 15": news says it of temperatures
    if not (said_minus or words & TEMPERATURE_CUES):
        return None
    spec = FAHRENHEIT if "fahrenheit" in words else CELSIUS
    return draft_from_tail(text, figure, Tail(spec.unit, spec.kind, figure.end))


def qualifier_for(text: str, start: int, end: int, kind: str) -> tuple[str, int, int]:
    """The qualifier of a quantity spanning start..end: (qualifier, phrase start, new end)."""
    found = prefix_at(text, start)
    if found is not None:
        qualifier, at = found
        over = text[at : at + 4].casefold() == "over"
        if over and (kind == "duration" and over_means_during(text, at)):
            return "exact", start, end
        spatial = over or text[at : at + 5].casefold() == "under"
        if spatial and over_follows_figure(text, at):
            return "exact", start, end  # "30 homes under 10 metres of mud"
        return qualifier, at, end
    after = suffix_at(text, end)
    if after is not None:
        return after[0], start, after[1]
    return "exact", start, end


def _with_fraction_after_unit(text: str, figure: Figure, tail: Tail) -> tuple[float, int, bool]:
    """ "an hour and a half", "a mile and three quarters": the fraction after the unit."""
    more = and_fraction_at(text, tail.end) if peek(text, tail.end) in "aA-" else None
    if more is None or not (figure.is_word or figure.step == 1):
        return figure.value, tail.end, False
    return figure.value + more[0], more[1], True


def draft_from_tail(text: str, figure: Figure, tail: Tail) -> Draft:
    """A single (not range) quantity: the figure in the unit that follows it."""
    value, end, halved = _with_fraction_after_unit(text, figure, tail)
    compound = None
    if tail.unit in COMPOUND_UNITS and not halved:
        compound = second_part(text, tail.unit, value, end)
    if compound is not None:  # "6ft 2in": one height, in inches
        value, unit, end = compound
        tail = Tail(unit, tail.kind, end)
        halved = True  # the step of the first part no longer applies
    step = None if halved or figure.step is None else figure.step * tail.multiplier
    minor = None
    if tail.kind == "currency" and not halved and tail.multiplier == 1.0:
        minor = minor_part(text, figure, tail.unit, end)
    if minor is not None:  # "seven dollars and twenty cents": one sum
        value, step, end = value + minor[0], minor[1], minor[2]
    extras: dict[str, object] = {}
    if tail.unit == "year":
        age = _AGE_RE.match(text, end)
        if age is not None and text[figure.end : figure.end + 1] == "-":
            end, extras["age"] = age.end(), True
    qualifier, qstart, end = qualifier_for(text, figure.start, end, tail.kind)
    if qstart != figure.start:
        extras["qualifier_start"] = qstart
    return Draft(
        figure.start, end, value * tail.multiplier, tail.unit, tail.kind, qualifier,
        step=step, scaled=figure.scaled, extras=extras,
    )  # fmt: skip


def _range_draft(text: str, low: Figure, high: Figure, start: int) -> Draft | None:
    tail = tail_at(text, high, high.end, start)
    if tail is NO_QUANTITY:
        return None
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


def _unit_range(text: str, low: Figure, tail: Tail) -> Draft | None:
    """ "between 5% and 7%", "10km-15km": a range whose unit is written after both ends."""
    sep = RANGE_SEP_RE.match(text, tail.end) if peek(text, tail.end) in "-–—aAtT" else None
    if sep is None:
        return None
    word = separator_word(sep)
    if word not in ("-", "and", "to"):
        return None
    opener = range_opener(text, low.start)
    between = opener is not None and opener[0] == "between"
    if word == "and" or between:
        if not (between and word == "and"):
            return None  # "and" only after "between", and "between" only with "and"
    elif opener is not None or _changed_before(text, low.start):
        return None  # "rose from 5% to 7%", "fell 8% to 7%": a change and a level
    high = figure_at(text, sep.end(), low.currency, sign=False)
    if high is None or not ends_agree(low, high, word) or not high.value > low.value:
        return None
    high_tail = tail_at(text, high, high.end)
    if high_tail is None or (high_tail.unit, high_tail.kind) != (tail.unit, tail.kind):
        return None
    start = low.start if opener is None else opener[1]
    return Draft(
        start, high_tail.end, low.value * tail.multiplier, tail.unit, tail.kind, "range",
        value_high=high.value * tail.multiplier, scaled=low.scaled or high.scaled,
    )  # fmt: skip


def _changed_before(text: str, start: int) -> bool:
    """Whether a verb of change or "by" stands right before the figure at `start`."""
    before = word_before(text, start)
    return before is not None and (before[0].casefold() in CHANGE_WORDS or before[0] == "by")


def _tail_of_next(text: str, figure: Figure) -> Tail | None:
    """ "rose from 5 to 7 per cent": the unit written once, after the second figure, is the
    first one's too (the two are not a range, but both are percentages)."""
    sep = RANGE_SEP_RE.match(text, figure.end) if peek(text, figure.end) in RANGE_STARTS else None
    if sep is None:
        return None
    if figure.raw.isdigit() and len(figure.raw) == 4 and 1000 <= figure.value < 2200:
        return None  # "2.9% for 2024 and 3.1% for 2025": a year takes no unit
    nxt = figure_at(text, sep.end(), figure.currency, sign=False)
    if nxt is None or not ends_agree(figure, nxt, separator_word(sep)):
        return None
    tail = tail_at(text, nxt, nxt.end)
    if tail is None or tail is NO_QUANTITY:
        return None
    # "rose from five to seven billion dollars": the scale word is the first figure's too.
    scale = share_scale(figure, nxt).multiplier / figure.multiplier
    return Tail(tail.unit, tail.kind, figure.end, tail.multiplier * scale)


def _ratio(text: str, figure: Figure) -> Draft | None:
    """ "one in five adults", "1 in 10": a proportion, as a percentage."""
    m = _IN_RE.match(text, figure.end) if peek(text, figure.end) in "io" else None
    if m is None or figure.scaled or figure.value <= 0:
        return None
    whole = figure_at(text, m.end(), sign=False)
    if whole is None or whole.scaled or not figure.value < whole.value <= 1000:
        return None
    if whole.raw.isdigit() and len(whole.raw) == 4:
        return None  # "1 in 2019"
    qualifier, qstart, _ = qualifier_for(text, figure.start, whole.end, "percentage")
    extras: dict[str, object] = {"qualifier_start": qstart} if qstart != figure.start else {}
    value = 100.0 * figure.value / whole.value
    return Draft(figure.start, whole.end, value, "percent", "percentage", qualifier, extras=extras)


def _tolerance_at(text: str, pos: int) -> tuple[Tail | None, int] | None:
    """ "± 0.6%", "±15 °C": a tolerance at `pos`, as (the unit after its figure, or None, and
    where it ends)."""
    m = _TOLERANCE_RE.match(text, pos) if peek(text, pos) in "±+" else None
    if m is None:
        return None
    tolerance = figure_at(text, m.end(), sign=False)
    if tolerance is None or tolerance.is_word:
        return None
    tail = tail_at(text, tolerance, tolerance.end)
    if tail is NO_QUANTITY:
        return None
    return tail, tolerance.end if tail is None else tail.end


def _toleranced(text: str, figure: Figure, unit: Tail, end: int) -> Draft:
    """ "78 ± 0.6%", "300±15 °C": the unit written once, after the tolerance."""
    qualifier, qstart, _ = qualifier_for(text, figure.start, figure.end, unit.kind)
    extras: dict[str, object] = {"qualifier_start": qstart} if qstart != figure.start else {}
    if qstart == figure.start:  # no hedge or bound before it: the tolerance makes it approximate
        qualifier = "approximate"
    return Draft(
        figure.start, end, figure.value * unit.multiplier, unit.unit, unit.kind, qualifier,
        scaled=figure.scaled, extras=extras,
    )  # fmt: skip


def _with_tolerance(text: str, draft: Draft) -> Draft:
    """A quantity with the tolerance stated after it ("46.8% ± 1.6%", "78 ± 0.6%"): one claim,
    its value the figure, approximate by as much as the tolerance says."""
    if draft.qualifier == "range":
        return draft
    tolerance = _tolerance_at(text, draft.end)
    if tolerance is None or (tolerance[0] is not None and tolerance[0].unit != draft.unit):
        return draft
    draft.end = tolerance[1]
    if draft.qualifier == "exact":
        draft.qualifier = "approximate"
    return draft


def draft_after_figure(text: str, figure: Figure) -> Draft | None:
    """The quantity a figure starts: a range, a measure, money, a percentage or a count."""
    nxt = peek(text, figure.end)  # one look decides which readings are worth trying
    pair = range_after(text, figure) if nxt in RANGE_STARTS else None
    if pair is not None:
        draft = _range_draft(text, *pair)
        if draft is not None:
            return draft
    elif nxt == "-" and _JOINED_TO_RE.match(text, figure.end):
        return None  # "a 3-to-1 vote": a ratio or a score, not a range
    tail = tail_at(text, figure, figure.end)
    if tail is NO_QUANTITY:
        return None  # "9.8 m/s²", "12 mg/L": a measure the extractor does not model
    if tail is None and nxt in RANGE_STARTS:
        tail = _tail_of_next(text, figure)
    if tail is None and nxt in "±+":
        tolerance = _tolerance_at(text, figure.end)
        if tolerance is not None and tolerance[0] is not None:
            return _toleranced(text, figure, tolerance[0], tolerance[1])
    if tail is not None:
        draft = _unit_range(text, figure, tail) or draft_from_tail(text, figure, tail)
        return _with_tolerance(text, draft)
    ratio = _ratio(text, figure) if nxt in "io" else None
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
