"""bench/measeval.py, the MeasEval adapter: how it reads a split, which annotations it compares,
and how it scores spans and units. On a tiny split written here (CI has no MeasEval)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HEADER = "docId\tannotSet\tannotType\tstartOffset\tendOffset\tannotId\ttext\tother"

ROAD = (
    "The road is 12 km long and took 3 weeks to build in 1998 at room temperature; "
    "the press gave 40 MPa. A crate held 5 kg of salt and 20% water. The dose was 30 mg."
)
KILNS = "Samples of 4.5 kg, 6 kg and 13 kg were heated. The trench was 12–15 km long and 7 m deep."


@pytest.fixture(scope="module")
def measeval():
    spec = importlib.util.spec_from_file_location("measeval", REPO / "bench" / "measeval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["measeval"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    yield module
    del sys.modules["measeval"]


def _row(doc: str, text: str, surface: str, other: dict, n: int, after: int = 0) -> str:
    start = text.index(surface, after)
    end = start + len(surface)
    fields = (doc, n, "Quantity", start, end, f"T{n}", surface, json.dumps(other) if other else "")
    return "\t".join(map(str, fields))


def _write(folder: Path, doc: str, text: str, rows: list[tuple]) -> None:
    (folder / "text").mkdir(parents=True, exist_ok=True)
    (folder / "tsv").mkdir(parents=True, exist_ok=True)
    (folder / "text" / f"{doc}.txt").write_text(text, encoding="utf-8")
    lines = [HEADER] + [_row(doc, text, *row, n) for n, row in enumerate(rows, 1)]
    # A context row of MeasEval's kind, which the adapter must pass over.
    lines.append(f'{doc}\t1\tMeasuredEntity\t0\t3\tT9\t{text[:3]}\t{{"HasQuantity": "T1"}}')
    (folder / "tsv" / f"{doc}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def split(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "train"
    _write(folder, "road", ROAD, [
        ("12 km", {"unit": "km"}),
        ("3 weeks", {"unit": "weeks"}),
        ("1998", {}),
        ("room temperature", {}),
        ("40 MPa", {"unit": "MPa"}),
        ("20%", {"unit": "%"}),
        # a unit outside our kinds over a figure the extractor reads: not scored either way
        ("30 mg", {"unit": "mg/L"}),
    ])  # fmt: skip
    _write(folder, "kilns", KILNS, [
        ("4.5 kg, 6 kg and 13 kg", {"unit": "kg", "mods": ["IsList"]}),
        # one extracted range over two annotations: it can be used once
        ("12", {"unit": "km", "mods": ["IsRange"]}),
        ("15 km", {"unit": "km"}, KILNS.index("–")),
        # a gold unit of the same dimension as what is written: a unit error, not a span error
        ("7 m", {"unit": "mi"}),
    ])  # fmt: skip
    (folder / "text" / "unannotated.txt").write_text("It weighed 9 kg.", encoding="utf-8")
    return tmp_path


def test_a_split_is_read_with_units_and_modifiers_and_unannotated_paragraphs_skipped(
    measeval, split
):
    documents, unannotated = measeval.read_split(split / "data" / "train")
    assert unannotated == 1
    assert [d.name for d in documents] == ["kilns", "road"]
    kilns = documents[0]
    first = kilns.quantities[0]
    assert (first.text, first.unit, first.mods) == ("4.5 kg, 6 kg and 13 kg", "kg", {"IsList"})
    assert kilns.text[first.start : first.end] == first.text
    assert len(documents[1].quantities) == 7  # the MeasuredEntity row is not a Quantity


def test_the_split_is_found_from_the_folder_above_it(measeval, split):
    assert measeval.split_folder(split, "train") == split / "data" / "train"
    assert measeval.split_folder(split / "data", "train") == split / "data" / "train"
    with pytest.raises(SystemExit):
        measeval.split_folder(split, "eval")


def test_an_offset_that_does_not_point_at_its_text_is_an_error(measeval, tmp_path):
    _write(tmp_path, "bad", "It is 12 km away.", [("12 km", {"unit": "km"})])
    tsv = tmp_path / "tsv" / "bad.tsv"
    tsv.write_text(tsv.read_text(encoding="utf-8").replace("\t6\t11\t", "\t5\t10\t"), "utf-8")
    with pytest.raises(ValueError, match="12 km"):
        measeval.read_split(tmp_path)


@pytest.mark.parametrize(
    ("text", "unit", "mods", "kind", "compared_unit"),
    [
        ("12 km", "km", (), "length", "kilometer"),
        ("3 weeks", "weeks", (), "duration", "week"),
        ("24 h", "h", (), "duration", "hour"),
        ("2 m s−1", "m s−1", (), "speed", "meter / second"),
        ("∼0.4 mm2", "mm2", (), "area", "millimeter ** 2"),
        ("−4°C", "°C", (), "temperature", "degree_Celsius"),
        ("5 wt.%", "wt.%", (), "percentage", "percent"),
        ("three", None, ("IsCount",), "count", None),
        ("5318 participants", "participants", (), "count", None),
        ("45 days", None, (), "duration", None),  # no unit given: only the span is compared
        ("73%", None, (), "percentage", None),
    ],
)
def test_annotations_of_our_kinds_are_compared(measeval, text, unit, mods, kind, compared_unit):
    reading = measeval.read_annotation(
        measeval.Annotation(0, len(text), text, unit, frozenset(mods))
    )
    assert (reading.kind, reading.why_not) == (kind, None)
    assert reading.unit == compared_unit


@pytest.mark.parametrize(
    ("text", "unit", "mods", "reason"),
    [
        ("room temperature", None, (), "NO_FIGURE"),
        ("1985 to 1988", None, ("IsRange",), "DATE"),
        ("26 October 2011", None, (), "DATE"),
        ("between 05:28 UT and 05:47 UT", "UT", (), "DATE"),
        ("2.84", None, (), "BARE_VALUE"),
        ("15 or less", None, ("IsRange",), "BARE_VALUE"),
        ("100×", "×", (), "RATIO"),
        ("5‰", "‰", (), "RATIO"),
        ("14 times", None, (), "RATIO"),
        ("5 K/min", "K/min", (), "RATE"),
        ("6 × 106 kg s−1", "kg s−1", (), "RATE"),
        ("5–13% per year", "% per year", ("IsRange",), "RATE"),
        ("40 Hz", "Hz", (), "OTHER_MEASURE"),
        ("111 MPa", "MPa", (), "OTHER_MEASURE"),
        ("100 mg/L", "mg/L", (), "OTHER_MEASURE"),
        ("~80°", "°", (), "OTHER_MEASURE"),
        ("3Rp", "Rp", (), "UNREADABLE"),
        ("over 3 byr", "byr", (), "UNREADABLE"),
    ],
)
def test_annotations_outside_the_contract_are_left_out_with_their_reason(
    measeval, text, unit, mods, reason
):
    reading = measeval.read_annotation(
        measeval.Annotation(0, len(text), text, unit, frozenset(mods))
    )
    assert reading.kind is None
    assert reading.why_not == getattr(measeval, reason)


def test_spans_and_units_are_scored_one_to_one_with_left_out_annotations_unscored(measeval, split):
    documents, unannotated = measeval.read_split(split / "data" / "train")
    tally = measeval.score(documents, measeval.Tally(skipped_documents=unannotated))
    out = measeval.figures(tally)
    assert (out["documents"], out["quantity_annotations"], out["compared"]) == (2, 11, 7)
    assert out["excluded"] == {measeval.NO_FIGURE: 1, measeval.DATE: 1, measeval.OTHER_MEASURE: 2}
    spans = out["spans"]
    # found: 12 km, 3 weeks, 20%, the list, "12" (by the range), 7 m; missed: "15 km" (the
    # range was used once); wrong: the unannotated 5 kg. Inside the found list: 6 kg, 13 kg.
    assert (spans["tp"], spans["fp"], spans["fn"]) == (6, 1, 1)
    assert (spans["not_scored_over_left_out"], spans["not_scored_inside_a_found_one"]) == (1, 2)
    assert out["not_scored_over_left_out_by_kind"] == {"mass": 1}  # "30 mg" of "30 mg/L"
    assert (spans["precision"], spans["recall"]) == (0.857, 0.857)
    units = out["units"]
    assert (units["with_unit"], units["span_found"], units["same_unit"]) == (7, 6, 5)
    assert units["same_dimension"] == 6  # "7 m" against MeasEval's "mi"
    assert (units["precision"], units["recall"]) == (0.714, 0.714)  # 5 of 6 + the 5 kg; 5 of 7


def test_the_command_prints_the_figures_and_the_misses_by_family(split):
    done = subprocess.run(
        [sys.executable, "bench/measeval.py", str(split), "--json", "--show-misses", "3"],
        cwd=REPO, capture_output=True, text=True, check=True,
    )  # fmt: skip
    figures, _, misses = done.stdout.partition("\n}\n")
    assert json.loads(figures + "}")["spans"]["f1"] == 0.857
    assert "## FN length in 'km'" in misses and "[[15 km]]" in misses
    assert "## FP mass" in misses and "## UNIT MeasEval 'mi', ours 'meter'" in misses
