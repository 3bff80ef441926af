"""Running a workflow service over the claims an admin action selected, and saying what happened."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import HttpRequest

from claims.workflow import TransitionError

MAX_IDS_SHOWN = 10


def run_for_each(
    request: HttpRequest,
    claim_ids: Iterable[int],
    service: Callable[..., Any],
    done: str,
    **kwargs: Any,
) -> None:
    """Call `service(actor=…, claim_id=…, **kwargs)` per claim; report successes and refusals.

    Each claim is its own transaction (inside the service), so one refusal does not undo the
    others; refusals with the same reason are reported together.
    """
    succeeded = 0
    refused: dict[str, list[int]] = defaultdict(list)
    for claim_id in claim_ids:
        try:
            service(actor=request.user, claim_id=claim_id, **kwargs)
        except TransitionError as exc:
            refused[exc.reason].append(claim_id)
        except ObjectDoesNotExist:
            refused["it no longer exists"].append(claim_id)
        else:
            succeeded += 1
    if succeeded:
        messages.success(request, f"{done}: {succeeded} claim{'s' if succeeded != 1 else ''}.")
    for reason, ids in refused.items():
        messages.error(request, f"Refused for {_ids(ids)}: {reason}.")


def _ids(ids: list[int]) -> str:
    shown = ", ".join(str(i) for i in ids[:MAX_IDS_SHOWN])
    more = f" and {len(ids) - MAX_IDS_SHOWN} more" if len(ids) > MAX_IDS_SHOWN else ""
    label = "claim" if len(ids) == 1 else "claims"
    return f"{label} {shown}{more}"
