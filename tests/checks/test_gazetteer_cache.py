"""The gazetteer's disk cache: a speed-up that is never needed and never trusted blindly."""

from claims.checks import gazetteer_cache
from claims.checks.gazetteer import TIERS, _Tier


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
