"""Benchmark: articles through two Celery worker processes on PostgreSQL and Redis.

    .venv/bin/python bench/pipeline.py [--articles 1000] [--workers 2]
        [--database factcheck_bench] [--redis-db 14] [--large-mb 0] [--write-cost]
        [--write-sample 0] [--matching on|off] [--unique-sentences] [--timeline]

Creates (and afterwards drops) the database `--database`, uses Redis database `--redis-db`,
starts the workers, submits every article as fast as the ingest service takes them, and waits
until each is `done`. Prints articles per second (first submit to last done), p50/p95 of the
time from submit to done (queueing included: all articles are submitted at once), and each
worker's peak resident memory (parent and pool child, VmHWM from /proc) and its resident
memory once all is done (VmRSS: what it keeps), and the CPU time the whole machine spent
meanwhile (every process, the database's included).

`--large-mb 5` puts one long article (the same news text, repeated to 5 MB, under
INGEST_MAX_BYTES) first among the articles, and reports how its extraction went.
`--write-cost` then stores, in this process and after the workers have stopped, the drafts of
a 50 KB article and of a `--large-mb` one (5 MB if not given), and prints the time of the
write alone (the transaction that stores claims, quantities and findings) per stored row:
with a write cost independent of the article's length the two figures are alike.
`--write-sample N` stores only each article's first N claims (to measure a slow write).

`--matching on` (the default, as in production) waits for each article to be matched too
("Seen before", the task after extraction) and counts it done then; `--matching off` turns
MATCH_ENABLED off: run both for the time matching adds. The articles are built from a few
demo bulletins, so most of their sentences recur word for word, as wire copy does, and the
transformer's cache of recent sentences spares most of its work, and sentences that differ
only in their figures (each article's numbered first line) need no transformer at all;
`--unique-sentences` changes every figure of every article and ends each sentence with a
made-up word of its own, so that every sentence is new in its words and every claim has
near-identical earlier candidates: the worst case for matching's cost. `--timeline` prints,
every 5 s, how many articles had been submitted, extracted and matched.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PG = "postgres://postgres@127.0.0.1:5432"
SMALL_BYTES = 50_000  # the short article of --write-cost
sys.path.insert(0, str(REPO))


def configure(database: str, redis_db: int) -> str:
    """Point this process (and the workers it starts) at the bench's database and Redis."""
    broker = f"redis://127.0.0.1:6379/{redis_db}"
    os.environ.update(
        DJANGO_SETTINGS_MODULE="factcheck.settings",
        DEBUG="true",
        DATABASE_URL=f"{PG}/{database}",
        CELERY_BROKER_URL=broker,
        LOG_LEVEL="WARNING",
        CONN_MAX_AGE="60",
    )
    return broker


def _bodies() -> list[str]:
    sources = sorted((REPO / "claims" / "demo").glob("*.txt"))
    seed = REPO.parent / "shared" / "seeds" / "izium-2022-09-14.txt"
    if seed.exists():
        sources.append(seed)
    return [p.read_text(encoding="utf-8").split("\n", 1)[1].strip() for p in sources]


def make_texts(count: int) -> list[str]:
    """Distinct news-like articles, 2–5 KB each, from the demo articles and the seed."""
    bodies = _bodies()
    texts = []
    for i in range(count):
        body = bodies[i % len(bodies)]
        extra = bodies[(i + 1) % len(bodies)] if i % 3 == 0 else ""
        texts.append(
            f"Bulletin {i}: officials counted {i + 3} crews and {i * 7 + 11} trucks.\n\n"
            f"{body}\n\n{extra}".strip()
        )
    return texts


def make_long_text(size: int, label: str) -> str:
    """One article of about `size` bytes (UTF-8): the same bulletins, back to back, so that a
    long article holds as many figures per KB as a short one."""
    bodies = _bodies()
    parts, total, i = [f"{label}.\n\n"], 0, 0
    while total < size:
        part = (
            f"Bulletin {i}: officials counted {i + 3} crews and {i * 7 + 11} trucks.\n\n"
            f"{bodies[i % len(bodies)]}\n\n"
        )
        parts.append(part)
        total += len(part.encode("utf-8"))
        i += 1
    return "".join(parts).strip()


def reset_database(name: str) -> None:
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name], check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)


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


def cpu_busy_seconds() -> float:
    """The machine's CPU time spent so far outside idle and I/O wait (/proc/stat), whatever
    process spent it: the database's share of the work too. Less noisy than wall time on a
    shared machine."""
    # user nice system idle iowait irq softirq steal (guest time is counted in user already)
    ticks = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid: int, field: str = "VmHWM") -> float:
    """The largest VmHWM in the worker's process tree (its pool child does the work); with
    field="VmRSS", the largest resident memory now."""
    peaks = []
    for p in process_tree(pid):
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except FileNotFoundError:
            continue
        for line in status.splitlines():
            if line.startswith(f"{field}:"):
                peaks.append(int(line.split()[1]) / 1024)
    return max(peaks, default=0.0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database", default="factcheck_bench")
    parser.add_argument("--redis-db", type=int, default=14)
    parser.add_argument("--large-mb", type=float, default=0.0)
    parser.add_argument("--write-cost", action="store_true")
    parser.add_argument("--write-sample", type=int, default=0)
    parser.add_argument("--matching", choices=["on", "off"], default="on")
    parser.add_argument("--unique-sentences", action="store_true")
    parser.add_argument("--timeline", action="store_true")
    args = parser.parse_args()

    broker = configure(args.database, args.redis_db)
    os.environ["MATCH_ENABLED"] = "true" if args.matching == "on" else "false"
    index_dir = Path(tempfile.mkdtemp(prefix="bench-match-index-"))
    os.environ["MATCH_INDEX_DIR"] = str(index_dir)
    reset_database(args.database)
    import django

    django.setup()
    import redis
    from django.core.management import call_command

    from claims import services
    from claims.models import Article

    call_command("migrate", verbosity=0)
    redis.Redis.from_url(broker).flushdb()
    texts = make_texts(args.articles)
    if args.unique_sentences:
        texts = [renumber(text, i) for i, text in enumerate(texts)]
    large_id = None
    if args.large_mb:
        texts[0] = make_long_text(int(args.large_mb * 1_000_000), "Long bulletin")
    workers = [start_worker(f"bench{i}") for i in range(args.workers)]
    # Workers load the text models as they start (factcheck/celery.py), before taking work.
    time.sleep(15 if args.matching == "on" else 3)
    try:
        busy_before = cpu_busy_seconds()
        started = time.monotonic()
        for text in texts:
            article = services.article_ingest_text(text=text).article
            large_id = article.pk if large_id is None and args.large_mb else large_id
        submitted = time.monotonic() - started
        waiting = Article.objects.exclude(extraction_state__in=["done", "failed"])
        if args.matching == "on":
            waiting = waiting | Article.objects.filter(extraction_state="done", matched_at=None)
        while waiting.exists():
            if time.monotonic() - started > 1800:
                raise SystemExit("gave up after 30 minutes")
            time.sleep(0.5)
        busy = cpu_busy_seconds() - busy_before
        peaks = [peak_rss_mb(w.pid) for w in workers]
        kept = [peak_rss_mb(w.pid, "VmRSS") for w in workers]
        rows = [
            (created, max(filter(None, (finished, matched))), state)
            for created, finished, matched, state in Article.objects.values_list(
                "created_at", "extraction_finished_at", "matched_at", "extraction_state"
            )
        ]
        if args.matching == "on":
            report_matching()
    finally:
        for w in workers:
            os.killpg(w.pid, signal.SIGTERM)
            w.wait(timeout=30)
    report(rows, submitted, peaks, kept, args)
    print(f"CPU busy            {busy:.1f} s, all processes (workers, database, this one)")
    if large_id is not None:
        report_large(Article.objects.get(pk=large_id))
    if args.write_cost:
        for size, label in ((SMALL_BYTES, "50 KB"), (int((args.large_mb or 5) * 1e6), "large")):
            write_cost(make_long_text(size, f"Write-cost {label}"), args.write_sample)
    redis.Redis.from_url(broker).flushdb()
    from django.db import connections

    connections.close_all()
    reset_database(args.database)
    shutil.rmtree(index_dir, ignore_errors=True)


def renumber(text: str, salt: int) -> str:
    """The article with every figure changed and a made-up word of its own at the end of each
    sentence: each sentence new. Changed figures alone would leave the same words, which
    matching scores without the transformer."""
    count = iter(range(1, 1_000_000))
    text = re.sub(r"\d+", lambda m: str(int(m.group()) + salt * 7 + next(count)), text)
    words = iter(range(1_000_000))
    return re.sub(
        r"(?<=[^\s.])([.?!])(?=[\"”’)]?(?:\s|$))",
        lambda m: f" {_made_up(salt, next(words))}{m.group(1)}",
        text,
    )


_SYLLABLES = ("ka", "lo", "mi", "ren", "tu", "sa", "vo", "del", "pi", "gar", "ne", "bo", "ri",
              "zu", "fen", "ta")  # fmt: skip


def _made_up(salt: int, n: int) -> str:
    """A word no other (salt, n < 1,000) gets: five syllables, "kalomirentu"."""
    x, parts = salt * 1000 + n, []
    for _ in range(5):
        parts.append(_SYLLABLES[x % 16])
        x //= 16
    return "".join(parts)


def report_matching() -> None:
    from claims.models import Claim, ClaimMatch, ClaimVector

    claims = Claim.objects.count()
    print(
        f"matching            {ClaimVector.objects.count()} vectors for {claims} claims; "
        f"{ClaimMatch.objects.count()} matches kept "
        f"({ClaimMatch.objects.filter(decision='linked').count()} linked)"
    )


def report_large(article) -> None:
    from claims.models import Claim

    took = article.extraction_finished_at - article.extraction_started_at
    print(
        f"long article        {len(article.text.encode('utf-8')) / 1e6:.1f} MB: "
        f"{article.extraction_state}, {Claim.objects.filter(article=article).count()} claims, "
        f"started → finished {took.total_seconds():.1f} s {article.extraction_error[:80]}"
    )


def write_cost(text: str, sample: int) -> None:
    """The write alone, as the worker does it: one transaction that stores the drafts."""
    from django.db import transaction

    from claims import services
    from claims.models import Article, CheckResult, Claim, Quantity
    from claims.services.extraction import _store_drafts, draft_claims

    article = services.article_ingest_text(text=text).article
    drafts = draft_claims(article.text, reference_date=article.dateline)
    drafts = drafts[:sample] if sample else drafts
    started = time.monotonic()
    with transaction.atomic():
        locked = Article.objects.select_for_update().defer("raw", "text").get(pk=article.pk)
        _store_drafts(locked, drafts, article.text)
    took = time.monotonic() - started
    stored = (
        Claim.objects.filter(article=article).count()
        + Quantity.objects.filter(claim__article=article).count()
        + CheckResult.objects.filter(claim__article=article).count()
    )
    print(
        f"write {len(text.encode('utf-8')) / 1e6:5.2f} MB     {stored} rows "
        f"(claims, quantities, findings) in {took:.2f} s: {1000 * took / stored:.3f} ms per row"
    )


def report(rows, submitted: float, peaks: list[float], kept: list[float], args) -> None:
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
    for i, (peak, now) in enumerate(zip(peaks, kept, strict=True)):
        print(f"worker {i} peak RSS   {peak:.0f} MB (kept at the end: {now:.0f} MB)")
    if args.timeline:
        report_timeline(first, wall)


def report_timeline(first, wall: float) -> None:
    """How many articles were submitted, extracted and matched, every 5 s from the first."""
    from claims.models import Article

    rows = Article.objects.values_list("created_at", "extraction_finished_at", "matched_at")
    offsets = [[(t - first).total_seconds() if t else None for t in row] for row in rows]
    for second in range(0, int(wall) + 5, 5):
        counts = [
            sum(1 for row in offsets if row[i] is not None and row[i] <= second) for i in range(3)
        ]
        print(
            f"  {second:4d} s  submitted {counts[0]:5d}  extracted {counts[1]:5d}  "
            f"matched {counts[2]:5d}"
        )


if __name__ == "__main__":
    main()
