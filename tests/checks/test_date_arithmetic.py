"""The date_arithmetic check: stated intervals against the text's own dates."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.checks.date_arithmetic import check_date_arithmetic
from claims.checks.finding import Finding

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "izium-2022-09-14.txt"
SEED_DATELINE = date(2022, 9, 14)  # a Wednesday
FRIDAY = date(2024, 3, 15)
MONDAY = date(2024, 3, 11)


def finding_at(text: str, surface: str, reference: date | None = FRIDAY) -> Finding | None:
    """The one finding that overlaps `surface`, or None."""
    at = text.index(surface)
    span = (at, at + len(surface))
    near = [
        f for f in check_date_arithmetic(text, reference) if f.start < span[1] and span[0] < f.end
    ]
    assert len(near) <= 1, near
    return near[0] if near else None


def outcome(text: str, surface: str, reference: date | None = FRIDAY) -> str | None:
    found = finding_at(text, surface, reference)
    return found.outcome if found else None


# --- the seed article ---------------------------------------------------------------------


def test_seed_five_days_after_the_recapture_is_four_days():
    text = SEED.read_text(encoding="utf-8")
    found = finding_at(text, "five days after", SEED_DATELINE)
    assert found is not None
    assert (found.check, found.outcome) == ("date_arithmetic", "inconsistent")
    assert text[found.start : found.end] == "five days after"
    assert found.expected == "4 days (Sat 10 Sep 2022 → Wed 14 Sep 2022)"
    assert "took back control of Izium on Saturday" in found.explanation
    assert "4.5–5.5 days" in found.explanation


def test_seed_gives_no_other_date_finding():
    text = SEED.read_text(encoding="utf-8")
    findings = check_date_arithmetic(text, SEED_DATELINE)
    assert [text[f.start : f.end] for f in findings] == ["five days after"]


def test_seed_without_a_dateline_is_unverifiable():
    text = SEED.read_text(encoding="utf-8")
    found = finding_at(text, "five days after", None)
    assert found is not None
    assert found.outcome == "unverifiable"
    assert "dateline" in found.explanation


def test_seed_sentences_alone_link_the_recapture():
    text = (
        "Zelensky visited newly liberated Izium on Wednesday, five days after the country’s "
        "forces recaptured the city. Ukrainian forces took back control of Izium on Saturday."
    )
    assert outcome(text, "five days after", SEED_DATELINE) == "inconsistent"


def test_seed_with_the_right_count_is_consistent():
    text = (
        "Zelensky visited Izium on Wednesday, four days after the country’s forces recaptured "
        "the city. Ukrainian forces took back control of Izium on Saturday."
    )
    assert outcome(text, "four days after", SEED_DATELINE) == "consistent"


# --- "N later" against the preceding dated event ------------------------------------------


def test_dev_two_days_later_is_consistent():
    text = "The dam burst on Monday. Water reached the lower town on Wednesday, two days later."
    found = finding_at(text, "two days later")
    assert found is not None
    assert found.outcome == "consistent"
    assert found.expected == "2 days (Mon 11 Mar 2024 → Wed 13 Mar 2024)"


def test_dev_three_days_later_on_thursday_is_two_days():
    text = "The bridge, which opened on Tuesday, was closed again three days later, on Thursday."
    found = finding_at(text, "three days later")
    assert found is not None
    assert found.outcome == "inconsistent"
    assert found.expected.startswith("2 days")


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "The talks began on March 3. They collapsed on March 10, a week later.",
            "a week later",
            "consistent",
        ),
        (
            "The talks began on March 3. They collapsed on March 10, two weeks later.",
            "two weeks later",
            "inconsistent",
        ),
        (
            "Fighting erupted on 1 January 2022. A truce came on 1 March 2022, two months later.",
            "two months later",
            "consistent",
        ),
        (
            "Fighting erupted on 1 January 2022. A truce came on 1 July 2022, two months later.",
            "two months later",
            "inconsistent",
        ),
        (
            "The war began on February 24, 2022. Two years later, on February 24, 2024, it raged",
            "Two years later",
            "consistent",
        ),
        (
            "The ship sank on Monday. Divers reached it the next day, on Tuesday.",
            "the next day",
            "consistent",
        ),
        (
            "The ship sank on Monday. Divers reached it the next day, on Thursday.",
            "the next day",
            "inconsistent",
        ),
        (
            "Water reached the town on Wednesday. The dam had burst two days earlier, on Monday.",
            "two days earlier",
            "consistent",
        ),
        (
            "Water reached the town on Wednesday. The dam had burst four days earlier, on Monday.",
            "four days earlier",
            "inconsistent",
        ),
        (
            "The dam burst on Monday. Two days later, on Wednesday, the water reached the town.",
            "Two days later",
            "consistent",
        ),
        (
            "The dam burst on Monday. Nearly a week later, on Sunday, the water came.",
            "Nearly a week later",
            "consistent",
        ),
        (
            "The dam burst on Monday. More than a day later, on Wednesday, the water came.",
            "More than a day later",
            "consistent",
        ),
        (
            "The dam burst on Monday. Less than a day later, on Wednesday, the water came.",
            "Less than a day later",
            "inconsistent",
        ),
    ],
)
def test_later_and_earlier(text, surface, expected):
    assert outcome(text, surface) == expected


def test_a_range_of_days_holds_both_ends():
    text = "The dam burst on Monday. Water reached the town on Thursday, two to three days later."
    assert outcome(text, "two to three days later") == "consistent"
    text = "The dam burst on Monday. Water reached the town on Friday, two to three days later."
    assert outcome(text, "two to three days later") == "inconsistent"


def test_and_a_half_years():
    text = (
        "Britain voted to leave on 23 June 2016. It left on 31 January 2020, "
        "three and a half years later."
    )
    assert outcome(text, "three and a half years later", None) == "consistent"
    wrong = text.replace("three and a half", "four and a half")
    assert outcome(wrong, "four and a half years later", None) == "inconsistent"


def test_weekday_names_wrap_when_the_later_one_is_still_to_come():
    text = "The bridge opened on Saturday. It will close three days later, on Tuesday."
    assert outcome(text, "three days later", MONDAY) == "consistent"
    wrong = "The bridge opened on Saturday. It will close four days later, on Tuesday."
    assert outcome(wrong, "four days later", MONDAY) == "inconsistent"


def test_a_week_later_on_the_same_weekday_is_seven_days():
    text = "The market opened on Monday. It closed a week later, on Monday."
    assert outcome(text, "a week later", FRIDAY) == "consistent"


def test_weekday_names_do_not_judge_gaps_longer_than_a_week():
    text = "The market opened on Monday. It closed ten days later, on Thursday."
    assert outcome(text, "ten days later", FRIDAY) is None


def test_a_reporting_date_is_not_the_preceding_event():
    text = (
        "The dam burst on Monday, the minister said on Thursday. "
        "Water reached the town on Wednesday, two days later."
    )
    assert outcome(text, "two days later") == "consistent"


def test_no_preceding_date_means_no_finding():
    text = "Water reached the lower town on Wednesday, two days later."
    assert check_date_arithmetic(text, FRIDAY) == []


def test_a_preceding_date_two_sentences_back_is_too_far():
    text = (
        "The dam burst on Monday. Engineers had warned of cracks. Crews worked all night. "
        "Water reached the lower town on Thursday, two days later."
    )
    assert check_date_arithmetic(text, FRIDAY) == []


def test_an_offset_not_beside_a_date_is_not_judged():
    text = "On Monday, officials said the fire started five days ago."
    assert check_date_arithmetic(text, FRIDAY) == []


def test_hours_between_two_days_are_checked_to_the_day():
    # Monday to Wednesday holds anything from 24 to 72 hours.
    text = "The storm hit on Monday. Power came back 36 hours later, on Wednesday."
    assert outcome(text, "36 hours later") == "consistent"
    text = "The storm hit on Monday. Power came back 12 hours later, on Wednesday."
    assert outcome(text, "12 hours later") == "inconsistent"
    text = "The storm hit on March 4. Power came back 80 hours later, on March 6."
    assert outcome(text, "80 hours later") == "inconsistent"
    text = "The storm hit on March 4. Power came back 70 hours later, on March 6."
    assert outcome(text, "70 hours later") == "consistent"


def test_vague_amounts_are_not_judged():
    text = "The storm hit on Monday. Power came back a few days later, on Thursday."
    assert check_date_arithmetic(text, FRIDAY) == []


def test_later_without_a_dateline_is_unverifiable():
    text = "The dam burst on Monday. Water reached the lower town on Wednesday, two days later."
    assert outcome(text, "two days later", None) == "unverifiable"


def test_explicit_dates_with_years_need_no_dateline():
    text = "The dam burst on 4 March 2024. Water reached the town on 6 March 2024, two days later."
    assert outcome(text, "two days later", None) == "consistent"


# --- "N ago" against the dateline ---------------------------------------------------------


def test_since_it_began_on_sunday_five_days_ago():
    text = "The strike, which began on Sunday, five days ago, has shut the port."
    assert outcome(text, "five days ago") == "consistent"
    assert outcome(text, "five days ago", date(2024, 3, 13)) == "inconsistent"


def test_ago_without_a_dateline_is_unverifiable():
    text = "The strike, which began on Sunday, five days ago, has shut the port."
    found = finding_at(text, "five days ago", None)
    assert found is not None
    assert found.outcome == "unverifiable"
    assert "dateline" in found.explanation


def test_ago_with_an_explicit_date():
    text = "The strike began on March 1, two weeks ago."
    assert outcome(text, "two weeks ago") == "consistent"
    assert outcome("The strike began on March 1, a week ago.", "a week ago") == "inconsistent"


def test_a_week_ago_on_the_datelines_weekday():
    assert outcome("It began on Friday, a week ago.", "a week ago") == "consistent"


def test_ago_beside_a_weekday_that_the_dateline_makes_future_is_silent():
    text = "The strike began on March 20, five days ago."
    assert outcome(text, "five days ago") is None


# --- "N after <event>" linked to a dated event elsewhere ----------------------------------


def test_after_an_event_with_its_own_date():
    text = "He resigned on Friday, three days after the vote on Tuesday."
    assert outcome(text, "three days after") == "consistent"
    text = "He resigned on Friday, five days after the vote on Tuesday."
    assert outcome(text, "five days after") == "inconsistent"


def test_after_a_possessive_weekday():
    text = "He resigned on Friday, three days after Tuesday's vote."
    assert outcome(text, "three days after") == "consistent"


def test_after_an_event_linked_by_its_kind():
    text = (
        "Rebels captured the airport on Saturday. "
        "Talks opened on Wednesday, four days after the airport was seized."
    )
    assert outcome(text, "four days after", date(2024, 3, 13)) == "consistent"
    wrong = text.replace("four days after", "six days after")
    assert outcome(wrong, "six days after", date(2024, 3, 13)) == "inconsistent"


def test_before_an_event_linked_by_its_kind():
    text = (
        "Voters will go to the polls on Sunday. "
        "The president spoke on Wednesday, four days before the election."
    )
    assert outcome(text, "four days before", date(2024, 3, 13)) == "consistent"


def test_recapture_does_not_link_to_a_capture():
    text = (
        "Russian forces captured the city on Saturday. "
        "Zelensky visited on Wednesday, five days after Ukrainian forces recaptured the city."
    )
    assert check_date_arithmetic(text, SEED_DATELINE) == []


def test_shared_nouns_alone_do_not_link():
    text = (
        "Russian forces shelled the city on Saturday. "
        "Zelensky visited on Wednesday, five days after the country’s forces recaptured the city."
    )
    assert check_date_arithmetic(text, SEED_DATELINE) == []


def test_an_event_naming_another_place_does_not_link():
    text = (
        "Russia attacked Kyiv on Monday. "
        "On Friday, five days after the attack on Odesa, the mayor spoke."
    )
    assert check_date_arithmetic(text, FRIDAY) == []


def test_an_event_brought_in_with_a_is_not_linked():
    text = (
        "Missiles struck the city on Saturday. "
        "On Wednesday, three days after a missile attack killed ten people, the mayor spoke."
    )
    assert check_date_arithmetic(text, SEED_DATELINE) == []


def test_two_dates_for_the_same_kind_of_event_are_unverifiable():
    text = (
        "Ukrainian forces recaptured Balakliia on Thursday. "
        "They took back Izium on Saturday. "
        "Zelensky visited on Wednesday, five days after his forces recaptured the city."
    )
    found = finding_at(text, "five days after", SEED_DATELINE)
    assert found is not None
    assert found.outcome == "unverifiable"


def test_a_linked_date_on_the_wrong_side_is_unverifiable():
    text = (
        "Zelensky visited on Monday, five days after the forces recaptured the city. "
        "Ukrainian forces took back control of Izium on Tuesday."
    )
    found = finding_at(text, "five days after", SEED_DATELINE)
    assert found is not None
    assert found.outcome == "unverifiable"
    assert "not after 'Monday'" in found.explanation
    assert "the link is not sure" in found.explanation


def test_said_on_is_not_the_event():
    text = (
        "Zelensky visited Izium on Wednesday, five days after the country’s forces recaptured "
        "the city. Zelensky said on Tuesday that territory had been liberated by the forces."
    )
    assert check_date_arithmetic(text, SEED_DATELINE) == []


def test_on_monday_the_president_said_is_not_the_event():
    text = (
        "Zelensky visited Izium on Wednesday, five days after the country’s forces recaptured "
        "the city. On Monday, the President said the territory regained by the forces grew."
    )
    assert check_date_arithmetic(text, SEED_DATELINE) == []


def test_an_event_word_outside_every_group_does_not_link():
    text = "He spoke on Friday, three days after the letter. The letter was sent on Monday."
    assert check_date_arithmetic(text, FRIDAY) == []


def test_a_generic_verb_needs_a_shared_word_to_link():
    text = (
        "The festival started on Monday. On Friday, three days after the talks started, it rained."
    )
    assert check_date_arithmetic(text, FRIDAY) == []
    text = (
        "The walkout started on Monday. On Friday, three days after the walkout started, it ended."
    )
    assert outcome(text, "three days after") == "inconsistent"


def test_a_named_occasion_links_to_the_same_word():
    text = "He spoke on Friday, three days after the gala. The gala was held on Monday."
    assert outcome(text, "three days after") == "inconsistent"
    text = "He spoke on Friday, four days after the gala. The gala was held on Monday."
    assert outcome(text, "four days after") == "consistent"
    text = "He spoke on Friday, three days after the gala. The trial opened on Monday."
    assert check_date_arithmetic(text, FRIDAY) == []


def test_after_the_strike_on_a_named_place():
    text = (
        "Iran launched drones on 13 April, twelve days after the strike on its consulate in "
        "Damascus. Israel struck the consulate in Damascus on 1 April."
    )
    assert outcome(text, "twelve days after", date(2024, 4, 20)) == "consistent"


def test_a_duration_after_an_event_is_not_an_offset():
    text = "The dam burst on Monday. For five days after the flood, on Saturday, crews worked."
    assert check_date_arithmetic(text, FRIDAY) == []


# --- stated lengths beside an interval ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "The festival ran from June 1 to June 30, a period of six weeks.",
            "a period of six weeks",
            "inconsistent",
        ),
        (
            "The festival ran from June 1 to June 30, a period of four weeks.",
            "a period of four weeks",
            "consistent",
        ),
        ("The festival ran from June 1 to June 30, a period of 30 days.", "30 days", "consistent"),
        ("The festival ran from June 1 to June 30, a period of 29 days.", "29 days", "consistent"),
        (
            "The festival ran from June 1 to June 30, a period of 31 days.",
            "31 days",
            "inconsistent",
        ),
        ("The siege lasted from March 1 to May 20 — 80 days.", "80 days", "consistent"),
        (
            "The siege lasted from March 1 to May 20 — nearly three months.",
            "nearly three months",
            "consistent",
        ),
        ("For six weeks, from June 1 to June 30, the road was shut.", "six weeks", "inconsistent"),
        ("The works ran between June 1 and June 14 (two weeks).", "two weeks", "consistent"),
        ("The works ran June 1-14, about two weeks.", "about two weeks", "consistent"),
        ("The talks, which ran from 4 to 8 March, lasted five days.", "five days", "consistent"),
        ("The talks ran from 4 to 8 March, lasting three days.", "three days", "inconsistent"),
    ],
)
def test_lengths_beside_intervals(text, surface, expected):
    assert outcome(text, surface) == expected


def test_interval_of_month_days_needs_no_dateline():
    text = "The festival ran from June 1 to June 30, a period of six weeks."
    found = finding_at(text, "six weeks", None)
    assert found is not None
    assert found.outcome == "inconsistent"
    assert found.expected.startswith("29 days ≈ 4.1 weeks")


def test_a_year_written_at_one_end_of_an_interval_dates_both_ends():
    text = "The exhibition ran for 12 days, from March 1 to March 12, 2019."
    assert outcome(text, "12 days", SEED_DATELINE) == "consistent"
    text = "The exhibition ran for 12 days, from March 1, 2019 to March 12."
    assert outcome(text, "12 days", SEED_DATELINE) == "consistent"


def test_an_interval_that_ends_before_it_starts_is_not_judged():
    text = "The exhibition ran for 12 days, from March 12, 2019 to March 1, 2019."
    assert outcome(text, "12 days", SEED_DATELINE) != "inconsistent"


def test_since_interval_beside_a_length():
    text = "Since Monday, four days, the port has been shut."
    assert outcome(text, "four days") == "consistent"


def test_since_interval_without_a_dateline_is_unverifiable():
    text = "Since Monday, four days, the port has been shut."
    assert outcome(text, "four days", None) == "unverifiable"


def test_has_lasted_counts_from_the_start_to_the_dateline():
    text = "The strike, which began on Monday, has now lasted five days."
    assert outcome(text, "five days") == "consistent"
    text = "The strike, which began on Monday, has now lasted three weeks."
    assert outcome(text, "three weeks") == "inconsistent"
    text = "The war, which began on February 24, 2022, has lasted more than two years."
    assert outcome(text, "more than two years") == "consistent"
    assert outcome(text, "more than two years", date(2023, 3, 1)) == "inconsistent"


def test_has_lasted_without_a_dateline_is_unverifiable():
    text = "The strike, which began on Monday, has now lasted five days."
    assert outcome(text, "five days", None) == "unverifiable"


def test_had_lasted_is_not_counted_to_the_dateline():
    text = "The strike, which began on Monday, had lasted three weeks by then."
    assert check_date_arithmetic(text, FRIDAY) == []


def test_a_length_not_beside_an_interval_is_not_judged():
    text = "The city was under Russian occupation for over five months."
    assert check_date_arithmetic(text, FRIDAY) == []


# --- findings are readable ----------------------------------------------------------------


def test_findings_carry_the_arithmetic_and_the_tolerance():
    text = "The bridge, which opened on Tuesday, was closed again three days later, on Thursday."
    found = finding_at(text, "three days later")
    assert found is not None
    assert "Tue 12 Mar 2024" in found.expected
    assert "Thu 14 Mar 2024" in found.expected
    assert "2 days apart" in found.explanation
    assert "2.5–3.5 days" in found.explanation
    assert found.explanation.count(". ") <= 2


def test_empty_and_dateless_texts_give_nothing():
    assert check_date_arithmetic("", None) == []
    assert check_date_arithmetic("The lake covers 120 square miles.", FRIDAY) == []


_WORDS = st.sampled_from(
    [
        "on", "Monday", "Saturday", "Wednesday", "five", "two", "days", "weeks", "after",
        "later", "earlier", "ago", "before", "from", "to", "June", "1", "30", "since", "the",
        "a", "period", "of", ",", ".", "said", "forces", "recaptured", "took", "back", "city",
        "vote", "Kyiv", "between", "and", "next", "day", "On", "—",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40), st.none() | st.dates())
def test_any_word_salad_gives_well_formed_findings(words, reference):
    text = " ".join(words)
    for found in check_date_arithmetic(text, reference):
        assert found.check == "date_arithmetic"
        assert found.outcome in ("consistent", "inconsistent", "unverifiable")
        assert 0 <= found.start < found.end <= len(text)
        assert found.expected
        assert found.explanation


def test_a_long_text_is_checked_quickly():
    import time

    text = SEED.read_text(encoding="utf-8") * 100
    started = time.perf_counter()
    check_date_arithmetic(text, SEED_DATELINE)
    assert time.perf_counter() - started < 5.0
