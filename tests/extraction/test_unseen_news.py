"""A regression floor on news sentences written apart from the dev set (data/unseen_news.jsonl).

The cases are scored by the rule of ../shared/tools/score_extraction.py, restated here so the
suite runs without the shared checkout: a gold quantity is found when a predicted one has the
same kind, an SI value within 1 % (the same high end for ranges) and an overlapping span;
unmatched predictions are false positives; the qualifier of each match is compared too.
"""

from __future__ import annotations

import json
from pathlib import Path

from claims.extraction import Quantity, extract_quantities

DATA = Path(__file__).parent / "data" / "unseen_news.jsonl"
# The set was first written with `ignore` cut-outs that hid nine figures the extractor misread
# (money in "SDR" and "Ksh", pints, astronomical units, a vote tally, cricket overs); with
# them scored as gold (2026-12-05) the true figure is F1 0.990 (tp 451, fp 2, fn 7), every
# qualifier right; reading pints as a volume raised it to 0.992 (tp 452, fp 1, fn 6). Raise
# the floor as the extractor gets better, never lower it.
F1_FLOOR = 0.992
QUALIFIER_FLOOR = 1.0


def _close(x: float | None, y: float | None) -> bool:
    if x is None or y is None:
        return x is None and y is None
    return abs(x - y) <= 0.01 * max(abs(y), 1e-12)


def _matches(q: Quantity, gold: dict, span: tuple[int, int]) -> bool:
    if q.kind != gold["kind"] or not (q.start < span[1] and span[0] < q.end):
        return False
    if not _close(q.si_value, gold["si_value"]):
        return False
    return "si_value_high" not in gold or _close(q.si_value_high, gold["si_value_high"])


def _score_case(case: dict) -> tuple[int, int, int, int, list[str]]:
    """tp, fp, fn, qualifiers right, and what went wrong, for one case."""
    text = case["text"]
    found = extract_quantities(text)
    used: set[int] = set()
    qualifiers, errors = 0, []
    for gold in case["gold"]:
        at = text.find(gold["surface"])
        span = (at, at + len(gold["surface"]))
        hit = next(
            (i for i, q in enumerate(found) if i not in used and _matches(q, gold, span)), None
        )
        if hit is None:
            errors.append(f"MISS {gold['surface']!r} :: {text}")
            continue
        used.add(hit)
        if found[hit].qualifier == gold["qualifier"]:
            qualifiers += 1
        else:
            errors.append(f"QUAL {gold['surface']!r} {found[hit].qualifier} :: {text}")
    extras = [f"EXTRA {q.text!r} :: {text}" for i, q in enumerate(found) if i not in used]
    tp = len(used)
    return tp, len(found) - tp, len(case["gold"]) - tp, qualifiers, errors + extras


def test_the_unseen_news_set_scores_at_least_its_floor():
    cases = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    assert len(cases) >= 150
    assert not any("ignore" in case for case in cases), "every figure is scored, none cut out"
    tp = fp = fn = right = 0
    errors: list[str] = []
    for case in cases:
        c_tp, c_fp, c_fn, c_right, c_errors = _score_case(case)
        tp, fp, fn, right = tp + c_tp, fp + c_fp, fn + c_fn, right + c_right
        errors += c_errors
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= F1_FLOOR, errors
    assert right / tp >= QUALIFIER_FLOOR, errors
