"""Long articles: the checks read them without error and in time that grows with their length.

Each timing compares a text with four times that text, best of three runs of process time:
linear work takes about four times as long, quadratic work sixteen. A ratio holds on a busy
machine where a bound in seconds would not.
"""

import time
from collections.abc import Callable

from claims.checks import check_text
from claims.checks.units import registry

_IT_SENTENCE = "It is 30 km from Kyiv. "


def _seconds(run: Callable[[str], object], text: str) -> float:
    times = []
    for _ in range(3):
        started = time.process_time()
        run(text)
        times.append(time.process_time() - started)
    return min(times)


def _grows_linearly(make: Callable[[int], str], size: int) -> bool:
    check_text(make(size // 10))  # warm: the gazetteer and the unit registry load once
    return _seconds(check_text, make(4 * size)) / _seconds(check_text, make(size)) < 8


def _it_sentences(count: int) -> str:
    return "Bucha is a town. " + _IT_SENTENCE * count


def test_two_thousand_sentences_that_open_with_it_are_checked_without_error():
    findings = check_text(_it_sentences(2_000))
    assert len(findings) == 2_000
    assert {f.explanation.split(":")[0] for f in findings} == {"Kyiv → Bucha"}


def test_sentences_that_open_with_it_are_read_in_linear_time():
    assert _grows_linearly(_it_sentences, 100)


def _one_long_sentence(count: int) -> str:
    return "Kupiansk, some 30 miles to the north of Izium, and " * count


def test_a_long_sentence_of_distances_is_read_in_linear_time():
    assert _grows_linearly(_one_long_sentence, 250)


def test_a_thousand_converted_temperatures_ask_pint_once_per_pair_of_units(monkeypatch):
    # pint takes ~0.1 ms a conversion; a figure and its conversion are converted several
    # times over (the figure, its rounding, its ends), so a long article of pairs took seconds.
    pint_quantity = registry().Quantity
    conversions = []
    original = pint_quantity.to

    def counted(self, *args, **kwargs):
        conversions.append(self.units)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(pint_quantity, "to", counted)
    findings = check_text("29 C (84 F) " * 1_000)
    assert [f.outcome for f in findings] == ["consistent"] * 1_000
    assert len(conversions) <= 10
