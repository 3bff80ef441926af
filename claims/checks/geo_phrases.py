"""Finding "A, [hedge] N units [direction] of B" in a text, around a distance the extractor found.

    Kupyansk, some 30 miles to the north of Izium
    Bakhmut lies about 65 kilometres north of Donetsk
    Bremerton, about 15 mi (24 km) west of downtown Seattle
    The city is 155 miles (249 km) south of Richmond, Virginia, 263 miles (423 km) south of
        Washington, D.C., and 150 miles (240 km) northeast of Charlotte
    Kharkiv is 480 km (300 miles) from Kyiv

The place measured from (B) is read here; the place measured (A) by geo_subjects.py. Only the
wording is read; geography.py looks the places up and checks the figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from claims.checks.geo_regions import is_region
from claims.checks.geo_subjects import (
    WINDOW,
    Listed,
    Subject,
    SubjectReader,
    clean_name,
    is_place_like,
    leading_name,
    trailing_name,
)
from claims.checks.geo_words import (
    BY_ROUTE,
    CENTRE_OF,
    DIRECTION,
    DIRECTION_LEAD,
    NAME_RUN,
    REFERENCE_MODIFIERS,
    REGION_RUN,
    ROUTE_MODES,
    STRAIGHT,
    TOWN_NOUNS,
)
from claims.extraction.quantity import Quantity

_AFTER = re.compile(
    r"(?:\s*\((?:[^()]|\([^()]*\)){1,60}\))?"  # the same distance converted: "(48 km)"
    r"(?:,?\s+(?:away|as\s+the\s+crow\s+flies),?)?"
    r"\s+(?:" + DIRECTION_LEAD + r"?(?P<direction>" + DIRECTION + r")\s+(?:of|from)"
    r"|(?:away\s+)?from|outside(?:\s+of)?)"
    # "of the city of Izium", "of the Ukrainian capital, Kyiv", "of the state capital, Raleigh"
    r"\s+(?:the\s+(?:[a-z-]+\s+){0,3}?(?:" + "|".join(TOWN_NOUNS) + r")(?:\s+of|,)?\s+)?"
    # "of the centre of Paris", "of downtown Seattle", "of modern Hyderabad"
    r"(?:" + CENTRE_OF + r")?(?-i:(?:" + "|".join(REFERENCE_MODIFIERS) + r")\s+)?"
    r"(?P<place>" + NAME_RUN + r")(?:,\s*(?P<region>" + REGION_RUN + "))?",
    re.IGNORECASE,
)
# A travel time is not a distance: "Raleigh about two hours west of Atlantic Beach".
_TRAVEL_UNITS = frozenset({"hour", "minute", "day"})
# "By road it is 450 km south-east of London": the sentence measures along roads.
_ROUTE_BEFORE = re.compile(r"\bby\s+" + ROUTE_MODES + r"\b", re.IGNORECASE)
# "Lviv and Kyiv are about 470 km apart"
_APART_AFTER = re.compile(r"(?:\s*\([^()]{1,40}\))?\s+apart\b")
_APART_BEFORE = re.compile(
    r"(?P<place>" + NAME_RUN + r")\s+and\s+(?P<reference>" + NAME_RUN + r")"
    r"\s+(?:are|lie|sit|were|stand)\s+(?:(?:located|situated|just|only)\s+)?$"
)


@dataclass(frozen=True, slots=True)
class GeoPhrase:
    """One stated distance between two named places, as written."""

    place: str  # A: the place being located ("" when the text does not say: see `problem`)
    reference: str  # B: the place it is located from
    quantity: Quantity
    direction: str | None  # the compass word as written ("to the north"), None if none
    hedge: str  # "some", "about", "" ...
    start: int  # the hedge or the figure
    end: int  # the end of the reference place's name
    # What follows a name after a comma, when it may be its state or country ("Odessa,
    # Texas"); places.py decides whether it is one.
    place_region: str = ""
    reference_region: str = ""
    # True when the figure may be a distance along a route rather than a straight line: no
    # compass word and no "as the crow flies" ("480 km from Kyiv", "470 km apart"), or route
    # words ("by road"). geography.py then reads a figure longer than the line as a route.
    by_route: bool = False
    how: str = ""  # how A was found, when not named right before the figure
    problem: str = ""  # why A cannot be said ("'It' stands for a place the text does not name")
    travel_time: bool = False  # "two hours west of ...": a time, not a distance
    tail: int = -1  # the end of the reference's region ("..., Virginia"), or `end`
    listed: bool = False  # a later item of a list of distances from one subject
    straight: bool = False  # "as the crow flies", "in a straight line": never a route


def find_geo_phrases(text: str, quantities: Iterable[Quantity]) -> list[GeoPhrase]:
    """Every length (or travel time) in `quantities` that reads as a distance from a place."""
    found: list[GeoPhrase] = []
    reader = SubjectReader(text)
    for q in quantities:
        if q.kind == "length" or (q.kind == "duration" and _travel_unit(q.unit)):
            previous = Listed(found[-1].tail, _subject_of(found[-1])) if found else None
            phrase = read_geo_phrase(text, q, reader, previous)
            if phrase is not None:
                found.append(phrase)
    return found


def read_geo_phrase(
    text: str, q: Quantity, reader: SubjectReader | None = None, previous: Listed | None = None
) -> GeoPhrase | None:
    """The phrase around the distance `q`, or None when it does not name two places."""
    after = _AFTER.match(text, q.end)
    if after is None:
        return _read_apart(text, q) if q.kind == "length" else None
    reference = leading_name(after.group("place"))
    direction = after.group("direction")
    travel = q.kind == "duration"
    if not is_place_like(reference) or (travel and direction is None):
        return None
    word, start = _hedge(text, q)
    reader = reader or SubjectReader(text)
    listed = reader.continues(start, previous)
    subject = reader.subject(start, previous)
    if subject is None or not (subject.name or subject.problem):
        return None
    end = after.start("place") + len(reference)
    region = leading_region(after.group("region") or "", after.group("place"), reference)
    tail = after.end("region") if region else end
    straight = "crow" in after.group(0).lower() or STRAIGHT.match(text, end) is not None
    since = max(reader.sentence(start)[0], start - WINDOW)
    by_route = (
        (direction is None and not straight)
        or BY_ROUTE.match(text, tail) is not None
        or _ROUTE_BEFORE.search(text, since, start) is not None
    )
    return GeoPhrase(
        subject.name, reference, q, direction, word, start, end, subject.region, region,
        by_route, subject.how, subject.problem, travel, tail, listed, straight,
    )  # fmt: skip


def leading_region(words: str, place_run: str, reference: str) -> str:
    """The region after the reference's comma ("Richmond, Virginia"), when the reference's
    name is the whole run before the comma and the words name a region."""
    if not words or clean_name(place_run) != reference or not is_region(words):
        return ""
    return words.strip()


def _read_apart(text: str, q: Quantity) -> GeoPhrase | None:
    """ "A and B are N units apart": no direction; the span runs from the hedge to "apart"."""
    after = _APART_AFTER.match(text, q.end)
    if after is None:
        return None
    word, start = _hedge(text, q)
    before = _APART_BEFORE.search(text[max(0, start - 160) : start])
    if before is None:
        return None
    place = trailing_name(before.group("place"))
    reference = leading_name(before.group("reference"))
    if not (is_place_like(place) and is_place_like(reference)):
        return None
    end = after.end()
    return GeoPhrase(place, reference, q, None, word, start, end, by_route=True, tail=end)


def _hedge(text: str, q: Quantity) -> tuple[str, int]:
    """The hedge the extractor found before the figure ("some") and where it begins."""
    begins = q.extras.get("qualifier_start")
    if q.qualifier != "exact" and isinstance(begins, int) and 0 <= begins < q.start:
        return text[begins : q.start].strip(), begins
    return "", q.start


def _travel_unit(unit: str) -> bool:
    return unit in _TRAVEL_UNITS or unit.rstrip("s") in _TRAVEL_UNITS


def _subject_of(phrase: GeoPhrase) -> Subject | None:
    if not phrase.place and not phrase.problem:
        return None
    return Subject(phrase.place, phrase.place_region, phrase.how, phrase.problem)
