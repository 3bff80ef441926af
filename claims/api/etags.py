"""ETags and If-Match: a write based on a stale read is refused with 412, so none is lost.

One rule for every write to a resource that exists (PUT, PATCH, DELETE and the review moves):
If-Match is required (428 without it, 412 when it is stale). Only a create, which has no
earlier version to lose, goes without.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Model
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework.request import Request

from claims.api.errors import PreconditionFailed, PreconditionRequired
from claims.api.serializers import ErrorSerializer
from claims.services.versions import version_of

# What a write that `check_if_match` guards can answer besides success, for the schema.
GUARDED_WRITE_ERRORS = {
    400: ErrorSerializer,
    403: ErrorSerializer,
    404: ErrorSerializer,
    412: OpenApiResponse(ErrorSerializer, "If-Match is stale: read the resource again."),
    428: OpenApiResponse(ErrorSerializer, "If-Match is missing: send the ETag you read."),
}


def etag_of(instance: Model) -> str:
    """Changes whenever the row is saved: the row's version (claims/services/versions.py)."""
    return f'"{instance._meta.model_name}-{instance.pk}-{version_of(instance)}"'


def if_match_parameter(noun: str) -> OpenApiParameter:
    """The If-Match header, as the schema shows it on a write that `check_if_match` guards."""
    return OpenApiParameter(
        "If-Match",
        location=OpenApiParameter.HEADER,
        required=True,
        description=(
            f"The ETag of the {noun} as you last read it (a GET answers with it in `ETag`): "
            f"428 without it, 412 if the {noun} has changed since."
        ),
    )


# Says what became of a row since the version the client sent (empty if it sent none of it).
Explain = Callable[[Model, str], str]


def check_if_match(
    request: Request, instance: Model, *, required: bool = True, explain: Explain | None = None
) -> None:
    """428 without If-Match (when `required`), 412 when it is stale: with `explain`'s account
    of the change when given."""
    header = request.headers.get("If-Match")
    if header is None:
        if required:
            raise PreconditionRequired()
        return
    tags = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    if "*" not in tags and etag_of(instance) not in tags:
        if explain is None:
            raise PreconditionFailed()
        said = explain(instance, _version_sent(tags, instance))
        raise PreconditionFailed(f"{PreconditionFailed.default_detail} {said}")


def _version_sent(tags: set[str], instance: Model) -> str:
    """The version of `instance` one of the tags names, or ""."""
    prefix = f'"{instance._meta.model_name}-{instance.pk}-'
    sent = next((tag for tag in tags if tag.startswith(prefix) and tag.endswith('"')), "")
    return sent[len(prefix) : -1]


@contextmanager
def if_match_locked(
    request: Request, instance: Model, *, required: bool = True, explain: Explain | None = None
) -> Iterator[Model]:
    """Check If-Match on the row locked until the write is done, so that no other write can
    slip in between the check and ours (each service locks again; in one transaction that
    is the same lock)."""
    with transaction.atomic():
        locked = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
        check_if_match(request, locked, required=required, explain=explain)
        yield locked
