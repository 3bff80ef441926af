"""Benchmark: articles through two Celery worker processes on PostgreSQL and Redis.

    .venv/bin/python bench/pipeline.py [--articles 1000] [--workers 2]

Creates (and afterwards drops) the database `factcheck_bench`, uses Redis database 14, starts
the workers, submits every article as fast as the ingest service takes them, and waits until
each is `done`. Prints articles per second (first submit to last done), p50/p95 of the time
from submit to done (queueing included: all articles are submitted at once), and each
worker's peak resident memory (parent and pool child, VmHWM from /proc).
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DB_NAME = "factcheck_bench"
PG = "postgres://postgres@127.0.0.1:5432"
BROKER = "redis://127.0.0.1:6379/14"

os.environ.update(
    DJANGO_SETTINGS_MODULE="factcheck.settings",
    DEBUG="true",
    DATABASE_URL=f"{PG}/{DB_NAME}",
    CELERY_BROKER_URL=BROKER,
    LOG_LEVEL="WARNING",
    CONN_MAX_AGE="60",
)
sys.path.insert(0, str(REPO))


def make_texts(count: int) -> list[str]:
    """Distinct news-like articles, 2–5 KB each, from the demo articles and the seed."""
    sources = sorted((REPO / "claims" / "demo").glob("*.txt"))
    seed = REPO.parent / "shared" / "seeds" / "izium-2022-09-14.txt"
    if seed.exists():
        sources.append(seed)
    bodies = [p.read_text(encoding="utf-8").split("\n", 1)[1].strip() for p in sources]
    texts = []
    for i in range(count):
        body = bodies[i % len(bodies)]
        extra = bodies[(i + 1) % len(bodies)] if i % 3 == 0 else ""
        texts.append(
            f"Bulletin {i}: officials counted {i + 3} crews and {i * 7 + 11} trucks.\n\n"
            f"{body}\n\n{extra}".strip()
        )
    return texts


def reset_database() -> None:
    subprocess.run(
        ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DB_NAME], check=True
    )
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DB_NAME], check=True)


def start_worker(name: str) -> subprocess.Popen:
    from factcheck.celery import single_worker_command

    return subprocess.Popen(
        single_worker_command(name, loglevel="WARNING"),
        cwd=REPO,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def process_tree(pid: int) -> list[int]:
    pids, i = [pid], 0
    while i < len(pids):
        for task in Path(f"/proc/{pids[i]}/task").glob("*/children"):
            pids.extend(int(c) for c in task.read_text().split())
        i += 1
    return pids


def peak_rss_mb(pid: int) -> float:
    """The largest VmHWM in the worker's process tree (its pool child does the work)."""
    peaks = []
    for p in process_tree(pid):
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except FileNotFoundError:
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
    return max(peaks, default=0.0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    reset_database()
    import django

    django.setup()
    import redis
    from django.core.management import call_command

    from claims import services
    from claims.models import Article

    call_command("migrate", verbosity=0)
    redis.Redis.from_url(BROKER).flushdb()
    texts = make_texts(args.articles)
    workers = [start_worker(f"bench{i}") for i in range(args.workers)]
    time.sleep(3)
    try:
        started = time.monotonic()
        for text in texts:
            services.article_ingest_text(text=text)
        submitted = time.monotonic() - started
        while Article.objects.exclude(extraction_state__in=["done", "failed"]).exists():
            if time.monotonic() - started > 1800:
                raise SystemExit("gave up after 30 minutes")
            time.sleep(0.5)
        peaks = [peak_rss_mb(w.pid) for w in workers]
        rows = list(
            Article.objects.values_list("created_at", "extraction_finished_at", "extraction_state")
        )
    finally:
        for w in workers:
            os.killpg(w.pid, signal.SIGTERM)
            w.wait(timeout=30)
    report(rows, submitted, peaks, args)
    from django.db import connections

    connections.close_all()
    reset_database()


def report(rows, submitted: float, peaks: list[float], args) -> None:
    latencies = sorted((done - created).total_seconds() for created, done, _ in rows)
    first = min(created for created, _, _ in rows)
    last = max(done for _, done, _ in rows)
    wall = (last - first).total_seconds()
    failed = sum(1 for *_, state in rows if state == "failed")
    q = statistics.quantiles(latencies, n=100)
    print(f"articles            {len(rows)} ({failed} failed), {args.workers} workers × 1 process")
    print(f"submit time         {submitted:.1f} s")
    rate = len(rows) / wall
    print(f"throughput          {rate:.1f} articles/s ({wall:.1f} s first submit → last done)")
    print(f"submit → done       p50 {q[49]:.2f} s, p95 {q[94]:.2f} s (all submitted at once)")
    for i, peak in enumerate(peaks):
        print(f"worker {i} peak RSS   {peak:.0f} MB")


if __name__ == "__main__":
    main()
