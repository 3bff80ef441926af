"""A floor for the date check on news-style passages written for it, before its code.

tests/checks/data/date_passages.jsonl is in the dev set's format and scored by the rule of
../shared/tools/score_checks.py (see test_unseen_passages.py); `reference_date` may be null
(no dateline). Raise the floor when the check gets better, never lower it.
"""

import datetime as dt
import json
from pathlib import Path

import pytest

from claims.checks import check_text

CASES = Path(__file__).parent / "data" / "date_passages.jsonl"
# Written before the code: 39 of 62 met, 3 false alarms.
MET_FLOOR = 60


def _score() -> tuple[int, int, int, list[str]]:
    met = total = alarms = 0
    misses = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        text, ref = case["text"], case["reference_date"]
        findings = check_text(text, reference_date=dt.date.fromisoformat(ref) if ref else None)
        for expect in case["expect"]:
            total += 1
            at = text.index(expect["surface"])
            near = [f for f in findings if f.start < at + len(expect["surface"]) and at < f.end]
            alarmed = any(f.outcome == "inconsistent" for f in near)
            if expect["outcome"] == "no_alarm":
                ok = not alarmed
            else:
                ok = any((f.check, f.outcome) == (expect["check"], expect["outcome"]) for f in near)
            met += ok
            if not ok:
                misses.append(f"{expect} got {[(f.check, f.outcome) for f in near]}")
            alarms += expect["outcome"] in ("consistent", "no_alarm") and alarmed
    return met, total, alarms, misses


@pytest.fixture(scope="module")
def score():
    return _score()


def test_the_date_passages_cover_every_family(score):
    _, total, _, _ = score
    assert total >= 60


def test_no_false_alarm_on_the_date_passages(score):
    _, _, alarms, misses = score
    assert alarms == 0, misses


def test_the_date_passages_keep_their_floor(score):
    met, total, _, misses = score
    assert met >= MET_FLOOR, f"{met}/{total}: " + "\n".join(misses)
