"""The gazetteer's disk cache: a speed-up that is never needed and never trusted blindly."""

import json

import pytest

from claims.checks import gazetteer, gazetteer_cache
from claims.checks.gazetteer import TIERS, Gazetteer, _Tier


def test_a_saved_state_loads_back(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    source = tmp_path / "cities.json"
    source.write_text("{}")
    gazetteer_cache.save(
        source, "skip0", ([("Izyum", 49.2, 37.3, "UA", "07", 46000, 1)], ["izyum"], {"izyum": 0})
    )
    assert gazetteer_cache.load(source, "skip0")[1] == ["izyum"]
    assert gazetteer_cache.load(source, "skip1") is None  # another tag, another entry


def test_a_corrupt_entry_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    built = _Tier.load(TIERS[0])  # builds and saves
    for entry in (tmp_path / "gazetteer").iterdir():
        entry.write_bytes(b"not marshal data")
    again = _Tier.load(TIERS[0])
    assert len(again.places) == len(built.places) > 30_000
    assert again.find("izium")


def test_an_unwritable_cache_is_ignored(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker))  # a file, not a directory
    source = tmp_path / "cities.json"
    source.write_text("{}")
    gazetteer_cache.save(source, "skip0", ([], [], {}))
    assert gazetteer_cache.load(source, "skip0") is None


def _city(geonameid, name, population, alternates=()):
    return {"geonameid": geonameid, "name": name, "latitude": 47.5, "longitude": 13.6,
            "countrycode": "AT", "admin1code": "04", "population": population,
            "alternatenames": list(alternates)}  # fmt: skip


@pytest.fixture
def tiny_data(tmp_path, monkeypatch):
    """A gazetteer over two small data files (a city and two towns), cached in tmp_path."""
    data = tmp_path / "data"
    data.mkdir()
    large = {"1": _city(1, "Salzburg", 155_000, ["Salzbourg"])}
    towns = {**large, "2": _city(2, "Hallstatt", 780), "3": _city(3, "Gosau", 1_900)}
    (data / "cities15000.json").write_text(json.dumps(large))
    (data / "cities500.json").write_text(json.dumps(towns))
    monkeypatch.setattr(gazetteer, "DATA_DIR", data)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "gazetteer"


def _names(matches):
    return [m.place.name for m in matches]


def test_the_small_town_tier_is_written_once_and_then_queried(tiny_data):
    found = Gazetteer().candidates("Hallstatt")
    assert _names(found) == ["Hallstatt"] and found[0].small
    (built,) = tiny_data.glob("cities500-*.sqlite3")
    written = built.stat().st_mtime_ns
    assert _names(Gazetteer().candidates("Gosau")) == ["Gosau"]  # a new process's view
    assert built.stat().st_mtime_ns == written
    assert _names(Gazetteer().candidates("Salzbourg")) == ["Salzburg"]  # the large tier's


def test_a_corrupt_town_file_is_rebuilt(tiny_data):
    Gazetteer().candidates("Hallstatt")
    for entry in tiny_data.glob("*.sqlite3"):
        entry.write_bytes(b"not a database")
    assert _names(Gazetteer().candidates("Hallstatt")) == ["Hallstatt"]


def test_an_unwritable_cache_keeps_the_small_towns_in_memory(tiny_data, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker))  # a file, not a directory
    found = Gazetteer().candidates("Hallstatt")
    assert _names(found) == ["Hallstatt"] and found[0].small
