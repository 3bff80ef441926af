"""Scoring a set of passages by the rule of ../shared/tools/score_checks.py, restated here so
the suite runs without the shared checkout.

An expectation is met when a finding of that check and outcome overlaps its surface; `no_alarm`
is met when no `inconsistent` finding overlaps it; a false alarm is an `inconsistent` finding
over a surface expected consistent or no_alarm. `reference_date` may be null (no dateline).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from claims.checks import check_text


@dataclass
class Score:
    met: int = 0
    total: int = 0
    alarms: int = 0
    misses: list[str] = field(default_factory=list)


def score_passages(path: Path) -> Score:
    score = Score()
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        text, ref = case["text"], case.get("reference_date")
        findings = check_text(text, reference_date=dt.date.fromisoformat(ref) if ref else None)
        for expect in case["expect"]:
            score.total += 1
            at = text.index(expect["surface"])
            near = [f for f in findings if f.start < at + len(expect["surface"]) and at < f.end]
            alarmed = any(f.outcome == "inconsistent" for f in near)
            if expect["outcome"] == "no_alarm":
                ok = not alarmed
            else:
                ok = any((f.check, f.outcome) == (expect["check"], expect["outcome"]) for f in near)
            score.met += ok
            if not ok:
                score.misses.append(f"{expect} got {[(f.check, f.outcome) for f in near]}")
            score.alarms += expect["outcome"] in ("consistent", "no_alarm") and alarmed
    return score
