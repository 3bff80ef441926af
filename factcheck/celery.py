"""The Celery app, configured from Django settings under the CELERY_ namespace."""

import gc
import os
import sys
from typing import Any

from celery import Celery
from celery.signals import beat_init, worker_init, worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# What every worker needs besides its queues: without mingle, gossip and heartbeat a worker
# has nothing to lose when Redis goes away and comes back (the gossip step is what died with
# "'NoneType' object has no attribute 'hostname'" on reconnection).
WORKER_FLAGS = ["--without-mingle", "--without-gossip", "--without-heartbeat"]


def _survive_a_closed_transport() -> None:
    """kombu's Redis channel, closed after the connection was lost, tries to hand its
    unacknowledged messages back through a transport that no longer has a connection and
    raises AttributeError ("'NoneType' object has no attribute 'hostname'"), which stops the
    worker for good. Skipping that hand-back loses nothing: the messages stay in Redis's
    unacked set and come back after the visibility timeout, and the sweep re-sends the
    articles in any case."""
    from kombu.transport import redis as kombu_redis

    restore = getattr(kombu_redis.QoS, "restore_unacked_once", None)
    if restore is None:  # a kombu that no longer has the step has no such crash either
        return

    def restore_unacked_once(self: Any, stderr: Any = None) -> Any:
        if getattr(self.channel.connection, "client", None) is None:
            return None
        return restore(self, stderr)

    kombu_redis.QoS.restore_unacked_once = restore_unacked_once  # type: ignore[method-assign]


_survive_a_closed_transport()


@worker_init.connect
@beat_init.connect
def _refuse_bad_settings(**kwargs: Any) -> None:
    """Workers and beat start without `manage.py check`: run the system checks here."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("check", fail_level="ERROR")


@worker_process_init.connect
def _load_the_text_models(**kwargs: Any) -> None:
    """A pool process that takes articles loads matching's text models as it starts, not on
    its first article: the transformer takes seconds to load. A worker for the sweep queue
    alone does not need them."""
    from django.conf import settings

    queues = set(app.amqp.queues.consume_from or ())
    if settings.MATCH_ENABLED and (not queues or app.conf.task_default_queue in queues):
        from claims.matching.text import warm_up

        warm_up()
    # What is loaded by now (Django, the models' libraries: millions of objects once torch is
    # in) stays for the process's life: the collector leaves it out of its full passes, which
    # would otherwise walk all of it again and again while articles are extracted.
    gc.freeze()


def single_worker_command(name: str, *, loglevel: str, queues: str = "celery") -> list[str]:
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
        "-Q",
        queues,
        *WORKER_FLAGS,
        "-n",
        f"{name}@%h",
    ]
