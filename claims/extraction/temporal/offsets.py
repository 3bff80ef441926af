"""Lengths of time: offsets ("two days later", "a week ago") and durations ("for five days")."""

from __future__ import annotations

import re
from datetime import date

from dateutil.relativedelta import relativedelta

from claims.extraction.temporal.expression import TimeExpression
from claims.extraction.temporal.patterns import (
    AMOUNT,
    DURATION_CONTEXT,
    FIXED_OFFSET,
    QUALIFIER_WORDS,
    WORD_VALUE,
)


def _amount_value(word: str) -> float | None:
    word = " ".join(word.casefold().replace("-", " ").split())
    if word[0].isdigit():
        return float(word)
    if word in WORD_VALUE:
        return WORD_VALUE[word]
    tens, _, unit = word.partition(" ")
    return (WORD_VALUE.get(tens) or 0.0) + (WORD_VALUE.get(unit) or 0.0)


def _amount_fields(m: re.Match[str]) -> dict:
    """amount, amount_high, unit and qualifier of "about five days", "two to three weeks",
    "a year and a half"."""
    amount, unit = _amount_value(m["num"]), m["unit"].casefold().rstrip("s")
    high = _amount_value(m["num2"]) if m["num2"] else None
    qualifier = QUALIFIER_WORDS.get(" ".join((m["qual"] or "").casefold().split()), "exact")
    if (m["half"] or m["half2"]) and amount is not None:
        amount += 0.5  # "three and a half years", "a year and a half"
    if high is not None:
        qualifier = "range"
    if unit == "fortnight":
        amount = amount * 2 if amount is not None else None
        high, unit = (high * 2 if high is not None else None), "week"
    return dict(amount=amount, amount_high=high, unit=unit, qualifier=qualifier)


def amounts(text: str, reference: date | None) -> list[TimeExpression]:
    out = []
    for m in AMOUNT.finditer(text):
        base = _amount_fields(m)
        direction_word = (m["dir"] or "").casefold()
        if (
            not direction_word
            or m["prefix"]
            or DURATION_CONTEXT.search(text, max(0, m.start() - 12), m.start())
        ):
            end = m.start("dir") - 1 if direction_word else m.end()
            end = len(text[:end].rstrip())
            out.append(TimeExpression(m.start(), end, text[m.start() : end], "duration", **base))
            continue
        out.append(_offset(text, m, direction_word, reference, base))
    return out


def _offset(text: str, m: re.Match[str], word: str, reference: date | None, base: dict):
    direction = -1 if word in ("ago", "earlier", "before", "beforehand", "previously") else 1
    if word.startswith("prior"):
        direction = -1
    if word in ("ago", "hence") or word.startswith("from"):
        anchor = "dateline"
    elif word in ("after", "before") or word.startswith("prior"):
        anchor = "following" if _followed_by_word(text, m.end()) else "preceding"
    else:
        anchor = "preceding"
    resolved = None
    if anchor == "dateline" and reference is not None:
        resolved = _shift(reference, direction, base["amount"], base["unit"])
    return TimeExpression(
        m.start(),
        m.end(),
        m[0],
        "offset",
        resolved,
        direction=direction,
        anchor=anchor,
        relative=anchor == "dateline",
        **base,
    )


def _followed_by_word(text: str, at: int) -> bool:
    rest = text[at : at + 3].lstrip()
    return bool(rest) and (rest[0].isalnum() or rest[0] in "“\"'‘")


def _shift(reference: date, direction: int, amount: float | None, unit: str) -> date | None:
    if amount is None or unit == "hour" or amount != int(amount):
        return None
    # relativedelta takes its units as keywords: the stub cannot tell them from `dt1`.
    return reference + relativedelta(**{f"{unit}s": direction * int(amount)})  # type: ignore[arg-type]


def fixed_offsets(text: str) -> list[TimeExpression]:
    out = []
    for m in FIXED_OFFSET.finditer(text):
        direction = -1 if m["prev"] or (m["dir"] or "").casefold() == "before" else 1
        anchor = "preceding"
        if m["dir"] and _followed_by_word(text, m.end()):
            anchor = "following"
        out.append(
            TimeExpression(
                m.start(),
                m.end(),
                m[0],
                "offset",
                amount=1.0,
                unit="day",
                direction=direction,
                anchor=anchor,
            )
        )
    return out
