"""Benchmark: our extractor against quantulum3 on the same inputs, in one run.

    .venv/bin/python bench/extraction.py [--mb 5] [--q3-kb 200]

Prints a table: F1, precision and recall on ../shared/data/extraction_dev.jsonl by the rule of
../shared/tools/score_extraction.py (its `overlaps` and `close` are loaded from it), throughput
in MB/s on a news corpus (the dev set's texts and the seed article, repeated to --mb MB), the
ratio, and our peak memory on that corpus (measured in a fresh subprocess). quantulum3 is slow
(about 0.07 MB/s), so it is timed on the first --q3-kb KB of the same corpus, fed a paragraph
at a time, as its documentation advises. Nothing is downloaded: quantulum3 runs without its
optional classifier.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEV = SHARED / "data" / "extraction_dev.jsonl"
SEED = SHARED / "seeds" / "izium-2022-09-14.txt"
SCORER = SHARED / "tools" / "score_extraction.py"
sys.path.insert(0, str(REPO))

# The same input the property tests use, so the bound they assert and the figure here agree.
from tests.extraction.helpers import pathological  # noqa: E402


@dataclass(frozen=True)
class Found:
    """The fields the scoring rule reads, whoever found the quantity."""

    start: int
    end: int
    kind: str
    si_value: float
    si_value_high: float | None


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(extract: Callable[[str], list[Found]], cases: list[dict]) -> tuple[float, float, float]:
    """F1, precision, recall by the scorer's rule (kind, SI value within 1 %, overlapping span)."""
    rule = load_scorer()
    tp = fp = fn = 0
    for case in cases:
        text = case["text"]
        try:
            predicted = extract(text)
        except Exception:  # the scorer counts a crash as finding nothing
            predicted = []
        ignore = [(text.find(s), text.find(s) + len(s)) for s in case.get("ignore", [])]
        predicted = [
            p for p in predicted if not any(rule.overlaps((p.start, p.end), r) for r in ignore)
        ]
        used: set[int] = set()
        for gold in case["gold"]:
            at = text.find(gold["surface"])
            span = (at, at + len(gold["surface"]))
            hit = next(
                (
                    i
                    for i, p in enumerate(predicted)
                    if i not in used and _matches(rule, p, gold, span)
                ),
                None,
            )
            if hit is None:
                fn += 1
            else:
                used.add(hit)
                tp += 1
        fp += len(predicted) - len(used)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


def _matches(rule, p: Found, gold: dict, span: tuple[int, int]) -> bool:
    if p.kind != gold["kind"] or not rule.overlaps((p.start, p.end), span):
        return False
    if not rule.close(float(p.si_value), gold["si_value"]):
        return False
    if "si_value_high" in gold:
        return p.si_value_high is not None and rule.close(p.si_value_high, gold["si_value_high"])
    return True


# ---- the two extractors, seen through the same lens ---------------------------------------


def ours(text: str) -> list[Found]:
    from claims.extraction import extract_quantities

    return [
        Found(q.start, q.end, q.kind, q.si_value, q.si_value_high) for q in extract_quantities(text)
    ]


_Q3_KINDS = {
    "length": "length", "area": "area", "time": "duration", "speed": "speed", "mass": "mass",
    "volume": "volume", "temperature": "temperature", "currency": "currency",
}  # fmt: skip
_Q3_PERCENT = {"percentage", "per cent", "percent"}


def _q3_si(value: float, name: str, kind: str) -> float:
    """quantulum3's unit name through pint (our registry), as fairly as we can read it."""
    from claims.extraction.conversion import UREG
    from claims.extraction.lexicon.units import SI_TARGET

    if kind not in SI_TARGET:
        return value
    if name == "decade":  # pint's decade is logarithmic; quantulum3 means ten years
        return value * 10 * 31_557_600
    pint_name = (
        name.replace("pound-mass", "pound").replace("tonne", "metric_ton")
        .replace("barrel", "oil_barrel").replace("degree ", "degree_")
    )  # fmt: skip
    for prefix, power in (("square ", "**2"), ("cubic ", "**3")):
        if pint_name.startswith(prefix):
            pint_name = pint_name[len(prefix) :] + power
    pint_name = pint_name.replace(" per ", "/").replace(" ", "_")
    try:
        return float(UREG.Quantity(value, pint_name).to(SI_TARGET[kind]).magnitude)
    except Exception:
        return value


def quantulum(text: str) -> list[Found]:
    # Without its classifier, as the docstring says: the pickle quantulum3 ships does not load
    # in current scikit-learn, and without scikit-learn quantulum3 leaves the classifier off.
    sys.modules.setdefault("sklearn", None)  # type: ignore[arg-type]
    from quantulum3 import parser

    found = []
    for q in parser.parse(text):
        name, entity = q.unit.name, q.unit.entity.name
        if name in _Q3_PERCENT:
            kind = "percentage"
        elif entity in _Q3_KINDS:
            kind = _Q3_KINDS[entity]
        elif entity == "dimensionless":
            kind = "count"
        else:
            continue
        low, high = q.value, None
        if q.uncertainty:  # quantulum3 reads "15–20" as 17.5 ± 2.5
            low, high = q.value - q.uncertainty, q.value + q.uncertainty
        si_high = None if high is None else _q3_si(high, name, kind)
        found.append(Found(q.span[0], q.span[1], kind, _q3_si(low, name, kind), si_high))
    return found


# ---- throughput and memory ----------------------------------------------------------------


def corpus(megabytes: float, cases: list[dict]) -> str:
    unit = SEED.read_text(encoding="utf-8") + "\n\n" + "\n\n".join(c["text"] for c in cases)
    unit += "\n\n"
    copies = int(megabytes * 1e6 // len(unit)) + 1
    return unit * copies


def throughput(extract: Callable[[str], object], text: str, by_paragraph: bool) -> float:
    """MB/s of UTF-8 input per second of this process's CPU time (one core).

    CPU time rather than wall time, so that other work on a shared machine does not count
    against either extractor.
    """
    pieces = [p for p in text.split("\n\n") if p.strip()] if by_paragraph else [text]
    started = time.process_time()
    for piece in pieces:
        extract(piece)
    return len(text.encode("utf-8")) / (time.process_time() - started) / 1e6


def pathological_seconds(size: int = 1_000_000) -> float:
    from claims.extraction import extract_quantities

    text = pathological(size)
    started = time.process_time()
    extract_quantities(text)
    return time.process_time() - started


_MEMORY_PROBE = """
import json, resource, sys, tracemalloc
sys.path.insert(0, {repo!r})
sys.path.insert(0, {bench!r})
from extraction import corpus, DEV
from claims.extraction import extract_quantities
cases = [json.loads(line) for line in open(DEV, encoding="utf-8")]
text = corpus({mb}, cases)
extract_quantities("warm up: 5 km")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
found = extract_quantities(text)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
del found
tracemalloc.start()  # a second run: tracing costs memory of its own, so RSS is taken above
found = extract_quantities(text)
peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
print(json.dumps({{"rss_mb": after / 1024, "rss_before_mb": before / 1024,
                  "traced_peak_mb": peak / 1e6, "quantities": len(found), "chars": len(text)}}))
"""


def peak_memory(megabytes: float) -> dict:
    code = _MEMORY_PROBE.format(repo=str(REPO), bench=str(REPO / "bench"), mb=megabytes)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="size of the news corpus (MB)")
    ap.add_argument("--q3-kb", type=float, default=200.0, help="quantulum3's slice (KB)")
    ap.add_argument("--runs", type=int, default=3, help="our runs on the corpus (best kept)")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    # First, while this process is still small: on Linux a child's max RSS starts from its
    # parent's at fork, so a probe started later would report this process's size.
    memory = peak_memory(args.mb)
    cases = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]

    ours("warm up: 5 km")
    quantulum("warm up: 5 km")  # loads its unit tables once, outside the timing
    f1_ours, f1_q3 = score(ours, cases), score(quantulum, cases)

    text = corpus(args.mb, cases)
    ours_mbs = max(throughput(ours, text, by_paragraph=False) for _ in range(args.runs))
    q3_text = text[: int(args.q3_kb * 1000)]
    q3_mbs = throughput(quantulum, q3_text, by_paragraph=True)
    worst = pathological_seconds()

    print(f"dev set: {DEV.name} ({len(cases)} cases); corpus: dev texts + seed article")
    print(f"quantulum3 timed on the first {len(q3_text) / 1e3:.0f} KB, a paragraph at a time;")
    print(f"factcheck on all {len(text) / 1e6:.2f} MB in one call, best of {args.runs} runs;")
    print("MB/s are per second of CPU time on one core")
    print()
    print("| extractor  |    F1 |     P |     R |    MB/s |")
    print("| ---------- | ----: | ----: | ----: | ------: |")
    print("| factcheck  | {:.3f} | {:.3f} | {:.3f} | {:7.2f} |".format(*f1_ours, ours_mbs))
    print("| quantulum3 | {:.3f} | {:.3f} | {:.3f} | {:7.3f} |".format(*f1_q3, q3_mbs))
    print()
    print(f"throughput ratio (factcheck / quantulum3): {ours_mbs / q3_mbs:.0f}x")
    print(
        f"peak memory for the {memory['chars'] / 1e6:.1f} MB input: "
        f"{memory['rss_mb']:.0f} MB max RSS of the whole process "
        f"({memory['rss_before_mb']:.0f} MB before the call), "
        f"{memory['traced_peak_mb']:.0f} MB traced peak of the call; "
        f"{memory['quantities']} quantities"
    )
    print(f"1 MB of digits, separators and unit words run together: {worst:.2f} s (CPU)")


if __name__ == "__main__":
    main()
