"""The text around the date check's expressions: sentences, clauses, reporting dates.

One `DateContext` is built per text: its time expressions (claims.extraction.temporal), its
sentences, and per date the event groups its clause tells of (cached), so that linking an
event to its date stays linear in a long article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from claims.checks.date_events import GENERIC_GROUPS, content_words, event_groups, told_words
from claims.extraction.lexicon.calendar import MONTH_ABBREVIATIONS, WEEKDAY_ABBREVIATIONS
from claims.extraction.quantity import Quantity
from claims.extraction.temporal import TimeExpression, find_time_expressions

# How far (in characters) a clause, an event phrase or a preceding event is looked for: a
# sentence of news is shorter than this, and the bound keeps a run-on input linear.
REACH = 400


# How far an event named in "N days after <event>" is looked for: a long article, so that a
# pasted-together input of many articles stays linear.
ARTICLE_REACH = 20_000


# "on Thursday, just three days later": "just", "only" and "exactly" leave the count exact.
APPOSITION = re.compile(
    r"[\s,;:()\[\]–—-]*(?:(?:on|or|that\s+is|i\.e\.|namely)\s+)?"
    r"(?:(?:just|only|exactly|precisely)\s+)?",
    re.IGNORECASE,
)


# A comma inside a figure ("3,492 km") breaks no clause.
_CLAUSE_BREAK = re.compile(
    r"(?<!\d),|,(?!\d)|[;:()“”\"—–]|\s-\s|\b(?:that|which|who|when|while|whereas|but|because)\b",
    re.IGNORECASE,
)


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
    r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|Prof|Jr|Sr|No|vs|"
    + "|".join([*MONTH_ABBREVIATIONS, *WEEKDAY_ABBREVIATIONS])
    + r")\.$"
)


@dataclass(frozen=True, slots=True)
class DateContext:
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
    told: dict[int, frozenset[str]]  # id(date) -> the words its clause tells its event in
    leads: dict[int, frozenset[str]]  # id(date) -> event groups of the words right before it

    @classmethod
    def build(
        cls, text: str, reference: date | None, quantities: Sequence[Quantity] | None = None
    ) -> DateContext:
        exprs = find_time_expressions(text, reference, quantities)
        positions = {id(e): i for i, e in enumerate(exprs)}
        dates = [e for e in exprs if e.kind == "date"]
        sentences = sentence_spans(text)
        starts = [start for start, _ in sentences]
        date_starts = [e.start for e in dates]
        return cls(
            text, reference, exprs, sentences, positions, dates, starts, {}, date_starts, {}, {}, {}
        )

    def profile(self, expr: TimeExpression) -> tuple[bool, frozenset[str]]:
        """Whether a date is a reporting date, and the event groups of its clause (cached)."""
        key = id(expr)
        if key not in self.profiles:
            groups = frozenset(event_groups(clause_around(self, expr)))
            self.profiles[key] = (is_reporting(self, expr), groups)
        return self.profiles[key]

    def told_words(self, expr: TimeExpression) -> frozenset[str]:
        """The words that tell the event of a date's clause (cached)."""
        key = id(expr)
        if key not in self.told:
            self.told[key] = frozenset(told_words(clause_around(self, expr)))
        return self.told[key]

    def lead_groups(self, expr: TimeExpression) -> frozenset[str]:
        """The event groups of the verb right before a date: "opened on June 1 and closed on
        June 14" (the words since the previous date or the sentence's start, 40 characters at
        most; cached)."""
        key = id(expr)
        if key not in self.leads:
            i = bisect_left(self.date_starts, expr.start)
            low = max(expr.start - 40, self.sentences[self.sentence_index(expr.start)][0])
            if i > 0:
                low = max(low, self.dates[i - 1].end)
            self.leads[key] = frozenset(event_groups(self.text[low : expr.start]))
        return self.leads[key]

    def dates_before(self, at: int) -> list[TimeExpression]:
        """The dates that end by `at` and start within `ARTICLE_REACH` before it, in text order."""
        return [e for e in self.dates_between(at - ARTICLE_REACH, at) if e.end <= at]

    def dates_of(self, groups: set[str], near: int) -> list[TimeExpression]:
        """The dates within `ARTICLE_REACH` of `near` whose clause describes an event of one
        of `groups`, in text order."""
        if not self.by_group and self.dates:
            for expr in self.dates:
                for group in self.profile(expr)[1]:
                    self.by_group.setdefault(group, []).append(expr)
        found: dict[int, TimeExpression] = {}
        for group in groups:
            dated = self.by_group.get(group, [])
            low = bisect_left(dated, near - ARTICLE_REACH, key=_start)
            high = bisect_left(dated, near + ARTICLE_REACH, key=_start)
            found.update({id(e): e for e in dated[low:high]})
        return sorted(found.values(), key=_start)

    def exprs_between(self, low: int, high: int) -> list[TimeExpression]:
        """The expressions of any kind that start in [low, high)."""
        return self.exprs[
            bisect_left(self.exprs, low, key=_start) : bisect_left(self.exprs, high, key=_start)
        ]

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


def apposed(
    ctx: DateContext,
    expr: TimeExpression,
    kinds: tuple[str, ...],
    *,
    after_too: bool = True,
    gap: re.Pattern[str] = APPOSITION,
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


def clause_around(ctx: DateContext, expr: TimeExpression) -> str:
    """The clause a date stands in; a sentence-opening "On Saturday," takes the next one."""
    s_start, s_end = ctx.sentences[ctx.sentence_index(expr.start)]
    s_start, s_end = max(s_start, expr.start - REACH), min(s_end, expr.end + REACH)
    breaks = list(_CLAUSE_BREAK.finditer(ctx.text, s_start, expr.start))
    start = _antecedent_start(breaks) if breaks else s_start
    start = s_start if start < 0 else start
    after = _CLAUSE_BREAK.search(ctx.text, expr.end, s_end)
    end = after.start() if after else s_end
    clause = ctx.text[start:end]
    if is_opening(ctx.text[start : expr.start]) and not ctx.text[expr.end : end].strip():
        nxt = _CLAUSE_BREAK.search(ctx.text, end + 1, s_end)
        clause = ctx.text[start : nxt.start() if nxt else s_end]
    return clause


def _antecedent_start(breaks: list[re.Match[str]]) -> int:
    """Where a date's clause starts: after the last break, or, for a relative clause set off
    by a comma ("The strike, which began on Monday"), at its antecedent, which names the
    event (-1: the sentence's start)."""
    last = breaks[-1]
    relative = last.group(0).lower() in ("which", "who", "that")
    comma = breaks[-2] if relative and len(breaks) >= 2 else None
    if comma and comma.group(0) == "," and not last.string[comma.end() : last.start()].strip():
        return breaks[-3].end() if len(breaks) >= 3 else -1
    return last.end()


def quoted_clause(ctx: DateContext, expr: TimeExpression) -> str:
    return "'" + clause_around(ctx, expr).strip(" \n\t.!?") + "'"


def is_opening(words: str) -> bool:
    return _SENTENCE_OPENING.fullmatch(words) is not None


def same_event(ctx: DateContext, expr: TimeExpression, event: str, groups: set[str]) -> bool:
    shared = groups & ctx.profile(expr)[1]
    if not shared:
        return False
    if shared - GENERIC_GROUPS:
        return True
    return bool(content_words(event) & content_words(clause_around(ctx, expr)))


def names_present(ctx: DateContext, expr: TimeExpression, names: list[str]) -> bool:
    """Places and people the event names must stand in the linked sentence too: "the attack
    on Odesa" is not the attack on Kyiv that another sentence dates."""
    start, end = ctx.sentences[ctx.sentence_index(expr.start)]
    sentence = ctx.text[start:end]
    return all(name in sentence for name in names)


def is_reporting(ctx: DateContext, expr: TimeExpression) -> bool:
    """A date that says when something was said ("said on Tuesday", "On Monday, X said")."""
    if _REPORTED_BEFORE.search(ctx.text, max(0, expr.start - 40), expr.start):
        return True
    s_start = ctx.sentences[ctx.sentence_index(expr.start)][0]
    opens = expr.start - s_start < 24 and is_opening(ctx.text[s_start : expr.start])
    return opens and _REPORTED_AFTER.match(ctx.text, expr.end) is not None
