"""The shapes of date arithmetic news writes (issue 12): each as a general rule, several
cases each, and every path that ends `unverifiable`."""

from datetime import date

import pytest

from claims.checks.date_arithmetic import check_date_arithmetic

FRIDAY = date(2024, 3, 15)
WEDNESDAY = date(2024, 3, 20)


def outcome(text: str, surface: str, reference: date | None = FRIDAY) -> str | None:
    at = text.index(surface)
    near = [
        f
        for f in check_date_arithmetic(text, reference)
        if f.start < at + len(surface) and at < f.end
    ]
    assert len(near) <= 1, near
    return near[0].outcome if near else None


def explanation(text: str, surface: str, reference: date | None = FRIDAY) -> str:
    at = text.index(surface)
    (found,) = [
        f
        for f in check_date_arithmetic(text, reference)
        if f.start < at + len(surface) and at < f.end
    ]
    return found.explanation


# --- an event dated in an earlier sentence -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "Floods tore through Ried on Friday, March 8. Engineers arrived on Tuesday, "
            "four days after the floods.",
            "four days after",
            "consistent",
        ),
        (
            "Floods tore through Ried on Friday, March 8. Engineers arrived on Tuesday, "
            "six days after the floods.",
            "six days after",
            "inconsistent",
        ),
        (
            "The coalition collapsed on March 1.\n\nTalks dragged on.\n\nThe premier resigned "
            "on March 15, two weeks after the coalition collapsed.",
            "two weeks after",
            "consistent",
        ),
        (
            "The army retook the crossing on March 3. Convoys resumed on March 10, ten days "
            "after the army retook the crossing.",
            "ten days after",
            "inconsistent",
        ),
    ],
)
def test_an_event_dated_in_an_earlier_sentence_anchors_n_days_after_it(text, surface, expected):
    assert outcome(text, surface, date(2024, 3, 20)) == expected


def test_two_candidate_dates_for_the_event_are_unverifiable():
    text = (
        "Police arrested a man in Leeds on March 2. A second suspect was arrested in Bradford "
        "on March 5. The warehouse reopened on March 12, a week after the arrest."
    )
    assert outcome(text, "a week after") == "unverifiable"
    assert "different dates" in explanation(text, "a week after")


def test_an_event_not_linked_confidently_is_unverifiable():
    # The only storm the text dates comes after the visit: another storm, or a contradiction.
    text = (
        "The mayor toured the beach on Monday, three days after the storm. "
        "The storm struck the coast on Tuesday."
    )
    assert outcome(text, "three days after") == "unverifiable"
    assert "the link is not sure" in explanation(text, "three days after")


def test_an_event_brought_in_as_new_or_of_another_kind_gives_no_finding():
    text = "Shelling hit Kherson on Monday. On Thursday, two days after a drone attack, it rained."
    assert outcome(text, "two days after") is None
    text = "The trial opened on Monday. On Thursday, two days after the summit, it rained."
    assert outcome(text, "two days after") is None


# --- "N later": which event ----------------------------------------------------------------


def test_n_later_counts_from_the_nearest_dated_event():
    text = (
        "The law, passed on February 20, took effect on March 1. Two weeks later, on March 15, "
        "the first fines came."
    )
    assert outcome(text, "Two weeks later") == "consistent"


def test_n_later_that_fits_another_nearby_event_better_is_unverifiable():
    text = (
        "The storm hit on March 1; forecasters had warned of it on February 26. "
        "Ten days later, on March 11, the roads reopened."
    )
    assert outcome(text, "Ten days later") == "unverifiable"
    assert "does not say which event" in explanation(text, "Ten days later")


# --- after N days (of X) -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "Talks opened in Manchester on Monday, March 4. After 11 days of talks, "
            "negotiators reached a deal on Friday.",
            "11 days",
            "consistent",
        ),
        (
            "Talks opened in Manchester on March 4. Negotiators reached a deal on March 15 "
            "after 11 days of talks.",
            "11 days",
            "consistent",
        ),
        (
            "Negotiations began on March 1. After three weeks of talks, a deal came on March 8.",
            "three weeks",
            "inconsistent",
        ),
        (
            "A hiker went missing on Saturday. After five days, rescuers found him on Thursday.",
            "five days",
            "consistent",
        ),
    ],
)
def test_after_n_days_counts_from_the_start(text, surface, expected):
    assert outcome(text, surface) == expected


def test_after_n_days_of_something_never_dated_gives_no_finding():
    text = "After five days of rain, the river burst its banks on Thursday."
    assert outcome(text, "five days") is None


def test_after_n_days_of_talks_that_began_twice_is_unverifiable():
    text = (
        "Talks began in Doha on March 1. Talks began again in Cairo on March 4. After 11 "
        "days of talks, a deal came on Friday."
    )
    assert outcome(text, "11 days") == "unverifiable"


# --- a week, a fortnight -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "reference", "expected"),
    [
        ("It began on March 4. A week later, on March 11, it ended.", "A week later", FRIDAY,
         "consistent"),
        ("It began on March 4. A week later, on March 8, it ended.", "A week later", FRIDAY,
         "inconsistent"),
        ("It began on March 4. A week later, on March 12, it ended.", "A week later", FRIDAY,
         "consistent"),
        ("It began on March 1. A fortnight later, on March 15, it ended.", "A fortnight later",
         FRIDAY, "consistent"),
        ("It began on March 1. A fortnight later, on March 8, it ended.", "A fortnight later",
         FRIDAY, "inconsistent"),
    ],
)  # fmt: skip
def test_a_week_later_is_seven_days(text, surface, reference, expected):
    assert outcome(text, surface, reference) == expected


def test_a_bare_weekday_after_a_dated_event_is_known_by_its_day_of_the_week():
    # The Friday a week after March 1 is March 8, not the latest Friday before the dateline.
    text = "Floods hit on March 1. A week later, on Friday, aid arrived."
    assert outcome(text, "A week later", WEDNESDAY) == "consistent"
    text = "Dockers walked out on Monday, March 4. A fortnight later, on Monday, they went back."
    assert outcome(text, "A fortnight later", date(2024, 3, 27)) == "consistent"
    text = "Floods hit on March 1. A week later, on Tuesday, aid arrived."
    assert outcome(text, "A week later", WEDNESDAY) == "inconsistent"


def test_a_bare_weekday_any_number_of_weeks_from_its_anchor_is_known_by_its_day_of_the_week():
    # Saturday, Sept. 14, 2019 is two days after the Thursday, 156 weeks before the dateline.
    text = (
        "It was on Thursday, Sept. 12, 2019 that the band reunited; two days later, on "
        "Saturday, they played."
    )
    assert outcome(text, "two days later", date(2022, 9, 14)) == "consistent"
    text = "The band reunited on Sept. 12, 2019. Three days later, on Saturday, they played."
    found = explanation(text, "Three days later", date(2022, 9, 14))
    assert "1094" not in found and "2 days" in found  # the nearest count the weekday allows
    assert outcome(text, "Three days later", date(2022, 9, 14)) == "inconsistent"


def test_a_weekday_moved_by_weeks_is_dated_where_it_moved():
    text = "Floods hit on March 1. A week later, on Friday, aid arrived."
    found = explanation(text, "A week later", WEDNESDAY)
    assert "Fri 1 Mar 2024" in found and "Fri 8 Mar 2024" in found


def test_a_weekday_cannot_contradict_a_length_that_allows_a_whole_week():
    text = "Floods hit on March 1. About two months later, on Friday, aid arrived."
    assert outcome(text, "About two months later", date(2024, 5, 20)) is None


# --- hours ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("The fire broke out at 9 p.m. on Tuesday. It was out 14 hours later, at 11 a.m.",
         "14 hours later", "consistent"),
        ("The quake struck at 3:40 a.m. Rescuers arrived six hours later, at 1 p.m.",
         "six hours later", "inconsistent"),
        ("Voting closed at 8 p.m. on Sunday. The count came 26 hours later, at 10 p.m. on Monday.",
         "26 hours later", "consistent"),
        ("Voting closed at 8 p.m. on Sunday. The count came 20 hours later, at 10 p.m. on Monday.",
         "20 hours later", "inconsistent"),
        ("The talks ended at 23:30. A deal was signed 90 minutes later, at 1 a.m.",
         "90 minutes later", "consistent"),
    ],
)  # fmt: skip
def test_hours_later_between_two_clock_times(text, surface, expected):
    assert outcome(text, surface) == expected


@pytest.mark.parametrize("hedge", ["about", "around", "roughly", "nearly", "at about"])
def test_a_hedged_clock_time_beside_an_hour_count_is_its_moment(hedge):
    text = f"The fire broke out at 9 p.m. on Tuesday. It was out 14 hours later, {hedge} 11 a.m."
    assert outcome(text, "14 hours later") == "consistent"
    text = f"The fire broke out at 9 p.m. on Tuesday. It was out 10 hours later, {hedge} 11 a.m."
    assert outcome(text, "10 hours later") == "inconsistent"


def test_hours_later_between_two_dates_only_to_the_day():
    text = "The ferry left on Sunday. It docked 12 hours later, on Tuesday."
    assert outcome(text, "12 hours later") == "inconsistent"
    assert "between 24 and 72 hours" in explanation(text, "12 hours later")
    text = "The ferry left on Sunday. It docked 30 hours later, on Tuesday."
    assert outcome(text, "30 hours later") == "consistent"


def test_hours_between_two_weekdays_without_a_dateline_are_unverifiable():
    text = "The ferry left on Sunday. It docked 30 hours later, on Tuesday."
    assert outcome(text, "30 hours later", None) == "unverifiable"


# --- N-day events --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("The 11-day festival runs from 3 to 13 June.", "11-day", "consistent"),
        ("The 11-day festival runs from June 3 to June 12.", "11-day", "inconsistent"),
        ("Leaders met for a three-day summit from June 10 to June 12.", "three-day",
         "consistent"),
        ("Bankers held a two-day meeting from Monday to Wednesday.", "two-day", "inconsistent"),
        ("Bankers held a three-day meeting from Monday to Wednesday.", "three-day", "consistent"),
        ("Doctors began a five-day strike on Monday. The walkout ends on Friday.", "five-day",
         "consistent"),
        ("Doctors began a four-day strike on Monday. The walkout ends on Friday.", "four-day",
         "inconsistent"),
        ("A two-week fair opened on June 1 and closed on June 14.", "two-week", "consistent"),
    ],
)  # fmt: skip
def test_an_n_day_summit_counts_its_first_and_last_day(text, surface, expected):
    assert outcome(text, surface, date(2024, 6, 20)) == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The family booked a 10-day trip from June 1 to June 11.", "10-day"),
        ("The minister began a three-day visit on Monday. The visit ends on Thursday.",
         "three-day"),
        ("Passengers on the seven-day cruise sailed from June 3 to June 10.", "seven-day"),
    ],
)  # fmt: skip
def test_a_stay_that_fits_only_without_its_last_day_is_unverifiable(text, surface):
    # A trip, visit or cruise is often told in nights, which leave out the last day.
    assert outcome(text, surface) == "unverifiable"
    assert "without the last" in explanation(text, surface)


def test_an_n_day_event_without_its_two_ends_is_not_judged():
    assert outcome("The three-day summit in Lucerne drew 40 leaders.", "three-day") is None
    assert outcome("The 24-hour strike grounded flights.", "24-hour") is None


def test_an_n_day_event_between_weekdays_without_a_dateline_is_unverifiable():
    text = "Bankers held a two-day meeting from Monday to Wednesday."
    assert outcome(text, "two-day", None) == "unverifiable"


# --- month ends, leap years, year ends ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "reference", "expected"),
    [
        ("The road was buried on February 27. It reopened three days later, on March 2.",
         "three days later", FRIDAY, "inconsistent"),  # 2024 is a leap year: 4 days
        ("The road was buried on February 27. It reopened three days later, on March 2.",
         "three days later", date(2023, 3, 10), "consistent"),
        ("The ship ran aground on December 30. Five days later, on January 4, it was freed.",
         "Five days later", date(2025, 1, 10), "consistent"),
        ("The ship ran aground on December 30. Four days later, on January 4, it was freed.",
         "Four days later", date(2025, 1, 10), "inconsistent"),
        ("Rates rose on January 31. A month later, on February 29, they rose again.",
         "A month later", FRIDAY, "consistent"),
    ],
)  # fmt: skip
def test_a_duration_across_a_month_or_year_end(text, surface, reference, expected):
    assert outcome(text, surface, reference) == expected


# --- the future ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Polls will open in three days, on Friday.", "three days", "consistent"),
        ("The bridge will open in two days' time, on Saturday.", "two days", "inconsistent"),
        ("The trial is due to start ten days from now, on March 22.", "ten days from now",
         "consistent"),
    ],
)  # fmt: skip
def test_future_tense_counts_from_the_dateline(text, surface, expected):
    assert outcome(text, surface, date(2024, 3, 12)) == expected


def test_in_n_days_in_the_past_tense_is_a_length_not_an_offset():
    text = "The bridge was built in three days, on Friday."
    assert outcome(text, "three days", date(2024, 3, 12)) is None


# --- no two dated ends ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The town was cut off for more than two weeks.",
        "It took nearly a month for the water to drain.",
        "The negotiators had spent 11 days in Doha, officials said on Friday.",
        "Ten days after the earthquake, survivors were still being found, the Red Cross said "
        "on Thursday.",
        "Rescuers worked for 48 hours without a break.",
    ],
)
def test_a_duration_without_two_dated_ends_raises_no_alarm(text):
    assert [f for f in check_date_arithmetic(text, FRIDAY) if f.outcome != "unverifiable"] == []


def test_no_dateline_makes_weekday_counts_unverifiable():
    text = "The strike began on Monday, five days ago."
    assert outcome(text, "five days ago", None) == "unverifiable"
    assert "dateline" in explanation(text, "five days ago", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two-week trial, which began on Monday, Jan. 8, ended on Friday, Jan. 19.",
         "consistent"),
        ("The one-week course began on Monday, Jan. 8, and ended on Friday, Jan. 12.",
         "consistent"),
        ("The three-week trial, which began on Monday, Jan. 8, ended on Friday, Jan. 19.",
         "inconsistent"),
    ],
)  # fmt: skip
def test_weeks_from_a_monday_to_a_friday_count_working_weeks(text, expected):
    surface = text.split(",")[0].split("The ")[1].split(" ")[0]
    assert outcome(text, surface, date(2024, 1, 22)) == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("The dam failed on Sept. 10. Rescuers reached the last village on Sept. 18, eight "
         "days after the dam failed.", "eight days after", "consistent"),
        ("The dam failed on Sept. 10. Rescuers reached the last village on Sept. 18, six "
         "days after the dam failed.", "six days after", "inconsistent"),
        ("The ferry sank on June 2. Divers found the wreck on June 9, a week after the ferry "
         "sank.", "a week after", "consistent"),
    ],
)  # fmt: skip
def test_an_event_told_again_in_the_same_words_anchors_n_days_after_it(text, surface, expected):
    assert outcome(text, surface, date(2024, 9, 20)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # another event in other words: no link
        "The dam failed on Sept. 10. Rescuers came on Sept. 18, eight days after the levee failed.",
        # one word alone ("it closed") is not enough to tell the event again
        "The bridge closed on May 23. It reopened on June 3, two weeks after it closed.",
    ],
)
def test_an_event_not_told_in_the_same_words_is_not_linked(text):
    assert outcome(text, "after", date(2024, 9, 20)) is None


def test_an_event_told_again_with_two_dates_is_unverifiable():
    text = (
        "The dam failed on Sept. 10 and again on Sept. 14. Rescuers came on Sept. 18, eight "
        "days after the dam failed."
    )
    assert outcome(text, "eight days after", date(2024, 9, 20)) == "unverifiable"
