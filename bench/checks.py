"""Benchmark the machine checks: the gazetteer's cold start and check_text on the seed article.

    .venv/bin/python bench/checks.py [--runs 50]

The gazetteer is measured in fresh processes (a cold start is what a new worker pays): the time
of the first lookup and the resident memory it adds, with the gazetteer's cache directory as it
is (built on an earlier run) and, with --empty-cache, once more with an empty one (the one-off
cost of building the cache: the cities' index and the small towns' SQLite file). Targets
(issue 4): first lookup under 1 s, under 300 MB added; check_text on the seed article under
10 ms once warm (issue 12).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "izium-2022-09-14.txt"

# Run in a fresh interpreter: imports, then RSS, then the first lookup, then RSS again.
COLD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20
from claims.checks.gazetteer import gazetteer
before = rss_mb()
t0 = time.perf_counter()
found = gazetteer().candidates({name!r})
seconds = time.perf_counter() - t0
after = rss_mb()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "added_mb": after - before, "peak_mb": peak,
                  "before_mb": before, "found": [m.place.name for m in found]}}))
"""


def cold_lookup(name: str, cache_dir: str | None = None) -> dict:
    """First lookup of `name` in a fresh process (with `cache_dir` as the gazetteer's cache)."""
    code = COLD.format(root=str(ROOT), name=name)
    env = dict(os.environ, FACTCHECK_CACHE_DIR=cache_dir) if cache_dir else None
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return json.loads(out.stdout)


def warm_check_text(runs: int) -> tuple[float, int]:
    """Median milliseconds of check_text on the seed article, after one warm-up call."""
    sys.path.insert(0, str(ROOT))
    from claims.checks import check_text

    text = SEED.read_text(encoding="utf-8")
    dateline = dt.date(2022, 9, 14)
    findings = check_text(text, reference_date=dateline)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        check_text(text, reference_date=dateline)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), len(findings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--empty-cache", action="store_true", help="also time building the cache")
    args = parser.parse_args()
    lookups = (("Izium", "a city (large-places tier)"),
               ("Hallstatt", "a town (opens the small-towns tier too)"))  # fmt: skip
    for name, what in lookups:
        _report(f"gazetteer first lookup, {what}", cold_lookup(name))
    if args.empty_cache:
        for name, what in lookups:
            with tempfile.TemporaryDirectory() as empty:
                _report(f"  ... with an empty cache, {what}", cold_lookup(name, empty))
    median_ms, count = warm_check_text(args.runs)
    print(
        f"check_text on the seed article, warm: median {median_ms:.1f} ms over {args.runs} "
        f"runs ({count} findings)"
    )


def _report(what: str, r: dict) -> None:
    print(
        f"{what}: {r['seconds'] * 1000:.0f} ms, "
        f"+{r['added_mb']:.0f} MB RSS (process {r['before_mb']:.0f} → "
        f"{r['before_mb'] + r['added_mb']:.0f} MB, peak {r['peak_mb']:.0f} MB), "
        f"found {r['found']}"
    )


if __name__ == "__main__":
    main()
