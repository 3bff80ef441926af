"""Which place a name means: gazetteer candidates weighed by population, spelling and context.

The context is the article itself: the countries (and US states) its other place names and
country names point to. "Odessa" in an article about Kyiv is Odesa, Ukraine; next to
"Midland, Texas" it is Odessa, Texas. Two places named in one phrase are weighed together:
a pair in one country (one state) is likelier than a pair an ocean apart.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claims.checks.gazetteer import (
    Match,
    Place,
    countries,
    demonyms,
    fold,
    gazetteer,
    provinces,
    us_states,
)
from claims.checks.geo_phrases import NAME_RUN, name_variants

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
# Places that count as context: large enough that a capitalised word matching one is
# unlikely to be a surname or an ordinary word.
CONTEXT_MIN_POPULATION = 100_000
_RUN = re.compile(NAME_RUN)
PROBABLY_ANOTHER_PLACE = "probably another place of that name"


@dataclass(frozen=True, slots=True)
class Context:
    """Where an article is: what each place or country name in it points to.

    `mentions` holds one (folded name, country code, US state code or "") per mention.
    """

    mentions: tuple[tuple[str, str, str], ...] = ()

    def without(self, *names: str) -> Context:
        """The context less the mentions of `names`: a phrase's own places must not vote for
        themselves (the pair is weighed together already)."""
        keys = {fold(part) for name in names for part in (name, *name.split())}
        return Context(tuple(m for m in self.mentions if m[0] not in keys))

    def country_share(self, code: str) -> float:
        if not self.mentions:
            return 0.0
        return sum(1 for m in self.mentions if m[1] == code) / len(self.mentions)

    def state_share(self, country: str, admin1: str) -> float:
        states = [m[2] for m in self.mentions if m[2]]
        if country != "US" or not states:
            return 0.0
        return states.count(admin1) / len(states)


@dataclass(frozen=True, slots=True)
class Reading:
    """The places a pair of names is taken to mean, or why it cannot be said."""

    place: Place | None
    reference: Place | None
    problem: str = ""  # empty when both places are resolved
    # Other readings not far behind (PLAUSIBLE_MARGIN): before raising an alarm, the check
    # asks whether one of them would make the figure right.
    alternatives: tuple[tuple[Place, Place], ...] = ()


def article_context(text: str) -> Context:
    """The countries and US states that the text's place and country names point to."""
    mentions: list[tuple[str, str, str]] = []
    known_countries, known_states, adjectives = countries(), us_states(), demonyms()
    for run in _RUN.findall(text):
        for name in _context_names(run):
            key = fold(name)
            if key in known_countries:
                mentions.append((key, known_countries[key], ""))
            elif key in adjectives:
                mentions.append((key, adjectives[key], ""))
            elif key in known_states:
                mentions.append((key, "US", known_states[key]))
            else:
                country = _city_country(name)
                if country:
                    mentions.append((key, country, ""))
    return Context(tuple(mentions))


def _context_names(run: str) -> list[str]:
    # A run may be "President Zelensky" or "Kharkiv Oblast": its single words count too.
    words = run.split()
    return [run, *words] if len(words) > 1 else [run]


def _city_country(name: str) -> str:
    """The country of the large city `name` surely means, or ''. (A city says which country
    an article is about; which US state, only a state's own name says.)"""
    matches = gazetteer().large_places(name)
    if not matches:
        return ""
    ranked = sorted((m.place for m in matches), key=lambda p: -p.population)
    top = ranked[0]
    # An ambiguous name (Springfield) says nothing about where the article is.
    rivals = [p for p in ranked[1:] if 3 * p.population > top.population and _elsewhere(p, top)]
    return top.country if top.population >= CONTEXT_MIN_POPULATION and not rivals else ""


def read_pair(
    place_name: str,
    reference_name: str,
    context: Context,
    stated_km: float,
    regions: tuple[str, str] = ("", ""),
) -> Reading:
    """The most likely pair of places for the two names, or a problem to report.

    `regions` are the words after each name's comma ("Odessa, Texas"): when one is a country
    or US state, only that region's places are candidates.
    """
    reading = _read_pair(place_name, reference_name, context, stated_km, regions, False)
    if reading.problem.endswith(PROBABLY_ANOTHER_PLACE):
        # The likeliest towns are far apart: a smaller namesake may be meant (Superior,
        # Colorado, 10 miles from Boulder, rather than Superior, Wisconsin).
        return _read_pair(place_name, reference_name, context, stated_km, regions, True)
    return reading


def _read_pair(
    place_name: str,
    reference_name: str,
    context: Context,
    stated_km: float,
    regions: tuple[str, str],
    every_tier: bool,
) -> Reading:
    place_options = _candidates(place_name, from_end=True, every_tier=every_tier)
    reference_options = _candidates(reference_name, from_end=False, every_tier=every_tier)
    place_options = _in_region(place_options, regions[0])
    reference_options = _in_region(reference_options, regions[1])
    if not place_options:
        return Reading(None, None, f"{place_name!r} is not in the gazetteer")
    if not reference_options:
        return Reading(None, None, f"{reference_name!r} is not in the gazetteer")
    scored = _ranked_pairs(place_options, reference_options, context, stated_km)
    _, best_a, best_b = scored[0]
    if _far_fetched(best_a, best_b, stated_km):
        return Reading(None, None, _too_far(place_name, reference_name, best_a, best_b))
    toss_up = _toss_up(scored)
    if toss_up:
        return Reading(None, None, toss_up)
    return Reading(best_a, best_b, alternatives=_alternatives(scored, stated_km))


Scored = list[tuple[float, Place, Place]]


def _ranked_pairs(
    place_options: list[Match], reference_options: list[Match], context: Context, km: float
) -> Scored:
    pairs = [
        (_pair_score(a, b, context, km), a.place, b.place)
        for a in place_options
        for b in reference_options
    ]
    return sorted(pairs, key=lambda item: -item[0])


def _toss_up(scored: Scored) -> str:
    """Why the best reading is no better than another one elsewhere, or ''."""
    best_score, best_a, best_b = scored[0]
    for score, a, b in scored[1:]:
        if best_score - score > AMBIGUITY_MARGIN:
            break
        if _elsewhere(a, best_a):
            return _ambiguity(best_a, a)
        if _elsewhere(b, best_b):
            return _ambiguity(best_b, b)
    return ""


def _alternatives(scored: Scored, stated_km: float) -> tuple[tuple[Place, Place], ...]:
    best_score, best_a, best_b = scored[0]
    return tuple(
        (a, b)
        for score, a, b in scored[1:]
        if best_score - score <= PLAUSIBLE_MARGIN
        and (_elsewhere(a, best_a) or _elsewhere(b, best_b))
        and not _far_fetched(a, b, stated_km)
    )


def _candidates(run: str, *, from_end: bool, every_tier: bool = False) -> list[Match]:
    variants = name_variants(run, from_end=from_end)
    return gazetteer().candidates(*variants, every_tier=every_tier)


def _in_region(matches: list[Match], region: str) -> list[Match]:
    key = fold(region)
    if not key or not matches:
        return matches
    state, country = us_states().get(key), countries().get(key)
    province = provinces().get(key)
    if state:
        kept = [m for m in matches if m.place.country == "US" and m.place.admin1 == state]
    elif province:
        kept = [m for m in matches if (m.place.country, m.place.admin1) == province]
    elif country:
        kept = [m for m in matches if m.place.country == country]
    else:
        return matches  # "Kyiv, the capital": not a region
    return kept or matches


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


def _elsewhere(a: Place, b: Place) -> bool:
    # GeoNames sometimes lists one town twice (a city and its seat); a few km apart is the same.
    return a.geonameid != b.geonameid and rough_km(a, b) > 25


def _ambiguity(chosen: Place, rival: Place) -> str:
    return (
        f"{chosen.name!r} may be {describe(chosen)} or {describe(rival)}, "
        "and nothing in the text tells them apart"
    )


def describe(place: Place) -> str:
    """'Odessa (US-TX, pop. 114,428)' for an explanation."""
    region = f"{place.country}-{place.admin1}" if place.country == "US" else place.country
    return f"{place.name} ({region}, pop. {place.population:,})"


def rough_km(a: Place, b: Place) -> float:
    """Great-circle distance on a sphere: enough to tell candidates apart, not for the check."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat, dlon = lat2 - lat1, math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
