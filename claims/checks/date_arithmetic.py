"""The `date_arithmetic` check: a stated interval against the dates the text itself gives.

    from claims.checks.date_arithmetic import check_date_arithmetic
    findings = check_date_arithmetic(text, reference_date)  # list[Finding]

Three shapes are checked (dates come from `claims.extraction.temporal`, weekdays resolved
against the dateline):

1. An offset set beside a date: "on Wednesday, two days later", "three days later, on
   Thursday", "on Wednesday, five days after the city fell", "on Sunday, five days ago". The
   date (D1) must be in apposition: only punctuation, "on" or "or" between the two.
   - "N ago" / "N from now" claims D1 = dateline ∓ N.
   - "N later" / "N earlier" counts from the preceding dated event: the nearest date before the
     pair in the same or the previous sentence (a reporting date such as "said on Tuesday" is
     not an event).
   - "N after X" / "N before X" counts from the event X named after the phrase. If X's own
     clause carries a date ("after the vote on Sunday"), that is the anchor. Otherwise X is
     linked to a dated clause elsewhere in the text, and only when the link is confident:
     that clause must describe the same kind of event (the same entry of `EVENT_GROUPS`:
     "recaptured" links to "took back control", never to "captured" or to a shared noun such
     as "forces"), it must not be a reporting date, its date must lie on the side of D1 that
     the phrase claims, every place or person the event names must stand in its sentence
     too, and every such clause must give the same date. An event brought in with "a" or
     "an" ("after a missile attack") is a new one and is not linked. Two different dates
     make the finding `unverifiable`; none make no finding.
2. A stated length set beside an interval: "from June 1 to June 30, a period of six weeks".
   The interval counts its days both ways (29 from first to last day, 30 counting both).
   "The strike, which began on Monday, has lasted five days" counts from the one date that
   something "began on" in the sentence to the dateline, the same two ways.
3. Two bare weekday names are at most a week apart: if the dateline puts the later event
   before the earlier one ("Saturday ... three days later, on Tuesday" in a Monday article,
   where Tuesday is still to come), the count wraps by seven days.

Tolerances come from `claims.checks.tolerance.bounds`, with the unit as the rounding step of
a whole number of days, weeks or months ("five days" covers 4.5–5.5 days). A weekday that
needs a missing dateline makes the finding `unverifiable`. Nothing is said when the text
gives nothing to compare with: a wrong `inconsistent` costs more than silence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta

from claims.checks.finding import Finding
from claims.checks.tolerance import Bounds, bounds
from claims.extraction.temporal import UNIT_DAYS, TimeExpression, find_time_expressions

__all__ = ["EVENT_GROUPS", "check_date_arithmetic"]

CHECK = "date_arithmetic"
# How far (in characters) a clause, an event phrase or a preceding event is looked for: a
# sentence of news is shorter than this, and the bound keeps a run-on input linear.
_REACH = 400
# How far an event named in "N days after <event>" is looked for: a long article, so that a
# pasted-together input of many articles stays linear.
_ARTICLE_REACH = 20_000
# Days, weeks, months and years are counted on the calendar; hours are not (a date has no time).
CHECKED_UNITS = ("day", "week", "month", "year")

# Kinds of event that "N days after <event>" may name. A linked clause must share a group with
# the event; words outside every group (forces, city, people) never link two clauses.
EVENT_GROUPS: dict[str, str] = {
    "retake": r"recaptur\w*|re-?took|re-?tak(?:e|en|es|ing)|(?:took|take[ns]?|taking|won|win"
    r"|wins|winning|seized|seize|got|gets) back|regain\w*|reclaim\w*|liberat\w*|de-?occup\w*"
    r"|reconquer\w*",
    "capture": r"captur\w*|seiz(?:e|ed|es|ing)(?!\s+back)|fell to|fall(?:s|en)? to"
    r"|overr(?:an|un)\w*|annex\w*|occupied",
    "attack": r"attack\w*|struck|(?:air ?)?strikes?|bomb\w*|shell(?:ed|ing)|missiles?|drones?"
    r"|explosions?|blasts?|exploded",
    "start": r"began|begun|begins?|beginning|start(?:ed|s|ing)?|launch\w*|erupt\w*"
    r"|broke out|kick(?:ed|s)? off",
    "end": r"ended|ends|finish\w*|concluded|halt(?:ed|s)|stopped",
    "death": r"died|dies|death|killed|killing|murder\w*|shot dead",
    "election": r"elections?|elected|votes?|voted|voting|ballots?|polls?|referendum",
    "resignation": r"resign\w*|stepped down|steps down|quit",
    "arrest": r"arrest\w*|detain\w*",
    "agreement": r"signed|signing|agreement|deal|treaty|cease-?fire|truce|accord",
    "disaster": r"flood\w*|earthquake|quake|storm|hurricane|typhoon|cyclone|tornado|wildfire"
    r"|landslide|tsunami|burst|collapsed?",
    "crash": r"crash\w*|derail\w*|collision|collided|sank|sinking",
    "announcement": r"announc\w*|unveil\w*|declar\w*",
    "visit": r"visit\w*|arriv\w*",
    "invasion": r"invad\w*|invasion|incursion",
    "withdrawal": r"withdr[ae]w\w*|withdrawal|retreat\w*|pulled out",
    "release": r"releas\w*|freed",
    "opening": r"opened|opening|inaugurat\w*",
    "closure": r"closed|closure|shut",
}
# Named occasions link only to the same word: "after the summit" is not "after the trial".
EVENT_GROUPS.update(
    {
        noun: noun + "s?"
        for noun in (
            "summit", "ceremony", "conference", "meeting", "talks", "gala", "concert",
            "festival", "parade", "funeral", "wedding", "trial", "hearing", "verdict", "debate",
            "match", "final", "race", "rally", "protest", "speech", "coup", "raid", "massacre",
            "shooting", "ambush", "blackout", "outage", "spill", "eruption", "strike", "lockdown",
        )
    }
)  # fmt: skip
# Groups that say only that something started, ended or happened to someone: sharing one of
# these, two clauses must also share a content word ("after the strike began" and "the strike,
# which began on Monday"), or "the talks started" would link to "the festival started".
GENERIC_GROUPS = frozenset(
    {"start", "end", "death", "release", "opening", "closure", "visit", "announcement"}
)
_STOPWORDS = frozenset(
    {
        "that", "this", "these", "those", "with", "from", "have", "been", "were", "they", "their",
        "them", "which", "after", "before", "days", "weeks", "months", "years", "later", "earlier",
        "said", "says", "into", "over", "under", "when", "where", "while", "what", "there", "then",
        "than", "also", "just", "only", "more", "most", "some", "such", "very", "will", "would",
        "could", "should",
    }
)  # fmt: skip
_WORD = re.compile(r"[a-z][a-z’'-]{3,}")
_EVENT_RE = {
    name: re.compile(r"\b(?:" + pattern + r")\b", re.IGNORECASE)
    for name, pattern in EVENT_GROUPS.items()
}

# Capitalised words inside a clause: names of places, people, organisations.
_PROPER_NOUN = re.compile(r"(?<![.!?]\s)\b(?!I\b)[A-Z][\w-]*[a-z][\w-]*")
# "has lasted five days" is counted up to the dateline from the day the thing "began on".
_LASTED = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|already\s+)?(?:lasted|been\s+going\s+on|gone\s+on"
    r"|continued|raged|run)\s+(?:for\s+)?$",
    re.IGNORECASE,
)
_BEGAN = re.compile(
    r"\b(?:began|begun|started|erupted|broke\s+out|kicked\s+off)\s+(?:on\s+)?$", re.IGNORECASE
)
_INDEFINITE = re.compile(r"(?:an?|another|one|some)\s", re.IGNORECASE)
_APPOSITION = re.compile(
    r"[\s,;:()\[\]–—-]*(?:(?:on|or|that\s+is|i\.e\.|namely)\s+)?", re.IGNORECASE
)
# A stated length may also be joined to its interval by a verb: "ran from 4 to 8 March,
# lasting five days", "which lasted from June 1 to June 30, six weeks in all".
_LENGTH_APPOSITION = re.compile(
    r"[\s,;:()\[\]–—-]*(?:(?:or|for|that\s+is|i\.e\.|namely|lasting|lasted|spanning|spanned"
    r"|which\s+(?:is|was)|in\s+all|in\s+total|a\s+total\s+of)\s+)?",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r"[,;:()“”\"—–]|\s-\s|\b(?:that|which|who|when|while|whereas|but|because)\b", re.IGNORECASE
)
_EVENT_END = re.compile(r"[,;:()“”\"—–.!?]|\s-\s")
_REPORTED_BEFORE = re.compile(
    r"\b(?:said|says|told\s+\w+|added|wrote|stated|tweeted|posted|reported)"
    r"(?:\s+(?:late|early|on|last|this|in|a|statement|briefing))*\s*$",
    re.IGNORECASE,
)
_REPORTED_AFTER = re.compile(
    r",?\s+(?:[\w’'.-]+\s+){0,6}?(?:said|says|told|added|wrote|stated|announced|reported)\b",
    re.IGNORECASE,
)
_SENTENCE_OPENING = re.compile(r"[\W_]*(?:(?:late|early)\s+)?(?:on\s+)?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n\s*\n")
_ABBREVIATION = re.compile(
    r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Prof|Jr|Sr|No|vs|Jan|Feb|Mar"
    r"|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.$"
)


def check_date_arithmetic(text: str, reference_date: date | None = None) -> list[Finding]:
    """Findings for every stated interval that the text's own dates can be held against.

    `reference_date` is the article's dateline; weekdays and "N days ago" need it. See the
    module docstring for the shapes checked and the rule that links an event to its date.
    """
    ctx = _Context.build(text, reference_date)
    findings = []
    for expr in ctx.exprs:
        if expr.amount is None or expr.unit not in CHECKED_UNITS:
            continue
        if expr.kind == "offset":
            finding = _check_offset(ctx, expr)
        elif expr.kind == "duration":
            finding = _check_duration(ctx, expr)
        else:
            finding = None
        if finding is not None:
            findings.append(finding)
    return findings


# --- context ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    reference: date | None
    exprs: list[TimeExpression]
    sentences: list[tuple[int, int]]
    positions: dict[int, int]  # id(expression) -> its index in `exprs`
    dates: list[TimeExpression]
    starts: list[int]  # sentence starts, for bisecting
    profiles: dict[int, tuple[bool, frozenset[str]]]  # id(date) -> (reporting?, event groups)
    date_starts: list[int]  # start of each of `dates`, for bisecting
    by_group: dict[str, list[TimeExpression]]  # event group -> dates whose clause has it

    @classmethod
    def build(cls, text: str, reference: date | None) -> _Context:
        exprs = find_time_expressions(text, reference)
        positions = {id(e): i for i, e in enumerate(exprs)}
        dates = [e for e in exprs if e.kind == "date"]
        sentences = sentence_spans(text)
        starts = [start for start, _ in sentences]
        date_starts = [e.start for e in dates]
        return cls(text, reference, exprs, sentences, positions, dates, starts, {}, date_starts, {})

    def profile(self, expr: TimeExpression) -> tuple[bool, frozenset[str]]:
        """Whether a date is a reporting date, and the event groups of its clause (cached)."""
        key = id(expr)
        if key not in self.profiles:
            groups = frozenset(_event_groups(_clause_around(self, expr)))
            self.profiles[key] = (_is_reporting(self, expr), groups)
        return self.profiles[key]

    def dates_of(self, groups: set[str], near: int) -> list[TimeExpression]:
        """The dates within `_ARTICLE_REACH` of `near` whose clause describes an event of one
        of `groups`, in text order."""
        if not self.by_group and self.dates:
            for expr in self.dates:
                for group in self.profile(expr)[1]:
                    self.by_group.setdefault(group, []).append(expr)
        found: dict[int, TimeExpression] = {}
        for group in groups:
            dated = self.by_group.get(group, [])
            low = bisect_left(dated, near - _ARTICLE_REACH, key=_start)
            high = bisect_left(dated, near + _ARTICLE_REACH, key=_start)
            found.update({id(e): e for e in dated[low:high]})
        return sorted(found.values(), key=_start)

    def dates_between(self, low: int, high: int) -> list[TimeExpression]:
        """The dates that start in [low, high)."""
        return self.dates[bisect_left(self.date_starts, low) : bisect_left(self.date_starts, high)]

    def sentence_index(self, at: int) -> int:
        return max(0, bisect_right(self.starts, at) - 1)


def _start(expr: TimeExpression) -> int:
    return expr.start


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of each sentence: a light splitter that knows news abbreviations."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        at = m.start()
        if text[at] == "." and _ABBREVIATION.search(text, max(0, at - 8), at + 1):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


# --- offsets ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Link:
    """The dated event an offset counts from, or why none could be chosen."""

    anchor: TimeExpression | None
    label: str  # the words that date the anchor, for the explanation
    problem: str = ""


def _check_offset(ctx: _Context, offset: TimeExpression) -> Finding | None:
    # After "N days after/before", a date belongs to the event named ("after Monday's vote").
    after_too = offset.anchor != "following"
    d1 = _apposed(ctx, offset, ("date",), after_too=after_too)
    if d1 is None:
        return None
    if offset.anchor == "dateline":
        return _against_dateline(ctx, offset, d1)
    if offset.anchor == "preceding":
        link = _preceding_event(ctx, offset, d1)
    else:
        link = _following_event(ctx, offset, d1)
    if link is None:
        return None
    if link.problem:
        return _unverifiable(offset, link.problem, "the event's date is ambiguous")
    return _against_event(ctx, offset, d1, link)


def _apposed(
    ctx: _Context,
    expr: TimeExpression,
    kinds: tuple[str, ...],
    *,
    after_too: bool = True,
    gap: re.Pattern[str] = _APPOSITION,
) -> TimeExpression | None:
    """The expression of one of `kinds` set right beside `expr`, the one after it first."""
    i = ctx.positions[id(expr)]
    after = ctx.exprs[i + 1] if i + 1 < len(ctx.exprs) and after_too else None
    before = ctx.exprs[i - 1] if i > 0 else None
    if after and after.kind in kinds and gap.fullmatch(ctx.text, expr.end, after.start):
        return after
    if before and before.kind in kinds and gap.fullmatch(ctx.text, before.end, expr.start):
        return before
    return None


def _against_dateline(ctx: _Context, offset: TimeExpression, d1: TimeExpression) -> Finding | None:
    if ctx.reference is None:
        return _unverifiable(offset, _needs_dateline(offset, [d1]))
    if d1.date is None:
        why = f"'{d1.text}' could not be placed on the calendar."
        return _unverifiable(offset, why, "no calendar date to count from")
    actual = _count(offset, d1.date, ctx.reference, _bare_weekday(d1))
    if actual is None:
        return None
    d1_date = ctx.reference + timedelta(days=offset.direction * actual)
    first, last = sorted((d1_date, ctx.reference))
    dated = f"'{d1.text}' is {_day(d1_date)} and the dateline {_day(ctx.reference)}"
    return _judge(offset, [actual], first, last, dated)


def _count(offset: TimeExpression, later: date, earlier: date, weekdays: bool) -> int | None:
    """Days from `earlier` to `later` as the offset claims them (None: the wrong way round).

    With bare weekday names (`weekdays`) only the day of the week is known, so the count is
    taken within a week (1–7 days) and stated lengths of more than a week are not judged.
    """
    actual = offset.direction * (later - earlier).days
    if not weekdays:
        return actual if actual > 0 else None
    if (offset.amount or 0.0) * UNIT_DAYS[offset.unit or "day"] > 7:
        return None
    return actual % 7 or 7


def _preceding_event(ctx: _Context, offset: TimeExpression, d1: TimeExpression) -> _Link | None:
    """The nearest earlier date in this or the previous sentence that dates an event."""
    pair_start = min(offset.start, d1.start)
    lowest = ctx.sentences[max(0, ctx.sentence_index(pair_start) - 1)][0]
    lowest = max(lowest, pair_start - _REACH)
    for expr in reversed(ctx.dates_between(lowest, pair_start)):
        if expr.end <= pair_start and not _is_reporting(ctx, expr):
            return _Link(expr, _quoted_clause(ctx, expr))
    return None


def _following_event(ctx: _Context, offset: TimeExpression, d1: TimeExpression) -> _Link | None:
    """The date of the event named after "N days after": in its own words, or linked."""
    limit = min(ctx.sentences[ctx.sentence_index(offset.start)][1], offset.end + _REACH)
    end = _EVENT_END.search(ctx.text, offset.end, limit)
    event_end = end.start() if end else limit
    event = ctx.text[offset.end : event_end].strip()
    inside = ctx.dates_between(offset.end, event_end)
    if inside:
        return _Link(inside[0], f"'{event}'")
    groups = _event_groups(event)
    if not groups or _INDEFINITE.match(event):
        return None  # "after a missile attack" brings in an event the text has not dated
    names = _PROPER_NOUN.findall(event)
    linked = [
        e
        for e in ctx.dates_of(groups, offset.start)
        if e is not d1
        and not ctx.profile(e)[0]
        and _same_event(ctx, e, event, groups)
        and _names_present(ctx, e, names)
    ]
    return _choose_link(ctx, offset, d1, event, linked)


def _choose_link(
    ctx: _Context,
    offset: TimeExpression,
    d1: TimeExpression,
    event: str,
    linked: list[TimeExpression],
) -> _Link | None:
    if d1.date is not None:
        # Only a date on the claimed side of D1 can be the event (later: before D1).
        linked = [e for e in linked if e.date and offset.direction * (d1.date - e.date).days > 0]
    if not linked:
        return None
    if len({e.date or e.text for e in linked}) > 1:
        names = "; ".join(_quoted_clause(ctx, e) for e in linked)
        return _Link(None, "", f"'{event}' matches events on different dates: {names}.")
    return _Link(linked[0], _quoted_clause(ctx, linked[0]))


def _against_event(
    ctx: _Context, offset: TimeExpression, d1: TimeExpression, link: _Link
) -> Finding | None:
    anchor = link.anchor
    assert anchor is not None
    if d1.date is None or anchor.date is None:
        return _unverifiable(offset, _needs_dateline(offset, [anchor, d1]))
    actual = _count(offset, d1.date, anchor.date, _bare_weekday(anchor) and _bare_weekday(d1))
    if actual is None:
        return None  # the linked date is on the wrong side: the link is not trusted
    anchor_date = d1.date - timedelta(days=offset.direction * actual)
    first, last = sorted((anchor_date, d1.date))
    dated = f"{link.label} is {_day(anchor_date)} and '{d1.text}' {_day(d1.date)}"
    if d1.relative or anchor.relative:
        dated += f" (against the dateline, {_day(ctx.reference)})" if ctx.reference else ""
    return _judge(offset, [actual], first, last, dated)


# --- durations beside an interval ---------------------------------------------------------


def _check_duration(ctx: _Context, duration: TimeExpression) -> Finding | None:
    interval = _apposed(ctx, duration, ("interval",), gap=_LENGTH_APPOSITION)
    if interval is None:
        return _check_lasted(ctx, duration)
    if interval.length_days is None:
        if ctx.reference is None and interval.relative:
            return _unverifiable(duration, _needs_dateline(duration, [interval]))
        return None
    counts = [interval.length_days]
    if interval.anchor != "dateline":
        counts.append(interval.length_days + 1)  # "June 1 to June 30" may count both ends
    dated = f"'{interval.text}' spans {_counts_text(counts)}"
    return _judge(duration, counts, interval.date, interval.end_date, dated)


def _check_lasted(ctx: _Context, duration: TimeExpression) -> Finding | None:
    """ "The strike, which began on Monday, has now lasted five days": start to dateline."""
    if not _LASTED.search(ctx.text, max(0, duration.start - 40), duration.start):
        return None
    s_start, _ = ctx.sentences[ctx.sentence_index(duration.start)]
    starts = [
        e
        for e in ctx.exprs
        if s_start <= e.start < duration.start
        and (
            (e.kind == "date" and _BEGAN.search(ctx.text, max(0, e.start - 24), e.start))
            or (e.kind == "interval" and e.anchor == "dateline")
        )
    ]
    if len(starts) != 1:
        return None
    began = starts[0]
    if ctx.reference is None:
        return _unverifiable(duration, _needs_dateline(duration, [began]))
    if began.date is None or began.date >= ctx.reference:
        return None
    elapsed = (ctx.reference - began.date).days
    counts = [elapsed, elapsed + 1]  # "in its fifth day" counts the first day too
    dated = f"'{began.text}' is {_day(began.date)} and the dateline {_day(ctx.reference)}"
    return _judge(duration, counts, began.date, ctx.reference, dated)


def _counts_text(counts: list[int]) -> str:
    if len(counts) == 1:
        return f"{counts[0]} days"
    return f"{counts[0]} days ({counts[1]} counting both ends)"


# --- verdicts -----------------------------------------------------------------------------


def _judge(
    stated: TimeExpression,
    actual_days: list[int],
    first: date | None,
    last: date | None,
    dated: str,
) -> Finding:
    unit = stated.unit or "day"
    amount = stated.amount or 0.0
    step = 1.0 if amount == int(amount) else None
    allowed: Bounds = bounds(
        amount,
        qualifier=stated.qualifier,
        step=step,
        value_high=stated.amount_high,
        unit=f"{unit}s",
    )
    in_units = [days / UNIT_DAYS[unit] for days in actual_days]
    fits = [i for i, x in enumerate(in_units) if allowed.contains(x)]
    shown = fits[0] if fits else 0
    expected = _expected(actual_days[shown], in_units[shown], unit, first, last)
    if shown == 1:  # the second count is the one that includes both end days
        head, sep, tail = expected.partition(" (")
        expected = f"{head} counting both ends{sep}{tail}"
    verdict = "inside" if fits else "outside"
    explanation = (
        f"The text's dates are {_counts_phrase(actual_days)} apart: {dated}. "
        f"For '{stated.text}', {allowed.rule}; the count falls {verdict}."
    )
    ok = bool(fits)
    outcome = "consistent" if ok else "inconsistent"
    return Finding(CHECK, outcome, stated.start, stated.end, expected, explanation)


def _counts_phrase(days: list[int]) -> str:
    return " or ".join(f"{d} day{'s' if d != 1 else ''}" for d in days)


def _expected(days: int, in_units: float, unit: str, first: date | None, last: date | None):
    text = f"{days} day{'s' if days != 1 else ''}"
    if unit != "day":
        text += f" ≈ {in_units:.1f} {unit}s"
    if first and last:
        text += f" ({_day(first)} → {_day(last)})"
    return text


def _unverifiable(
    stated: TimeExpression, why: str, expected: str = "needs the article's dateline"
) -> Finding:
    return Finding(CHECK, "unverifiable", stated.start, stated.end, expected, why)


def _needs_dateline(stated: TimeExpression, exprs: list[TimeExpression]) -> str:
    named = " and ".join(f"'{e.text}'" for e in exprs)
    return (
        f"{named} can only be placed on the calendar against the article's dateline, "
        f"which was not given, so '{stated.text}' cannot be counted."
    )


def _day(d: date | None) -> str:
    return "" if d is None else f"{d:%a} {d.day} {d:%b %Y}"


# --- clause helpers -----------------------------------------------------------------------


def _clause_around(ctx: _Context, expr: TimeExpression) -> str:
    """The clause a date stands in; a sentence-opening "On Saturday," takes the next one."""
    s_start, s_end = ctx.sentences[ctx.sentence_index(expr.start)]
    s_start, s_end = max(s_start, expr.start - _REACH), min(s_end, expr.end + _REACH)
    breaks_before = [m.end() for m in _CLAUSE_BREAK.finditer(ctx.text, s_start, expr.start)]
    start = breaks_before[-1] if breaks_before else s_start
    after = _CLAUSE_BREAK.search(ctx.text, expr.end, s_end)
    end = after.start() if after else s_end
    clause = ctx.text[start:end]
    if _is_opening(ctx.text[start : expr.start]) and not ctx.text[expr.end : end].strip():
        nxt = _CLAUSE_BREAK.search(ctx.text, end + 1, s_end)
        clause = ctx.text[start : nxt.start() if nxt else s_end]
    return clause


def _quoted_clause(ctx: _Context, expr: TimeExpression) -> str:
    return "'" + _clause_around(ctx, expr).strip(" \n\t.!?") + "'"


def _is_opening(words: str) -> bool:
    return _SENTENCE_OPENING.fullmatch(words) is not None


def _event_groups(words: str) -> set[str]:
    return {name for name, pattern in _EVENT_RE.items() if pattern.search(words)}


def _same_event(ctx: _Context, expr: TimeExpression, event: str, groups: set[str]) -> bool:
    shared = groups & ctx.profile(expr)[1]
    if not shared:
        return False
    if shared - GENERIC_GROUPS:
        return True
    return bool(_content_words(event) & _content_words(_clause_around(ctx, expr)))


def _content_words(words: str) -> set[str]:
    found = set(_WORD.findall(words.lower())) - _STOPWORDS
    generic = [_EVENT_RE[name] for name in GENERIC_GROUPS]
    return {w for w in found if not any(p.fullmatch(w) for p in generic)}


def _names_present(ctx: _Context, expr: TimeExpression, names: list[str]) -> bool:
    """Places and people the event names must stand in the linked sentence too: "the attack
    on Odesa" is not the attack on Kyiv that another sentence dates."""
    start, end = ctx.sentences[ctx.sentence_index(expr.start)]
    sentence = ctx.text[start:end]
    return all(name in sentence for name in names)


def _is_reporting(ctx: _Context, expr: TimeExpression) -> bool:
    """A date that says when something was said ("said on Tuesday", "On Monday, X said")."""
    if _REPORTED_BEFORE.search(ctx.text, max(0, expr.start - 40), expr.start):
        return True
    s_start = ctx.sentences[ctx.sentence_index(expr.start)][0]
    opens = expr.start - s_start < 24 and _is_opening(ctx.text[s_start : expr.start])
    return opens and _REPORTED_AFTER.match(ctx.text, expr.end) is not None


def _bare_weekday(expr: TimeExpression) -> bool:
    return expr.text in (
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    )
