"""Matching on the words (claims/matching/text.py): the transformer in bfloat16, where the CPU
has it, scoring as float32 does."""

from __future__ import annotations

import numpy as np
import pytest

from claims.matching import text

PAIRS = [
    ("Kupyansk lies some 30 miles to the north of Izium.", "Izium is about 30 miles south."),
    ("China's exports rose 7 percent in May.", "China's imports rose 7 percent in May."),
    ("The lake covers 580 square kilometres.", "Inflation reached 7.5 percent last year."),
]


def scores(monkeypatch: pytest.MonkeyPatch, float32: bool) -> np.ndarray:
    monkeypatch.setattr(text, "_fine_cache", {})
    monkeypatch.setenv("MATCH_TRANSFORMER_FLOAT32", "true" if float32 else "")
    text.native_bfloat16.cache_clear()
    a = text.embed_fine([a for a, _ in PAIRS])
    b = text.embed_fine([b for _, b in PAIRS])
    return (a * b).sum(axis=1)


def test_the_transformer_scores_alike_in_bfloat16_and_float32(monkeypatch):
    import torch

    native = torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported()
    try:
        monkeypatch.setenv("MATCH_TRANSFORMER_FLOAT32", "")
        text.native_bfloat16.cache_clear()
        assert text.native_bfloat16() is native
        monkeypatch.setenv("MATCH_TRANSFORMER_FLOAT32", "true")
        text.native_bfloat16.cache_clear()
        assert text.native_bfloat16() is False

        full, half = scores(monkeypatch, float32=True), scores(monkeypatch, float32=False)
    finally:
        monkeypatch.undo()
        text.native_bfloat16.cache_clear()
    assert np.all(np.abs(full - half) < 0.005), (full, half)
    assert full[0] > full[2] and full[1] > full[2]  # the scores still mean something
