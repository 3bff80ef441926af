"""Benchmark: matching on the numbers, and on the words and numbers together ("Seen
before"), against the hand-written pairs set.

    .venv/bin/python bench/match_pairs.py [--pairs tests/matching/pairs.jsonl] [--show-errors]
        [--numbers-only]

Words and numbers together: each pair is scored as the pipeline scores a candidate (the static
vectors' cosine must reach MATCH_CANDIDATE_FLOOR, then the transformer's cosine and the numbers
go through claims.matching.decide with the thresholds of factcheck/settings.py). Prints
precision and recall of "shown as seen before" against `related`, per `how`, and of
"linked" against related pairs with the same figure. The thresholds were chosen on this set,
so these figures are a regression floor, not a score on unseen text.

Each pair (tests/matching/pairs.jsonl, described in PAIRS.md beside it: `a`, `b`, `same_figure`,
`how`, and where both sentences name them `same_places` / `same_period`; `related` is for the
words side and not read here) is read with claims.matching and compared.
Prints precision and recall of `same_figure` (a match is the positive class), of the whole
numbers side (`matches`: the same figure, and no place or period telling the two apart,
against the labels read the same way), the agreement on places and periods where labelled,
and the time per pair. The labels were written before the code ran on them and are never
changed to suit it. Pure Python: no database.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.matching import match_numbers, read_claim  # noqa: E402

PAIRS = ROOT / "tests" / "matching" / "pairs.jsonl"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def precision_recall(said: list[bool], truth: list[bool]) -> tuple[float, float, int, int, int]:
    tp = sum(s and t for s, t in zip(said, truth, strict=True))
    fp = sum(s and not t for s, t in zip(said, truth, strict=True))
    fn = sum(t and not s for s, t in zip(said, truth, strict=True))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def labelled_match(pair: dict) -> bool:
    return (
        pair["same_figure"]
        and pair.get("same_places") is not False
        and pair.get("same_period") is not False
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--numbers-only", action="store_true", help="skip the text models")
    args = parser.parse_args()
    pairs = load(args.pairs)
    read_claim("Warm-up: 5 km from Kyiv in 2020.")  # gazetteer and unit registry load once
    started = time.perf_counter()
    results = [match_numbers(read_claim(p["a"]), read_claim(p["b"])) for p in pairs]
    per_pair_ms = (time.perf_counter() - started) * 1000 / len(pairs)
    positives = sum(p["same_figure"] for p in pairs)
    print(f"{len(pairs)} pairs ({positives} same figure, {len(pairs) - positives} not)")
    report("same figure", [r.same_figure for r in results], [p["same_figure"] for p in pairs])
    report("numbers match", [r.matches for r in results], [labelled_match(p) for p in pairs])
    for field in ("same_places", "same_period"):
        rows = [(getattr(r, field), p[field]) for r, p in zip(results, pairs, strict=True)
                if field in p]  # fmt: skip
        agree = sum(said == truth for said, truth in rows)
        print(f"{field}: {agree}/{len(rows)} labelled pairs read as labelled")
    print(f"time: {per_pair_ms:.1f} ms per pair (both sentences read and compared)")
    if not args.numbers_only:
        words_and_numbers(pairs, results)
    if args.show_errors:
        for result, pair in zip(results, pairs, strict=True):
            wrong = result.same_figure != pair["same_figure"] or any(
                f in pair and getattr(result, f) != pair[f] for f in ("same_places", "same_period")
            )
            if wrong:
                print(f"- [{pair['how']}] {pair['a']!r} / {pair['b']!r}\n    said: {result}")


def words_and_numbers(pairs: list[dict], numbers: list) -> None:
    import numpy as np

    from claims.matching.decide import Thresholds, decide, words_need_no_model
    from claims.matching.text import embed, embed_fine

    # Only the thresholds are read from the settings (with MATCH_* from the environment);
    # DEBUG lets the module load without a SECRET_KEY.
    os.environ.setdefault("DEBUG", "true")
    from factcheck import settings

    limits = Thresholds(
        suggest=settings.MATCH_SUGGEST_AT,
        link=settings.MATCH_LINK_AT,
        figure_eases=settings.MATCH_FIGURE_EASES,
    )
    floor = settings.MATCH_CANDIDATE_FLOOR
    embed(["warm-up"]), embed_fine(["warm-up"])
    started = time.perf_counter()
    a, b = [p["a"] for p in pairs], [p["b"] for p in pairs]
    static = (embed(a) * embed(b)).sum(axis=1)
    static_s = time.perf_counter() - started
    started = time.perf_counter()
    # As the pipeline scores them: the same words with other figures are 1.0 without the model
    # (which is timed on every pair all the same).
    fine = np.where(
        [words_need_no_model(x, y, n) for x, y, n in zip(a, b, numbers, strict=True)],
        1.0,
        (embed_fine(a) * embed_fine(b)).sum(axis=1),
    )
    fine_s = time.perf_counter() - started
    decisions = [
        decide(float(t), n, limits) if s >= floor else None
        for s, t, n in zip(static, fine, numbers, strict=True)
    ]
    shown = [d is not None for d in decisions]
    related = [bool(p["related"]) for p in pairs]
    print(
        f"\nwords and numbers (candidate floor {floor}, suggest {limits.suggest}, "
        f"link {limits.link}, eased by {limits.figure_eases} for the same figure):"
    )
    print(f"{sum(related)} related pairs, {len(pairs) - sum(related)} not")
    report("seen before", shown, related)
    same_claim = [p["related"] and p["same_figure"] for p in pairs]
    report("linked as the same claim", [d == "linked" for d in decisions], same_claim)
    print(f"candidates kept by the static floor: {int((static >= floor).sum())}/{len(pairs)}")
    for how in sorted({p["how"] for p in pairs}):
        rows = [(s, p["related"]) for s, p in zip(shown, pairs, strict=True) if p["how"] == how]
        agree = sum(s == r for s, r in rows)
        print(f"  {how:<26} {agree}/{len(rows)} as labelled")
    print(
        f"time: static vectors {static_s * 1000 / (2 * len(pairs)):.2f} ms a sentence, "
        f"transformer {fine_s * 1000 / (2 * len(pairs)):.1f} ms a sentence (one thread)"
    )


def report(name: str, said: list[bool], truth: list[bool]) -> None:
    precision, recall, tp, fp, fn = precision_recall(said, truth)
    print(f"{name}: precision {precision:.2f}, recall {recall:.2f} (tp {tp}, fp {fp}, fn {fn})")


if __name__ == "__main__":
    main()
