"""Which places a claim's sentence names, read the way the geography check reads them.

No second gazetteer: a distance between two named places is read by the geography check's own
phrase reader and pair resolver (geo_phrases, places.read_pair); every other name is looked up
as the article context reads it (a country, a US state, a town of CONTEXT_MIN_POPULATION or
more that no namesake rivals: a smaller one may be an ordinary word, "Since" or "More", and is
read only where a stated distance names it).
Places are compared at the finest level both sentences name: towns, else states, else
countries ("Izium" and "Ukraine's Izium" are the same; "Izium" and "Ukraine" are compared as
countries).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claims.checks.gazetteer import Place, fold
from claims.checks.geo_context import CONTEXT_MIN_POPULATION, article_context, unrivalled_town
from claims.checks.geo_phrases import find_geo_phrases
from claims.checks.geo_regions import countries, us_states
from claims.checks.geo_words import NAME_RUN
from claims.checks.places import name_variants, read_pair
from claims.extraction.quantity import Quantity

_RUN = re.compile(NAME_RUN)


@dataclass(frozen=True, slots=True)
class Places:
    """What a sentence names, as keys that compare across spellings, with names to show."""

    towns: frozenset[int] = frozenset()  # GeoNames ids
    states: frozenset[tuple[str, str]] = frozenset()  # (country, admin1), a town's included
    countries: frozenset[str] = frozenset()  # ISO codes, a town's or state's included
    names: tuple[str, ...] = ()  # as written, in text order, for the reason

    def __bool__(self) -> bool:
        return bool(self.countries)


def places_named(sentence: str, quantities: Sequence[Quantity]) -> Places:
    """The towns, states and countries that `sentence` names (offsets of `quantities` are
    into `sentence`)."""
    found: dict[str, Place | tuple[str, str] | str] = {}
    _distance_pairs(sentence, quantities, found)
    for run in _RUN.findall(sentence):
        for name in _candidates(run):
            if name not in found:
                key = _lookup(name)
                if key is not None:
                    found[name] = key
    return _collect(found)


def compare_places(a: Places, b: Places) -> tuple[bool | None, str]:
    """Whether two sentences name the same places, at the finest level both name, and why.

    One set inside the other counts as the same: a rewording may drop a place it takes as
    read. None when either sentence names no place."""
    if not a or not b:
        return None, ""
    for level in ("towns", "states", "countries"):
        x, y = getattr(a, level), getattr(b, level)
        if x and y:
            same = x <= y or y <= x
            break
    if same:
        return True, f"same places: {', '.join(_union(a.names, b.names))}"
    return False, f"other places: {', '.join(a.names)} vs {', '.join(b.names)}"


def _distance_pairs(sentence: str, quantities: Sequence[Quantity], found: dict) -> None:
    """The two places of each stated distance, resolved as the geography check does."""
    context = article_context(sentence)
    for phrase in find_geo_phrases(sentence, quantities):
        if not phrase.place or phrase.travel_time:
            continue
        km = phrase.quantity.si_value / 1000  # lengths only: travel times were left out
        regions = (phrase.place_region, phrase.reference_region)
        reading = read_pair(phrase.place, phrase.reference, context, km, regions)
        if reading.place is not None and reading.reference is not None:
            found[phrase.place] = reading.place
            found[phrase.reference] = reading.reference


def _candidates(run: str) -> list[str]:
    # A run may be "In Kupyansk" or "Kharkiv Oblast": its variants and single words count.
    words = run.split()
    return [*name_variants(run, subject=True), *(words if len(words) > 1 else [])]


def _lookup(name: str) -> Place | tuple[str, str] | str | None:
    key = fold(name)
    if key in countries():
        return countries()[key]
    if key in us_states():
        return ("US", us_states()[key])
    top = unrivalled_town(name)
    return top if top is not None and top.population >= CONTEXT_MIN_POPULATION else None


def _collect(found: dict[str, Place | tuple[str, str] | str]) -> Places:
    towns, states, codes, names = set(), set(), set(), []
    seen: set[object] = set()
    for name, key in found.items():
        if isinstance(key, Place):
            towns.add(key.geonameid)
            states.add((key.country, key.admin1))
            codes.add(key.country)
            ident: object = key.geonameid
        elif isinstance(key, tuple):
            states.add(key)
            codes.add(key[0])
            ident = key
        else:
            codes.add(key)
            ident = key
        if ident not in seen:
            seen.add(ident)
            names.append(name.rstrip("."))  # a run may end on the sentence's full stop
    return Places(frozenset(towns), frozenset(states), frozenset(codes), tuple(names))


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys((*a, *b)))
