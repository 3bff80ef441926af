"""Where an article is: the countries and states its dateline, place names and country names
point to, for telling namesakes apart (places.py).

"BOISE, Idaho (AP) —" puts the article in Idaho; "Ukrainian forces entered Kharkiv" in
Ukraine; "Eugene, Ore." and "Richmond, Virginia" in those states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.checks.gazetteer import Place, elsewhere, fold, gazetteer
from claims.checks.geo_regions import Region, countries, dateline, demonyms, region, us_states
from claims.checks.geo_words import NAME_RUN

# Places that count as context: large enough that a capitalised word matching one is
# unlikely to be a surname or an ordinary word.
CONTEXT_MIN_POPULATION = 100_000
# A dateline says where the article is more surely than any one mention: it counts as this many.
DATELINE_WEIGHT = 3
_RUN = re.compile(NAME_RUN)
# "Eugene, Ore.", "Washington, D.C.", "Richmond, Va.": a state written the AP way after a town.
_ABBREVIATED_STATE = re.compile(r",\s*([A-Z](?:[a-z]{1,4}\.|\.(?:\s?[A-Z]\.)+))")

Mention = tuple[str, str, str]  # folded name, country code, admin1 code or ""


@dataclass(frozen=True, slots=True)
class Context:
    """Where an article is: what each place or country name in it points to.

    `mentions` holds one (folded name, country code, admin1 code or "") per mention.
    """

    mentions: tuple[Mention, ...] = ()

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
        """The share of the mentions of states (provinces, nations) in `country` that name
        `admin1`."""
        states = [m[2] for m in self.mentions if m[2] and m[1] == country]
        if not states:
            return 0.0
        return states.count(admin1) / len(states)


def article_context(text: str) -> Context:
    """The countries and states that the text's dateline, place and country names point to."""
    mentions: list[Mention] = _dateline_mentions(text)
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
    for abbreviation in _ABBREVIATED_STATE.findall(text):
        found = region(abbreviation)
        if found is not None:
            mentions.append((fold(abbreviation), found.country, found.admin1))
    return Context(tuple(mentions))


def _dateline_mentions(text: str) -> list[Mention]:
    line = dateline(text)
    if line is None:
        return []
    where = line.region or _town_region(line.town)
    if where is None:
        return []
    # Keyed by no name: a phrase naming the dateline's town must not remove this vote.
    return [("", where.country, where.admin1)] * DATELINE_WEIGHT


def unrivalled_town(name: str) -> Place | None:
    """The largest town of that name, if no namesake elsewhere comes within a third of its
    population (Springfield has rivals; Kharkiv has none): the one place the name surely
    means."""
    ranked = sorted((m.place for m in gazetteer().large_places(name)), key=lambda p: -p.population)
    if not ranked:
        return None
    top = ranked[0]
    if any(3 * p.population > top.population and elsewhere(p, top) for p in ranked[1:]):
        return None
    return top


def _town_region(town: str) -> Region | None:
    """The country and state of the one large town of that name, if there is one."""
    top = unrivalled_town(town)
    return None if top is None else Region(top.country, top.admin1)


def _context_names(run: str) -> list[str]:
    # A run may be "President Zelensky" or "Kharkiv Oblast": its single words count too.
    words = run.split()
    return [run, *words] if len(words) > 1 else [run]


def _city_country(name: str) -> str:
    """The country of the large city `name` surely means, or ''. (A city says which country
    an article is about; which US state, only a state's own name says.)"""
    # An ambiguous name (Springfield) says nothing about where the article is.
    top = unrivalled_town(name)
    return top.country if top is not None and top.population >= CONTEXT_MIN_POPULATION else ""
