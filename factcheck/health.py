"""/healthz: the database, the broker and the cache, each asked with a short time-out.

200 and `ok` when all three answer. Only the database being down answers 503: without it the
app can do nothing, and a load balancer should take this instance out. A broker or cache
outage answers 200 with `degraded: …` (the API still accepts work, 202, while the broker is
down, and the throttle lets requests through without its cache), so the whole web tier is not
taken out for it. Either way the body has one line per part. Plain HTTP is allowed here
(SECURE_REDIRECT_EXEMPT) because the check runs inside the container, behind any TLS proxy."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse

log = logging.getLogger(__name__)

BROKER_TIMEOUT = 2.0


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _broker() -> None:
    from factcheck.celery import app

    if app.conf.task_always_eager:
        return  # tasks run in-process: there is no broker to ask
    with app.connection_for_read() as conn:
        conn.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT)


def _cache() -> None:
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("a value written was not read back")


PARTS: dict[str, Callable[[], None]] = {"database": _database, "broker": _broker, "cache": _cache}
# The parts without which this instance is of no use: only their outage answers 503.
ESSENTIAL = frozenset({"database"})


def healthz(request: HttpRequest) -> HttpResponse:
    report, down = [], []
    for name, check in PARTS.items():
        try:
            check()
        except Exception as exc:  # whatever the failure, the answer is "down", not a 500
            log.warning("healthz: %s is down: %s", name, exc)
            down.append(name)
            report.append(f"{name}: down ({type(exc).__name__})")
        else:
            report.append(f"{name}: ok")
    if not down:
        return HttpResponse("ok\n", content_type="text/plain")
    lines = "\n".join(report) + "\n"
    if ESSENTIAL & set(down):
        return HttpResponse(
            f"unavailable: {', '.join(down)}\n{lines}", status=503, content_type="text/plain"
        )
    return HttpResponse(f"degraded: {', '.join(down)}\n{lines}", content_type="text/plain")
