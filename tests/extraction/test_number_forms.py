"""Numbers as news writes them: separators, decimals, scales, words, fractions, signs."""

import pytest

from claims.extraction import extract_quantities

from .helpers import approx, only


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The wall is 3,088 metres long.", "3,088 metres", 3088),
        ("The wall is 3\u2009088 metres long.", "3\u2009088 metres", 3088),
        ("The wall is 3\u00a0088 metres long.", "3\u00a0088 metres", 3088),
        ("The wall is 3\u202f088 metres long.", "3\u202f088 metres", 3088),
        ("The route is 26.2 miles long.", "26.2 miles", 26.2),
        ("The route is 30\u202fkm long.", "30\u202fkm", 30),
        ("They took 8\u2009000\u00a0km².", "8\u2009000\u00a0km²", 8000),
        ("The fund holds $1.2 billion.", "$1.2 billion", 1.2e9),
        ("It sold for €85m last year.", "€85m", 85e6),
        ("The fine was £2.5bn.", "£2.5bn", 2.5e9),
        ("The prize was $50K.", "$50K", 50_000),
        ("It took three and a half hours.", "three and a half hours", 3.5),
        ("Twenty-three people died.", "Twenty-three people", 23),
        ("One hundred and twenty people came.", "One hundred and twenty people", 120),
        ("A dozen drones were shot down.", "A dozen drones", 12),
        ("The cable is 3½ miles long.", "3½ miles", 3.5),
        ("It fell to minus 15C overnight.", "minus 15C", -15),
        ("It fell to -20°C overnight.", "-20°C", -20),
        ("About 3.2 million people live there.", "3.2 million people", 3.2e6),
        ("Two million barrels were lost.", "Two million barrels", 2e6),
    ],
)
def test_numeral_forms(text, surface, value):
    q = only(text)
    assert q.text == surface
    assert approx(q.value, value)


@pytest.mark.parametrize(
    ("text", "low", "high", "kind"),
    [
        ("Prices rose 20-30% this year.", 20, 30, "percentage"),
        ("Prices rose 20–30 per cent this year.", 20, 30, "percentage"),
        ("The queue was 20 to 30 metres long.", 20, 30, "length"),
        ("Between 20 and 30 people were hurt.", 20, 30, "count"),
        ("Tickets cost between €40 and €60.", 40, 60, "currency"),
        ("The plan costs $1-2 million.", 1e6, 2e6, "currency"),
        ("It lasts two to three days.", 2, 3, "duration"),
    ],
)
def test_ranges(text, low, high, kind):
    q = only(text)
    assert (q.value, q.value_high, q.kind, q.qualifier) == (low, high, kind, "range")
    assert q.si_value_high is not None


def test_a_score_is_not_a_range():
    assert extract_quantities("They won the match 3-1 on Sunday.") == []


def test_adjectival_units():
    q = only("A 12-mile stretch was closed.")
    assert (q.text, q.kind, q.unit, q.value) == ("12-mile", "length", "mile", 12)
    q = only("The 3.5-kilometre section reopened.")
    assert (q.text, q.unit, q.value) == ("3.5-kilometre", "kilometer", 3.5)
    q = only("A five-day ceasefire began.")
    assert (q.kind, q.value, q.unit) == ("duration", 5, "day")


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("They took 3,088 square miles.", 1),
        ("They took 8,000 square kilometres.", 1000),
        ("The route is 26.2 miles long.", 0.1),
        ("Kupyansk is 30 miles away.", 10),
        ("The fund has $450 million.", 1e7),
        ("The fine was £2.5bn.", 1e8),
        ("It took five days.", None),
        ("Half the area was flooded.", None),
        ("The cable is 3½ miles long.", None),
    ],
)
def test_step_is_the_rounding_the_numeral_shows(text, step):
    q = only(text)
    if step is None:
        assert q.step is None
    else:
        assert approx(q.step, step)
