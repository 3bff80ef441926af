"""The `geography` check: a stated distance and direction between two places, against a gazetteer.

"Kupyansk, some 30 miles to the north of Izium": both places are looked up in GeoNames
(gazetteer.py), read in the article's context (places.py); the straight-line distance on the
WGS84 ellipsoid (geographiclib) is held against the figure with its hedge and rounding, and
the bearing from Izium to Kupyansk against "north" (tolerance.py has the numbers). Which place
a distance locates ("It", "the city", a list of distances) is read by geo_subjects.py.

An alarm is raised only when the reading is sure: wherever a step is uncertain (which place,
which town "it" is, a travel time, a road distance) the finding is `unverifiable` and says why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from geographiclib.geodesic import Geodesic

from claims.checks.finding import Finding
from claims.checks.gazetteer import SOURCE, Place, fold
from claims.checks.geo_context import Context, article_context
from claims.checks.geo_phrases import GeoPhrase, find_geo_phrases
from claims.checks.geo_words import COMPASS_LETTERS, POINTS
from claims.checks.places import Reading, Readings, describe, read_pair
from claims.checks.tolerance import (
    COMPASS_EDGE_MARGIN,
    ROAD_DETOUR_USUAL,
    ROAD_LIST_MIN,
    Bounds,
    bounds,
    direction_half_arc,
    fmt,
    place_distance_bounds,
    place_radius_km,
    route_may_explain,
)
from claims.checks.units import IncompatibleUnits, convert, symbol
from claims.extraction.quantity import Quantity

MILE_M = 1609.344
ROUTE_NOTE = (
    " Without a compass word (or with 'by road') the figure may be a distance by road or rail,"
    " longer than the straight line: it cannot be checked against a map."
)
ROAD_NOTE = (
    " The figure is longer than the straight line by no more than a road's usual detour; news"
    " copy often gives the distance by road even beside a compass word, so it cannot be held"
    " to the map."
)
ROAD_LIST_NOTE = (
    " Every distance this sentence gives is longer than its straight line, as distances by"
    " road are: the figure may be one, and cannot be checked against a map."
)


@dataclass(frozen=True, slots=True)
class _Measured:
    """A phrase whose places are read: the reading and the straight line between them."""

    reading: Reading
    metres: float
    bearing: float


def check_geography(text: str, quantities: Iterable[Quantity]) -> list[Finding]:
    """A finding for every "A, N units direction of B" in the text."""
    phrases = find_geo_phrases(text, quantities)
    if not phrases:
        return []
    context, readings = article_context(text), Readings()
    assessed = [_assess(phrase, context, readings) for phrase in phrases]
    by_road = _road_lists(phrases, assessed)
    return [
        step if isinstance(step, Finding) else _judge(phrase, step, i in by_road)
        for i, (phrase, step) in enumerate(zip(phrases, assessed, strict=True))
    ]


def check_geo_phrase(phrase: GeoPhrase, context: Context | None = None) -> Finding:
    """Check one stated distance (and direction) between two named places."""
    step = _assess(phrase, context or Context(), Readings())
    return step if isinstance(step, Finding) else _judge(phrase, step, False)


def _assess(phrase: GeoPhrase, context: Context, readings: Readings) -> Finding | _Measured:
    """The two places and the line between them, or the finding that says why not."""
    if phrase.travel_time:
        why = f"'{_claim_text(phrase)}' is a travel time, not a distance: a map cannot check it."
        return _finding(phrase, "unverifiable", "", why)
    if phrase.problem:
        return _finding(phrase, "unverifiable", "", f"{phrase.problem}; cannot check the distance.")
    if fold(phrase.place) == fold(phrase.reference):
        why = (
            f"the text measures {phrase.place} from {phrase.reference}"
            f"{f' ({phrase.how})' if phrase.how else ''}: a town is not a distance from itself, "
            "so one of the two names must stand for something else; cannot check the distance."
        )
        return _finding(phrase, "unverifiable", "", why)
    q = phrase.quantity
    stated_km = q.si_value / 1000 if q.si_value else 0.0
    regions = (phrase.place_region, phrase.reference_region)
    context = context.without(phrase.place, phrase.reference)
    reading = read_pair(phrase.place, phrase.reference, context, stated_km, regions, readings)
    if reading.place is None or reading.reference is None:
        how = f" ({phrase.how})" if phrase.how else ""
        why = f"{reading.problem}{how}; cannot check the distance."
        return _finding(phrase, "unverifiable", "", why)
    line = Geodesic.WGS84.Inverse(reading.reference.latitude, reading.reference.longitude,
                                  reading.place.latitude, reading.place.longitude)  # fmt: skip
    return _Measured(reading, line["s12"], line["azi1"] % 360)


def _road_lists(phrases: list[GeoPhrase], assessed: list[Finding | _Measured]) -> set[int]:
    """The phrases in lists of distances from one town (ROAD_LIST_MIN or more, all measured)
    whose every figure is longer than its straight line: the list gives distances by road."""
    found: set[int] = set()
    members: list[int] = []
    for i in [*range(len(phrases)), -1]:
        if i >= 0 and phrases[i].listed and members:
            members.append(i)
            continue
        if len(members) >= ROAD_LIST_MIN and all(_longer(phrases[m], assessed[m]) for m in members):
            found.update(members)
        members = [i]
    return found


def _longer(phrase: GeoPhrase, step: Finding | _Measured) -> bool:
    if not isinstance(step, _Measured) or not phrase.quantity.si_value:
        return False
    return phrase.quantity.si_value > step.metres


def _judge(phrase: GeoPhrase, measured: _Measured, road_list: bool) -> Finding:
    reading = measured.reading
    assert reading.place is not None and reading.reference is not None
    try:
        finding = _measure(phrase, reading.place, reading.reference, road_list)
    except IncompatibleUnits as exc:
        return _finding(phrase, "unverifiable", "", f"{exc}.")
    if finding.outcome != "inconsistent":
        return finding
    finding = _benefit_of_the_doubt(phrase, finding, reading.alternatives)
    if finding.outcome == "inconsistent" and reading.doubt:
        why = f"{finding.explanation} But {reading.doubt}."
        return _finding(phrase, "unverifiable", finding.expected, why)
    return finding


def _benefit_of_the_doubt(
    phrase: GeoPhrase, finding: Finding, alternatives: tuple[tuple[Place, Place], ...]
) -> Finding:
    """An alarm stands only if no other plausible reading of the names makes the figure right."""
    for place, reference in alternatives:
        if _measure(phrase, place, reference, False).outcome == "consistent":
            other = f"{describe(place)} and {describe(reference)}"
            why = (
                f"{finding.explanation} But the names may also mean {other}, which fits; "
                "the text does not say which."
            )
            return _finding(phrase, "unverifiable", finding.expected, why)
    return finding


def _measure(phrase: GeoPhrase, place: Place, reference: Place, road_list: bool) -> Finding:
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
        f"{_subject_note(phrase)}"
    )
    outcome = "consistent" if distance_ok and direction_ok else "inconsistent"
    if outcome == "inconsistent" and direction_ok:
        note = _route_note(phrase, road_list, allowed, actual)
        if note:
            outcome, explanation = "unverifiable", explanation + note
    return _finding(phrase, outcome, expected, explanation)


def _route_note(phrase: GeoPhrase, road_list: bool, allowed: Bounds, actual: float) -> str:
    """Why a figure too long for the straight line may still be a true distance by road."""
    if phrase.by_route or road_list:
        if route_may_explain(allowed.low, allowed.high, actual):
            return ROUTE_NOTE if phrase.by_route else ROAD_LIST_NOTE
        return ""
    stated = phrase.quantity.value
    if not phrase.straight and actual < stated <= ROAD_DETOUR_USUAL * actual:
        return ROAD_NOTE
    return ""


def _distance_bounds(phrase: GeoPhrase, slack_km: float) -> Bounds:
    q = phrase.quantity
    unit = symbol(q.unit)
    stated = bounds(q.value, qualifier=q.qualifier, step=q.step, value_high=q.value_high,
                    unit=unit, wording=phrase.hedge if q.qualifier != "exact" else "")  # fmt: skip
    hedged = q.qualifier == "approximate"
    # "as the crow flies" asks to be held to the figure's own precision; a figure that may be
    # a route (no compass word, "by road") is never measured on the map, loosely or not.
    loose = not (phrase.straight or phrase.by_route)
    stated = place_distance_bounds(stated, q.value, q.value_high, unit, hedged=hedged, loose=loose)
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
    """'to the north-north-east' → 'NNE', 'southwest' → 'SW', 'west-south-west' → 'WSW';
    None if not a compass word."""
    if words.strip() in POINTS:  # already abbreviated: "NNE"
        return words.strip()
    letters = []
    lowered = words.lower()
    for i in range(len(lowered)):
        for word, letter in COMPASS_LETTERS.items():
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
    return f"'{_claim_text(phrase)}'"


def _claim_text(phrase: GeoPhrase) -> str:
    hedge = f"{phrase.hedge} " if phrase.hedge and phrase.hedge not in phrase.quantity.text else ""
    return f"{hedge}{phrase.quantity.text}"


def _subject_note(phrase: GeoPhrase) -> str:
    return f" The place measured is {phrase.place}: {phrase.how}." if phrase.how else ""


def _finding(phrase: GeoPhrase, outcome: str, expected: str, explanation: str) -> Finding:
    return Finding("geography", outcome, phrase.start, phrase.end, expected, explanation)
