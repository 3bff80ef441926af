"""Kinds of event for the date check: which words name the same happening.

"N days after the floods" may be dated by another sentence that tells of the floods; these
groups of words decide which sentences tell of the same kind of event (date_arithmetic.py).
"""

from __future__ import annotations

import re

from claims.extraction.lexicon import wordset

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
    "talks": r"talks|negotiations?",
}


# Named occasions link only to the same word: "after the summit" is not "after the trial".
EVENT_GROUPS.update(
    {
        noun: noun + "s?"
        for noun in (
            "summit", "ceremony", "conference", "meeting", "gala", "concert",
            "festival", "parade", "funeral", "wedding", "trial", "hearing", "verdict", "debate",
            "match", "final", "race", "rally", "protest", "speech", "coup", "raid", "massacre",
            "shooting", "ambush", "blackout", "outage", "spill", "eruption", "strike", "lockdown",
            "war", "siege", "blockade", "walkout", "tournament",
            "games", "tour", "session", "congress", "convention", "fair", "exhibition",
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
PROPER_NOUN = re.compile(r"(?<![.!?]\s)\b(?!I\b)[A-Z][\w-]*[a-z][\w-]*")


# "after a missile attack", "after some protests": a determiner that brings in a new event.
# "some" here is not the hedge of "some 30 miles" (no figure follows), so it is not taken from
# the lexicon of qualifiers.
INDEFINITE = re.compile(r"(?:an?|another|one|some)\s", re.IGNORECASE)


def event_groups(words: str) -> set[str]:
    return {name for name, pattern in _EVENT_RE.items() if pattern.search(words)}


def content_words(words: str) -> set[str]:
    found = set(_WORD.findall(words.lower())) - _STOPWORDS
    generic = [_EVENT_RE[name] for name in GENERIC_GROUPS]
    return {w for w in found if not any(p.fullmatch(w) for p in generic)}


_TOLD_WORD = re.compile(r"[a-z][a-z’'-]{2,}")
_LITTLE = frozenset({"the", "and", "its", "his", "her", "was", "had", "has", "for", "but", "not"})


def told_words(words: str) -> set[str]:
    """The words that tell an event ("the dam failed" → dam, failed): three letters or more,
    but for the little ones."""
    return set(_TOLD_WORD.findall(words.lower())) - _STOPWORDS - _LITTLE


# Events whose length is often told in nights ("a 10-day trip from June 1 to 11"): for these,
# a count that leaves out the last day is usual, not wrong. A meeting, strike or festival of N
# days counts its first and its last day.
STAY_NOUNS = wordset(
    "trip trips visit visits stay stays tour tours holiday holidays vacation vacations cruise"
    " cruises voyage voyages journey journeys break breaks retreat retreats expedition"
    " expeditions"
)
