"""The words and the precompiled regexes that find time expressions.

Every regex is anchored on fixed words and free of nested quantifiers, so a scan is linear in
the length of the text.
"""

from __future__ import annotations

import re

from claims.extraction.lexicon.calendar import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

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
# A written year (1800–2099), public for the checks and the matching: a figure "in 2000"
# is about that year.
YEAR = _YEAR

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
# The word after a length of time that makes it an offset ("five days after", "a week ago"):
# what it counts from and which way. The amount itself is the extractor's (one reader).
DIRECTION = re.compile(
    r"[ \t]*(?:[’']s?[ \t]+time\b|(?P<dir>ago|later|afterwards?|after|earlier|before|beforehand"
    r"|previously|prior\s+to|on(?=\s*[,.;:)–—])|from\s+now|hence)\b)",
    re.IGNORECASE,
)
# Words before a length that make it a stretch of time, not an offset ("for five days after
# the flood", "a period of six weeks", "the first five days").
DURATION_CONTEXT = re.compile(
    r"\b(?:for|within|during|throughout|first|next|past|last|final|the|in|(?:period|span|space"
    r"|stretch|total)\s+of)\s+$",
    re.IGNORECASE,
)
# "after 11 days of talks": a length opened by "after" counts from the start of what follows
# "of"; "after five days" alone counts from the preceding event, like "five days later".
AFTER_BEFORE = re.compile(r"\bafter\s+$", re.IGNORECASE)
OF_NOUN = re.compile(r"\s+of\s+(?:(?:the|their|his|her|its|our)\s+)?(?P<noun>[a-z][\w-]+)")
# "in three days" in a future clause is an offset from the dateline ("will open in three days").
IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)
# "an 11-day summit", "the three-day-long meeting": a length glued to the noun it measures.
ATTRIBUTIVE_NOUN = re.compile(r"(?:-long)?\s+(?P<noun>[a-z][\w-]+)")
# A month name right before a figure: "May 20 — 80 days" starts with a date's day.
MONTH_BEFORE = re.compile(MONTH + r"\s+\Z")
# Where the high figure of "20 — 80 days" starts.
SECOND_FIGURE = re.compile(r"\s*(?:[–—-]|\bto\b)\s*(?=\w)", re.IGNORECASE)
# A clock time: "9 p.m.", "3:40am", "at 21:00", "at noon", "midnight".
CLOCK = re.compile(
    r"\b(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s?(?P<ap>[ap])\.?\s?m\b\.?"
    r"|(?<=at\s)(?P<h24>[01]?\d|2[0-3])[:.](?P<m24>[0-5]\d)\b"
    r"|(?P<word>noon|midday|midnight)\b)",
    re.IGNORECASE,
)
FIXED_OFFSET = re.compile(
    r"\bthe\s+(?:(?P<next>next|following)\s+(?:day|morning|afternoon|evening|night)"
    r"|(?P<prev>previous|preceding)\s+(?:day|morning|afternoon|evening|night)"
    r"|day\s+(?P<dir>after|before))\b",
    re.IGNORECASE,
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
