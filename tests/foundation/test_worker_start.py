"""What a worker's pool process does as it starts (factcheck/celery.py)."""

from __future__ import annotations

import gc

from factcheck.celery import _load_the_text_models


def test_what_a_pool_process_loads_at_start_is_left_out_of_the_collectors_passes(settings):
    settings.MATCH_ENABLED = False  # the models need not be loaded to see it
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    try:
        _load_the_text_models()
        assert gc.get_freeze_count() > 1000
    finally:
        gc.unfreeze()
