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
