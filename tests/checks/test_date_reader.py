"""One reader: every length of time the extractor finds beside a dated anchor is considered
by the date check, in words or digits, with any unit and qualifier, anchored in the same
sentence or an earlier one."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.checks import check_text
from claims.checks.date_arithmetic import check_date_arithmetic
from claims.extraction import extract_quantities

DATELINE = date(2024, 6, 14)
_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
          8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 20: "twenty",
          21: "twenty-one", 30: "thirty", 100: "a hundred"}  # fmt: skip
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_QUALIFIERS = ["", "about ", "nearly ", "more than ", "at least ", "less than ", "some "]


def _amount(n: int, words: bool) -> str:
    return _WORDS[n] if words and n in _WORDS else f"{n:,}"


def _day(d: date) -> str:
    return f"{d:%B} {d.day}, {d.year}"


@st.composite
def passages(draw):
    """A dated event, then a duration beside a second date: "... on June 2, 2024. ... on
    June 7, 2024, five days later." with the duration in many shapes."""
    unit = draw(st.sampled_from(sorted(_UNIT_DAYS)))
    n = draw(st.sampled_from(sorted(_WORDS)))
    n = min(n, 30) if unit == "year" else n  # the years a news date is written in
    words = draw(st.booleans())
    qualifier = draw(st.sampled_from(_QUALIFIERS))
    shift = draw(st.integers(-1, 1)) if n * _UNIT_DAYS[unit] > 1 else draw(st.integers(0, 1))
    first = date(2015, 1, 1) + timedelta(days=draw(st.integers(0, 2000)))
    second = first + timedelta(days=n * _UNIT_DAYS[unit] + shift)
    plural = "" if n == 1 else "s"
    length = f"{qualifier}{_amount(n, words)} {unit}{plural}"
    shape = draw(
        st.sampled_from(["later_apposed", "later_opening", "after_event", "ago", "elapsed"])
    )
    same_sentence = draw(st.booleans())
    joint = ", and" if same_sentence else "."
    if shape == "later_apposed":
        text = (
            f"The dam burst on {_day(first)}{joint} water reached the lower town on "
            f"{_day(second)}, {length} later."
        )
    elif shape == "later_opening":
        text = (
            f"The dam burst on {_day(first)}. {length.capitalize()} later, on {_day(second)}, "
            "water came."
        )
    elif shape == "after_event":
        text = (
            f"The dam burst on {_day(first)}{joint} the minister resigned on {_day(second)}, "
            f"{length} after the dam burst."
        )
    elif shape == "elapsed":
        opener = ", and after" if same_sentence else ". After"
        text = (
            f"Talks opened in Geneva on {_day(first)}{opener} {length} of talks, a deal was "
            f"signed on {_day(second)}."
        )
    else:
        second = DATELINE
        first = DATELINE - timedelta(days=n * _UNIT_DAYS[unit] + shift)
        text = f"The strike began on {_day(first)}, {length} ago."
    return text


@settings(max_examples=300, deadline=None)
@given(passages())
def test_every_duration_beside_a_dated_anchor_is_considered(text):
    quantities = extract_quantities(text, reference_date=DATELINE)
    durations = [q for q in quantities if q.kind == "duration"]
    assert durations, text
    findings = check_date_arithmetic(text, DATELINE, quantities)
    for q in durations:
        assert any(f.start < q.end and q.start < f.end for f in findings), (text, q.text)


def test_check_text_passes_its_quantities_to_the_date_check():
    text = "The talks began on March 3. They collapsed on March 10, a hundred days later."
    found = [f for f in check_text(text, date(2024, 3, 15)) if f.check == "date_arithmetic"]
    assert [(text[f.start : f.end], f.outcome) for f in found] == [
        ("a hundred days later", "inconsistent")
    ]


def test_the_date_check_alone_extracts_its_own_quantities():
    text = "The talks began on March 3. They collapsed on March 10, seven days later."
    found = check_date_arithmetic(text, date(2024, 3, 15))
    assert [(text[f.start : f.end], f.outcome) for f in found] == [
        ("seven days later", "consistent")
    ]


def test_a_length_the_extractor_reads_in_words_is_checked():
    # "a hundred days" was beyond the temporal layer's own number words before it used the
    # extractor's quantities.
    text = (
        "The war began on 24 February 2022. On 4 June 2022, a hundred days after the war "
        "began, the president spoke."
    )
    found = check_date_arithmetic(text, None)
    assert [(text[f.start : f.end], f.outcome) for f in found] == [
        ("a hundred days after", "consistent")
    ]


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(sorted(_WORDS)),
    st.booleans(),
    st.sampled_from(["", "about ", "nearly ", "more than "]),
    st.integers(0, 23),
    st.integers(0, 23),
    st.booleans(),
)
def test_every_hour_count_beside_two_moments_is_considered(n, words, qualifier, h0, h1, days):
    def clock(h: int) -> str:
        return f"{h % 12 or 12} {'a.m.' if h < 12 else 'p.m.'}"

    plural = "" if n == 1 else "s"
    length = f"{qualifier}{_amount(n, words)} hour{plural}"
    if days:
        text = f"The storm hit on June 3, 2024. Power came back {length} later, on June 5, 2024."
    else:
        text = f"The fire broke out at {clock(h0)}. It was out {length} later, at {clock(h1)}."
    quantities = extract_quantities(text, reference_date=DATELINE)
    hours = [q for q in quantities if q.kind == "duration" and q.unit == "hour"]
    assert hours, text
    findings = check_date_arithmetic(text, DATELINE, quantities)
    for q in hours:
        assert any(f.start < q.end and q.start < f.end for f in findings), (text, q.text)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(sorted(_WORDS)), st.booleans(), st.integers(0, 40))
def test_every_n_day_event_with_two_dated_ends_is_considered(n, words, span):
    first = date(2024, 5, 1)
    last = first + timedelta(days=span)
    # "a hundred" is written "one-hundred" before a noun: "a-hundred-day" is no English.
    amount = _amount(n, words).replace("a hundred", "one hundred").replace(" ", "-")
    text = f"The {amount}-day festival runs from {_day(first)} to {_day(last)}."
    quantities = extract_quantities(text, reference_date=DATELINE)
    durations = [q for q in quantities if q.kind == "duration"]
    assert durations, text
    findings = check_date_arithmetic(text, DATELINE, quantities)
    for q in durations:
        assert any(f.start < q.end and q.start < f.end for f in findings), (text, q.text)
