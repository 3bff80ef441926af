"""MeasEval (SemEval-2021 Task 8) as a yardstick for the extractor: text no one here wrote.

    .venv/bin/python bench/measeval.py PATH [--split train] [--show-misses N] [--json]

PATH is a MeasEval split folder (holding `text/` and `tsv/`), or the folder above the splits
(`data/`, or a checkout of github.com/harperco/MeasEval), where --split picks one. Score the
train split; the eval split stays unseen. MeasEval's text is read from PATH, never committed.

What it measures. MeasEval marks every Quantity in scientific paragraphs, with a `unit` where
the annotators gave one. Its annotations carry no kind and no value, so of the project's rule
(../shared/tools/score_extraction.py: same kind, SI value within 1 %, overlapping span) the
span part applies: a gold Quantity is found when an extracted Quantity's span overlaps it, each
extracted one used once. Where MeasEval gives a unit of one of our kinds, the found Quantity's
unit must be the same unit: both read by pint after spelling is normalised ("days" = "day",
"m s−1" = "meter / second", "wt.%" = "percent"). Not merely the same dimension: "5 mm" read as
5 m is a wrong figure to a checker.

What cannot be compared. The extractor's contract is ten kinds (area, length, duration, speed,
mass, volume, temperature, currency, percentage, count) and it reads dates in its temporal
layer, not as quantities. A MeasEval Quantity is compared when it is one of those kinds, read
from MeasEval's own unit (pint's dimension), from a percent sign or a unit word after the
figure when no unit is given, or as a count (MeasEval's IsCount, or a unit that is a counted
noun: "5318 participants"). The rest are left out and counted by reason (see REASONS).
An extracted Quantity that overlaps a left-out annotation is not scored either way; one that
overlaps nothing is a false positive (MeasEval's annotators mark every quantity in a
paragraph). MeasEval marks a list ("4.5 kg, 6 kg and 13 kg"), a change ("from 2605 m to
2634 m") and a tolerance ("46.8% ± 1.6%") as one Quantity where the extractor may report two
or three: the annotation is found by the first, and the others inside it are counted apart,
neither right nor wrong (the span rule cannot tell a split range from two figures). Paragraphs
with no annotation file were not annotated and are skipped.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # measeval_gold beside this file

from measeval_gold import (  # noqa: E402
    BARE_VALUE,
    DATE,
    NESTED,
    NO_FIGURE,
    OTHER_MEASURE,
    RATE,
    RATIO,
    REASONS,
    UNREADABLE,
    Annotation,
    Document,
    Reading,
    implied_unit,
    read_annotation,
    read_split,
    split_folder,
)

# The adapter's whole interface from one module (its tests load this file): the reading half
# is measeval_gold's.
__all__ = [
    "BARE_VALUE",
    "DATE",
    "NO_FIGURE",
    "OTHER_MEASURE",
    "RATE",
    "RATIO",
    "UNREADABLE",
    "Annotation",
    "Tally",
    "figures",
    "read_annotation",
    "read_split",
    "score",
    "split_folder",
]

from claims.extraction import Quantity, extract_quantities  # noqa: E402
from claims.extraction.conversion import UREG  # noqa: E402


@dataclass
class Tally:
    documents: int = 0
    skipped_documents: int = 0
    annotations: int = 0
    excluded: Counter[str] = field(default_factory=Counter)
    gold_by_kind: Counter[str] = field(default_factory=Counter)
    found_by_kind: Counter[str] = field(default_factory=Counter)
    tp: int = 0
    fp: int = 0
    fn: int = 0
    ignored: int = 0  # extracted quantities over an annotation that is left out
    ignored_by_kind: Counter[str] = field(default_factory=Counter)
    inside_found: int = 0  # further quantities extracted inside a found annotation
    fp_by_kind: Counter[str] = field(default_factory=Counter)
    unit_gold: int = 0  # compared annotations with a unit MeasEval gives
    unit_matched: int = 0  # ... whose span was found
    unit_same: int = 0  # ... and read in the same unit
    unit_same_dimension: int = 0  # ... or at least one of the same dimension
    unit_extra: int = 0  # false positives that carry a unit
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (family, what, context)


# --- scoring ------------------------------------------------------------------------------


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """The span rule of ../shared/tools/score_extraction.py (restated: CI has no shared/)."""
    return a[0] < b[1] and b[0] < a[1]


def score(documents: Iterable[Document], tally: Tally | None = None) -> Tally:
    tally = tally or Tally()
    for document in documents:
        tally.documents += 1
        score_document(document, extract_quantities(document.text), tally)
    return tally


def score_document(document: Document, found: list[Quantity], tally: Tally) -> None:
    """Match one paragraph's annotations to the extracted quantities; add to the tally."""
    compared, left_out = _sort_out(document, tally)
    used: set[int] = set()
    found_spans: list[tuple[int, int]] = []
    for annotation, reading in compared:
        span = (annotation.start, annotation.end)
        hit = next(
            (i for i, q in enumerate(found) if i not in used and overlaps((q.start, q.end), span)),
            None,
        )
        tally.gold_by_kind[reading.kind or ""] += 1
        if reading.unit is not None:
            tally.unit_gold += 1
        if hit is None:
            tally.fn += 1
            tally.misses.append(
                (
                    "FN " + miss_family(annotation, reading),
                    annotation.text,
                    _context(document.text, span),
                )
            )
            continue
        used.add(hit)
        tally.tp += 1
        tally.found_by_kind[reading.kind or ""] += 1
        found_spans.append(span)
        if reading.unit is not None:
            _score_unit(document, annotation, reading, found[hit], tally)
    for i, q in enumerate(found):
        if i in used:
            continue
        span = (q.start, q.end)
        if any(overlaps(span, s) for s in found_spans):
            tally.inside_found += 1
        elif over := next((a for a in left_out if overlaps(span, (a.start, a.end))), None):
            tally.ignored += 1
            tally.ignored_by_kind[q.kind] += 1
            tally.misses.append(
                (
                    f"NOT SCORED {q.kind} over a left-out annotation",
                    f"{q.text} in {over.text}",
                    _context(document.text, span),
                )
            )
        else:
            tally.fp += 1
            tally.fp_by_kind[q.kind] += 1
            tally.unit_extra += bool(q.unit) and q.kind != "currency"
            tally.misses.append(
                (
                    "FP " + extra_family(document.text, q),
                    f"{q.text} ({q.kind})",
                    _context(document.text, span),
                )
            )


def _sort_out(document: Document, tally: Tally) -> tuple[list, list[Annotation]]:
    """The annotations compared (with their reading) and those left out, counted by reason."""
    compared, left_out = [], []
    kept: list[tuple[int, int]] = []
    for annotation in document.quantities:
        tally.annotations += 1
        span = (annotation.start, annotation.end)
        reading = Reading(None, NESTED) if any(overlaps(span, k) for k in kept) else None
        reading = reading or read_annotation(annotation)
        kept.append(span)
        if reading.kind is None:
            tally.excluded[reading.why_not or ""] += 1
            left_out.append(annotation)
        else:
            compared.append((annotation, reading))
    return compared, left_out


def _score_unit(
    document: Document, annotation: Annotation, reading: Reading, q: Quantity, tally: Tally
) -> None:
    tally.unit_matched += 1
    ours = UREG.Unit(q.unit) if q.unit and q.kind != "currency" else None
    theirs = UREG.Unit(reading.unit)
    if ours is not None and ours == theirs:
        tally.unit_same += 1
        tally.unit_same_dimension += 1
        return
    if ours is not None and ours.dimensionality == theirs.dimensionality:
        tally.unit_same_dimension += 1
    tally.misses.append(
        (
            f"UNIT MeasEval {annotation.unit!r}, ours {q.unit or q.kind!r}",
            f"{annotation.text} -> {q.text}",
            _context(document.text, (q.start, q.end)),
        )
    )


# --- families of misses, for --show-misses -------------------------------------------------


def miss_family(annotation: Annotation, reading: Reading) -> str:
    """A rough family of a missed annotation, to point rule work at it: what it counts or the
    unit it is written in, and how it is written."""
    text = annotation.text
    if reading.kind == "count":
        family = "count in words" if not re.search(r"\d", text) else "count in figures"
    else:
        family = f"{reading.kind} in {annotation.unit or implied_unit(text)!r}"
    return f"{family}{_written_as(text, annotation.mods)}"


def _written_as(text: str, mods: frozenset[str]) -> str:
    forms = [
        form
        for form, pattern in (
            ("±", r"±"),
            ("×10ⁿ", r"[×x]\s*10|10\s*[−-]\s*\d"),
            ("fraction", r"\d\s*/\s*\d|[½¼¾⅓⅔]"),
            ("range", r"\d\s*(?:[–-]|to|and)\s*[−-]?[\d.]"),
            (
                "bound",
                r"^(?:[<>≤≥≳≲]|(?:above|below|over|under|up to|at least|more than|less than|"
                r"greater than|within|after|before)\b)",
            ),
            ("approximate", r"[~∼≈]|\b(?:about|around|approximately|ca\.)"),
        )
        if re.search(pattern, text, re.IGNORECASE)
    ]
    forms += ["list"] if "IsList" in mods else []
    return f" ({', '.join(forms)})" if forms else ""


def extra_family(text: str, q: Quantity) -> str:
    """A rough family of an extracted quantity that MeasEval does not annotate."""
    before = text[max(0, q.start - 12) : q.start]
    after = text[q.end : q.end + 3]
    if q.kind == "temperature" and re.fullmatch(r"\d+[CF]", q.text):
        return "temperature: a figure glued to C or F (isotope δ13C, panel Fig. 3C)"
    if re.search(
        r"(?:Fig|Figs|Figure|Figures|Table|Eq|Eqs|Section|Sect|Ref|Refs|Appendix)\.?"
        r"\s*\(?[A-Z]?$",
        before,
        re.IGNORECASE,
    ):
        return f"{q.kind}: a figure, table or equation number"
    if re.search(r"[A-Za-zδ]$", before) or re.match(r"[A-Za-z]", after):
        return f"{q.kind}: glued to letters (isotope, label, symbol)"
    if re.search(r"[−-]$", before):
        return f"{q.kind}: an exponent or a negative figure"
    if re.search(r"[(\[]\s*$", before) and re.match(r"\s*[)\],;–-]", after):
        return f"{q.kind}: in brackets (a citation or label)"
    if re.search(r"\d,?\s*(?:and|or)?\s*$", before) or re.match(r",\s*\d", after):
        return f"{q.kind}: in a list of numbers (labels, phases, citations)"
    if q.kind == "count" and re.fullmatch(r"\d+", q.text) and re.search(r"[A-Za-z]\.?\s$", before):
        return "count: a number naming a thing (month 7, complex 1, site 689)"
    if q.kind == "count" and re.search(r"[A-Za-z]{3}", q.text):
        return "count: things counted that MeasEval left unannotated (two readings)"
    return f"{q.kind}: other"


def _context(text: str, span: tuple[int, int], width: int = 60) -> str:
    start, end = max(0, span[0] - width), min(len(text), span[1] + width)
    return " ".join(
        f"…{text[start : span[0]]}[[{text[span[0] : span[1]]}]]{text[span[1] : end]}…".split()
    )


# --- report -------------------------------------------------------------------------------


def prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def figures(tally: Tally) -> dict:
    compared = tally.annotations - sum(tally.excluded.values())
    unit_predicted = tally.unit_matched + tally.unit_extra
    return {
        "documents": tally.documents,
        "unannotated_documents_skipped": tally.skipped_documents,
        "quantity_annotations": tally.annotations,
        "compared": compared,
        "excluded": {reason: n for reason in REASONS if (n := tally.excluded[reason])},
        "spans": {
            **prf(tally.tp, tally.tp + tally.fp, tally.tp + tally.fn),
            "tp": tally.tp,
            "fp": tally.fp,
            "fn": tally.fn,
            "not_scored_over_left_out": tally.ignored,
            "not_scored_inside_a_found_one": tally.inside_found,
        },
        "recall_by_kind": {
            k: f"{tally.found_by_kind[k]}/{n}" for k, n in tally.gold_by_kind.most_common()
        },
        "false_positives_by_kind": dict(tally.fp_by_kind.most_common()),
        "not_scored_over_left_out_by_kind": dict(tally.ignored_by_kind.most_common()),
        "units": {
            **prf(tally.unit_same, unit_predicted, tally.unit_gold),
            "with_unit": tally.unit_gold,
            "span_found": tally.unit_matched,
            "same_unit": tally.unit_same,
            "same_dimension": tally.unit_same_dimension,
            "false_positives_with_unit": tally.unit_extra,
        },
    }


def print_report(name: str, out: dict) -> None:
    spans, units = out["spans"], out["units"]
    print(
        f"MeasEval {name}: {out['documents']} annotated paragraphs "
        f"({out['unannotated_documents_skipped']} without annotations skipped), "
        f"{out['quantity_annotations']} Quantity annotations"
    )
    print(f"  compared: {out['compared']}; left out: {sum(out['excluded'].values())}")
    for reason, n in out["excluded"].items():
        print(f"    {n:4d}  {reason}")
    print(
        "  compared, by kind (found/annotated): "
        + ", ".join(f"{k} {v}" for k, v in out["recall_by_kind"].items())
    )
    print(
        f"Quantity spans (overlap, one to one): P={spans['precision']:.3f} "
        f"R={spans['recall']:.3f} F1={spans['f1']:.3f}  tp={spans['tp']} fp={spans['fp']} "
        f"fn={spans['fn']}  (not scored: {spans['not_scored_over_left_out']} over a left-out "
        f"annotation, {spans['not_scored_inside_a_found_one']} more inside a found one)"
    )
    for title, key in (
        ("false positives", "false_positives_by_kind"),
        ("not scored over a left-out annotation", "not_scored_over_left_out_by_kind"),
    ):
        print(f"  {title}, by our kind: " + ", ".join(f"{k} {n}" for k, n in out[key].items()))
    print(
        f"Units where MeasEval gives one ({units['with_unit']}; the same unit after pint "
        f"normalises the spelling): P={units['precision']:.3f} R={units['recall']:.3f} "
        f"F1={units['f1']:.3f}; on found spans {units['same_unit']}/{units['span_found']} "
        f"the same unit, {units['same_dimension']}/{units['span_found']} the same dimension; "
        f"{units['false_positives_with_unit']} false positives carry a unit"
    )


def print_misses(tally: Tally, per_family: int) -> None:
    families: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for family, what, context in tally.misses:
        families[family].append((what, context))
    for family, items in sorted(families.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"\n## {family}: {len(items)}")
        for what, context in items[:per_family]:
            print(f"  {what!r} :: {context}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a MeasEval split folder, or the folder above")
    parser.add_argument("--split", default="train", help="train (default) or eval")
    parser.add_argument(
        "--show-misses",
        type=int,
        default=0,
        metavar="N",
        help="print N examples of each family of misses",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    folder = split_folder(args.path, args.split)
    documents, unannotated = read_split(folder)
    tally = score(documents, Tally(skipped_documents=unannotated))
    out = figures(tally)
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print_report(folder.name, out)
    if args.show_misses:
        print_misses(tally, args.show_misses)


if __name__ == "__main__":
    main()
