"""Matching on the words (claims/matching/text.py): which sentences are the same words, their
numbers aside; and the transformer in bfloat16, where the CPU has it, scoring as float32 does."""

from __future__ import annotations

import numpy as np
import pytest

from claims.matching import text
from claims.matching.text import same_wording


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kupyansk is 67 miles from Izium.", "Kupyansk is 76 miles from Izium."),
        ("Prices rose by 7.5 percent last year.", "Prices rose by 5.7 percent last year."),
        ("The company paid $4.2 million in fines.", "The company paid $24 million in fines."),
        ("About 12,000 people were evacuated.", "About 1,200 people were evacuated."),
        ("In 2019 the city had 1.2 million people.", "In 2021 the city had 1.2 million people."),
        ("The same sentence, 5 km.", "The same sentence, 5 km."),
    ],
)
def test_sentences_that_differ_only_in_their_numbers_are_the_same_wording(a, b):
    assert same_wording(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Digits inside a name are words, not a figure.
        ("Ukraine will receive 12 F-16 jets.", "Ukraine will receive 12 F-35 jets."),
        ("The G7 pledged $50 billion.", "The G20 pledged $50 billion."),
        ("COVID-19 killed 300 people.", "COVID-20 killed 300 people."),
        ("A 1,200-metre bridge was built.", "A 2,100-metre bridge was built."),
        ("Kupyansk is 67 miles from Izium.", "Kupyansk is 67 km from Izium."),
        ("Kupyansk is 67 miles from Izium.", "Kupyansk is 67 miles from Kharkiv."),
    ],
)
def test_other_words_or_a_number_inside_a_name_are_not_the_same_wording(a, b):
    assert not same_wording(a, b)


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
