"""Time expressions in news text, resolved against the dateline: pure Python, no Django.

    from claims.extraction import find_time_expressions
    expressions = find_time_expressions(text, reference_date)  # list[TimeExpression], text order

What is found, and how it is read (`reference_date` is the article's dateline):

- `date`: one calendar day.
  - Weekday names. A bare "on Saturday" is the latest Saturday on or before the dateline (news
    reports the past; "on Wednesday" in a Wednesday article is that day), unless its clause is
    in the future tense ("will", "is due to", ...), then it is the first one on or after it.
    "last Friday" is strictly before the dateline, "next Monday" strictly after, "this Friday"
    and "this coming Friday" on or after. "the following/previous Monday" depends on the story's
    own time line and is left unresolved (`date` None).
  - "yesterday", "today", "tonight", "tomorrow", "last night", "this morning", "the day before
    yesterday", "the day after tomorrow".
  - Explicit dates: "September 10", "Sept. 10, 2022", "10 Sept", "10th of September 2022",
    "Saturday, September 10", "2022-09-10". A date without a year takes the year that puts it
    in the window from nine months before to three months after the dateline (so "December 28"
    in a January article is last December, "March 3" in a September article is this March,
    "November 5" in a September article is this November). Without a dateline it stays
    unresolved.
- `offset`: "N units ago / later / after / earlier / before / on / from now", "a week later",
  "the next day", "the day before". `amount` and `unit` say how much, `direction` which way
  (+1 later, -1 earlier), `anchor` what from: `"dateline"` ("ago", "from now": then `date` is
  resolved), `"preceding"` (the last event the text told: "two days later"), or `"following"`
  (the event named right after the phrase: "five days after the city fell").
- `interval`: "from June 1 to June 30", "June 1 to June 30", "between March 3 and 5", "June
  1-30", "from 4 to 8 March", "from Friday to Monday", "since Monday", "since the start of
  September" (a "since" interval ends on the dateline). `date` is the first day, `end_date`
  the last, `length_days` the days from first to last (known even without a dateline when
  both ends are explicit dates, e.g. 29 for June 1 to June 30). "from" may be left out only
  between two calendar dates or around a dash; "A and B" without "between" stays two dates.
- `duration`: a stated length of time that is not an offset: "a period of six weeks", "for
  five days", "a six-week siege".

Units are `day`, `week`, `month`, `year` and `hour` ("a fortnight" is 2 weeks). Amounts come as
digits or words ("five", "twenty-one", "a", "a couple of", "a dozen"); vague ones ("a few",
"several") keep `amount` None. Qualifiers before the amount ("about", "more than", "nearly")
use the Extraction API's vocabulary; "two to three days" is a `range` with `amount_high`.

Every regex is precompiled, anchored on fixed words and free of nested quantifiers, so the
scan is linear in the length of the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

__all__ = ["KINDS", "UNIT_DAYS", "TimeExpression", "find_time_expressions"]

KINDS = ("date", "offset", "interval", "duration")
# Mean lengths in days, for comparing a stated length with a count of calendar days.
UNIT_DAYS = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.436875, "year": 365.2425}


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression in a text; `text[start:end] == self.text`.

    `kind` is one of KINDS (see the module docstring). `date` is the resolved day of a `date`,
    of a dateline-anchored `offset`, or the first day of an `interval`; None when it cannot be
    resolved (a weekday without a dateline). `end_date` is an interval's last day. `amount`,
    `amount_high` (for "two to three days"), `unit` and `qualifier` describe the length of an
    `offset` or `duration`; `direction` is +1
    (later), -1 (earlier) or 0. `anchor` says what an offset counts from: `"dateline"`,
    `"preceding"` or `"following"`. `relative` is True when the reading depends on the dateline.
    `length_days` is an interval's length in days (last day minus first day).
    """

    start: int
    end: int
    text: str
    kind: str
    date: dt.date | None = None  # the field's name shadows the type in the class body
    end_date: dt.date | None = None
    amount: float | None = None
    amount_high: float | None = None
    unit: str | None = None
    qualifier: str = "exact"
    direction: int = 0
    anchor: str | None = None
    relative: bool = False
    length_days: int | None = None

    def delta(self) -> relativedelta | None:
        """The signed offset (`direction` × `amount` `unit`s), or None if it is not whole."""
        if self.amount is None or self.unit is None or self.amount != int(self.amount):
            return None
        sign = self.direction or 1
        n = sign * int(self.amount)
        return relativedelta(**{f"{self.unit}s": n})  # type: ignore[arg-type]


# --- vocabulary ---------------------------------------------------------------------------

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY = "|".join(_WEEKDAYS)
_MONTH_NUMBER = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Capitalised only: "march" and "may" are verbs far more often than months in lower case.
# Only an abbreviation takes a dot: the full stop after "8 March." ends the sentence.
_MONTH = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))"
)
_DAY = r"(?<![\d.,])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)(?!,\d{3})"
_YEAR = r"(?:1[89]|20)\d\d(?!\d)"

_SMALL = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUE: dict[str, float | None] = {w: float(i + 1) for i, w in enumerate(_SMALL)}
_WORD_VALUE.update({w: float(20 + 10 * i) for i, w in enumerate(_TENS)})
_WORD_VALUE.update({"a": 1.0, "an": 1.0, "a couple of": 2.0, "a dozen": 12.0})
_WORD_VALUE.update({"a few": None, "several": None, "a number of": None})
_NUMBER_CORE = (
    r"\d+(?:\.\d+)?|(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_SMALL[:9]) + r"))?"
    r"|" + "|".join(sorted(_SMALL, key=len, reverse=True)) + r"|a\s+dozen"
)
_NUMBER = _NUMBER_CORE + r"|a\s+couple\s+of|a\s+few|a\s+number\s+of|several|an?"

_QUALIFIER_WORDS = {
    "about": "approximate", "around": "approximate", "roughly": "approximate",
    "some": "approximate", "approximately": "approximate", "nearly": "approximate",
    "almost": "approximate", "an estimated": "approximate", "barely": "approximate",
    "more than": "more_than", "over": "more_than", "just over": "more_than",
    "a little over": "more_than", "a little more than": "more_than",
    "upwards of": "more_than", "at least": "at_least", "less than": "less_than",
    "fewer than": "less_than", "under": "less_than", "just under": "less_than",
    "up to": "at_most", "at most": "at_most", "no more than": "at_most",
}  # fmt: skip
_QUALIFIER = "|".join(
    re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_QUALIFIER_WORDS, key=len, reverse=True)
)

# --- patterns -----------------------------------------------------------------------------

_RELATIVE_DAY = re.compile(
    r"\b(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today"
    r"|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b",
    re.IGNORECASE,
)
_RELATIVE_DAY_OFFSET = {"yesterday": -1, "tomorrow": 1, "last night": -1}

_WEEKDAY_RE = re.compile(
    r"\b(?:(?P<mod>(?i:this\s+coming|this\s+past|this|coming|last|past|next|following"
    r"|previous|the\s+following|the\s+previous))\s+)?(?P<wd>" + _WEEKDAY + r")\b"
)
_WEEKDAY_PREFIX = r"(?:(?P<wd>" + _WEEKDAY + r"),?\s+(?:the\s+)?)?"
_MONTH_DAY = re.compile(
    r"\b" + _WEEKDAY_PREFIX + r"(?P<mon>" + _MONTH + r")\s+(?P<day>" + _DAY + r")"
    r"(?:,?\s+(?P<year>" + _YEAR + r"))?"
)
_DAY_MONTH = re.compile(
    r"\b" + _WEEKDAY_PREFIX + r"(?P<day>" + _DAY + r")(?:\s+of)?\s+(?P<mon>" + _MONTH + r")"
    r"(?:,?\s+(?P<year>" + _YEAR + r"))?"
)
_DAYS_MONTH = re.compile(
    r"\b(?:(?P<opener>(?i:from|between))\s+)?(?P<d1>" + _DAY + r")\s*(?P<join>(?i:to|until|till"
    r"|through|and)|[-–—])\s*(?P<d2>" + _DAY + r")(?:\s+of)?\s+(?P<mon>" + _MONTH + r")"
    r"(?:,?\s+(?P<year>" + _YEAR + r"))?"
)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d)\b")
_SINCE_MONTH = re.compile(
    r"\b(?i:since)\s+(?:(?i:the\s+(?:start|beginning)\s+of)\s+)?(?P<mon>" + _MONTH + r")"
    r"(?:\s+(?P<year>" + _YEAR + r"))?(?![\s.]*\d)"
)
_AMOUNT = re.compile(
    r"\b(?P<prefix>(?:a|the)\s+(?:period|span|space|stretch|total)\s+of\s+)?"
    r"(?:(?P<qual>" + _QUALIFIER + r")\s+)?"
    r"(?P<num>" + _NUMBER + r")(?:\s*(?:to|or|-|–)\s*(?P<num2>" + _NUMBER_CORE + r"))?"
    r"(?P<half>\s+and\s+a\s+half)?(?:\s+|-)(?P<unit>days?|weeks?|fortnights?|months?|years?"
    r"|hours?)\b(?P<half2>\s+and\s+a\s+half)?(?:\s+(?P<dir>ago|later|afterwards?|after|earlier|before|beforehand|previously"
    r"|prior\s+to|on(?=\s*[,.;:)–—])|from\s+now|hence))?",
    re.IGNORECASE,
)
_FIXED_OFFSET = re.compile(
    r"\bthe\s+(?:(?P<next>next|following)\s+(?:day|morning|afternoon|evening|night)"
    r"|(?P<prev>previous|preceding)\s+(?:day|morning|afternoon|evening|night)"
    r"|day\s+(?P<dir>after|before))\b",
    re.IGNORECASE,
)
# Words that make "five days (after ...)" a length of time rather than a point in it.
_DURATION_CONTEXT = re.compile(
    r"\b(?:for|within|during|throughout|first|next|past|last|final|the|in)\s+$", re.IGNORECASE
)
_FUTURE = re.compile(
    r"\b(?:will|shall|won[’']t|is\s+due|are\s+due|is\s+set\s+to|are\s+set\s+to|is\s+scheduled"
    r"|are\s+scheduled|is\s+expected\s+to|are\s+expected\s+to|plans?\s+to|is\s+to|are\s+to)\b"
    r"|[’']ll\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:—–()\n]|[.!?](?=\s)")
_RANGE_JOIN = re.compile(r"\s*(?:to|until|till|through|thru|and|[-–—])\s*", re.IGNORECASE)
_RANGE_DAY_TAIL = re.compile(
    r"\s*(?:to|until|till|through|thru|and|[-–—])\s*(?P<day>" + _DAY + r")(?!\s*" + _MONTH + r")",
    re.IGNORECASE,
)
_RANGE_OPENER = re.compile(r"\b(?P<w>from|between)\s+$", re.IGNORECASE)
_SINCE_OPENER = re.compile(r"\bsince\s+$", re.IGNORECASE)


# --- public API ---------------------------------------------------------------------------


def find_time_expressions(text: str, reference_date: date | None = None) -> list[TimeExpression]:
    """Every time expression in `text`, in text order, resolved against `reference_date`.

    See the module docstring for what is found and the rules used to resolve it. Overlapping
    matches are settled in favour of the one that starts first, then the longest.
    """
    found = (
        _explicit_dates(text, reference_date)
        + _weekdays(text, reference_date)
        + _relative_days(text, reference_date)
        + _amounts(text, reference_date)
        + _fixed_offsets(text)
        + _since_months(text, reference_date)
        + _day_ranges(text, reference_date)
    )
    chosen = _without_overlaps(found)
    return _join_intervals(text, chosen, reference_date)


# --- dates --------------------------------------------------------------------------------


def _month_number(name: str) -> int:
    return _MONTH_NUMBER[name[:3].casefold()]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _place_in_year(month: int, day: int, reference: date | None) -> date | None:
    """The year rule: the window from nine months before to three months after the dateline."""
    if reference is None:
        return None
    for year in (reference.year, reference.year - 1, reference.year + 1):
        candidate = _safe_date(year, month, day)
        if candidate and -275 < (candidate - reference).days <= 92:
            return candidate
    return None


def _explicit_dates(text: str, reference: date | None) -> list[TimeExpression]:
    out = []
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for m in pattern.finditer(text):
            month, day = _month_number(m["mon"]), int(m["day"].rstrip("stndrh"))
            if m["year"]:
                resolved, relative = _safe_date(int(m["year"]), month, day), False
            else:
                resolved, relative = _place_in_year(month, day, reference), True
            out.append(_date_expr(text, m, resolved, relative))
    for m in _ISO.finditer(text):
        resolved = _safe_date(int(m["year"]), int(m["mon"]), int(m["day"]))
        if resolved:
            out.append(_date_expr(text, m, resolved, False))
    return out


def _date_expr(text: str, m: re.Match[str], resolved: date | None, relative: bool):
    return TimeExpression(m.start(), m.end(), m[0], "date", date=resolved, relative=relative)


def _weekdays(text: str, reference: date | None) -> list[TimeExpression]:
    out = []
    for m in _WEEKDAY_RE.finditer(text):
        mod = " ".join((m["mod"] or "").casefold().split())
        resolved = None
        if reference is not None:
            future = mod == "" and _in_future_clause(text, m.start())
            resolved = _resolve_weekday(_WEEKDAYS.index(m["wd"]), mod, reference, future)
        out.append(TimeExpression(m.start(), m.end(), m[0], "date", resolved, relative=True))
    return out


def _resolve_weekday(weekday: int, mod: str, reference: date, future: bool) -> date | None:
    back = (reference.weekday() - weekday) % 7  # days back to the latest such day, 0 if today
    ahead = (weekday - reference.weekday()) % 7
    if mod in ("last", "past", "this past"):
        return reference - timedelta(days=back or 7)
    if mod == "next":
        return reference + timedelta(days=ahead or 7)
    if mod in ("this", "coming", "this coming") or (mod == "" and future):
        return reference + timedelta(days=ahead)
    if mod == "":
        return reference - timedelta(days=back)
    return None  # "the following Monday": counted from the story's time line, not the dateline


def _in_future_clause(text: str, at: int) -> bool:
    """Whether the clause around `at` speaks of the future ("will meet on Friday")."""
    window_start = max(0, at - 120)
    before = text[window_start:at]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    if clause.strip().casefold() in ("", "on"):
        # "On Sunday, voters will go to the polls": the date opens the sentence.
        after = text[at : at + 120]
        first = _CLAUSE_BREAK.search(after)
        nxt = _CLAUSE_BREAK.search(after, first.end()) if first else None
        clause = after[: nxt.start() if nxt else len(after)]
    return _FUTURE.search(clause) is not None


def _relative_days(text: str, reference: date | None) -> list[TimeExpression]:
    out = []
    for m in _RELATIVE_DAY.finditer(text):
        words = " ".join(m[0].casefold().split())
        if words.startswith("the day"):
            shift = -2 if words.endswith("yesterday") else 2
        else:
            shift = _RELATIVE_DAY_OFFSET.get(words, 0)
        resolved = reference + timedelta(days=shift) if reference else None
        out.append(TimeExpression(m.start(), m.end(), m[0], "date", resolved, relative=True))
    return out


# --- offsets and durations ----------------------------------------------------------------


def _amount_value(word: str) -> float | None:
    word = " ".join(word.casefold().replace("-", " ").split())
    if word[0].isdigit():
        return float(word)
    if word in _WORD_VALUE:
        return _WORD_VALUE[word]
    tens, _, unit = word.partition(" ")
    return (_WORD_VALUE.get(tens) or 0.0) + (_WORD_VALUE.get(unit) or 0.0)


def _amount_fields(m: re.Match[str]) -> dict:
    """amount, amount_high, unit and qualifier of "about five days", "two to three weeks",
    "a year and a half"."""
    amount, unit = _amount_value(m["num"]), m["unit"].casefold().rstrip("s")
    high = _amount_value(m["num2"]) if m["num2"] else None
    qualifier = _QUALIFIER_WORDS.get(" ".join((m["qual"] or "").casefold().split()), "exact")
    if (m["half"] or m["half2"]) and amount is not None:
        amount += 0.5  # "three and a half years", "a year and a half"
    if high is not None:
        qualifier = "range"
    if unit == "fortnight":
        amount = amount * 2 if amount is not None else None
        high, unit = (high * 2 if high is not None else None), "week"
    return dict(amount=amount, amount_high=high, unit=unit, qualifier=qualifier)


def _amounts(text: str, reference: date | None) -> list[TimeExpression]:
    out = []
    for m in _AMOUNT.finditer(text):
        base = _amount_fields(m)
        direction_word = (m["dir"] or "").casefold()
        if (
            not direction_word
            or m["prefix"]
            or _DURATION_CONTEXT.search(text, max(0, m.start() - 12), m.start())
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


def _fixed_offsets(text: str) -> list[TimeExpression]:
    out = []
    for m in _FIXED_OFFSET.finditer(text):
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


# --- intervals ----------------------------------------------------------------------------


def _since_months(text: str, reference: date | None) -> list[TimeExpression]:
    out = []
    for m in _SINCE_MONTH.finditer(text):
        month = _month_number(m["mon"])
        if m["year"]:
            first = _safe_date(int(m["year"]), month, 1)
        else:
            first = _place_in_year(month, 1, reference)
        out.append(_since(m.start(), m.end(), text, first, reference))
    return out


def _since(start: int, end: int, text: str, first: date | None, reference: date | None):
    last = reference if first is not None else None
    length = (last - first).days if first and last else None
    return TimeExpression(
        start,
        end,
        text[start:end],
        "interval",
        first,
        end_date=last,
        anchor="dateline",
        relative=True,
        length_days=length,
    )


def _day_ranges(text: str, reference: date | None) -> list[TimeExpression]:
    """ "from 4 to 8 March", "4-8 March 2022": two days of one month."""
    out = []
    for m in _DAYS_MONTH.finditer(text):
        first_day, last_day = (int(m[g].rstrip("stndrh")) for g in ("d1", "d2"))
        if last_day <= first_day or not _range_words_agree(m["opener"], m["join"]):
            continue
        month = _month_number(m["mon"])
        if m["year"]:
            first = _safe_date(int(m["year"]), month, first_day)
        else:
            first = _place_in_year(month, first_day, reference)
        last = _safe_date(first.year, month, last_day) if first else None
        out.append(
            TimeExpression(
                m.start(),
                m.end(),
                m[0],
                "interval",
                first,
                end_date=last,
                relative=not m["year"],
                length_days=last_day - first_day,
            )
        )
    return out


def _without_overlaps(found: list[TimeExpression]) -> list[TimeExpression]:
    chosen: list[TimeExpression] = []
    for expr in sorted(found, key=lambda e: (e.start, -e.end)):
        if not chosen or expr.start >= chosen[-1].end:
            chosen.append(expr)
    return chosen


def _join_intervals(
    text: str, exprs: list[TimeExpression], reference: date | None
) -> list[TimeExpression]:
    """Turn "from A to B", "between A and B", "A–B", "A-30" and "since A" into intervals."""
    out: list[TimeExpression] = []
    i = 0
    while i < len(exprs):
        a = exprs[i]
        b = exprs[i + 1] if i + 1 < len(exprs) else None
        joined = _pair_interval(text, a, b, reference) if a.kind == "date" else None
        if joined is not None:
            out.append(joined)
            i += 2
            continue
        tail = _day_tail_interval(text, a, b, reference) if a.kind == "date" else None
        since = _since_interval(text, a, reference) if a.kind == "date" else None
        out.append(tail or since or a)
        i += 1
    return out


def _pair_interval(
    text: str, a: TimeExpression, b: TimeExpression | None, reference: date | None
) -> TimeExpression | None:
    if b is None or b.kind != "date" or not _RANGE_JOIN.fullmatch(text, a.end, b.start):
        return None
    opener = _RANGE_OPENER.search(text, max(0, a.start - 12), a.start)
    joiner = text[a.end : b.start]
    # "June 1 to June 30" needs no "from": two calendar dates joined by "to" make a span.
    calendar = _has_month(a.text) and _has_month(b.text) and joiner.strip().casefold() != "and"
    if not (calendar and opener is None) and not _range_words_agree(opener, joiner):
        return None
    start = opener.start() if opener else a.start
    return _interval(text, start, b.end, a, b.date, b)


def _day_tail_interval(
    text: str, a: TimeExpression, b: TimeExpression | None, reference: date | None
) -> TimeExpression | None:
    """ "from June 1 to 30", "June 1-30": the second end shares the first one's month."""
    m = _RANGE_DAY_TAIL.match(text, a.end, b.start if b else len(text))
    if m is None or not _has_month(a.text):
        return None
    opener = _RANGE_OPENER.search(text, max(0, a.start - 12), a.start)
    if not _range_words_agree(opener, text[a.end : m.start("day")]):
        return None
    day = int(m["day"].rstrip("stndrh"))
    last = _safe_date(a.date.year, a.date.month, day) if a.date else None
    start = opener.start() if opener else a.start
    return _interval(text, start, m.end(), a, last, None, tail_day=day)


def _range_words_agree(opener: re.Match[str] | str | None, joiner: str) -> bool:
    """ "from A to B", "between A and B" or a bare dash "A–B"; not "A and B" alone."""
    joiner = joiner.strip().casefold()
    if opener is None:
        return joiner in ("-", "–", "—")
    word = opener if isinstance(opener, str) else opener["w"]
    return (word.casefold() == "between") == (joiner == "and")


def _has_month(surface: str) -> bool:
    return re.search(_MONTH, surface) is not None


def _interval(
    text: str,
    start: int,
    end: int,
    a: TimeExpression,
    last: date | None,
    b: TimeExpression | None,
    tail_day: int | None = None,
) -> TimeExpression:
    first = a.date
    if first and last and last < first and b is not None and b.relative:
        last = _roll_forward(last, b)
    length = (last - first).days if first and last else None
    if length is None:
        length = _length_without_year(a, b, tail_day)
    relative = a.relative or (b.relative if b else False)
    return TimeExpression(
        start,
        end,
        text[start:end],
        "interval",
        first,
        end_date=last,
        relative=relative,
        length_days=length,
    )


def _roll_forward(last: date, b: TimeExpression | None) -> date:
    """An interval's end comes after its start: "from Friday to Monday", "December 20 to 3 Jan"."""
    if b is not None and b.text.split()[0].rstrip(",") in _WEEKDAYS and not _has_month(b.text):
        return last + timedelta(days=7)
    return last.replace(year=last.year + 1) if not (last.month == 2 and last.day == 29) else last


def _length_without_year(
    a: TimeExpression, b: TimeExpression | None, tail_day: int | None
) -> int | None:
    """Days between two explicit month-day dates when no dateline fixes the year.

    The count is the same in every year unless the span crosses the end of February, so it is
    computed in a common and a leap year and kept only when both agree.
    """
    first = _month_day(a.text)
    if first is None:
        return None
    last = (first[0], tail_day) if tail_day is not None else None
    if last is None and b is not None:
        last = _month_day(b.text)
    if last is None:
        return None
    lengths = {_days_between(first, last, year) for year in (2001, 2004)}
    return lengths.pop() if len(lengths) == 1 and None not in lengths else None


def _month_day(surface: str) -> tuple[int, int] | None:
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        m = pattern.fullmatch(surface)
        if m and not m["year"]:
            return _month_number(m["mon"]), int(m["day"].rstrip("stndrh"))
    return None


def _days_between(first: tuple[int, int], last: tuple[int, int], year: int) -> int | None:
    a = _safe_date(year, *first)
    b = _safe_date(year if last >= first else year + 1, *last)
    return (b - a).days if a and b else None


def _since_interval(text: str, a: TimeExpression, reference: date | None) -> TimeExpression | None:
    opener = _SINCE_OPENER.search(text, max(0, a.start - 8), a.start)
    if opener is None:
        return None
    return _since(opener.start(), a.end, text, a.date, reference)
