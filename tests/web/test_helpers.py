"""The pure helpers behind the pages: highlighting runs and unit readings."""

from __future__ import annotations

from types import SimpleNamespace

from claims.web.highlight import segments
from claims.web.units import readings, stated


def _claim(start, end):
    return SimpleNamespace(start=start, end=end)


def test_segments_cover_the_text_once_and_skip_overlaps():
    text = "abc 30 miles and 8 km."
    a, b, overlap = _claim(4, 12), _claim(17, 21), _claim(7, 12)
    runs = segments(text, [b, overlap, a])
    assert "".join(r.text for r in runs) == text
    assert [r.claim for r in runs if r.claim] == [a, b]


def test_segments_ignore_a_span_past_the_end():
    assert [r.text for r in segments("short", [_claim(2, 50)])] == ["short"]


def test_readings_in_both_systems():
    assert [(r.system, r.text) for r in readings("length", 48280.32)] == [
        ("Metric", "48.28 km"),
        ("Imperial", "30 mi"),
    ]
    assert [r.text for r in readings("area", 8e9)] == ["8,000 km²", "3,089 sq mi"]
    assert [r.text for r in readings("duration", 432000)] == ["432,000 s", "5 days"]
    assert [r.text for r in readings("length", 1500, 2500)] == ["1.5–2.5 km", "4,921–8,202 ft"]
    assert readings("count", 3) == []


def test_stated_figures_use_short_units_and_words_for_time():
    assert stated(30, None, "mile", "length") == "30 mi"
    assert stated(8000, None, "kilometer ** 2", "area") == "8,000 km²"
    assert stated(5, None, "day", "duration") == "5 days"
    assert stated(1, None, "year", "duration") == "1 year"
    assert stated(50, None, "percent", "percentage") == "50 %"
    assert stated(12, 15, "", "count") == "12–15"
