"""Benchmark: the CSV export of 100,000 claims, streamed in constant memory (issue 14).

    .venv/bin/python bench/export.py [--claims 100000] [--database factcheck_bench_export]
                                     [--chunk-size 500] [--tracemalloc] [--keep] [--fresh]

Creates the PostgreSQL database `--database` on 127.0.0.1 (or reuses it, filled, when an
earlier run was told `--keep`), fills it with `--claims` claims as bench/newsroom_data.py does
(articles of 50 claims; sources and verdicts for the claims in review or published) plus a
second figure and a second finding for every claim, then downloads GET /api/v1/claims/export/
with a reviewer's token through Django's test client: the API view, the filters, the
streamed response and claims/exports.py, as a server runs them. The body is written to a
temporary file, then read back with Python's csv module. The filling and the download each
run in a process of their own (this script again, with `--fill` or `--download`), started by
a parent that never imports Django: Linux hands a parent's peak RSS on to its child, so only
that way is the download's max RSS its own.

Prints the process's peak memory (max RSS, and with `--tracemalloc` the Python heap's peak
during the download), the ratio of that peak to the 150 MB target, rows/s and the row count
read back. The database is dropped at the end unless `--keep`. The exit status is non-zero
when the peak is over the target or the rows read back are not the claims.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from newsroom_data import ensure_database, fill, make_people, setup_django  # noqa: E402

TARGET_MB = 150.0
CHUNK_SIZE = 500  # claims/exports.py's
URL = "/api/v1/claims/export/"


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def high_water_mb() -> float:
    """VmHWM: the peak RSS of this process's own memory since its exec, nothing inherited."""
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def fill_more() -> None:
    """A second figure (approximate) and a second finding for every claim: rows whose cells
    join several parts, as real ones do."""
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO claims_quantity (claim_id, start, "end", text, value, value_high, unit,
                                         kind, si_value, si_value_high, qualifier, step)
            SELECT claim_id, start, "end", text, value * 1.6, NULL, unit, kind,
                   si_value * 1.6, NULL, 'approximate', NULL
            FROM claims_quantity
            """
        )
        cursor.execute(
            """
            INSERT INTO claims_checkresult (claim_id, check_name, outcome, start, "end",
                                            expected, explanation, created_at)
            SELECT id, 'date_arithmetic', 'unverifiable', start, "end",
                   '4 days (Saturday 10 September to Wednesday 14 September)', 'bench', now()
            FROM claims_claim
            """
        )
        cursor.execute("ANALYZE")
    seconds = time.perf_counter() - started
    print(f"added a second figure and finding to every claim in {seconds:.1f} s")


def export(path: Path, chunk_size: int, traced: bool) -> tuple[int, float, int, float | None]:
    """Download the export into `path`: (bytes, seconds, queries, traced peak MB or None)."""
    from django.db import connection
    from django.test import Client

    from claims import exports, services

    exports.CHUNK_SIZE = chunk_size  # the view's default, read at each call
    _, key = services.api_token_issue(user=make_people()[0], name="bench", read_only=True)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    if traced:
        tracemalloc.start()
    size = 0
    started = time.perf_counter()
    with connection.execute_wrapper(count), path.open("wb") as out:
        response = client.get(URL, HTTP_ACCEPT="text/csv")
        assert response.status_code == 200, response.status_code
        assert response.streaming, "the export must stream"
        for chunk in response.streaming_content:
            out.write(chunk)
            size += len(chunk)
    seconds = time.perf_counter() - started
    peak = None
    if traced:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return size, seconds, queries, peak


def rows_read_back(path: Path) -> int:
    with path.open(newline="", encoding="utf-8-sig") as csv_file:
        reader = csv.reader(csv_file)
        header = next(reader)
        assert header[:2] == ["article_id", "article_title"], header
        return sum(1 for _ in reader)


def drop(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(f"dropped {name}")


def download(args: argparse.Namespace, url: str) -> int:
    """The measured part, in a fresh process: Django set up (no migrate), then the download."""
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings_test")
    import django

    django.setup()
    from claims.models import Claim

    n_claims = Claim.objects.count()
    before = max_rss_mb()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.csv"
        size, seconds, queries, traced = export(path, args.chunk_size, args.tracemalloc)
        peak, own_peak = max_rss_mb(), high_water_mb()
        rows = rows_read_back(path)
    print(f"claims in the database: {n_claims:,}; chunk size {args.chunk_size}")
    print(f"exported {size / 2**20:.1f} MB in {seconds:.1f} s: {rows / seconds:,.0f} rows/s")
    print(f"queries during the download: {queries}")
    print(f"max RSS (getrusage) before the download {before:.0f} MB, peak {peak:.0f} MB")
    print(f"peak RSS of the process's own memory (VmHWM) {own_peak:.0f} MB")
    if traced is not None:
        print(f"Python heap peak during the download (tracemalloc): {traced:.1f} MB")
    print(f"peak / target: {peak:.0f} / {TARGET_MB:.0f} MB = {peak / TARGET_MB:.2f}")
    print(f"rows read back with the csv module: {rows:,} (claims: {n_claims:,})")
    return 0 if peak < TARGET_MB and rows == n_claims else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--database", default="factcheck_bench_export")
    parser.add_argument("--chunk-size", type=int, default=CHUNK_SIZE)
    parser.add_argument("--tracemalloc", action="store_true", help="also trace the heap (slower)")
    parser.add_argument("--keep", action="store_true", help="keep the database for the next run")
    parser.add_argument("--fresh", action="store_true", help="drop the database first")
    parser.add_argument("--fill", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--download", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    url = f"postgres://postgres@127.0.0.1:5432/{args.database}"
    if args.download:
        return download(args, url)
    if args.fill:
        return fill_once(args, url)
    this = [sys.executable, __file__, *sys.argv[1:]]
    try:
        subprocess.run([*this, "--fill"], check=True)
        return subprocess.run([*this, "--download"]).returncode
    finally:
        if not args.keep:
            drop(url)


def fill_once(args: argparse.Namespace, url: str) -> int:
    ensure_database(url, args.fresh)
    setup_django(url)
    from claims.models import Claim

    if not Claim.objects.exists():
        fill(args.claims)
        fill_more()
    return 0


if __name__ == "__main__":
    sys.exit(main())
