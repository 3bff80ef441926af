"""The tolerance rules (docs/tolerances.md): rounding, round figures, hedges, one-sided, ranges."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.checks.tolerance import (
    Bounds,
    bounds,
    conversion_bounds,
    direction_half_arc,
    fmt,
    implied_step,
    place_radius_km,
)


def ends(b: Bounds) -> tuple[float | None, float | None]:
    return b.low, b.high


def test_a_figure_covers_half_its_rounding_step():
    assert ends(bounds(8000, step=1000)) == (7500, 8500)
    assert ends(bounds(3088, step=1)) == (3087.5, 3088.5)
    assert ends(bounds(26.2, step=0.1)) == pytest.approx((26.15, 26.25))


def test_a_round_figure_is_held_to_ten_percent_at_most():
    assert ends(bounds(30, step=10)) == pytest.approx((27, 33))
    assert ends(bounds(100, step=100)) == pytest.approx((90, 110))
    assert ends(bounds(50, step=10)) == pytest.approx((45, 55))


def test_a_small_figure_keeps_its_own_rounding_even_when_wide():
    assert ends(bounds(3, step=1)) == (2.5, 3.5)


def test_a_hedge_widens_to_ten_percent_or_the_rounding_if_wider():
    assert ends(bounds(30, qualifier="approximate", step=10)) == pytest.approx((27, 33))
    assert ends(bounds(250, qualifier="approximate", step=10)) == pytest.approx((225, 275))
    assert ends(bounds(3, qualifier="approximate", step=1)) == (2.5, 3.5)


def test_the_rule_names_the_hedge_as_written_and_the_interval():
    rule = bounds(30, qualifier="approximate", step=10, unit="mi", wording="some").rule
    assert rule == "'some' widens the figure by ±10 %: 27–33 mi"


@pytest.mark.parametrize("qualifier", ["more_than", "at_least"])
def test_more_than_and_at_least_set_only_a_floor(qualifier):
    b = bounds(8000, qualifier=qualifier, step=1000)
    assert ends(b) == (8000, None)
    assert b.contains(8000) and b.contains(1e9) and not b.contains(7999)


@pytest.mark.parametrize("qualifier", ["less_than", "at_most"])
def test_less_than_and_at_most_set_only_a_ceiling(qualifier):
    b = bounds(5, qualifier=qualifier)
    assert ends(b) == (None, 5)
    assert b.contains(0) and not b.contains(5.1)


def test_a_range_reaches_each_end_rounding():
    assert ends(bounds(20, qualifier="range", value_high=30, step=10)) == pytest.approx((18, 33))
    assert ends(bounds(4, qualifier="range", value_high=6, step=1)) == (3.5, 6.5)


def test_words_and_fractions_take_their_step_from_the_value():
    assert implied_step(5) == 1
    assert implied_step(30) == 10
    assert implied_step(3.5) == 0.5
    assert ends(bounds(5)) == (4.5, 5.5)


def test_a_converted_figure_may_have_been_cut_off():
    # 8,000 km² is 3,088.8 sq mi; "3,088" is a truncation, still a faithful conversion.
    assert conversion_bounds(3088, step=1).contains(3088.8)
    assert not bounds(3088, step=1).contains(3088.8)
    # a round figure was rounded, not cut off, and from a known value: ±5 %, not ±10 %
    assert conversion_bounds(50, step=10).high == pytest.approx(52.5)


def test_intervals_overlap_and_map_through_a_unit_change():
    km = bounds(8000, step=1000).mapped(lambda x: x / 2.589988)
    assert km.low == pytest.approx(2895.8, abs=0.1)
    assert km.overlaps(bounds(3088, step=1))
    assert not bounds(50, step=10).overlaps(bounds(20, step=10).mapped(lambda x: x * 1.609344))
    assert Bounds(1, None, "").overlaps(Bounds(None, 2, ""))


def test_numbers_print_for_a_person():
    assert fmt(3088.817, 5) == "3,088.8"
    assert fmt(7500.0) == "7,500"
    assert fmt(0.5) == "0.5"
    assert bounds(3.5).text("km") == "3.25–3.75 km"
    assert bounds(5, qualifier="more_than").text("days") == "5 days or more"


def test_places_are_given_a_size_that_grows_with_population():
    assert place_radius_km(45_884) == pytest.approx(0.68, abs=0.01)
    assert place_radius_km(100) == 0.5
    assert place_radius_km(20_000_000) == 8.0


def test_compass_words_cover_their_arc_plus_the_places_size():
    assert direction_half_arc("N", 1000, 0) == 45
    assert direction_half_arc("NE", 1000, 0) == 22.5
    assert direction_half_arc("NNE", 1000, 0) == 22.5
    assert direction_half_arc("N", 10, 10) == pytest.approx(90)


finite = st.floats(min_value=0.001, max_value=1e9, allow_nan=False)
qualifiers = st.sampled_from(["exact", "approximate", "more_than", "at_least", "less_than",
                              "at_most"])  # fmt: skip


@given(value=finite, qualifier=qualifiers, step=st.sampled_from([None, 0.1, 1, 10, 1000]))
def test_every_figure_covers_itself(value, qualifier, step):
    assert bounds(value, qualifier=qualifier, step=step).contains(value)


@given(value=finite, step=st.sampled_from([None, 0.1, 1, 10, 100, 1000]))
def test_a_hedge_never_narrows_a_figure(value, step):
    exact = bounds(value, step=step)
    hedged = bounds(value, qualifier="approximate", step=step)
    assert hedged.low <= exact.low and hedged.high >= exact.high
    assert math.isclose(hedged.high - value, value - hedged.low, rel_tol=1e-9, abs_tol=1e-9)
