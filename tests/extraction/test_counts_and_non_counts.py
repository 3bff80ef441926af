"""Counts are a figure with what it counts; years, dates, times, names and labels are not."""

import pytest

from .helpers import only, surfaces


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("More than 8,000 soldiers were deployed.", "8,000 soldiers", 8000),
        ("37 people were killed.", "37 people", 37),
        ("There were two crashes on the road.", "two crashes", 2),
        ("The region has about 3.2 million inhabitants.", "3.2 million inhabitants", 3.2e6),
        ("One person was killed.", "One person", 1),
        ("The death toll rose to 37 on Monday.", "37", 37),
        ("They seized 5m doses of vaccine.", "5m doses", 5e6),
    ],
)
def test_counts(text, surface, value):
    q = only(text)
    assert (q.text, q.kind, q.unit, q.value, q.si_value) == (surface, "count", "", value, value)


@pytest.mark.parametrize(
    "text",
    [
        "Apollo 11 landed on the Moon in July 1969.",
        "The G20 summit opened on 9 September in New Delhi.",
        "Route 66 and Interstate 40 run side by side here.",
        "She lives at 221 Baker Street.",
        "The prime minister left 10 Downing Street.",
        "Nato invoked Article 5 after the attack.",
        "The Boeing 737 was grounded.",
        "F-16 jets flew over the city.",
        "The COVID-19 pandemic changed everything.",
        "The Group of Seven met in Japan.",
        "The meeting starts at 3pm on Tuesday.",
        "The meeting starts at 10:30 GMT.",
        "He finished 3rd, she was 21st.",
        "It was the third attempt and the first time.",
        "The summit was held on September 10, 2022.",
        "The law took effect on 10 Sept.",
        "The 9/11 attacks shaped the 2000s.",
        "See page 5 and chapter 11 of the report.",
        "Formula One returns to Monaco.",
        "He joined in 2019 and left in 2021.",
        "Windows 10 is an operating system.",
        "No one was hurt; one of them said so.",
        "The 4G network was replaced by 5G.",
        "Level 4 restrictions apply in Zone 2 until Day 10.",
        "Section 230 protects platforms; Title 42 was lifted.",
        "He wore the number 10 shirt at Euro 2020.",
        "UN Security Council Resolution 2231 endorsed the deal.",
        "The 737 MAX was grounded.",
    ],
)
def test_not_counts(text):
    assert surfaces(text) == []


def test_one_counts_only_a_known_noun():
    assert surfaces("We are looking for only one thing.") == []
    assert surfaces("One soldier died.") == ["One soldier"]
