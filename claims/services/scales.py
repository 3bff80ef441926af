"""Writes of the rating scales: which one new verdicts are rated on."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from claims.models import RatingScale


@transaction.atomic
def rating_scale_put_in_use(*, actor: Any, scale_id: int) -> RatingScale:
    """Rate new verdicts on this scale. Verdicts already proposed or published keep the
    labels they were given; a waiting proposal is published as it was proposed."""
    scales = list(RatingScale.objects.select_for_update().order_by("pk"))
    chosen = next(s for s in scales if s.pk == scale_id)
    for scale in scales:
        if scale.in_use and scale.pk != scale_id:
            scale._history_user = actor  # type: ignore[attr-defined]
            scale.in_use = False
            scale.save(update_fields=["in_use", "updated_at"])
    if not chosen.in_use:
        chosen._history_user = actor  # type: ignore[attr-defined]
        chosen.in_use = True
        chosen.save(update_fields=["in_use", "updated_at"])
    return chosen
