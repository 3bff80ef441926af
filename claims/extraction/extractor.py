"""The extractor: one pass over the text, anchored on what can start a quantity.

A single precompiled pattern finds the anchors (a currency symbol, a digit, a number word,
"a"/"an" before a unit or fraction, "half", "per" before a time unit); each anchor is read
forward with short anchored patterns, so the cost is linear in the text. Sentences are split
once, after the scan, and only when something was found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from claims.extraction.collector import collector_paused
from claims.extraction.conversion import to_si
from claims.extraction.drafts import Draft, draft_after_figure
from claims.extraction.figures import figure_at
from claims.extraction.fractions import (
    DENOMINATOR_RE,
    after_article,
    after_half,
    after_per,
    fraction,
    written_fraction,
)
from claims.extraction.lexicon.currencies import SYMBOLS
from claims.extraction.lexicon.numbers import DENOMINATORS, GROUPS, SCALES, SMALL, TENS
from claims.extraction.lexicon.units import UNITS
from claims.extraction.money import (
    currency_before,
    prefix_makes_money,
    symbol_start,
    with_money_scale,
)
from claims.extraction.numbers import DIGIT_RUN_RE, FRACTION_CHARS
from claims.extraction.quantity import Quantity
from claims.extraction.sentences import Sentences
from claims.extraction.trie import trie_pattern
from claims.extraction.worthiness import check_worthiness, sentence_traits

_SYMBOL_CHARS = "".join(s for s in SYMBOLS if len(s) == 1)
# The letters a word anchor can start with: one cheap test before the word tries.
_FIRST_LETTERS = "".join(
    sorted(
        {w[0] for w in (*SMALL, *TENS, "a", "half", "per")}
        | {w[0].upper() for w in (*SMALL, *TENS, "a", "half")}
    )
)
_DIGIT_NEXT_RE = re.compile(r"[ \u00a0\u2009\u202f]?\d")


def _anchor_pattern() -> re.Pattern[str]:
    # Branches start with a literal or a character class and share prefixes (trie_pattern),
    # so that the scan does little work at positions that start nothing.
    words = trie_pattern([v for w in (*SMALL, *TENS) for v in (w, w.capitalize())])
    unit_words = {w for w in UNITS if w.isalpha() and len(w) > 2}
    after_a = trie_pattern(
        {*unit_words, *DENOMINATORS, *GROUPS, *SCALES, "square", "cubic"}
    )  # fmt: skip
    # Currency codes and "US$"-style prefixes are read backwards from the digit or the "$"
    # (see money.currency_before): as branches here they would cost a test at every word.
    return re.compile(
        # Digits and currency symbols share one character class (one test per position);
        # _dispatch tells them apart.
        rf"(?P<num>[\d{''.join(FRACTION_CHARS)}{_SYMBOL_CHARS}])"
        rf"|\b(?=[{_FIRST_LETTERS}])(?:(?P<word>{words})(?![\w'’])"
        rf"|(?P<art>[Aa]n?)[ \t]+(?={after_a}(?![\w]))"
        r"|(?P<half>[Hh]alf)(?![\w'’])"
        r"|(?P<per>per)[ \t]+(?=(?:second|minute|hour|day|week|month|year)(?![\w])))"
    )


ANCHOR_RE = _anchor_pattern()
_SYMBOL_GAP_RE = re.compile(r"[ \u00a0\u2009\u202f]?")


def _money_draft(text: str, code: str, start: int, pos: int) -> tuple[Draft | None, int]:
    """The quantity of money whose figure starts at `pos` (its symbol or code at `start`)."""
    gap = _SYMBOL_GAP_RE.match(text, pos)  # always matches (it may match nothing)
    pos = gap.end() if gap is not None else pos
    figure = figure_at(text, pos, currency=code, sign=False)
    if figure is None:
        return None, pos
    figure.start = start
    return draft_after_figure(text, with_money_scale(text, figure)), figure.end


def _lettered_money(text: str, pos: int) -> Draft | None:
    """Money written with a code or letters before the figure at `pos` ("EUR 12 million",
    "Rs 500"), or None to read the figure as any other."""
    before = currency_before(text, pos)
    if before is None:
        return None
    code, start, acronym = before
    figure = figure_at(text, pos, currency=code, sign=False)
    if figure is None:
        return None
    figure = with_money_scale(text, figure)
    figure.start = start
    draft = draft_after_figure(text, figure)
    if draft is None or not prefix_makes_money(text, figure, draft, acronym):
        return None
    return draft


def _number_draft(text: str, m: re.Match[str]) -> tuple[Draft | None, int]:
    money = _lettered_money(text, m.start())
    if money is not None:
        return money, money.end
    at = m.start()
    after_slash = at >= 2 and text[at - 1] == "/" and text[at - 2].isdigit()
    # "1/2 pound", "9/11": the second number of a fraction or a date is no figure of its own.
    figure = None if after_slash else figure_at(text, at)
    if figure is None:  # skip the whole run, or a long one would be read once per digit
        run = DIGIT_RUN_RE.match(text, m.start())
        return None, run.end() if run is not None else m.end()
    if figure.step is None and 0 < figure.value < 1:  # "¾", "3/4" alone
        return written_fraction(text, figure), figure.end
    return draft_after_figure(text, figure), figure.end


def _word_draft(text: str, m: re.Match[str]) -> tuple[Draft | None, int]:
    money = _lettered_money(text, m.start())  # "EUR twelve million"
    if money is not None:
        return money, money.end
    figure = figure_at(text, m.start())
    if figure is None:
        return None, m.end()
    denom = DENOMINATOR_RE.match(text, figure.end)
    if denom is not None and not figure.scaled:
        denominator = DENOMINATORS[denom.group(1).casefold()]
        if 0 < figure.value < denominator:
            return fraction(text, figure.start, figure.value, denominator, denom.end()), denom.end()
    return draft_after_figure(text, figure), figure.end


def _dispatch(text: str, m: re.Match[str]) -> tuple[Draft | None, int]:
    """The draft an anchor starts, and where the scan goes on if it starts none."""
    group = m.lastgroup
    if group == "num":
        if m.group() not in _SYMBOL_CHARS:
            return _number_draft(text, m)
        if _DIGIT_NEXT_RE.match(text, m.end()) is None:
            return None, m.end()
        code, start = symbol_start(text, m.start())
        return _money_draft(text, code, start, m.end())
    if m.start() and text[m.start() - 1] in "'’-":
        return None, m.end()  # "non-one", "o'clock"-like joins are not figures
    if group == "word":
        return _word_draft(text, m)
    if group == "art":
        return after_article(text, m.start(), m.end()), m.end()
    if group == "half":
        return after_half(text, m.start(), m.end()), m.end()
    return after_per(text, m.start(), m.end() - 1), m.end()


def _scan(text: str) -> Iterator[Draft]:
    pos = 0
    while True:
        m = ANCHOR_RE.search(text, pos)
        if m is None:
            return
        draft, resume = _dispatch(text, m)
        if draft is not None and draft.start >= pos and draft.end > draft.start:
            yield draft
            resume = draft.end
        pos = max(resume, m.start() + 1)


def _finish(
    text: str, draft: Draft, sentences: Sentences, traits: dict[tuple[int, int], tuple]
) -> Quantity:
    sentence = sentences.around(draft.start)
    if sentence[1] < draft.end:  # a mention the splitter cut through ("No. 10"): widen
        sentence = (min(sentence[0], draft.start), draft.end)
    if sentence not in traits:
        traits[sentence] = sentence_traits(text[sentence[0] : sentence[1]])
    si_high = None
    if draft.value_high is not None:
        si_high = to_si(draft.value_high, draft.unit, draft.kind)
    score = check_worthiness(
        draft.kind, draft.value, draft.step, draft.qualifier, traits[sentence], draft.scaled,
    )  # fmt: skip
    # Positional, in the field order of Quantity: keywords cost a third more per quantity.
    return Quantity(
        draft.start, draft.end, text[draft.start : draft.end], draft.value, draft.unit,
        draft.kind, to_si(draft.value, draft.unit, draft.kind), draft.qualifier,
        draft.value_high, si_high, sentence, draft.step, score, draft.extras,
    )  # fmt: skip


def extract_quantities(text: str, reference_date: date | None = None) -> list[Quantity]:
    """Every quantity in `text`, in text order (DESIGN.md, "Extraction API").

    `reference_date` is the article's dateline; the quantities themselves do not depend on
    it (relative dates are resolved by the temporal part of this package).

    `Quantity.extras` may hold `qualifier_start` (the offset where the qualifier's words
    begin, e.g. "some" in "some 30 miles"; the span itself is number and unit only) and
    `age` (True for "a 35-year-old").
    """
    if not text:
        return []
    with collector_paused():  # about 7 % of the time on bench/extraction.py
        return _extract(text)


def _extract(text: str) -> list[Quantity]:
    drafts = list(_scan(text))
    if not drafts:
        return []
    sentences = Sentences(text)
    traits: dict[tuple[int, int], tuple] = {}
    return [_finish(text, d, sentences, traits) for d in drafts]
