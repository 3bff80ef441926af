"""Benchmark: the filtered claims list of the REST API under load, on 100,000 claims.

    .venv/bin/python bench/api_load.py [--claims 100000] [--users 16] [--seconds 30]

Fills (once) the PostgreSQL database of bench/admin_changelist.py, serves the app with
gunicorn (2 workers) on 127.0.0.1:8765 with DEBUG off, and drives it from a separate locust
process on loopback with a read-only token, rotating five filter combinations. Prints requests
per second, p50 and p99 latency, failures, and the queries each filter runs (counted in-process
for page sizes 1 and 50: constant).
"""

from __future__ import annotations

import argparse
import csv
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from newsroom_data import make_people, prepare  # noqa: E402

PORT = 8765
LOCUSTFILE = ROOT / "bench" / "locustfile.py"


def serve(url: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECRET_KEY": "bench-only-" + "k" * 50,
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_MANIFEST": "false",
        "LOG_LEVEL": "WARNING",
        "API_THROTTLE_RATE": "1000000/s",
        "DJANGO_SETTINGS_MODULE": "factcheck.settings",
        "EMBEDDED": "true",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "factcheck.wsgi",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/api/v1/schema/", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def count_queries(token: str) -> dict[str, set[int]]:
    """Queries per request as locust's requests run them: token look-up and roles included."""
    from api_filters import FILTERS
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    client.get("/api/v1/claims/")  # the token's first use records last_used_at
    counts: dict[str, set[int]] = {}
    for query in FILTERS:
        for size in (1, 50):
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(f"/api/v1/claims/?{query}&page_size={size}")
            assert response.status_code == 200, response.content[:200]
            counts.setdefault(query, set()).add(len(ctx.captured_queries))
    return counts


def load(token: str, users: int, seconds: int) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as folder:
        prefix = Path(folder) / "run"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(LOCUSTFILE),
                "--headless",
                "-u",
                str(users),
                "-r",
                str(users),
                "-t",
                f"{seconds}s",
                "--host",
                f"http://127.0.0.1:{PORT}",
                "--csv",
                str(prefix),
                "--only-summary",
            ],
            env={**os.environ, "BENCH_API_TOKEN": token},
            check=True,
            capture_output=True,
        )
        with open(f"{prefix}_stats.csv", newline="") as handle:
            return next(row for row in csv.DictReader(handle) if row["Name"] == "Aggregated")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=30)
    args = parser.parse_args()
    url = prepare(args.claims)
    from claims import services
    from claims.models import Claim

    total = Claim.objects.count()
    _, token = services.api_token_issue(user=make_people()[0], name="bench", read_only=True)
    counts = count_queries(token)
    server = serve(url)
    try:
        stats = load(token, args.users, args.seconds)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    print(f"claims in the database   {total:,}")
    print(
        f"load                     {args.users} locust users for {args.seconds} s, loopback, "
        "gunicorn 2 workers"
    )
    print(f"requests per second      {float(stats['Requests/s']):.1f}")
    print(f"latency                  p50 {stats['50%']} ms, p99 {stats['99%']} ms")
    print(f"requests, failures       {stats['Request Count']}, {stats['Failure Count']}")
    for query, seen in counts.items():
        print(f"queries per request      {sorted(seen)}  ?{query} (page sizes 1 and 50)")


if __name__ == "__main__":
    main()
