"""ETags and If-Match: a write based on a stale read is refused with 412, so none is lost."""

from __future__ import annotations

from django.db.models import Model
from rest_framework.request import Request

from claims.api.errors import PreconditionFailed, PreconditionRequired


def etag_of(instance: Model) -> str:
    """Changes whenever the row is saved (`updated_at` moves on every save)."""
    stamp = instance.updated_at.timestamp()  # type: ignore[attr-defined]
    return f'"{instance._meta.model_name}-{instance.pk}-{stamp:.6f}"'


def check_if_match(request: Request, instance: Model, *, required: bool) -> None:
    header = request.headers.get("If-Match")
    if header is None:
        if required:
            raise PreconditionRequired()
        return
    tags = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    if "*" not in tags and etag_of(instance) not in tags:
        raise PreconditionFailed()
