"""Versions of editable rows: a write based on a stale read is refused and says what changed.

A form (web) or a request (API, as its ETag) carries the version of the row it was read at;
the write locks the row, compares, and is refused when someone saved the row since. The
refusal lists the recorded changes since that read (django-simple-history), so that the
person can see what they would have overwritten.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator

# How many recorded changes a refusal lists: the newest ones, with "and N earlier".
SHOWN_CHANGES = 5


class StaleEdit(Exception):
    """The row changed after it was read; `changes` says how, a line each, oldest first."""

    def __init__(self, instance: models.Model, changes: list[str]) -> None:
        self.instance, self.changes = instance, changes
        noun = instance._meta.verbose_name
        said = " ".join(changes) if changes else "Someone saved it in the meantime."
        super().__init__(
            f"This {noun} was changed after you opened it; your change was not saved. {said} "
            "Reload to see it as it is now, then make your change again."
        )


def version_of(instance: models.Model) -> str:
    """The row's version: `updated_at` moves on every save."""
    return f"{instance.updated_at.timestamp():.6f}"  # type: ignore[attr-defined]


def check_version(instance: models.Model, seen: str, *, recorded_only: bool = False) -> None:
    """Raise StaleEdit unless `instance` (read under lock) is still at version `seen`.

    `recorded_only`: stale only when the history records a save since `seen`. For rows that
    also move for bookkeeping the history leaves out (an article's extraction finishing),
    which must not turn away the person who opened the row a moment before."""
    if version_of(instance) == seen.strip():
        return
    changes = changes_since(instance, seen)
    if recorded_only and not changes and _seen_at(seen) is not None:
        return
    raise StaleEdit(instance, changes)


@contextmanager
def version_locked(model: type[models.Model], pk: Any, seen: str) -> Iterator[Any]:
    """Lock the row, check its version, and keep the lock until the write inside is done (each
    service locks again; within one transaction that is the same lock)."""
    with transaction.atomic():
        locked = model._default_manager.select_for_update().get(pk=pk)
        check_version(locked, seen)
        yield locked


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _seen_at(seen: str) -> datetime | None:
    """The version (seconds since the epoch, to the microsecond) as the exact moment; through
    Decimal, as a float would be off by a microsecond now and then."""
    try:
        return EPOCH + timedelta(microseconds=int(Decimal(seen.strip()) * 1_000_000))
    except (InvalidOperation, ValueError, OverflowError):
        return None


def changes_since(instance: models.Model, seen: str) -> list[str]:
    """The recorded changes of `instance` after version `seen`, a sentence each."""
    history = getattr(instance, "history", None)
    since = _seen_at(seen)
    if history is None or since is None:
        return []
    # Each record copies the row's `updated_at`: the save that made version `seen` is not a
    # change since (its record is written a moment after `updated_at`, so a filter on
    # `history_date` would list it).
    recorded = history.filter(updated_at__gt=since)
    count = recorded.count()
    newest = list(
        recorded.select_related("history_user").order_by("-history_date", "-history_id")[
            :SHOWN_CHANGES
        ]
    )[::-1]
    # Each shown record is compared with the one before it: the one just before in the list,
    # and only for the oldest shown a lookup of its own.
    before = [newest[0].prev_record, *newest[:-1]] if newest else []
    lines = [_describe(record, previous) for record, previous in zip(newest, before, strict=True)]
    if count > SHOWN_CHANGES:
        lines.insert(0, f"({count - SHOWN_CHANGES} earlier change(s) not shown.)")
    return lines


def _describe(record: Any, previous: Any) -> str:
    who = record.history_user.get_username() if record.history_user else "someone"
    when = date_format(timezone.localtime(record.history_date), "DATETIME_FORMAT")
    fields = []
    if previous is not None:
        for change in record.diff_against(previous).changes:
            if change.field in ("updated_at", "created_at"):
                continue
            field = record.instance._meta.get_field(change.field)
            old, new = _label(field, change.old), _label(field, change.new)
            fields.append(f"{field.verbose_name} from “{_shown(old)}” to “{_shown(new)}”")
    reason = (record.history_change_reason or "").strip()
    what = "changed " + ", ".join(fields) if fields else (reason or "saved it")
    if fields and reason and reason not in ("edited", "changed"):
        what = f"{reason}: {what}"
    return f"{when}, {who} {what}."


def _label(field: Any, value: Any) -> Any:
    """A state or a rating as people read it ("In review", not "in_review")."""
    return dict(field.flatchoices).get(value, value) if field.choices else value


def _shown(value: Any) -> str:
    return Truncator("" if value is None else str(value)).chars(80)
