"""Time expressions resolved against the dateline (claims.extraction.temporal)."""

import time
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.extraction.temporal import TimeExpression, find_time_expressions

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "izium-2022-09-14.txt"
WEDNESDAY = date(2022, 9, 14)
FRIDAY = date(2024, 3, 15)


def only(text: str, reference: date | None = FRIDAY) -> TimeExpression:
    found = find_time_expressions(text, reference)
    assert len(found) == 1, found
    return found[0]


def resolved(text: str, reference: date | None = FRIDAY) -> date | None:
    return only(text, reference).date


def test_the_package_exports_the_temporal_api():
    import claims.extraction as package

    assert package.find_time_expressions is find_time_expressions
    assert "find_time_expressions" in package.__all__
    assert "TimeExpression" in package.__all__


# --- weekdays -----------------------------------------------------------------------------


def test_a_bare_weekday_is_the_latest_one_on_or_before_the_dateline():
    assert resolved("forces took back control of Izium on Saturday", WEDNESDAY) == date(2022, 9, 10)
    assert resolved("Zelensky said on Tuesday that", WEDNESDAY) == date(2022, 9, 13)


def test_the_datelines_own_weekday_is_the_dateline():
    assert resolved("Zelensky visited Izium on Wednesday", WEDNESDAY) == WEDNESDAY


def test_last_friday_is_strictly_before_and_next_monday_strictly_after():
    assert resolved("It happened last Friday.") == date(2024, 3, 8)
    assert resolved("It happened last Thursday.") == date(2024, 3, 14)
    assert resolved("They meet next Monday.") == date(2024, 3, 18)
    assert resolved("They meet next Friday.") == date(2024, 3, 22)


def test_this_and_coming_weekdays_look_forward():
    assert resolved("The vote is this Sunday.") == date(2024, 3, 17)
    assert resolved("The vote is this coming Tuesday.") == date(2024, 3, 19)


def test_a_weekday_in_a_future_clause_looks_forward():
    assert resolved("The minister will visit the dam on Tuesday.") == date(2024, 3, 19)
    assert resolved("On Sunday, voters will go to the polls.") == date(2024, 3, 17)
    assert resolved("The bridge, which opened on Tuesday, is shut.") == date(2024, 3, 12)


def test_the_following_monday_is_left_unresolved():
    expr = only("They met again the following Monday.")
    assert expr.text == "the following Monday"
    assert expr.date is None


def test_weekdays_without_a_dateline_are_unresolved_and_relative():
    expr = only("The dam burst on Monday.", None)
    assert expr.kind == "date"
    assert expr.date is None
    assert expr.relative


def test_plural_weekdays_are_not_dates():
    assert find_time_expressions("The market opens on Saturdays.", FRIDAY) == []


def test_a_possessive_weekday_is_a_date():
    assert resolved("after Monday's vote") == date(2024, 3, 11)


# --- days relative to the dateline --------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("yesterday", date(2024, 3, 14)),
        ("Yesterday", date(2024, 3, 14)),
        ("today", FRIDAY),
        ("tonight", FRIDAY),
        ("tomorrow", date(2024, 3, 16)),
        ("last night", date(2024, 3, 14)),
        ("this morning", FRIDAY),
        ("the day before yesterday", date(2024, 3, 13)),
        ("the day after tomorrow", date(2024, 3, 17)),
    ],
)
def test_relative_days(phrase, expected):
    expr = only(f"It happened {phrase}, police said.")
    assert expr.text == phrase
    assert expr.date == expected
    assert expr.relative


# --- explicit dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("September 10", date(2023, 9, 10)),
        ("Sept. 10", date(2023, 9, 10)),
        ("Sept 10", date(2023, 9, 10)),
        ("Sep 10", date(2023, 9, 10)),
        ("10 Sept", date(2023, 9, 10)),
        ("10 September", date(2023, 9, 10)),
        ("10th of September", date(2023, 9, 10)),
        ("September 10th", date(2023, 9, 10)),
        ("March 3", date(2024, 3, 3)),
        ("June 1", date(2024, 6, 1)),
        ("Dec. 28", date(2023, 12, 28)),
        ("Sept. 10, 2022", date(2022, 9, 10)),
        ("10 September 2022", date(2022, 9, 10)),
        ("September 10 2022", date(2022, 9, 10)),
        ("Saturday, September 10, 2022", date(2022, 9, 10)),
        ("2022-09-10", date(2022, 9, 10)),
    ],
)
def test_explicit_dates(phrase, expected):
    expr = only(f"The report of {phrase} was read out.")
    assert expr.text == phrase
    assert expr.kind == "date"
    assert expr.date == expected


def test_a_date_without_a_year_falls_within_nine_months_before_to_three_months_after():
    january = date(2024, 1, 10)
    assert resolved("on December 28", january) == date(2023, 12, 28)
    assert resolved("on March 3", date(2022, 9, 14)) == date(2022, 3, 3)
    assert resolved("on November 5", date(2022, 9, 14)) == date(2022, 11, 5)
    assert resolved("on January 5", date(2022, 12, 20)) == date(2023, 1, 5)
    assert resolved("on December 20", date(2022, 9, 14)) == date(2021, 12, 20)


def test_february_29_takes_a_leap_year_or_stays_unresolved():
    assert resolved("on February 29", date(2024, 3, 15)) == date(2024, 2, 29)
    assert resolved("on February 29", date(2023, 3, 15)) is None


def test_a_year_stated_is_kept_and_not_relative():
    expr = only("on 10 September 2015")
    assert expr.date == date(2015, 9, 10)
    assert not expr.relative


def test_explicit_dates_without_a_year_need_the_dateline():
    expr = only("on September 10", None)
    assert expr.date is None
    assert expr.relative


@pytest.mark.parametrize(
    "text",
    [
        "May 10,000 people",  # a count, not May 10
        "in September 2022",  # a month, not a day
        "they march 3 miles",  # lower case: the verb
        "Route 66 and Article 5",
        "Boeing 737 jets",
    ],
)
def test_things_that_are_not_dates(text):
    assert [e for e in find_time_expressions(text, FRIDAY) if e.kind == "date"] == []


# --- offsets ------------------------------------------------------------------------------


def test_ago_offsets():
    found = find_time_expressions("since it began on Sunday, five days ago", FRIDAY)
    offset = found[-1]
    assert (offset.kind, offset.text, offset.amount, offset.unit) == (
        "offset",
        "five days ago",
        5.0,
        "day",
    )
    assert (offset.direction, offset.anchor, offset.date) == (-1, "dateline", date(2024, 3, 10))
    assert offset.relative


@pytest.mark.parametrize(
    ("phrase", "amount", "unit", "direction", "anchor"),
    [
        ("two days later", 2, "day", 1, "preceding"),
        ("a week later", 1, "week", 1, "preceding"),
        ("a fortnight later", 2, "week", 1, "preceding"),
        ("three months earlier", 3, "month", -1, "preceding"),
        ("twenty-one days after the vote", 21, "day", 1, "following"),
        ("ten days before the election", 10, "day", -1, "following"),
        ("two weeks prior to the summit", 2, "week", -1, "following"),
        ("5 days after, the", 5, "day", 1, "preceding"),
        ("five days on, the", 5, "day", 1, "preceding"),
        ("a dozen years later", 12, "year", 1, "preceding"),
        ("two years from now", 2, "year", 1, "dateline"),
        ("48 hours later", 48, "hour", 1, "preceding"),
    ],
)
def test_offsets(phrase, amount, unit, direction, anchor):
    expr = find_time_expressions(f"It ended {phrase} end.", FRIDAY)[0]
    assert expr.kind == "offset"
    assert (expr.amount, expr.unit, expr.direction, expr.anchor) == (
        amount,
        unit,
        direction,
        anchor,
    )


def test_seed_offset_span():
    found = find_time_expressions(
        "visited Izium on Wednesday, five days after the country’s forces recaptured the city",
        WEDNESDAY,
    )
    assert [e.text for e in found] == ["Wednesday", "five days after"]
    assert found[1].anchor == "following"


@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [
        ("about two weeks later", "approximate"),
        ("nearly five days after the fall", "approximate"),
        ("more than a week later", "more_than"),
        ("at least three days earlier", "at_least"),
        ("less than a month after the vote", "less_than"),
        ("two days later", "exact"),
    ],
)
def test_offset_qualifiers(phrase, qualifier):
    expr = find_time_expressions(f"It ended {phrase}.", FRIDAY)[0]
    assert expr.text.startswith(phrase.split()[0])
    assert expr.qualifier == qualifier


@pytest.mark.parametrize(
    ("phrase", "fixed_anchor", "direction"),
    [
        ("the next day.", "preceding", 1),
        ("the following morning.", "preceding", 1),
        ("the previous day.", "preceding", -1),
        ("the day before the vote.", "following", -1),
        ("the day after the flood.", "following", 1),
    ],
)
def test_one_day_offsets(phrase, fixed_anchor, direction):
    expr = find_time_expressions(f"They left {phrase}", FRIDAY)[0]
    assert (expr.kind, expr.amount, expr.unit) == ("offset", 1.0, "day")
    assert (expr.anchor, expr.direction) == (fixed_anchor, direction)


@pytest.mark.parametrize(
    ("phrase", "amount", "unit"),
    [("three and a half years later", 3.5, "year"), ("a year and a half later", 1.5, "year")],
)
def test_and_a_half(phrase, amount, unit):
    expr = only(f"They left {phrase}.")
    assert (expr.text, expr.amount, expr.unit, expr.direction) == (phrase, amount, unit, 1)


def test_vague_amounts_are_no_length():
    # The extractor reads no figure in "a few days", so the temporal layer has nothing to count.
    for phrase in ("a few days later", "several weeks after the vote", "days later"):
        assert find_time_expressions(f"It ended {phrase}.", FRIDAY) == []


def test_delta_is_signed():
    from dateutil.relativedelta import relativedelta

    assert only("three weeks earlier").delta() == relativedelta(weeks=-3)
    assert only("two months later").delta() == relativedelta(months=2)


def test_months_ago_use_the_calendar():
    assert only("two months ago").date == date(2024, 1, 15)
    assert only("a year ago").date == date(2023, 3, 15)


# --- durations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "amount", "unit", "qualifier"),
    [
        ("a period of six weeks", "six weeks", 6, "week", "exact"),
        ("was under occupation for over five months", "over five months", 5, "month", "more_than"),
        ("for more than eight years", "more than eight years", 8, "year", "more_than"),
        ("a six-week siege", "six-week", 6, "week", "exact"),
        ("for five days after the flood", "five days", 5, "day", "exact"),
        ("in the first two weeks after the vote", "two weeks", 2, "week", "exact"),
        ("over the past five days", "five days", 5, "day", "exact"),
    ],
)
def test_durations(text, surface, amount, unit, qualifier):
    expr = only(text)
    assert (expr.kind, expr.text, expr.amount, expr.unit, expr.qualifier) == (
        "duration",
        surface,
        amount,
        unit,
        qualifier,
    )
    assert expr.direction == 0


# --- intervals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "first", "last", "length"),
    [
        (
            "from June 1 to June 30",
            "from June 1 to June 30",
            date(2024, 6, 1),
            date(2024, 6, 30),
            29,
        ),
        ("from June 1 to 30", "from June 1 to 30", date(2024, 6, 1), date(2024, 6, 30), 29),
        ("June 1-30", "June 1-30", date(2024, 6, 1), date(2024, 6, 30), 29),
        ("between March 3 and 5", "between March 3 and 5", date(2024, 3, 3), date(2024, 3, 5), 2),
        (
            "from December 20 to January 10",
            "from December 20 to January 10",
            date(2023, 12, 20),
            date(2024, 1, 10),
            21,
        ),
        (
            "from Monday to Wednesday",
            "from Monday to Wednesday",
            date(2024, 3, 11),
            date(2024, 3, 13),
            2,
        ),
        ("from Friday to Monday", "from Friday to Monday", FRIDAY, date(2024, 3, 18), 3),
    ],
)
def test_intervals(text, surface, first, last, length):
    expr = only(text)
    assert (expr.kind, expr.text) == ("interval", surface)
    assert (expr.date, expr.end_date, expr.length_days) == (first, last, length)


@pytest.mark.parametrize(
    ("text", "first", "last", "length"),
    [
        ("from 4 to 8 March", date(2024, 3, 4), date(2024, 3, 8), 4),
        ("4-8 March 2022", date(2022, 3, 4), date(2022, 3, 8), 4),
        ("between 10 and 12 September 2022", date(2022, 9, 10), date(2022, 9, 12), 2),
    ],
)
def test_day_ranges_within_a_month(text, first, last, length):
    expr = only(f"The talks ran {text}.")
    assert (expr.kind, expr.text) == ("interval", text)
    assert (expr.date, expr.end_date, expr.length_days) == (first, last, length)


def test_a_day_range_without_a_dateline_knows_its_length():
    assert only("from 4 to 8 March", None).length_days == 4


@pytest.mark.parametrize(
    ("phrase", "low", "high", "unit"),
    [
        ("two to three days later", 2, 3, "day"),
        ("20-30 days ago", 20, 30, "day"),
        ("two or three weeks after the vote", 2, 3, "week"),
    ],
)
def test_amount_ranges(phrase, low, high, unit):
    expr = find_time_expressions(f"It ended {phrase}.", FRIDAY)[0]
    assert (expr.kind, expr.qualifier) == ("offset", "range")
    assert (expr.amount, expr.amount_high, expr.unit) == (low, high, unit)


def test_two_calendar_dates_joined_by_to_are_an_interval():
    expr = only("The show runs June 1 to June 30.")
    assert (expr.kind, expr.text, expr.length_days) == ("interval", "June 1 to June 30", 29)


def test_the_year_written_at_an_intervals_end_dates_its_start_too():
    expr = only("from March 1 to March 12, 2019")
    assert (expr.date, expr.end_date, expr.length_days) == (
        date(2019, 3, 1),
        date(2019, 3, 12),
        11,
    )
    assert not expr.relative
    # The start lies before the end: December goes back to the year before.
    expr = only("from Dec. 28 to Jan. 3, 2020")
    assert (expr.date, expr.end_date, expr.length_days) == (date(2019, 12, 28), date(2020, 1, 3), 6)


def test_dates_joined_by_and_without_between_stay_two_dates():
    found = find_time_expressions("on June 1 and June 30", FRIDAY)
    assert [e.kind for e in found] == ["date", "date"]


def test_an_interval_without_a_dateline_still_knows_its_length():
    expr = only("from June 1 to June 30", None)
    assert expr.date is None
    assert expr.length_days == 29


def test_an_interval_across_february_without_a_dateline_has_no_length():
    assert only("from February 20 to March 3", None).length_days is None


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("since the start of September", date(2022, 9, 1)),
        ("since the beginning of September", date(2022, 9, 1)),
        ("since September", date(2022, 9, 1)),
        ("since September 2021", date(2021, 9, 1)),
        ("since Saturday", date(2022, 9, 10)),
        ("since last Friday", date(2022, 9, 9)),
        ("since September 10", date(2022, 9, 10)),
    ],
)
def test_since_runs_to_the_dateline(text, first):
    expr = only(f"the territory regained {text} was", WEDNESDAY)
    assert (expr.kind, expr.anchor) == ("interval", "dateline")
    assert (expr.date, expr.end_date) == (first, WEDNESDAY)
    assert expr.length_days == (WEDNESDAY - first).days


# --- the seed article ---------------------------------------------------------------------


def test_seed_article_time_expressions():
    text = SEED.read_text(encoding="utf-8")
    found = {e.text: e for e in find_time_expressions(text, WEDNESDAY)}
    assert found["Wednesday"].date == WEDNESDAY
    assert found["Saturday"].date == date(2022, 9, 10)
    assert found["Tuesday"].date == date(2022, 9, 13)
    assert found["Monday"].date == date(2022, 9, 12)
    assert found["five days after"].anchor == "following"
    assert found["over five months"].qualifier == "more_than"
    assert found["more than eight years"].kind == "duration"
    since = found["since the start of September"]
    assert (since.date, since.end_date) == (date(2022, 9, 1), WEDNESDAY)


# --- properties ---------------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "on", "Monday", "Saturday", "last", "next", "five", "days", "day", "after", "later",
        "ago", "from", "to", "June", "1", "30", "Sept.", "10,", "2022", "since", "the",
        "start", "of", "September", "a", "period", "week", "-", "–", ",", ".", "between",
        "and", "yesterday", "fortnight", "twenty-one", "months", "earlier", "before",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=30), st.none() | st.dates())
def test_any_word_salad_gives_well_formed_expressions(words, reference):
    text = " ".join(words)
    found = find_time_expressions(text, reference)
    assert found == find_time_expressions(text, reference)
    for expr in found:
        assert text[expr.start : expr.end] == expr.text
        assert expr.kind in ("date", "offset", "interval", "duration")
    starts = [e.start for e in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in pairwise(found))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.none() | st.dates())
def test_any_text_never_raises(text, reference):
    for expr in find_time_expressions(text, reference):
        assert text[expr.start : expr.end] == expr.text


def test_a_megabyte_of_near_misses_is_linear():
    # Four times the text takes about four times as long (a quadratic scan: sixteen). The
    # ratio, best of three, holds on a busy machine where a bound in seconds would not.
    chunk = "on Monday 10 Sept, 2 3 4 five six days week a a a June 1-30 from to since the of "

    def seconds(size: int) -> float:
        text = chunk * (size // len(chunk))
        times = []
        for _ in range(3):
            started = time.process_time()
            find_time_expressions(text, FRIDAY)
            times.append(time.process_time() - started)
        return min(times)

    assert seconds(1_000_000) / seconds(250_000) < 8
