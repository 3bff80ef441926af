"""The words and the precompiled regexes that find time expressions.

Every regex is anchored on fixed words and free of nested quantifiers, so a scan is linear in
the length of the text.
"""

from __future__ import annotations

import re

from claims.extraction.lexicon.calendar import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from claims.extraction.lexicon.numbers import SMALL, TENS
from claims.extraction.lexicon.qualifiers import PREFIXES

# --- vocabulary ---------------------------------------------------------------------------

_WEEKDAY = "|".join(WEEKDAYS)
# Capitalised only: "march" and "may" are verbs far more often than months in lower case.
# Only an abbreviation takes a dot: the full stop after "8 March." ends the sentence.
MONTH = (
    r"(?:(?:" + "|".join(MONTHS) + r")\b"
    r"|(?:" + "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True)) + r")(?:\.|\b))"
)
_DAY = r"(?<![\d.,])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)(?!,\d{3})"
_YEAR = r"(?:1[89]|20)\d\d(?!\d)"

_SMALL = [w for w in SMALL if SMALL[w]]  # "zero days" is no length of time
_TENS = list(TENS)
WORD_VALUE: dict[str, float | None] = {w: float(SMALL[w]) for w in _SMALL}
WORD_VALUE.update({w: float(v) for w, v in TENS.items()})
WORD_VALUE.update({"a": 1.0, "an": 1.0, "a couple of": 2.0, "a dozen": 12.0})
WORD_VALUE.update({"a few": None, "several": None, "a number of": None})
_NUMBER_CORE = (
    r"\d+(?:\.\d+)?|(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_SMALL[:9]) + r"))?"
    r"|" + "|".join(sorted(_SMALL, key=len, reverse=True)) + r"|a\s+dozen"
)
_NUMBER = _NUMBER_CORE + r"|a\s+couple\s+of|a\s+few|a\s+number\s+of|several|an?"

# The qualifiers a length of time takes ("about five days"): a few of the Extraction API's
# (claims.extraction.lexicon.qualifiers.PREFIXES, which says what each one means), and "barely",
# which only a length of time takes ("barely three weeks").
_TIME_QUALIFIERS = (
    "about", "around", "roughly", "some", "approximately", "nearly", "almost", "an estimated",
    "barely", "more than", "over", "just over", "a little over", "a little more than",
    "upwards of", "at least", "less than", "fewer than", "under", "just under", "up to",
    "at most", "no more than",
)  # fmt: skip
_MEANING = PREFIXES | {"barely": "approximate"}
QUALIFIER_WORDS = {q: _MEANING[q] for q in _TIME_QUALIFIERS}
_QUALIFIER = "|".join(
    re.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUALIFIER_WORDS, key=len, reverse=True)
)

# --- patterns -----------------------------------------------------------------------------

RELATIVE_DAY = re.compile(
    r"\b(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today"
    r"|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b",
    re.IGNORECASE,
)
RELATIVE_DAY_OFFSET = {"yesterday": -1, "tomorrow": 1, "last night": -1}

WEEKDAY_RE = re.compile(
    r"\b(?:(?P<mod>(?i:this\s+coming|this\s+past|this|coming|last|past|next|following"
    r"|previous|the\s+following|the\s+previous))\s+)?(?P<wd>" + _WEEKDAY + r")\b"
)
_WEEKDAY_PREFIX = r"(?:(?P<wd>" + _WEEKDAY + r"),?\s+(?:the\s+)?)?"
MONTH_DAY = re.compile(
    r"\b" + _WEEKDAY_PREFIX + r"(?P<mon>" + MONTH + r")\s+(?P<day>" + _DAY + r")"
    r"(?:,?\s+(?P<year>" + _YEAR + r"))?"
)
DAY_MONTH = re.compile(
    r"\b" + _WEEKDAY_PREFIX + r"(?P<day>" + _DAY + r")(?:\s+of)?\s+(?P<mon>" + MONTH + r")"
    r"(?:,?\s+(?P<year>" + _YEAR + r"))?"
)
DAYS_MONTH = re.compile(
    r"\b(?:(?P<opener>(?i:from|between))\s+)?(?P<d1>" + _DAY + r")\s*(?P<join>(?i:to|until|till"
    r"|through|and)|[-–—])\s*(?P<d2>" + _DAY + r")(?:\s+of)?\s+(?P<mon>" + MONTH + r")"
    r"(?:,?\s+(?P<year>" + _YEAR + r"))?"
)
ISO = re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d)\b")
SINCE_MONTH = re.compile(
    r"\b(?i:since)\s+(?:(?i:the\s+(?:start|beginning)\s+of)\s+)?(?P<mon>" + MONTH + r")"
    r"(?:\s+(?P<year>" + _YEAR + r"))?(?![\s.]*\d)"
)
AMOUNT = re.compile(
    r"\b(?P<prefix>(?:a|the)\s+(?:period|span|space|stretch|total)\s+of\s+)?"
    r"(?:(?P<qual>" + _QUALIFIER + r")\s+)?"
    r"(?P<num>" + _NUMBER + r")(?:\s*(?:to|or|-|–)\s*(?P<num2>" + _NUMBER_CORE + r"))?"
    r"(?P<half>\s+and\s+a\s+half)?(?:\s+|-)(?P<unit>days?|weeks?|fortnights?|months?|years?"
    r"|hours?)\b(?P<half2>\s+and\s+a\s+half)?(?:\s+(?P<dir>ago|later|afterwards?|after|earlier|before|beforehand|previously"
    r"|prior\s+to|on(?=\s*[,.;:)–—])|from\s+now|hence))?",
    re.IGNORECASE,
)
FIXED_OFFSET = re.compile(
    r"\bthe\s+(?:(?P<next>next|following)\s+(?:day|morning|afternoon|evening|night)"
    r"|(?P<prev>previous|preceding)\s+(?:day|morning|afternoon|evening|night)"
    r"|day\s+(?P<dir>after|before))\b",
    re.IGNORECASE,
)
# Words that make "five days (after ...)" a length of time rather than a point in it.
DURATION_CONTEXT = re.compile(
    r"\b(?:for|within|during|throughout|first|next|past|last|final|the|in)\s+$", re.IGNORECASE
)
FUTURE = re.compile(
    r"\b(?:will|shall|won[’']t|is\s+due|are\s+due|is\s+set\s+to|are\s+set\s+to|is\s+scheduled"
    r"|are\s+scheduled|is\s+expected\s+to|are\s+expected\s+to|plans?\s+to|is\s+to|are\s+to)\b"
    r"|[’']ll\b",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(r"[,;:—–()\n]|[.!?](?=\s)")
RANGE_JOIN = re.compile(r"\s*(?:to|until|till|through|thru|and|[-–—])\s*", re.IGNORECASE)
RANGE_DAY_TAIL = re.compile(
    r"\s*(?:to|until|till|through|thru|and|[-–—])\s*(?P<day>" + _DAY + r")(?!\s*" + MONTH + r")",
    re.IGNORECASE,
)
RANGE_OPENER = re.compile(r"\b(?P<w>from|between)\s+$", re.IGNORECASE)
SINCE_OPENER = re.compile(r"\bsince\s+$", re.IGNORECASE)
