"""A weekday written with its date, checked against the calendar."""

from datetime import date

from claims.checks.date_arithmetic import check_date_arithmetic

DATELINE_2025 = date(2025, 3, 4)  # a Tuesday


def _findings(text, reference=DATELINE_2025):
    return [(text[f.start : f.end], f.outcome) for f in check_date_arithmetic(text, reference)]


def test_a_weekday_that_matches_its_date_is_consistent():
    assert _findings("Results come on Friday, March 7.") == [("Friday, March 7", "consistent")]
    assert _findings("The strike began on Tuesday, 4 March.") == [
        ("Tuesday, 4 March", "consistent")
    ]
    assert _findings("They marched on Saturday 8 March.") == [("Saturday 8 March", "consistent")]


def test_a_weekday_that_contradicts_its_date_is_inconsistent_in_the_datelines_year():
    text = "Parliament will reconvene on Thursday, March 7."
    (found,) = check_date_arithmetic(text, DATELINE_2025)
    assert found.outcome == "inconsistent"
    assert found.expected == "Friday"
    # 7 March 2024 was a Thursday: the explanation says the year was inferred.
    assert "No year is written" in found.explanation
    assert "2025" in found.explanation
    assert "would fit 2024" in found.explanation


def test_a_written_year_is_not_inferred():
    text = "The referendum, held on Saturday, 12 May 2024, was boycotted."
    (found,) = check_date_arithmetic(text, None)
    assert found.outcome == "inconsistent"
    assert "No year is written" not in found.explanation
    assert _findings("It was signed on Tuesday, 12 November 2019.", None) == [
        ("Tuesday, 12 November 2019", "consistent")
    ]


def test_a_weekday_without_a_year_or_a_dateline_is_unverifiable():
    text = "The ceasefire took effect on Saturday, March 9, at midnight."
    (found,) = check_date_arithmetic(text, None)
    assert found.outcome == "unverifiable"
    assert "no year" in found.explanation and "no dateline" in found.explanation


def test_a_bare_weekday_alone_is_not_checked():
    assert _findings("The ceasefire took effect on Saturday.") == []


WEDNESDAY_2022 = date(2022, 9, 14)


def test_a_year_written_elsewhere_in_the_sentence_dates_the_weekday():
    for text, surface in [
        ("In 2021, 3 days after the flood, the dam failed on Friday, July 16.", "Friday, July 16"),
        ("Kennedy was shot on Friday, Nov. 22, in Dallas in 1963.", "Friday, Nov. 22"),
        ("The 2021 floods began on Wednesday, July 14.", "Wednesday, July 14"),
        ("Last year the floods began on Wednesday, July 14.", "Wednesday, July 14"),
    ]:
        assert (surface, "consistent") in _findings(text, WEDNESDAY_2022), text
    # Without a dateline a written year still dates the weekday; "last year" needs one.
    text = "Kennedy was shot on Friday, Nov. 22, in Dallas in 1963."
    assert _findings(text, None) == [("Friday, Nov. 22", "consistent")]


def test_a_weekday_that_contradicts_the_sentences_year_is_inconsistent_in_that_year():
    # 22 November was a Thursday in 1962, a Friday in 1963, a Sunday in 1964, and is a
    # Tuesday in 2022: no year the text could mean makes it a Monday.
    text = "Kennedy was shot on Monday, Nov. 22, in Dallas in 1963."
    (found,) = check_date_arithmetic(text, WEDNESDAY_2022)
    assert found.outcome == "inconsistent"
    assert "1963" in found.explanation and "2022" not in found.explanation


def test_a_weekday_that_fits_a_neighbouring_year_the_text_could_mean_is_unverifiable():
    # The 2021 season may end in January 2022, when Jan. 14 is a Friday.
    text = "The 2021 season ended on Friday, Jan. 14."
    (found,) = check_date_arithmetic(text, WEDNESDAY_2022)
    assert found.outcome == "unverifiable"
    assert "2022" in found.explanation
    # A year of another date is that date's own, not this one's.
    text = "Born on Sept. 12, 1950, she died on Friday, July 15."
    assert ("Friday, July 15", "consistent") in _findings(text, WEDNESDAY_2022)


def test_a_weekday_with_no_year_in_its_sentence_is_still_held_to_the_datelines_year():
    text = "The 2021 floods were the worst. They began on Wednesday, July 14."
    found = [f for f in check_date_arithmetic(text, WEDNESDAY_2022) if f.outcome != "consistent"]
    assert [f.outcome for f in found] == ["inconsistent"]
    assert "would fit 2021" in found[0].explanation
