"""Writes of the rating scales: which one new verdicts are rated on."""

from __future__ import annotations

from typing import Any

from claims.models import RatingScale
from claims.models.scales import put_in_use


def rating_scale_put_in_use(*, actor: Any, scale_id: int) -> RatingScale:
    """Rate new verdicts on this scale. Verdicts already proposed or published keep the
    labels they were given; a waiting proposal is published as it was proposed."""
    return put_in_use(scale_id, actor=actor)
