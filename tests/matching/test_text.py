"""Matching on the words (claims/matching/text.py): which sentences are the same words, their
numbers aside, and which of them need no transformer; and the transformer in bfloat16, where
the CPU has it, scoring as float32 does."""

from __future__ import annotations

import numpy as np
import pytest

from claims.matching import match_numbers, read_claim, text
from claims.matching.decide import words_need_no_model
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


@pytest.mark.parametrize(
    ("a", "b", "needs_none"),
    [
        ("Kupyansk is 67 miles from Izium.", "Kupyansk is 76 miles from Izium.", True),
        (
            "In 2019 the city had 1.2 million people.",
            "In 2021 the city had 1.2 million people.",
            True,
        ),
        # The numbers find nothing between them: names, which only the transformer may read.
        ("Apollo 11 flew 384,000 km to the Moon.", "Apollo 13 flew 384,000 km to the Moon.", False),
        ("Windows 10 has 1 billion users.", "Windows 11 has 1 billion users.", False),
        ("Kupyansk is 67 miles from Izium.", "Kupyansk lies 76 miles from Izium.", False),
    ],
)
def test_only_the_same_words_with_figures_that_differ_need_no_transformer(a, b, needs_none):
    numbers = match_numbers(read_claim(a), read_claim(b))
    assert words_need_no_model(a, b, numbers) is needs_none


PAIRS = [
    ("Kupyansk lies some 30 miles to the north of Izium.", "Izium is about 30 miles south."),
    ("China's exports rose 7 percent in May.", "China's imports rose 7 percent in May."),
    ("The lake covers 580 square kilometres.", "Inflation reached 7.5 percent last year."),
]


def scores(monkeypatch: pytest.MonkeyPatch, bfloat16: bool) -> np.ndarray:
    monkeypatch.setattr(text, "_fine_cache", {})
    # Forced either way: on a CPU without bfloat16 it is emulated, slower and the same numbers.
    monkeypatch.setattr(text, "native_bfloat16", lambda: bfloat16)
    a = text.embed_fine([a for a, _ in PAIRS])
    b = text.embed_fine([b for _, b in PAIRS])
    return (a * b).sum(axis=1)


def test_the_transformer_scores_alike_in_bfloat16_and_float32(monkeypatch):
    full, half = scores(monkeypatch, bfloat16=False), scores(monkeypatch, bfloat16=True)
    assert np.all(np.abs(full - half) < 0.005), (full, half)
    assert full[0] > full[2] and full[1] > full[2]  # the scores still mean something


def test_bfloat16_is_used_where_the_cpu_has_it_unless_turned_off(monkeypatch):
    import torch

    native = torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported()
    try:
        monkeypatch.setenv("MATCH_TRANSFORMER_FLOAT32", "")
        text.native_bfloat16.cache_clear()
        assert text.native_bfloat16() is native
        monkeypatch.setenv("MATCH_TRANSFORMER_FLOAT32", "true")
        text.native_bfloat16.cache_clear()
        assert text.native_bfloat16() is False
    finally:
        monkeypatch.undo()
        text.native_bfloat16.cache_clear()
