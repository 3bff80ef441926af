"""A real Celery worker process on the real Redis broker, against the test database."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator

import pytest
import redis
from django.conf import settings
from django.db import connection

from factcheck.celery import app, single_worker_command
from tests.paths import REPO


def _require_broker() -> str:
    url = settings.CELERY_BROKER_URL
    if not url.startswith("redis://"):
        pytest.skip("needs Redis: the README's test command sets CELERY_BROKER_URL")
    return url


class WorkerProcess:
    """One `celery worker` with a single child, started in its own process group."""

    def __init__(self, name: str, env: dict[str, str], log_path) -> None:
        self.name = name
        self.log_path = log_path
        log = open(log_path, "wb")  # noqa: SIM115 (the worker writes to it until it stops)
        self.process = subprocess.Popen(
            single_worker_command(name, loglevel="INFO"),
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self._wait_until_ready()

    def _wait_until_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"worker {self.name} exited with {self.process.returncode}")
            replies = app.control.ping(timeout=0.5)
            if any(self.name in key for reply in replies for key in reply):
                return
        raise RuntimeError(f"worker {self.name} did not start within {timeout} s")

    def kill(self) -> None:
        """SIGKILL the whole worker, parent and child, as a crashed machine would."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def broker(transactional_db) -> Iterator[redis.Redis]:
    """The test Redis database, emptied before and after, so no stale message leaks in."""
    client = redis.Redis.from_url(_require_broker())
    client.flushdb()
    yield client
    client.flushdb()


@pytest.fixture
def start_worker(broker, tmp_path) -> Iterator[Callable[..., WorkerProcess]]:
    if connection.vendor != "postgresql":
        pytest.skip("a worker process shares the test database only on PostgreSQL")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "factcheck.settings_test",
        # The worker must see the rows this test commits: point it at the test database.
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CONN_MAX_AGE": "0",
    }
    workers: list[WorkerProcess] = []

    def start(name: str = "w1", **extra_env: str) -> WorkerProcess:
        worker = WorkerProcess(
            f"{name}-{os.getpid()}", {**env, **extra_env}, tmp_path / f"worker-{name}.log"
        )
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()
        # Shown by pytest when the test failed: what the worker said.
        print(f"--- {worker.name} ---\n{worker.log_path.read_text(errors='replace')[-4000:]}")


def _database_url() -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def wait_for(predicate: Callable[[], bool], timeout: float = 60, every: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(every)
    return False
