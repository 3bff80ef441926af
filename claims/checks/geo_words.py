"""The words the geography check reads, in one table each: compass words, the words that make
a name a place or something else, the verbs that place a town, and the patterns built on them.

Only words live here; geo_phrases.py and geo_subjects.py read sentences with them.
"""

from __future__ import annotations

import re

from claims.extraction.lexicon.calendar import MONTHS, WEEKDAYS
from claims.extraction.lexicon.qualifiers import PREFIXES

# --- names ------------------------------------------------------------------------------------

_UPPER = "".join(ch for ch in map(chr, range(0x41, 0x250)) if ch.isupper())
_WORD = rf"[{_UPPER}][\w'’]*(?:-[\w'’]+)*\.?"
# Little words inside place names: Frankfurt am Main, Newcastle upon Tyne, Rio de Janeiro.
JOINERS = r"(?:de|del|della|di|da|do|dos|das|du|des|la|le|les|el|al|am|an|im|on|upon|sur)"
NAME_RUN = rf"{_WORD}(?:\s+(?:{JOINERS}\s+)?{_WORD}){{0,3}}"
# What may follow a name after a comma as its region: "Richmond, Virginia", "Eugene, Ore.",
# "Washington, D.C." (geo_regions.py decides whether the words name one).
REGION_RUN = rf"(?:[A-Z]\.(?:\s?[A-Z]\.)+|{NAME_RUN})"

# One-word hedges ("about", "some", "roughly"), from the extractor's table of qualifiers.
HEDGE_WORDS = tuple(w for w, q in PREFIXES.items() if q == "approximate" and w.isalpha())

# --- compass words ----------------------------------------------------------------------------

COMPASS_LETTERS = {"north": "N", "south": "S", "east": "E", "west": "W"}
POINTS = (
    "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
    "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW",
)  # fmt: skip
# Every spelling of the 16 points: "north", "north-east", "northeast", "north east",
# "west-north-west", "west-northwest", "westward"; in wire copy, capitals: "NNE", "SW".
DIRECTION = (
    r"(?:(?:north|south|east|west)[\s-]?)?"
    r"(?:(?:north|south)(?:[\s-]?(?:east|west))?|east|west)(?:wards?)?"
    r"|(?-i:(?:[NS]{1,2}[EW]|[EW][NS][EW]|[NSEW])\b)"
)
# "to the north of", "due west of"
DIRECTION_LEAD = r"(?:to\s+the\s+|due\s+)"

# --- the place measured from: "downtown Y", "the city of Y", "the state capital, Y" ---------

# Lower-case words before a name that still mean the town itself (its centre, its today).
REFERENCE_MODIFIERS = (
    "downtown", "central", "modern", "modern-day", "present-day", "greater", "inner",
    "old", "historic",
)  # fmt: skip
# Nouns that name a town by what it is: "the city of Y", "the Ukrainian capital Kyiv", and,
# as a subject, "the city" for a town named before.
TOWN_NOUNS = (
    "city", "town", "village", "capital", "port", "settlement", "hub", "municipality",
    "borough", "commune", "hamlet", "township",
)  # fmt: skip
# "the centre of Y", "the heart of Y"
CENTRE_OF = r"(?:the\s+)?(?:cent(?:re|er)|heart|middle|city\s+cent(?:re|er))\s+of\s+"

# --- what a name is when it is not a town -----------------------------------------------------

# A word in a name that makes it something the gazetteer has no point for: "Valencia Airport",
# "the James River", "Shanhai Pass", "the Bernese Alps". (Not "Beach", "Valley", "Falls",
# "Springs", "Fort", "Port", which open or end many towns' own names: Long Beach, Fort Worth.)
FEATURES = {
    "airport": "an airport", "airfield": "an airfield", "airbase": "an air base",
    "station": "a station", "hospital": "a hospital", "university": "a university",
    "college": "a college", "campus": "a campus", "park": "a park", "stadium": "a stadium",
    "arena": "an arena", "river": "a river", "lake": "a lake", "sea": "a sea",
    "ocean": "an ocean", "bay": "a bay", "gulf": "a gulf", "strait": "a strait",
    "island": "an island", "islands": "islands", "isle": "an island", "mountain": "a mountain",
    "mountains": "a mountain range", "alps": "a mountain range", "range": "a mountain range",
    "mount": "a mountain", "mt": "a mountain", "volcano": "a volcano", "pass": "a pass",
    "desert": "a desert", "plateau": "a plateau", "peninsula": "a peninsula",
    "coast": "a coast", "fault": "a fault", "border": "a border", "canal": "a canal",
    "dam": "a dam", "reservoir": "a reservoir", "plant": "a plant", "mine": "a mine",
    "bridge": "a bridge", "base": "a base", "camp": "a camp", "prison": "a prison",
    "wall": "a wall", "forest": "a forest", "coliseum": "an arena", "centre": "a building",
    "center": "a building", "county": "a county", "province": "a province",
    "region": "a region", "oblast": "a region", "district": "a district",
    "territory": "a territory", "département": "a département", "department": "a département",
    "canton": "a canton", "state": "a state", "battle": "a battle", "field": "a field",
    "church": "a church", "cathedral": "a cathedral",
    "castle": "a castle", "palace": "a palace", "museum": "a museum", "zoo": "a zoo",
}  # fmt: skip
# Words that open a name for a feature rather than close it: "Lake Michigan", "Mount Etna".
FEATURE_OPENERS = frozenset({"lake", "mount", "mt", "isle", "gulf", "bay"})


def feature_of(name: str) -> str:
    """What a name is when its head word names a feature: "Valencia Airport" → "an airport",
    "the James River" → "a river", "Lake Michigan" → "a lake"; "" for "Fort Worth"."""
    words = name.lower().split()
    if not words:
        return ""
    if words[-1].strip(".") in FEATURES:
        return FEATURES[words[-1].strip(".")]
    if len(words) > 1 and words[0].strip(".") in FEATURE_OPENERS:
        return FEATURES.get(words[0].strip("."), "a " + words[0].strip("."))
    return ""


# An aside after a name that says what it is: "Zaporizhzhia, Europe's largest nuclear plant,"
# (its head noun, before any "in", "on", "of" ...: "a walled city on the river" is a town).
_ASIDE_HEAD = re.compile(
    r",\s*(?:an?|the|[A-Z][\w-]*['’]s)\s+(?P<head>[^,;()]*?)"
    r"(?=\s+(?:in|on|of|at|near|with|along|by|that|which|where|about|some|just|\d)\b|\s*[,;(]|$)"
)


def aside_feature(text: str, pos: int) -> str:
    """What an aside at `pos` says the name before it is, when not a town ("a plant"), or ""."""
    found = _ASIDE_HEAD.match(text, pos)
    if found is None or not found.group("head"):
        return ""
    head = found.group("head").split()[-1].lower()
    for word in (head, head.rstrip("s")):  # "plants", "islands"
        if word in FEATURES:
            return FEATURES[word]
    return ""


# --- subjects ---------------------------------------------------------------------------------

# Words that stand for a town named before: "It is 40 km north of ...", "The city lies ...".
ANAPHORS = ("it", *(f"the {noun}" for noun in TOWN_NOUNS))
# Verbs that place their subject: "Raleigh is ...", "Bakhmut lies ...".
PLACING_VERBS = ("is", "lies", "lay", "sits", "sat", "stands", "stood", "was", "remains")
# Words that may open what follows such a verb when it still says where the subject is:
# "is located", "is a city on the coast of ...", "is about 40 km ...", "lies at the fall line".
PLACING_COMPLEMENTS = (
    "located", "situated", "set", "sited", "perched", "nestled", "positioned", "found",
    "also", "just", "only", *HEDGE_WORDS, "a", "an", "the", "one", "at", "on", "in", "near",
    "along", "between", "by", "off", "close", "halfway", "midway", "within",
)  # fmt: skip
# Participles and adverbs between a name's comma and the figure: "Kharkiv, located 40 km ..."
PARTICIPLES = r"(?:located|situated|lying|sitting|set|just|only|barely)"
VERBS = r"(?:is|lies|sits|was|remains|stands|located|situated|lying|sitting)"
# Words that open a sentence before its subject: "By road it is ...", "Today the town lies ..."
OPENINGS = r"(?:(?:By\s+(?:road|rail|car|air|train)|Today|Geographically|Meanwhile|Now)\s*,?\s+)"
# Capitalised words that open sentences or name days and months; GeoNames has towns for some.
NOT_PLACES = frozenset(
    {*(name.casefold() for name in (*MONTHS, *WEEKDAYS)),
     "it", "he", "she", "they", "we", "this", "that", "these", "those",
     "there", "here", "officials", "police", "troops", "forces", "president", "its", "his",
     "her", "their", "our", "the", "a", "an", "mr", "mrs", "ms", "dr"}
)  # fmt: skip
# Words that may stand before a town's name in a run of capitalised words without being part
# of it: "In Kupyansk", "Russian-held Melitopol".
NAME_OPENERS = frozenset(
    {"in", "at", "on", "from", "near", "by", "to", "the", "and", "but", "while", "meanwhile",
     "then", "today", "yesterday", "when", "as", "after", "before", "since", "outside"}
)  # fmt: skip
HELD = re.compile(r"-(?:held|occupied|controlled|run|backed)$", re.IGNORECASE)

# --- distances that are not straight lines ----------------------------------------------------

ROUTE_MODES = r"(?:road|car|rail|train|bus|motorway|highway|sea|boat|ferry|air)"
# Words after the reference place that make the figure a distance travelled: "by road".
BY_ROUTE = re.compile(
    r",?\s+(?:by\s+(?:road|car|rail|train|bus|motorway|highway|sea|boat|ferry)|on\s+foot"
    r"|along\s+the\s+(?:road|motorway|highway|coast|river|railway))\b",
    re.IGNORECASE,
)
# Words after the reference place that ask for the straight line, as a compass word does.
STRAIGHT = re.compile(r",?\s+(?:as\s+the\s+crow\s+flies|in\s+a\s+straight\s+line)\b", re.I)
