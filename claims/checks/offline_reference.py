"""The `reference` check against offline data: a country's area or population as a sentence
states it, held against GeoNames' country table (reference_data.py).

A false alarm costs more than a silence, so a figure is read only when the country is plainly
its subject, at the head of the sentence:

    "Portugal, a country of about 92,000 km², ..."      (apposition: area)
    "France has a population of 68 million."           (population)
    "Portugal covers 92,000 square kilometres."        (area)
    "Ireland, home to some 5 million people, ..."      (a count of people, nothing after it)

A country name that is also a large town's of the same country (Luxembourg, Singapore, Mexico
for Mexico City) and a name that is also a US state or a nation of the UK (Georgia, England) is
left alone; so are cities, states and every other place. Tolerances are tolerance.py's: the
claim's own rounding and hedge ("about" ±10 %, "more than" a floor only), then the shares that
allow for the data's year (populations) or the definition of area (total, water included).
A population stated for another year than the data's ("in 2000") is unverifiable, and one in
the past tense without a year is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claims.checks.finding import Finding
from claims.checks.gazetteer import gazetteer
from claims.checks.geo_regions import regions_named
from claims.checks.geo_words import REGION_RUN
from claims.checks.reference_data import (
    AREA_UNIT,
    POPULATION_YEAR,
    CountryFigures,
    country_figures,
    source_name,
)
from claims.checks.tolerance import (
    REFERENCE_AREA_DEFINITION_SHARE,
    REFERENCE_POPULATION_DRIFT,
    REFERENCE_POPULATION_FAR,
    bounds,
    fmt,
    reference_gap,
)
from claims.checks.units import convert, symbol
from claims.checks.wording import hedge
from claims.extraction.lexicon.numbers import SCALES, SMALL, TENS
from claims.extraction.quantity import Quantity
from claims.extraction.temporal.patterns import YEAR

# A year may open the sentence ("In 2000, France had ..."); it is read with the others below.
_NAME = rf"(?:(?:In|As\s+of|By)\s+{YEAR},?\s+)?(?P<name>(?:[Tt]he\s+)?{REGION_RUN})"
_POSS = r"(?:'s|’s)"
_NOUN = r"(?:an?\s+)?(?:[a-z-]+\s+){0,3}?(?:country|nation|kingdom|republic)"
_PAST = frozenset({"had", "was", "covered", "spanned", "measured", "stood at", "was home to"})
_AREA_WORDS = r"(?:total\s+)?(?:surface\s+)?area"
_AREA_LEADS = (
    rf"{_NAME}\s+(?P<verb>covers|covered|spans|spanned|measures|measured)",
    rf"{_NAME}\s+(?P<verb>has|had)\s+an?\s+{_AREA_WORDS}\s+of",
    rf"{_NAME}{_POSS}\s+{_AREA_WORDS}\s+(?:(?P<verb>is|was)|of)",
    rf"(?:The\s+)?{_AREA_WORDS}\s+of\s+{_NAME}\s+(?P<verb>is|was)",
    rf"{_NAME},\s+{_NOUN}\s+(?:of|covering|spanning)",
    rf"{_NAME},\s+(?:which|that)\s+(?P<verb>covers|spans|measures)",
    rf"{_NAME},\s+(?:{_NOUN}\s+)?with\s+an?\s+{_AREA_WORDS}\s+of",
)
_STANDS = r"is|was|stands\s+at|stood\s+at"
# Leads that say "population" themselves.
_POPULATION_LEADS = (
    rf"{_NAME}\s+(?P<verb>has|had)\s+a\s+population\s+of",
    rf"{_NAME}{_POSS}\s+population\s+(?:(?P<verb>{_STANDS})|of)",
    rf"(?:The\s+)?population\s+of\s+{_NAME}\s+(?P<verb>{_STANDS})",
    rf"{_NAME},\s+(?:{_NOUN}\s+)?with\s+a\s+population\s+of",
)
# Leads that need the count to be of people, and nothing after them ("20 million people living
# in poverty" is not the population).
_PEOPLE_LEADS = (
    rf"{_NAME}\s+(?P<verb>has|had|is\s+home\s+to|was\s+home\s+to)",
    rf"{_NAME},\s+(?:home\s+to|{_NOUN}\s+of)",
)
_PEOPLE = r"(?:people|inhabitants|residents)"
_PEOPLE_AT_END = re.compile(rf"\b{_PEOPLE}$")
_PEOPLE_AFTER = re.compile(rf"\s+{_PEOPLE}\b")
_NUMBER_WORD = re.compile(r"[\d.,]*\d|" + "|".join(map(re.escape, (*SCALES, *SMALL, *TENS))))
_CLAUSE_END = re.compile(rf"(?:\s+in\s+{YEAR})?\s*(?:[,.;:—–)]|\s-\s|$)")
_CLAUSE_REST = re.compile(r"[^,.;:—–()]*")
# "92,000 km² of farmland", "a country of 10,000 km² of vineyards": a part of the country.
_PART_OF = re.compile(r"\s+of\b")
# A figure more than this many times off the data's is likely about something else (a part of
# the country: "Kenya has 50,000 people." after a list of camps); it gets no alarm.
OTHER_THING_FACTOR = 3.0
_OPENING = re.compile(r"[\s\"“‘'(]*")
_YEAR_WRITTEN = re.compile(rf"(?<![\d,.])\b{YEAR}\b(?![,.]\d)")


def _compiled(leads: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"{lead}\s+") for lead in leads)


_AREA = _compiled(_AREA_LEADS)
_POPULATION = _compiled(_POPULATION_LEADS)
_PEOPLE_COUNT = _compiled(_PEOPLE_LEADS)


@dataclass(frozen=True, slots=True)
class _Reading:
    """A figure read as a country's area or population: `measure` is "area" or "population"."""

    country: CountryFigures
    measure: str
    hedge: str
    start: int  # where the claim begins, its hedge included
    past: bool


def check_offline_reference(text: str, quantities: Sequence[Quantity]) -> list[Finding]:
    """A `reference` finding for each country area or population the text states plainly."""
    findings = []
    for q in quantities:
        reading = _read(text, q)
        finding = _judge(text, q, reading) if reading is not None else None
        if finding is not None:
            findings.append(finding)
    return findings


def _read(text: str, q: Quantity) -> _Reading | None:
    if q.kind == "area":
        leads, measure = _AREA, "area"
    elif q.kind == "count" and not q.unit:
        leads, measure = _POPULATION + _PEOPLE_COUNT, "population"
    else:
        return None
    if _PART_OF.match(text, q.end):
        return None
    word, at = hedge(text, q.start, q.text)
    head = _OPENING.match(text, q.sentence[0], at)
    lead = text[head.end() if head else q.sentence[0] : at]
    for pattern in leads:
        found = pattern.fullmatch(lead)
        if found is None or (pattern in _PEOPLE_COUNT and not _counts_people(text, q)):
            continue
        country = _country(found.group("name"))
        if country is None:
            return None
        verb = " ".join((found.groupdict().get("verb") or "").split())
        return _Reading(country, measure, word, at, verb in _PAST)
    return None


def _counts_people(text: str, q: Quantity) -> bool:
    """The count names people ("68 million people") and its clause ends right there."""
    noun_at_end = _PEOPLE_AT_END.search(q.text)
    if noun_at_end:
        # The noun must follow the number itself, not "5 million unemployed people": the word
        # before it is a numeral or one of the lexicon's number words ("1.9 million").
        before = q.text[: noun_at_end.start()].split()
        if not before or not _NUMBER_WORD.fullmatch(before[-1].casefold()):
            return False
        end = q.end
    else:
        noun = _PEOPLE_AFTER.match(text, q.end)
        if noun is None:
            return False
        end = noun.end()
    return _CLAUSE_END.match(text, end) is not None


def _country(name: str) -> CountryFigures | None:
    """The country `name` plainly means, or None (not a country, or not only one)."""
    spelled = name
    found = regions_named(name)
    if not found:  # "The Netherlands" is GeoNames' own; "the United States" is not
        spelled = re.sub(r"^[Tt]he\s+", "", name)
        found = regions_named(spelled)
    codes = {r.country for r in found}
    if not found or any(r.admin1 for r in found) or len(codes) != 1:
        return None  # a city, a US state, a nation of the UK, or both a state and a country
    code = codes.pop()
    if any(m.place.country == code for m in gazetteer().large_places(spelled)):
        return None  # Luxembourg, Singapore: the city or the country?
    return country_figures(code)


def _judge(text: str, q: Quantity, reading: _Reading) -> Finding | None:
    claimed = bounds(q.value, qualifier=q.qualifier, step=q.step, value_high=q.value_high,
                     unit=symbol(q.unit), wording=reading.hedge)  # fmt: skip
    rule = f"{text[reading.start : q.end]!r}: {claimed.rule}."
    country = reading.country
    if reading.measure == "area":
        reference = convert(country.area_km2, AREA_UNIT, q.unit)
        shown = f"{fmt(reference, 7)} {symbol(q.unit)}"
        given = (
            f"{source_name()} gives the total area of {country.name}, inland water included, "
            f"as {shown} (undated)."
        )
        outcome, verdict = _area_verdict(reference_gap(claimed, reference))
        if outcome == "inconsistent" and _another_thing(q.value, reference):
            return None
        return Finding("reference", outcome, reading.start, q.end, f"{shown} (total area)",
                       f"{given} {rule} {verdict}")  # fmt: skip
    years = _stated_years(text, q)
    if reading.past and not years:
        return None  # "had 40 million people": when? Not ours to guess.
    others = [year for year in years if int(year) != POPULATION_YEAR]
    given = (
        f"{source_name()} gives the population of {country.name} as {country.population:,} "
        f"(mostly the World Bank's {POPULATION_YEAR} estimates)."
    )
    if others:
        outcome = "unverifiable"
        verdict = (
            f"The figure is stated for {', '.join(others)}, the data describes {POPULATION_YEAR}:"
            " a population of another year cannot be held against it."
        )
    else:
        outcome, verdict = _population_verdict(reference_gap(claimed, country.population))
        if outcome == "inconsistent" and _another_thing(q.value, country.population):
            return None
        verdict = f"{rule} {verdict}"
    expected = f"{country.population:,} people ({POPULATION_YEAR})"
    return Finding("reference", outcome, reading.start, q.end, expected, f"{given} {verdict}")


def _another_thing(value: float, reference: float) -> bool:
    """A wrong figure so far off (OTHER_THING_FACTOR) that it is likely about something else."""
    return not reference / OTHER_THING_FACTOR <= value <= reference * OTHER_THING_FACTOR


def _stated_years(text: str, q: Quantity) -> list[str]:
    """The years written in the figure's own clause: its lead (which the patterns above read
    whole, so a year there is the opener's) and what follows the figure up to a comma or
    full stop ("60 million people in 1990"; not "..., up from 60.9 million in 2000")."""
    rest = _CLAUSE_REST.match(text, q.end, q.sentence[1])
    end = rest.end() if rest else q.end
    found = _YEAR_WRITTEN.finditer(text, q.sentence[0], end)
    return [m.group() for m in found if not q.start <= m.start() < q.end]


def _area_verdict(gap: float) -> tuple[str, str]:
    """The outcome and its reason for an area whose reach misses the data's by `gap`."""
    if not gap:
        return "consistent", "The data's figure lies inside."
    outside = f"The data's figure lies {_pct(gap)} outside"
    if gap <= REFERENCE_AREA_DEFINITION_SHARE:
        return "unverifiable", (
            f"{outside}, within the {_pct(REFERENCE_AREA_DEFINITION_SHARE)} that another "
            "definition of area (land only, with or without overseas parts) may explain."
        )
    return "inconsistent", f"{outside}, more than any definition of area explains."


def _population_verdict(gap: float) -> tuple[str, str]:
    """The outcome and its reason for a population whose reach misses the data's by `gap`."""
    if not gap:
        return "consistent", "The data's figure lies inside."
    outside = f"The data's figure lies {_pct(gap)} outside"
    if gap <= REFERENCE_POPULATION_DRIFT:
        return "consistent", (
            f"{outside}, within the {_pct(REFERENCE_POPULATION_DRIFT)} a population moves in "
            f"the years since {POPULATION_YEAR}."
        )
    if gap <= REFERENCE_POPULATION_FAR:
        return "unverifiable", (
            f"{outside}, no more than {_pct(REFERENCE_POPULATION_FAR)}: the years since "
            f"{POPULATION_YEAR} may explain it; a current source decides."
        )
    return "inconsistent", (
        f"{outside}, more than the {_pct(REFERENCE_POPULATION_FAR)} that growth or people "
        f"moving since {POPULATION_YEAR} may explain."
    )


def _pct(share: float) -> str:
    return f"{share * 100:.1f} %".replace(".0 %", " %")
