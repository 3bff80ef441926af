"""Start-up checks of settings that only make sense together (`manage.py check`, `migrate`,
and every Celery worker and beat at start: factcheck/celery.py)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, register


@register()
def timing_settings(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """The sweep takes over a run left running EXTRACTION_STALL_SECONDS; if a healthy run can
    last that long (the hard time limit), the sweep starts a second run beside it."""
    errors = []
    limit, stall = settings.CELERY_TASK_TIME_LIMIT, settings.EXTRACTION_STALL_SECONDS
    if not stall > limit:
        errors.append(
            Error(
                f"EXTRACTION_STALL_SECONDS ({stall}) must exceed "
                f"CELERY_TASK_TIME_LIMIT ({limit}), or the sweep re-sends articles that are "
                "still being extracted.",
                id="factcheck.E001",
            )
        )
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get("visibility_timeout", 3600)
    if not visibility > limit:
        errors.append(
            Error(
                f"CELERY_VISIBILITY_TIMEOUT ({visibility}) must exceed CELERY_TASK_TIME_LIMIT "
                f"({limit}), or Redis hands a running task to a second worker.",
                id="factcheck.E002",
            )
        )
    return errors
