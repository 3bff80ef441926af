"""Benchmark: the claim changelist of the admin on a big newsroom's data.

    .venv/bin/python bench/admin_changelist.py [--claims 100000] [--runs 40] [--fresh]

Uses the PostgreSQL database named by DATABASE_URL (default: factcheck_admin_bench on
127.0.0.1, created if missing; `--fresh` drops it first). Fills it once with `--claims` claims
(bulk_create: articles of 50 claims each, one quantity per claim, sources and verdicts for the
claims in review or published, a finding mix), then requests the claim changelist as a
signed-in reviewer through Django's test client, with a filter and a search, many times.
Prints per scenario the number of queries (which must not vary from run to run) and the median
and p95 server time (middleware, view and template, as the client sees it in-process).
Targets (issue 7): at most 10 queries and a median under 300 ms for the filter-and-search page.
The exit status is non-zero when a target is missed.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from newsroom_data import make_people, prepare  # noqa: E402

MAX_QUERIES = 10
MAX_MEDIAN_MS = 300.0


PAGINATOR = re.compile(r'<p class="paginator">.*?((?:more than )?\d+)\s', re.S)
SCENARIOS = {
    "filter + search (the target)": "?state__exact=in_review&q=Kupyansk",
    "queue: to review": "?queue=to_review",
    "queue: machine-inconsistent + kind": "?queue=inconsistent&kind__exact=area",
    "rating filter + search": "?rating=Half+true&q=Lyman",
    "search in the claim's words": "?q=square+miles",
    "unassigned, new": "?assignee=none&state__exact=new",
    "no filter, page 50": "?p=50",
}


def measure(runs: int) -> bool:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from claims.models import Claim

    print(f"claims in the database: {Claim.objects.count():,}")
    reviewer = make_people()[0]
    client = Client()
    client.force_login(reviewer)
    ok = True
    for label, query in SCENARIOS.items():
        url = "/admin/claims/claim/" + query
        timings, counts = [], set()
        for run in range(runs + 3):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, (url, response.status_code)
            if run >= 3:  # the first runs warm the caches and the connection
                timings.append(elapsed)
                counts.add(len(queries))
        median = statistics.median(timings)
        p95 = statistics.quantiles(timings, n=20)[-1]
        found = PAGINATOR.search(response.content.decode())
        shown = found.group(1) if found else "?"
        print(
            f"{label:<36} queries {sorted(counts)}  median {median:6.1f} ms  "
            f"p95 {p95:6.1f} ms  rows {shown}  ({url})"
        )
        if len(counts) != 1 or max(counts) > MAX_QUERIES:
            ok = False
        if label.endswith("(the target)") and median >= MAX_MEDIAN_MS:
            ok = False
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--fresh", action="store_true", help="drop and refill the database")
    args = parser.parse_args()
    prepare(args.claims, fresh=args.fresh)
    ok = measure(args.runs)
    print(
        f"targets: at most {MAX_QUERIES} queries, constant; median under {MAX_MEDIAN_MS:.0f} ms:"
        f" {'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
