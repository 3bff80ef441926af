"""Which place a name means: gazetteer candidates weighed by population, spelling and context.

The context is the article itself: its dateline, and the countries and states its other place
names and country names point to. "Odessa" in an article about Kyiv is Odesa, Ukraine; next to
"Midland, Texas" it is Odessa, Texas. Two places named in one phrase are weighed together:
a pair in one country (one state) is likelier than a pair an ocean apart. A name keeps the
reading it got first for the rest of the article (`Readings`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from claims.checks.gazetteer import LARGE_TOWN, Match, Place, elsewhere, fold, gazetteer, rough_km
from claims.checks.geo_context import Context
from claims.checks.geo_regions import demonyms, is_area, regions_named
from claims.checks.geo_words import HELD, NAME_OPENERS, feature_of
from claims.checks.tolerance import city_reach_km

# Scores are in powers of ten of population: a point is a tenfold larger town.
PRIMARY_NAME_BONUS = 0.5  # "Odessa" is Odessa, Texas's own name but only an alias of Odesa
CONTEXT_WEIGHT = 2.0  # times the share of the article's place mentions in that country
SAME_COUNTRY_BONUS = 1.0
SAME_STATE_BONUS = 0.5
FAR_FETCHED_PENALTY = 2.0  # a pair ten times farther apart than stated (plus 500 km)
# Within this margin (a factor of three in population, all else equal) two readings are a
# toss-up, and the check says so rather than picking one.
AMBIGUITY_MARGIN = 0.48
# Readings within this margin (thirty times smaller, all else equal) are still plausible enough
# that an alarm is not raised if one of them makes the figure right: Vancouver, Washington is
# Seattle's neighbour, but "Vancouver, 200 km north of Seattle" means Vancouver, Canada.
PLAUSIBLE_MARGIN = 1.5
PROBABLY_ANOTHER_PLACE = "probably another place of that name"


@dataclass(frozen=True, slots=True)
class Reading:
    """The places a pair of names is taken to mean, or why it cannot be said."""

    place: Place | None
    reference: Place | None
    problem: str = ""  # empty when both places are resolved
    # Other readings not far behind (PLAUSIBLE_MARGIN): before raising an alarm, the check
    # asks whether one of them would make the figure right.
    alternatives: tuple[tuple[Place, Place], ...] = ()
    # Why an alarm must not rest on this reading, though it stands: a small town whose name
    # the gazetteer also gives to other places (the one meant may be too small to be listed).
    doubt: str = ""
    unsure: str = ""  # the name that `problem` says has two readings of similar weight


@dataclass(slots=True)
class Readings:
    """One article's readings so far: a name, once read, keeps its place (folded name →
    place), and another spelling of a place already read means that place. A name the
    article left open once (two readings of similar weight) raises no alarm later."""

    chosen: dict[str, Place] = field(default_factory=dict)
    unsure: dict[str, str] = field(default_factory=dict)  # folded name → why

    def keep(self, name: str, place: Place) -> None:
        self.chosen.setdefault(fold(name), place)

    def doubt(self, *names: str) -> str:
        for name in names:
            if fold(name) in self.unsure:
                return f"earlier in the article {self.unsure[fold(name)]}"
        return ""

    def narrow(self, name: str, options: list[Match]) -> list[Match]:
        held = self.chosen.get(fold(name))
        if held is not None:
            return [Match(held, True)]
        ids = {p.geonameid for p in self.chosen.values()}
        known = [m for m in options if m.place.geonameid in ids]
        return known or options


def read_pair(
    place_name: str,
    reference_name: str,
    context: Context,
    stated_km: float,
    regions: tuple[str, str] = ("", ""),
    readings: Readings | None = None,
) -> Reading:
    """The most likely pair of places for the two names, or a problem to report.

    `regions` are the words after each name's comma ("Odessa, Texas"): when they name a
    country, state or province, only that region's places are candidates.
    """
    readings = readings if readings is not None else Readings()
    reading = _read_pair(place_name, reference_name, context, stated_km, regions, readings)
    if reading.problem.endswith(PROBABLY_ANOTHER_PLACE) or reading.problem.endswith(_INSIDE):
        # The likeliest towns do not fit together: a smaller namesake may be meant (Superior,
        # Colorado, 10 miles from Boulder, rather than Superior, Wisconsin).
        again = _read_pair(place_name, reference_name, context, stated_km, regions, readings, True)
        reading = again if again.place is not None else reading
    if reading.unsure:
        readings.unsure.setdefault(fold(reading.unsure), reading.problem)
    if reading.place is not None and reading.reference is not None:
        readings.keep(place_name, reading.place)
        readings.keep(reference_name, reading.reference)
        earlier = readings.doubt(place_name, reference_name)
        if earlier and not reading.doubt:
            reading = replace(reading, doubt=earlier)
    return reading


def _read_pair(
    place_name: str,
    reference_name: str,
    context: Context,
    stated_km: float,
    regions: tuple[str, str],
    readings: Readings,
    every_tier: bool = False,
) -> Reading:
    place_options = _options(place_name, regions[0], readings, every_tier, subject=True)
    reference_options = _options(reference_name, regions[1], readings, every_tier)
    for name, options, region in (
        (place_name, place_options, regions[0]),
        (reference_name, reference_options, regions[1]),
    ):
        if not options:
            return Reading(None, None, _missing(name, region))
    scored = _ranked_pairs(place_options, reference_options, context, stated_km)
    if not scored:
        a, b = place_options[0].place, reference_options[0].place
        return Reading(None, None, _inside(place_name, reference_name, a, b))
    _, best_a, best_b = scored[0]
    if _far_fetched(best_a, best_b, stated_km):
        return Reading(None, None, _too_far(place_name, reference_name, best_a, best_b))
    toss_up, side = _toss_up(scored)
    if toss_up:
        return Reading(None, None, toss_up, unsure=(place_name, reference_name)[side])
    doubt = _namesakes(place_name, best_a, place_options) or _namesakes(
        reference_name, best_b, reference_options
    )
    return Reading(best_a, best_b, alternatives=_alternatives(scored, stated_km), doubt=doubt)


def _options(
    name: str, region: str, readings: Readings, every_tier: bool, *, subject: bool = False
) -> list[Match]:
    if is_area(name):
        return []  # "40 miles north of Texas": a state is not a point
    variants = name_variants(name, subject=subject)
    found = gazetteer().candidates(*variants, every_tier=every_tier)
    if found and feature_of(name) and all(m.small for m in found):
        return []  # "the James River": a small town of that name is not the river
    return readings.narrow(name, _in_region(found, region))


def name_variants(run: str, *, subject: bool = False) -> list[str]:
    """The spellings worth looking up, the name as written first. A subject's run may open
    with words that are not part of the name ("In Kupyansk", "Russian-held Melitopol"); no
    other word is ever dropped: "Żelazowa Wola" is not "Wola", "Disneyland Paris" not "Paris"."""
    words = run.split()
    variants = [run]
    possessive = re.sub(r"['’]s$", "", run)
    if possessive != run:  # "Kyiv's": the name, unless the 's is its own (St. John's)
        variants.append(possessive)
        words = possessive.split()
    if subject:
        while len(words) > 1 and _opener(words[0]):
            words = words[1:]
            variants.append(" ".join(words))
    return variants


def _opener(word: str) -> bool:
    key = fold(HELD.sub("", word))
    return key in NAME_OPENERS or key in demonyms()


def _missing(name: str, region: str) -> str:
    if is_area(name):
        return f"{name!r} is a region, not a town: the gazetteer has no point for it"
    what = feature_of(name)
    if what:
        return f"{name!r} is {what}, not a town: the gazetteer has no point for it"
    where = f" in {region}" if region and regions_named(region) else ""
    return f"{name!r} is not in the gazetteer{where}"


Scored = list[tuple[float, Place, Place]]


def _ranked_pairs(
    place_options: list[Match], reference_options: list[Match], context: Context, km: float
) -> Scored:
    pairs = [
        (_pair_score(a, b, context, km), a.place, b.place)
        for a in place_options
        for b in reference_options
        if not _one_inside_the_other(a.place, b.place, km)
    ]
    return sorted(pairs, key=lambda item: -item[0])


def _one_inside_the_other(a: Place, b: Place, stated_km: float) -> bool:
    """True when one place lies within the other's built-up reach (a district of a city, or
    the city itself), while the text puts them farther apart than that reach allows: the
    gazetteer's Wola is a district of Warsaw, so "Żelazowa Wola, 46 km west of Warsaw" is
    another Wola."""
    reach = max(city_reach_km(a.population), city_reach_km(b.population))
    return rough_km(a, b) <= reach and stated_km > 2 * reach


def _toss_up(scored: Scored) -> tuple[str, int]:
    """Why the best reading is no better than another one elsewhere, or '', and which name
    (0: the place, 1: the reference) has the two readings."""
    best_score, best_a, best_b = scored[0]
    for score, a, b in scored[1:]:
        if best_score - score > AMBIGUITY_MARGIN:
            break
        if elsewhere(a, best_a):
            return _ambiguity(best_a, a), 0
        if elsewhere(b, best_b):
            return _ambiguity(best_b, b), 1
    return "", 0


def _alternatives(scored: Scored, stated_km: float) -> tuple[tuple[Place, Place], ...]:
    best_score, best_a, best_b = scored[0]
    return tuple(
        (a, b)
        for score, a, b in scored[1:]
        if best_score - score <= PLAUSIBLE_MARGIN
        and (elsewhere(a, best_a) or elsewhere(b, best_b))
        and not _far_fetched(a, b, stated_km)
    )


def _namesakes(name: str, chosen: Place, options: list[Match]) -> str:
    """A doubt when `chosen` is a small town and the gazetteer has other places of its name."""
    if chosen.population >= LARGE_TOWN:
        return ""
    found = [*options, *gazetteer().candidates(name, every_tier=True)]
    apart = {m.place.geonameid: m.place for m in found if elsewhere(m.place, chosen)}
    others = list(apart.values())
    if not others:
        return ""
    listed = ", ".join(describe(p) for p in others[:3])
    return (
        f"{name!r} is read as {describe(chosen)}, a small town; the gazetteer also has {listed},"
        " and small places share names, so the place meant may be one too small to be listed"
    )


def _in_region(matches: list[Match], region: str) -> list[Match]:
    named = regions_named(region) if region else ()
    if not named or not matches:
        return matches
    for where in named:  # "Georgia": the state first, then the country
        kept = [m for m in matches if where.holds(m.place.country, m.place.admin1)]
        if kept:
            return kept
    return []


def _pair_score(a: Match, b: Match, context: Context, stated_km: float) -> float:
    score = _place_score(a, context) + _place_score(b, context)
    if a.place.country == b.place.country:
        score += SAME_COUNTRY_BONUS
        if a.place.admin1 == b.place.admin1:
            score += SAME_STATE_BONUS
    if _far_fetched(a.place, b.place, stated_km):
        score -= FAR_FETCHED_PENALTY
    return score


def _place_score(match: Match, context: Context) -> float:
    place = match.place
    score = math.log10(place.population + 10)
    score += PRIMARY_NAME_BONUS if match.primary else 0.0
    score += CONTEXT_WEIGHT * context.country_share(place.country)
    score += CONTEXT_WEIGHT * context.state_share(place.country, place.admin1)
    return score


def _far_fetched(a: Place, b: Place, stated_km: float) -> bool:
    # Ten times the stated distance and 500 km more: not a wrong figure but a wrong place,
    # most likely one too small for the gazetteer that shares a name with a larger one.
    return rough_km(a, b) > 10 * stated_km + 500


def _too_far(place_name: str, reference_name: str, a: Place, b: Place) -> str:
    return (
        f"the likeliest places the gazetteer has for {place_name!r} and {reference_name!r}, "
        f"{describe(a)} and {describe(b)}, are {rough_km(a, b):,.0f} km apart: "
        f"{PROBABLY_ANOTHER_PLACE}"
    )


_INSIDE = "one of the names must mean another place"


def _inside(place_name: str, reference_name: str, a: Place, b: Place) -> str:
    return (
        f"the gazetteer's {describe(a)} for {place_name!r} lies within {describe(b)} for "
        f"{reference_name!r} ({rough_km(a, b):,.0f} km apart), not at the stated distance: "
        f"{_INSIDE}"
    )


def _ambiguity(chosen: Place, rival: Place) -> str:
    return (
        f"{chosen.name!r} may be {describe(chosen)} or {describe(rival)}, "
        "and nothing in the text tells them apart"
    )


def describe(place: Place) -> str:
    """'Odessa (US-TX, pop. 114,428)' for an explanation."""
    region = f"{place.country}-{place.admin1}" if place.country == "US" else place.country
    return f"{place.name} ({region}, pop. {place.population:,})"
