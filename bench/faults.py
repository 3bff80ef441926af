"""Fault drill: the whole stack on a PostgreSQL and a Redis of its own, with faults injected
while articles arrive.

    .venv/bin/python bench/faults.py [--articles 200] [--rate 5]

Starts its own PostgreSQL (initdb into a temporary folder, port 55432, as the `postgres` user
when run as root) and Redis (port 56379), never the shared ones; runs gunicorn (2 workers), two
Celery workers (queue `celery`), the sweeper (queue `sweep`) and beat against them. For each
fault it submits a batch of articles through the API at a steady rate, injects the fault a
few seconds in, and waits for every accepted article to end `done` or `failed`:

- kill-worker:    SIGKILL one worker (parent and child) mid-batch; a supervisor restarts it.
- flush-redis:    FLUSHALL mid-batch: every queued message is lost.
- restart-pg:     PostgreSQL restarted (fast shutdown) mid-batch.
- redis-down-30s: Redis stopped for 30 s mid-batch, then started again, empty.

Prints, per fault: accepted, done, failed, stuck (accepted but neither done nor failed at the
deadline), duplicated (an article whose result was written more than once, or a claim span
stored twice), 5xx answers (and 5xx while the broker was away), and requests that got no
answer at all. Short time limits make the sweep's recovery fit in a drill: stall 20 s, hard
limit 15 s, a sweep every 3 s.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

REPO = Path(__file__).resolve().parents[1]
PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_PORT, REDIS_PORT, WEB_PORT = 55432, 56379, 58765
DB = f"postgres://postgres@127.0.0.1:{PG_PORT}/factcheck_faults"
BROKER = f"redis://127.0.0.1:{REDIS_PORT}/0"
WEB = f"http://127.0.0.1:{WEB_PORT}"
VENV_BIN = Path(sys.executable).parent

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "factcheck.settings",
    "DEBUG": "true",
    "EMBEDDED": "false",  # the production defaults: shared cache on the broker's Redis
    "STATIC_MANIFEST": "false",
    "DATABASE_URL": DB,
    "CELERY_BROKER_URL": BROKER,
    "CONN_MAX_AGE": "60",
    "LOG_LEVEL": "INFO",
    "EXTRACTION_STALL_SECONDS": "20",
    "CELERY_TASK_TIME_LIMIT": "15",
    "CELERY_TASK_SOFT_TIME_LIMIT": "12",
    "CELERY_VISIBILITY_TIMEOUT": "60",
    "EXTRACTION_SWEEP_SECONDS": "3",
    "API_THROTTLE_RATE": "100000/minute",
}
ENV.pop("CACHE_URL", None)


def run(*cmd: str, user: str | None = None, **kwargs) -> subprocess.CompletedProcess:
    if user and os.geteuid() == 0:
        cmd = ("runuser", "-u", user, "--", *cmd)
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kwargs)


class Stack:
    def __init__(self, workdir: Path) -> None:
        self.dir = workdir
        self.pgdata = workdir / "pgdata"
        self.processes: dict[str, subprocess.Popen] = {}
        self.redis: subprocess.Popen | None = None

    # --- PostgreSQL and Redis of our own ---------------------------------------------------
    def start_postgres(self) -> None:
        if not self.pgdata.exists():
            self.pgdata.mkdir()
            if os.geteuid() == 0:
                shutil.chown(self.dir, "postgres")
                shutil.chown(self.pgdata, "postgres")
            run(
                str(PG_BIN / "initdb"),
                "-D",
                str(self.pgdata),
                "-A",
                "trust",
                "-U",
                "postgres",
                user="postgres",
            )
        self.pg_ctl("start")

    def pg_ctl(self, action: str) -> None:
        options = f"-p {PG_PORT} -k {self.pgdata} -c listen_addresses=127.0.0.1"
        run(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.pgdata),
            "-w",
            "-m",
            "fast",
            "-o",
            options,
            "-l",
            str(self.pgdata / "log"),
            action,
            user="postgres",
        )

    def start_redis(self) -> None:
        self.redis = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(REDIS_PORT),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=open(self.dir / "redis.log", "ab"),  # noqa: SIM115
        )
        for _ in range(50):
            if (
                subprocess.run(
                    ["redis-cli", "-p", str(REDIS_PORT), "ping"], capture_output=True
                ).stdout.strip()
                == b"PONG"
            ):
                return
            time.sleep(0.1)
        raise RuntimeError("redis did not start")

    def stop_redis(self) -> None:
        if self.redis and self.redis.poll() is None:
            self.redis.kill()
            self.redis.wait(10)

    # --- the app ---------------------------------------------------------------------------
    def prepare_app(self) -> str:
        run("createdb", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "factcheck_faults")
        manage = [sys.executable, "manage.py"]
        run(*manage, "migrate", "--noinput", cwd=REPO, env=ENV)
        run(
            *manage,
            "shell",
            "-c",
            "from tests.factories import UserFactory; UserFactory(username='drill', "
            "groups=['Editors'])",
            cwd=REPO,
            env=ENV,
        )
        token = run(*manage, "apitoken", "create", "drill", "fault drill", cwd=REPO, env=ENV)
        return token.stdout.strip().splitlines()[-1]

    def spawn(self, name: str, cmd: list[str]) -> None:
        log = open(self.dir / f"{name}.log", "ab")  # noqa: SIM115
        self.processes[name] = subprocess.Popen(
            cmd, cwd=REPO, env=ENV, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def start_app(self) -> None:
        celery = [str(VENV_BIN / "celery"), "-A", "factcheck"]
        flags = ["--without-mingle", "--without-gossip", "--without-heartbeat"]
        self.spawn(
            "web",
            [
                str(VENV_BIN / "gunicorn"),
                "factcheck.wsgi",
                "-b",
                f"127.0.0.1:{WEB_PORT}",
                "-w",
                "2",
                "--timeout",
                "30",
            ],
        )
        for name in ("worker1", "worker2"):
            self.start_worker(name)
        self.spawn(
            "sweeper",
            [
                *celery,
                "worker",
                "-Q",
                "sweep",
                "--concurrency",
                "1",
                "-n",
                "sweeper@%h",
                "--loglevel",
                "INFO",
                *flags,
            ],
        )
        self.spawn(
            "beat",
            [*celery, "beat", "--loglevel", "INFO", "--schedule", str(self.dir / "beat-schedule")],
        )
        wait_until(lambda: http_status(f"{WEB}/healthz") == 200, 60, "the web app")
        time.sleep(3)  # the workers' consumers

    def start_worker(self, name: str) -> None:
        self.spawn(
            name,
            [
                str(VENV_BIN / "celery"),
                "-A",
                "factcheck",
                "worker",
                "-Q",
                "celery",
                "--concurrency",
                "1",
                "-n",
                f"{name}@%h",
                "--loglevel",
                "INFO",
                "--without-mingle",
                "--without-gossip",
                "--without-heartbeat",
            ],
        )

    def kill(self, name: str) -> None:
        process = self.processes[name]
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)

    def stop_all(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for name, process in self.processes.items():
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill(name)
        self.stop_redis()
        if self.pgdata.exists():
            with contextlib.suppress(subprocess.CalledProcessError):
                self.pg_ctl("stop")


def wait_until(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not come up in {timeout} s")


def http_status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (our own http URL)
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return None


# --- the batch -------------------------------------------------------------------------------
def texts(fault: str, count: int) -> list[str]:
    sources = sorted((REPO / "claims" / "demo").glob("*.txt"))
    bodies = [p.read_text(encoding="utf-8").split("\n", 1)[1].strip() for p in sources]
    return [
        f"Drill {fault} {i}: crews counted {i + 3} trucks and {i * 7 + 11} km of road.\n\n"
        f"{bodies[i % len(bodies)]}"
        for i in range(count)
    ]


@dataclass
class Batch:
    accepted: list[int] = field(default_factory=list)
    codes: Counter = field(default_factory=Counter)
    no_answer: int = 0
    broker_away: threading.Event = field(default_factory=threading.Event)
    errors_while_away: int = 0


def submit(token: str, text: str, batch: Batch) -> None:
    request = urllib.request.Request(  # noqa: S310 (our own http URL)
        f"{WEB}/api/v1/articles/",
        data=json.dumps({"text": text}).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310
            code, body = response.status, json.load(response)
    except urllib.error.HTTPError as exc:
        code, body = exc.code, None
    except OSError:
        batch.no_answer += 1
        return
    batch.codes[code] += 1
    if code >= 500 and batch.broker_away.is_set():
        batch.errors_while_away += 1
    if code in (200, 202) and body:
        batch.accepted.append(body["id"])


def db_rows(ids: list[int]) -> dict[int, str]:
    for _ in range(30):
        try:
            with psycopg.connect(DB) as conn:
                rows = conn.execute(
                    "SELECT id, extraction_state FROM claims_article WHERE id = ANY(%s)", [ids]
                ).fetchall()
                return dict(rows)
        except psycopg.OperationalError:
            time.sleep(1)
    raise RuntimeError("the drill's database does not answer")


def duplicate_spans(ids: list[int]) -> set[int]:
    with psycopg.connect(DB) as conn:
        rows = conn.execute(
            "SELECT article_id FROM claims_claim WHERE article_id = ANY(%s)"
            ' GROUP BY article_id, start, "end", kind HAVING count(*) > 1',
            [ids],
        ).fetchall()
    return {row[0] for row in rows}


def results_written(stack: Stack) -> Counter:
    """How many times each article's result was written, from the workers' logs."""
    written: Counter = Counter()
    for name in ("worker1", "worker2"):
        log = (stack.dir / f"{name}.log").read_text(errors="replace")
        written.update(int(m) for m in re.findall(r"article (\d+) extracted:", log))
    return written


def drill(stack: Stack, token: str, fault: str, inject, count: int, rate: float) -> dict:
    batch = Batch()
    before = results_written(stack)
    injector = threading.Thread(target=inject, args=(stack, batch), daemon=True)
    started = time.monotonic()
    threads = []
    for i, text in enumerate(texts(fault, count)):
        if i == min(int(rate * 5), count // 3):
            injector.start()  # five seconds into the batch, or a third of the way
        thread = threading.Thread(target=submit, args=(token, text, batch))
        thread.start()
        threads.append(thread)
        time.sleep(max(0.0, started + (i + 1) / rate - time.monotonic()))
    for thread in threads:
        thread.join()
    injector.join()
    deadline = time.monotonic() + 150
    states: dict[int, str] = {}
    while time.monotonic() < deadline:
        states = db_rows(batch.accepted)
        if all(s in ("done", "failed") for s in states.values()):
            break
        time.sleep(1)
    written = results_written(stack) - before
    duplicated = {a for a in batch.accepted if written[a] > 1} | duplicate_spans(batch.accepted)
    lost = [a for a in batch.accepted if a not in states]
    return {
        "fault": fault,
        "accepted": len(batch.accepted),
        "done": sum(s == "done" for s in states.values()),
        "failed": sum(s == "failed" for s in states.values()),
        "stuck": sum(s not in ("done", "failed") for s in states.values()) + len(lost),
        "duplicated": len(duplicated),
        "5xx": sum(n for code, n in batch.codes.items() if code >= 500),
        "5xx broker away": batch.errors_while_away,
        "no answer": batch.no_answer,
        "seconds": round(time.monotonic() - started),
    }


# --- the faults ------------------------------------------------------------------------------
def kill_worker(stack: Stack, batch: Batch) -> None:
    stack.kill("worker1")
    time.sleep(2)
    stack.start_worker("worker1")  # what the supervisor (compose's restart) does


def flush_redis(stack: Stack, batch: Batch) -> None:
    run("redis-cli", "-p", str(REDIS_PORT), "FLUSHALL")


def restart_postgres(stack: Stack, batch: Batch) -> None:
    stack.pg_ctl("restart")


def redis_down(stack: Stack, batch: Batch) -> None:
    batch.broker_away.set()
    stack.stop_redis()
    health = http_status(f"{WEB}/healthz")
    time.sleep(30)
    stack.start_redis()
    batch.broker_away.clear()
    print(f"  (/healthz while Redis was down: {health})", flush=True)


FAULTS = {
    "kill-worker": kill_worker,
    "flush-redis": flush_redis,
    "restart-pg": restart_postgres,
    "redis-down-30s": redis_down,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rate", type=float, default=5.0, help="submissions per second")
    parser.add_argument("--only", choices=sorted(FAULTS), action="append")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="factcheck-faults-"))
    stack = Stack(workdir)
    rows = []
    try:
        stack.start_postgres()
        stack.start_redis()
        token = stack.prepare_app()
        stack.start_app()
        for fault in args.only or FAULTS:
            print(f"{fault}: {args.articles} articles at {args.rate:g}/s …", flush=True)
            rows.append(drill(stack, token, fault, FAULTS[fault], args.articles, args.rate))
            print("  " + json.dumps(rows[-1]), flush=True)
    finally:
        stack.stop_all()
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"logs kept in {workdir}")
    columns = list(rows[0]) if rows else []
    print("\n" + " | ".join(columns))
    for row in rows:
        print(" | ".join(str(row[c]) for c in columns))


if __name__ == "__main__":
    main()
