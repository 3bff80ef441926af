"""The Celery app, configured from Django settings under the CELERY_ namespace."""

import os
import sys

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def single_worker_command(name: str, *, loglevel: str) -> list[str]:
    """A worker with one pool process and none of the cluster chatter (mingle, gossip,
    heartbeat), as the pipeline tests and bench/pipeline.py start it from the repository."""
    return [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "factcheck",
        "worker",
        "--loglevel",
        loglevel,
        "--concurrency",
        "1",
        "--without-mingle",
        "--without-gossip",
        "--without-heartbeat",
        "-n",
        f"{name}@%h",
    ]
