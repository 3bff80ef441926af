"""Month and weekday names: the one table that the extractor, the temporal reader and the
checks share. Abbreviations map to the same numbers as the names they shorten."""

from __future__ import annotations

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
# "Sept" beside "Sep"; "May" has no abbreviation of its own.
MONTH_ABBREVIATIONS: dict[str, int] = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
    "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thur": 3, "Thurs": 3, "Fri": 4,
    "Sat": 5, "Sun": 6,
}  # fmt: skip


def month_number(name: str) -> int:
    """1–12 for a month's name or abbreviation in any case ("sept." → 9); KeyError if none."""
    return MONTH_NUMBER[name.rstrip(".").casefold()]


MONTH_NUMBER: dict[str, int] = {
    **{m.casefold(): i for i, m in enumerate(MONTHS, 1)},
    **{a.casefold(): i for a, i in MONTH_ABBREVIATIONS.items()},
}
# Lower-case sets of every spelling, for word tests ("in March", "Sept 3").
MONTH_WORDS = frozenset(MONTH_NUMBER)
WEEKDAY_WORDS = frozenset(
    {d.casefold() for d in WEEKDAYS} | {a.casefold() for a in WEEKDAY_ABBREVIATIONS}
)
