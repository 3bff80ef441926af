"""The `geography` check: a stated distance and direction between two places, against a gazetteer.

"Kupyansk, some 30 miles to the north of Izium": both places are looked up in GeoNames
(gazetteer.py), read in the article's context (places.py); the straight-line distance on the
WGS84 ellipsoid (geographiclib) is held against the figure with its hedge and rounding, and
the bearing from Izium to Kupyansk against "north" (tolerance.py has the numbers).
"""

from __future__ import annotations

from collections.abc import Iterable

from geographiclib.geodesic import Geodesic

from claims.checks.finding import Finding
from claims.checks.gazetteer import SOURCE, Place
from claims.checks.geo_phrases import GeoPhrase, find_geo_phrases
from claims.checks.places import Context, article_context, describe, read_pair
from claims.checks.tolerance import (
    COMPASS_EDGE_MARGIN,
    Bounds,
    bounds,
    direction_half_arc,
    fmt,
    place_radius_km,
    route_may_explain,
)
from claims.checks.units import IncompatibleUnits, convert, symbol
from claims.extraction.quantity import Quantity

POINTS = (
    "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
    "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW",
)  # fmt: skip
_LETTERS = {"north": "N", "south": "S", "east": "E", "west": "W"}
MILE_M = 1609.344
ROUTE_NOTE = (
    " Without a compass word (or with 'by road') the figure may be a distance by road or rail,"
    " longer than the straight line: it cannot be checked against a map."
)


def check_geography(text: str, quantities: Iterable[Quantity]) -> list[Finding]:
    """A finding for every "A, N units direction of B" in the text."""
    phrases = find_geo_phrases(text, quantities)
    if not phrases:
        return []
    context = article_context(text)
    return [check_geo_phrase(phrase, context) for phrase in phrases]


def check_geo_phrase(phrase: GeoPhrase, context: Context | None = None) -> Finding:
    """Check one stated distance (and direction) between two named places."""
    context = (context or Context()).without(phrase.place, phrase.reference)
    q = phrase.quantity
    stated_km = q.si_value / 1000 if q.si_value else 0.0
    regions = (phrase.place_region, phrase.reference_region)
    reading = read_pair(phrase.place, phrase.reference, context, stated_km, regions)
    if reading.place is None or reading.reference is None:
        return _finding(
            phrase, "unverifiable", "", f"{reading.problem}; cannot check the distance."
        )
    try:
        finding = _measure(phrase, reading.place, reading.reference)
        if finding.outcome == "inconsistent":
            return _benefit_of_the_doubt(phrase, finding, reading.alternatives)
        return finding
    except IncompatibleUnits as exc:
        return _finding(phrase, "unverifiable", "", f"{exc}.")


def _benefit_of_the_doubt(
    phrase: GeoPhrase, finding: Finding, alternatives: tuple[tuple[Place, Place], ...]
) -> Finding:
    """An alarm stands only if no other plausible reading of the names makes the figure right."""
    for place, reference in alternatives:
        if _measure(phrase, place, reference).outcome == "consistent":
            other = f"{describe(place)} and {describe(reference)}"
            why = (
                f"{finding.explanation} But the names may also mean {other}, which fits; "
                "the text does not say which."
            )
            return _finding(phrase, "unverifiable", finding.expected, why)
    return finding


def _measure(phrase: GeoPhrase, place: Place, reference: Place) -> Finding:
    q = phrase.quantity
    line = Geodesic.WGS84.Inverse(reference.latitude, reference.longitude,
                                  place.latitude, place.longitude)  # fmt: skip
    metres, bearing = line["s12"], line["azi1"] % 360
    slack_km = place_radius_km(place.population) + place_radius_km(reference.population)
    allowed = _distance_bounds(phrase, slack_km)
    actual = convert(metres, "meter", q.unit)
    distance_ok = allowed.contains(actual)
    direction_ok, direction_note = _direction(phrase.direction, bearing, metres / 1000, slack_km)
    expected = f"{_km_mi(metres)}, bearing {bearing:.0f}° ({compass_point(bearing)})"
    explanation = (
        f"{reference.name} → {place.name}: {_km_mi(metres)} straight line on the WGS84 "
        f"ellipsoid, bearing {bearing:.0f}° ({compass_point(bearing)}), from {SOURCE}; "
        f"{_claim_words(phrase)} allows {allowed.rule}"
        f"{'' if distance_ok else f', not {fmt(actual)} {symbol(q.unit)}'}.{direction_note}"
    )
    outcome = "consistent" if distance_ok and direction_ok else "inconsistent"
    route = direction_ok and phrase.by_route
    if outcome == "inconsistent" and route and route_may_explain(allowed.low, allowed.high, actual):
        outcome, explanation = "unverifiable", explanation + ROUTE_NOTE
    return _finding(phrase, outcome, expected, explanation)


def _distance_bounds(phrase: GeoPhrase, slack_km: float) -> Bounds:
    q = phrase.quantity
    unit = symbol(q.unit)
    stated = bounds(q.value, qualifier=q.qualifier, step=q.step, value_high=q.value_high,
                    unit=unit, wording=phrase.hedge if q.qualifier != "exact" else "")  # fmt: skip
    slack = convert(slack_km * 1000, "meter", q.unit)
    widened = stated.widened(slack, "")
    size = f"{widened.text(unit)} with {fmt(slack_km, 2)} km for the size of the places"
    return Bounds(widened.low, widened.high, f"{stated.text(unit)} ({size})")


def _direction(written: str | None, bearing: float, km: float, slack_km: float) -> tuple[bool, str]:
    """Whether the bearing fits the compass word; and a sentence when there is one to check."""
    if not written:
        return True, ""
    point = compass_abbreviation(written)
    if point is None:
        return True, ""
    centre = POINTS.index(point) * 22.5
    half = min(180.0, direction_half_arc(point, km, slack_km) + COMPASS_EDGE_MARGIN)
    off = abs((bearing - centre + 180) % 360 - 180)
    arc = f"{(centre - half) % 360:.0f}°–{(centre + half) % 360:.0f}°"
    if off <= half:
        return True, f" '{written}' allows bearings {arc}: fits."
    return False, f" '{written}' allows bearings {arc}; the bearing is {bearing:.0f}°."


def compass_abbreviation(words: str) -> str | None:
    """'to the north-north-east' → 'NNE', 'southwest' → 'SW'; None if not a compass word."""
    if words.strip() in POINTS:  # already abbreviated: "NNE"
        return words.strip()
    letters = []
    lowered = words.lower()
    for i in range(len(lowered)):
        for word, letter in _LETTERS.items():
            if lowered.startswith(word, i):
                letters.append(letter)
    point = "".join(letters)
    return point if point in POINTS else None


def compass_point(bearing: float) -> str:
    """The 16-point compass name of a bearing in degrees: 24 → 'NNE'."""
    return POINTS[round((bearing % 360) / 22.5) % 16]


def _km_mi(metres: float) -> str:
    return f"{fmt(metres / 1000, 2)} km ({fmt(metres / MILE_M, 2)} mi)"


def _claim_words(phrase: GeoPhrase) -> str:
    hedge = f"{phrase.hedge} " if phrase.hedge and phrase.hedge not in phrase.quantity.text else ""
    return f"'{hedge}{phrase.quantity.text}'"


def _finding(phrase: GeoPhrase, outcome: str, expected: str, explanation: str) -> Finding:
    return Finding("geography", outcome, phrase.start, phrase.end, expected, explanation)
