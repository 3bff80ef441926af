"""Figures written without a numeral: "a day", "a third", "half the area", "half an hour",
"two-thirds", "a quarter of an hour", "a dozen", "per day".

A fraction of a whole is a percentage ("a third" is 33.3 %); a fraction of a unit is that
much of the unit ("a quarter of an hour" is 0.25 hour). "a third term" and "the second half"
are ordinals and are left alone.
"""

from __future__ import annotations

import re

from claims.extraction.drafts import Draft, Tail, draft_after_figure, draft_from_tail
from claims.extraction.figures import Figure, with_scale
from claims.extraction.lexicon import wordset
from claims.extraction.lexicon.numbers import DENOMINATORS, GROUPS, SCALES
from claims.extraction.lexicon.words import NOT_NOUNS
from claims.extraction.qualifiers import prefix_at
from claims.extraction.tails import percent_at, unit_at

_DENOM_ALT = "|".join(sorted(DENOMINATORS, key=len, reverse=True))
DENOMINATOR_RE = re.compile(rf"(?:[ \t]+|-)((?i:{_DENOM_ALT}))(?![\w])")
_ARTICLE_RE = re.compile(r"[ \t]+(?:an?|the)[ \t]+", re.IGNORECASE)
_OF_ARTICLE_RE = re.compile(r"[ \t]+of[ \t]+(?:an?)[ \t]+", re.IGNORECASE)
_WORD_AFTER_RE = re.compile(r"[ \t\u00a0\u2009\u202f]+([A-Za-z]+)")
_SCALE_WORD_RE = re.compile(r"[ \t]+((?i:" + "|".join([*GROUPS, *SCALES]) + r"))(?![\w])")
_SCALE_VALUES = {**GROUPS, **SCALES}
_PREV_RE = re.compile(r"([A-Za-z]+)[ \t]+$")
_NOT_BEFORE_HALF = wordset(
    "first second other the a an one latter former back top bottom its their his her"
    " our my your this that each"
)
_HALF_OF = wordset("the of its their his her our my your all them that this those these")
# "a second" is mostly an ordinal ("a second term"); it is a duration only before these.
_AFTER_A_SECOND = wordset("later ago or and of earlier too before after in to")
# Words that may follow a fraction of a whole ("fell by a quarter last year"); any other word
# makes it an ordinal ("a third term").
_FRACTION_FOLLOWERS = NOT_NOUNS | wordset(
    "last this next since compared from following between among across overall now already"
    " year month week"
)
_PRICE_BEFORE_RE = re.compile(
    r"(?:\d|\d(?:m|bn|k)|(?i:pounds|dollars|euros|pence|cents|yen|yuan|rupees|p))[ \t]+$"
)
_NOT_AFTER_ARTICLE = frozenset({"ton", "tons", "pound", "pounds", "stone", "foot", "m", "min"})


def _unit_draft(text: str, start: int, value: float, pos: int) -> Draft | None:
    """`value` of the unit spelled at `pos` ("a quarter of an hour": 0.25 hour)."""
    unit = unit_at(text, pos)
    if unit is None:
        return None
    spec, end, spelling = unit
    if spelling.casefold() in _NOT_AFTER_ARTICLE:
        return None
    figure = Figure(start, pos, value, None, text[start:pos], True)
    draft = draft_from_tail(text, figure, Tail(spec.unit, spec.kind, end, spec.multiplier))
    if spelling.casefold() == "second" and not _second_is_duration(text, end):
        return None
    return draft


def _second_is_duration(text: str, end: int) -> bool:
    nxt = _WORD_AFTER_RE.match(text, end)
    return nxt is None or nxt.group(1).casefold() in _AFTER_A_SECOND


def _percentage(text: str, start: int, end: int, value: float) -> Draft:
    found = prefix_at(text, start)
    qualifier, extras = "exact", {}
    if found is not None:
        qualifier, extras = found[0], {"qualifier_start": found[1]}
    return Draft(start, end, value, "percent", "percentage", qualifier, extras=dict(extras))


def fraction(
    text: str, start: int, numerator: float, denominator: int, end: int, shares: bool = True
) -> Draft | None:
    """ "a third", "two-thirds of", "a quarter of an hour", "a quarter century".

    With `shares` false only a fraction of a unit or a scale word is read, not a share of a
    whole ("3/4 of the vote" may be a date and then words).
    """
    share = numerator / denominator
    of = _OF_ARTICLE_RE.match(text, end)
    if of is not None:
        draft = _half_of_something(text, start, of.end(), share)
        if draft is not None:
            return draft  # "a quarter of a percentage point", "of a million", "of an hour"
        if _SCALE_WORD_RE.match(text, of.end() - 1):
            return None  # "three quarters of a billion." counts nothing named: no share either
    draft = _unit_draft(text, start, share, end)
    if draft is not None or not shares:
        return draft
    nxt = _WORD_AFTER_RE.match(text, end)
    if nxt is not None and nxt.group(1).casefold() not in _FRACTION_FOLLOWERS:
        return None  # "a third term", "a quarter final"
    if text[end : end + 1] == "-":
        return None
    return _percentage(text, start, end, 100.0 * share)


def written_fraction(text: str, figure: Figure) -> Draft | None:
    """ "¾ mile", "3/4-inch", "¾ of a mile", "⅔ of voters": a fraction in figures, alone.

    A slash fraction is read only with what it measures: "9/11" and "3/4" are dates as often.
    """
    draft = draft_after_figure(text, figure)
    if draft is not None:
        return draft
    return fraction(text, figure.start, figure.value, 1, figure.end, "/" not in figure.raw)


def after_article(text: str, start: int, pos: int) -> Draft | None:
    """What follows "a"/"an" at `start` (the next word starts at `pos`)."""
    denom = DENOMINATOR_RE.match(text, pos - 1)
    if denom is not None:
        return fraction(text, start, 1, DENOMINATORS[denom.group(1).casefold()], denom.end())
    scale = _SCALE_WORD_RE.match(text, pos - 1)
    if scale is not None:
        word = scale.group(1).casefold()
        value = _SCALE_VALUES[word]
        figure = with_scale(text, Figure(start, scale.end(), value, None, "a " + word, True))
        return draft_after_figure(text, figure)
    draft = _unit_draft(text, start, 1.0, pos - 1)
    if draft is None or draft.kind in ("mass", "volume"):
        return None  # "a barrel of Brent", "a tonne of": a price's unit or an idiom
    if draft.kind != "duration" and _after_a_figure(text, start):
        return None  # "$9 a mile" is a price per unit, not a length
    return draft


def _after_a_figure(text: str, start: int) -> bool:
    """Whether a price or a figure ends right before `start` ("$90 a barrel", "1.45 pounds a
    litre")."""
    return _PRICE_BEFORE_RE.search(text, max(0, start - 24), start) is not None


def after_half(text: str, start: int, end: int) -> Draft | None:
    """ "half the area", "half an hour", "half a million", "half a per cent", "half-hour"."""
    if text[end : end + 1] == "-":  # "a half-hour drive"; "half-time", "half-brother": no
        draft = _unit_draft(text, start, 0.5, end)
        return draft if draft is not None and draft.kind == "duration" else None
    prev = _PREV_RE.search(text, max(0, start - 20), start)
    if prev is not None and prev.group(1).casefold() in _NOT_BEFORE_HALF:
        return None
    article = _ARTICLE_RE.match(text, end)
    if article is not None and article.group(0).strip().casefold() != "the":
        return _half_of_something(text, start, article.end())
    nxt = _WORD_AFTER_RE.match(text, end)
    if nxt is None or nxt.group(1).casefold() in _HALF_OF:
        return _percentage(text, start, end, 50.0)
    return None


def _half_of_something(text: str, start: int, pos: int, share: float = 0.5) -> Draft | None:
    """A share of what follows "a"/"an" at `pos`: a percentage point, a scale word, a unit."""
    percent = percent_at(text, pos - 1)
    if percent is not None:
        return _percentage(text, start, percent[0], share)
    return _scaled_draft(text, start, share, pos - 1) or _unit_draft(text, start, share, pos - 1)


def _scaled_draft(text: str, start: int, share: float, pos: int) -> Draft | None:
    """ "half a million people", "a quarter of a million": a share of a scale word."""
    scale = _SCALE_WORD_RE.match(text, pos)
    if scale is None:
        return None
    word = scale.group(1).casefold()
    value = share * _SCALE_VALUES[word]
    figure = Figure(start, scale.end(), value, None, "a " + word, True, scaled=word in SCALES)
    return draft_after_figure(text, figure)


def after_per(text: str, start: int, pos: int) -> Draft | None:
    """ "per day": one of the time unit, like "a day"."""
    return _unit_draft(text, start, 1.0, pos)
