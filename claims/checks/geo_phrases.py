"""Finding "A, [hedge] N units [direction] of B" in a text, around a distance the extractor found.

    Kupyansk, some 30 miles to the north of Izium
    Bakhmut lies about 65 kilometres north of Donetsk
    Irpin, a suburb about 25 km north-west of Kyiv
    Kharkiv is 480 km (300 miles) from Kyiv

Only the wording is read here; geography.py looks the places up and checks the figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from claims.checks.gazetteer import countries, fold, provinces, us_states
from claims.checks.wording import hedge
from claims.extraction.quantity import Quantity

_UPPER = "".join(ch for ch in map(chr, range(0x41, 0x250)) if ch.isupper())
_WORD = rf"[{_UPPER}][\w'’]*(?:-[\w'’]+)*\.?"
# Little words inside place names: Frankfurt am Main, Newcastle upon Tyne, Rio de Janeiro.
_JOINERS = r"(?:de|del|della|di|da|do|dos|das|du|des|la|le|les|el|al|am|an|im|on|upon|sur)"
NAME_RUN = rf"{_WORD}(?:\s+(?:{_JOINERS}\s+)?{_WORD}){{0,3}}"

_DIRECTION = (
    r"(?:(?:north|south|east|west)[\s-]?)?"
    r"(?:(?:north|south)(?:[\s-]?(?:east|west))?|east|west)(?:ward)?"
    # the compass points as wire copy abbreviates them ("61 km NNE of Izium"), capitals only
    r"|(?-i:(?:[NS]{1,2}[EW]|[EW][NS][EW]|[NSEW])\b)"
)
_AFTER = re.compile(
    r"(?:\s*\([^()]{1,40}\))?"  # the same distance converted: "(48 km)"
    r"(?:,?\s+(?:away|as\s+the\s+crow\s+flies),?)?"
    r"\s+(?:(?:to\s+the\s+|due\s+)?(?P<direction>" + _DIRECTION + r")\s+(?:of|from)"
    r"|(?:away\s+)?from|outside(?:\s+of)?)"
    # "of the city of Izium", "of the Ukrainian capital, Kyiv"
    r"\s+(?:the\s+(?:[a-z-]+\s+){0,3}?(?:city|town|village|capital|port|settlement|hub)"
    r"(?:\s+of|,)?\s+)?(?P<place>" + NAME_RUN + r")(?:,\s*(?P<region>" + NAME_RUN + "))?",
    re.IGNORECASE,
)
_PARTICIPLE = r"(?:located|situated|lying|sitting|set|just|only|barely)"
_VERB = r"(?:is|lies|sits|was|remains|stands|located|situated|lying|sitting)"
_APPOSITIVE = r"(?:[^,.;:()\"“”]|(?<=\d)[,.](?=\d))"
_LINK = (
    # "Bakhmut, in the Donetsk region, about 65 km ...": a closed aside after the name
    # ... or one opening with a possessive: "Kharkiv, Ukraine's second city, 40 km ..."
    r"(?:,\s*(?:(?:in|on|near|which|where|once|now|home\s+to|a|an|the)\b|[A-Z][\w-]*['’]s\s)"
    + _APPOSITIVE
    + r"{0,60}?,"
    r"\s*(?:" + _VERB + r"\s+)?(?:" + _PARTICIPLE + r"\s+)?"
    r"|,\s*(?:(?:which|that)\s+(?:is|lies|sits)(?:\s+" + _PARTICIPLE + r")?\s+"
    r"|(?:a|an|the)\s+" + _APPOSITIVE + r"{0,60}?\s+|" + _PARTICIPLE + r"\s+)?"
    r"|\s+" + _VERB + r"(?:\s+" + _PARTICIPLE + r")?\s+)$"
)
_BEFORE = re.compile(r"(?P<place>" + NAME_RUN + r")" + _LINK)
# "Odessa, Texas, lies ...": taken only when the words after the comma name a state or country.
_BEFORE_WITH_REGION = re.compile(
    r"(?P<place>" + NAME_RUN + r"),\s*(?P<region>" + NAME_RUN + r"),?" + _LINK
)
_CASE_SENSITIVE_NAME = re.compile(NAME_RUN)
# A full stop inside a run of capitalised words ends a sentence, unless it ends "St." or "Mt.".
_SENTENCE_STOP = re.compile(r"(?<!\bSt)(?<!\bMt)(?<!\bFt)(?<!\bSte)\.\s+")
# Words after the reference place that make the figure a distance travelled, not a line on
# a map: "480 km from Kyiv by road", "... from Kyiv on foot".
_BY_ROUTE = re.compile(
    r",?\s+(?:by\s+(?:road|car|rail|train|bus|motorway|highway|sea|boat|ferry)|on\s+foot"
    r"|along\s+the\s+(?:road|motorway|highway|coast|river|railway))\b",
    re.IGNORECASE,
)
# An aside saying the name is not a town: "Zaporizhzhia, Europe's largest nuclear plant, lies
# 50 km from Nikopol" is about the plant, which the gazetteer does not have.
# Only an aside that says what the name is ("a ...", "the ...", "Europe's ...") counts; "in the
# Donetsk region" says where a town is.
_NOT_A_TOWN = re.compile(
    r",\s*(?:an?|the|[A-Z][\w-]*['’]s)\s[^,]*?\b(?:plant|station|dam|reservoir|airport|airbase"
    r"|base|mine|bridge|factory|refinery|reactor|region|oblast|province|district|county|river"
    r"|lake|mountain|volcano|border|stadium|camp|prison|club|company|team|party)s?\b(?!['’])"
)
# Words after the reference place that ask for the straight line, as a compass word does:
# "225 km from Zurich as the crow flies".
_STRAIGHT = re.compile(r",?\s+(?:as\s+the\s+crow\s+flies|in\s+a\s+straight\s+line)\b", re.I)
# Capitalised words that open sentences or name days and months; GeoNames has towns for some.
NOT_PLACES = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "it", "he", "she", "they", "we", "this", "that", "these", "those",
     "there", "here", "officials", "police", "troops", "forces", "president"}
)  # fmt: skip
# "Lviv and Kyiv are about 470 km apart"
_APART_AFTER = re.compile(r"(?:\s*\([^()]{1,40}\))?\s+apart\b")
_APART_BEFORE = re.compile(
    r"(?P<place>" + NAME_RUN + r")\s+and\s+(?P<reference>" + NAME_RUN + r")"
    r"\s+(?:are|lie|sit|were|stand)\s+(?:" + _PARTICIPLE + r"\s+)?$"
)


@dataclass(frozen=True, slots=True)
class GeoPhrase:
    """One stated distance between two named places, as written."""

    place: str  # A: the place being located
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


def find_geo_phrases(text: str, quantities: Iterable[Quantity]) -> list[GeoPhrase]:
    """Every length in `quantities` that reads as a distance between two named places."""
    found = []
    for q in quantities:
        if q.kind == "length":
            phrase = read_geo_phrase(text, q)
            if phrase is not None:
                found.append(phrase)
    return found


def read_geo_phrase(text: str, q: Quantity) -> GeoPhrase | None:
    """The phrase around the distance `q`, or None when it does not name two places."""
    after = _AFTER.match(text, q.end)
    if after is None:
        return _read_apart(text, q)
    reference = _leading_name(after.group("place"))
    word, start = hedge(text, q.start, q.text)
    place, place_region = _place_before(text, start)
    if not (is_place_like(place) and is_place_like(reference)):
        return None
    end = after.start("place") + len(reference)
    direction = after.group("direction")
    reference_region = _leading_name(after.group("region") or "")
    straight = "crow" in after.group(0).lower() or _STRAIGHT.match(text, end) is not None
    by_route = (direction is None and not straight) or _BY_ROUTE.match(text, end) is not None
    return GeoPhrase(
        place, reference, q, direction, word, start, end, place_region, reference_region,
        by_route,
    )  # fmt: skip


def _read_apart(text: str, q: Quantity) -> GeoPhrase | None:
    """ "A and B are N units apart": no direction; the span runs from the hedge to "apart"."""
    after = _APART_AFTER.match(text, q.end)
    if after is None:
        return None
    word, start = hedge(text, q.start, q.text)
    before = _APART_BEFORE.search(text[max(0, start - 160) : start])
    if before is None:
        return None
    place, reference = _trailing_name(before.group("place")), _clean(before.group("reference"))
    if not (is_place_like(place) and is_place_like(reference)):
        return None
    return GeoPhrase(place, reference, q, None, word, start, after.end(), by_route=True)


def _place_before(text: str, start: int) -> tuple[str, str]:
    window = text[max(0, start - 160) : start]
    with_region = _BEFORE_WITH_REGION.search(window)
    if with_region and is_region(with_region.group("region")):
        return _trailing_name(with_region.group("place")), _clean(with_region.group("region"))
    match = _BEFORE.search(window)
    if match is None or _NOT_A_TOWN.match(window, match.end("place")):
        return "", ""
    return _trailing_name(match.group("place")), ""


def is_place_like(name: str) -> bool:
    """False for names that are not towns: "Monday", "May", "Ukraine" (a country is not a point
    to measure from), and for an empty name."""
    key = fold(name)
    return bool(key) and key not in countries() and NOT_PLACES.isdisjoint(key.split())


def is_region(name: str) -> bool:
    """True when `name` is a country, a US state or a Canadian or Australian province
    ("Texas", "Ukraine", "Ontario")."""
    key = fold(_clean(name))
    return key in countries() or key in us_states() or key in provinces()


def _leading_name(run: str) -> str:
    """The capitalised words that open `run` (the regex read it case-blind for the direction),
    up to a full stop: "Marrakesh. Temperatures" is a name and the next sentence."""
    match = _CASE_SENSITIVE_NAME.match(run)
    return _clean(_SENTENCE_STOP.split(match.group(0))[0]) if match else ""


def _trailing_name(run: str) -> str:
    return _clean(_SENTENCE_STOP.split(run)[-1])


def _clean(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip())
    return name.rstrip(".")


def name_variants(run: str, *, from_end: bool) -> list[str]:
    """The sub-runs worth looking up, longest first: "In Kupyansk" → ["In Kupyansk",
    "Kupyansk"]; for a place after "of", the run's opening words instead."""
    words = run.split()
    if from_end:
        return [" ".join(words[i:]) for i in range(len(words)) if not _is_joiner(words[i])]
    return [" ".join(words[:i]) for i in range(len(words), 0, -1) if not _is_joiner(words[i - 1])]


def _is_joiner(word: str) -> bool:
    return re.fullmatch(_JOINERS, word) is not None
