"""Template helpers of the notifications: who sent a claim back."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from django import template

from claims.models import ClaimState

register = template.Library()


@register.simple_tag
def sent_back_by(history: Sequence[Any]) -> Any:
    """The person who last sent the claim back, read from its history (newest first, as the
    panel has it already: no query): the change from in review to in progress. None when the
    history shown does not reach back that far."""
    for newer, older in pairwise(history):
        if newer.state == ClaimState.IN_PROGRESS and older.state == ClaimState.IN_REVIEW:
            return newer.history_user
    return None
