"""MeasEval's annotations as bench/measeval.py compares them: reading a split (its paragraphs
and Quantity rows), and reading each annotation as one of the extractor's kinds, or the reason
it cannot be compared (REASONS). The scoring and the report are in bench/measeval.py."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import pint  # noqa: E402

from claims.extraction.conversion import UREG  # noqa: E402
from claims.extraction.lexicon.calendar import MONTH_WORDS  # noqa: E402
from claims.extraction.lexicon.currencies import CODES, SYMBOLS  # noqa: E402
from claims.extraction.lexicon.numbers import (  # noqa: E402
    DENOMINATORS,
    GROUPS,
    SCALES,
    SMALL,
    TENS,
)

NO_FIGURE = "no figure in the span (room temperature, sea level)"
DATE = "a date, year or time of day (the temporal layer reads these, not extract_quantities)"
BARE_VALUE = "a bare value MeasEval does not mark as a count (statistic, score, index, ratio)"
RATIO = "a ratio, multiplier or parts-per figure (×, times, fold, ‰, ppm, v/v)"
RATE = "a rate other than a speed (% per year, K/min, kg s−1; we report its parts)"
OTHER_MEASURE = "a measure outside our kinds (pressure, energy, concentration, frequency, angle)"
UNREADABLE = "a unit that pint cannot read (Rp, °N, mWm−2)"
NESTED = "overlaps an earlier annotation of the same paragraph"
REASONS = (NO_FIGURE, DATE, BARE_VALUE, RATIO, RATE, OTHER_MEASURE, UNREADABLE, NESTED)

# pint's dimension of each measured kind of the extractor (DESIGN.md, "Extraction API").
_KIND_OF_DIMENSION = {
    (("[length]", 1),): "length",
    (("[length]", 2),): "area",
    (("[length]", 3),): "volume",
    (("[mass]", 1),): "mass",
    (("[time]", 1),): "duration",
    (("[length]", 1), ("[time]", -1)): "speed",
    (("[temperature]", 1),): "temperature",
}
_PERCENT_RE = re.compile(r"(?:(?:wt|vol|mol|at)\.?\s*)?(?:%|percent|per cent)", re.IGNORECASE)
_MULTIPLIERS = frozenset({"×", "x", "times", "fold", "orders of magnitude", "order of magnitude"})
# Words pint reads in a sense that science prose does not mean: "a four point scale" and
# "51-bp" (base pairs) count things; "AU" is pint's absorbance unit, the astronomer's length.
_COUNTED_NOT_UNITS = frozenset({"point", "points", "bp"})
_PINT_NAMES = {"AU": "astronomical_unit"}
_TIME_OF_DAY = frozenset({"UT", "UTC", "GMT", "LT"})
_NUMBER_WORDS = frozenset({*SMALL, *TENS, *SCALES, *GROUPS, *DENOMINATORS})
_FIGURE_RE = re.compile(
    r"\d+(?:[.,]\d+)*|\.\d+|\b(?:"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?:AD|BC|CE|BCE)?\s*[12]\d{3}\s*(?:AD|BC|CE|BCE)?")


@dataclass(frozen=True)
class Annotation:
    """One MeasEval Quantity: its span in the paragraph, the unit given, its modifiers."""

    start: int
    end: int
    text: str
    unit: str | None
    mods: frozenset[str]


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    quantities: tuple[Annotation, ...]


@dataclass(frozen=True)
class Reading:
    """What the adapter makes of an annotation: a kind of ours, or why it cannot be compared;
    and the pint unit to compare where MeasEval gives a unit of a measured kind."""

    kind: str | None
    why_not: str | None = None
    unit: str | None = None


# --- reading MeasEval ---------------------------------------------------------------------


def split_folder(path: Path, split: str) -> Path:
    """The folder holding `text/` and `tsv/`: PATH itself, PATH/SPLIT or PATH/data/SPLIT."""
    for folder in (path, path / split, path / "data" / split):
        if (folder / "tsv").is_dir() and (folder / "text").is_dir():
            return folder
    raise SystemExit(f"no MeasEval split with text/ and tsv/ at {path} (split {split!r})")


def read_split(folder: Path) -> tuple[list[Document], int]:
    """The annotated paragraphs of a split, and how many paragraphs have no annotation file."""
    documents, unannotated = [], 0
    for text_file in sorted((folder / "text").glob("*.txt")):
        tsv = folder / "tsv" / f"{text_file.stem}.tsv"
        if not tsv.exists():
            unannotated += 1
            continue
        text = text_file.read_text(encoding="utf-8")
        documents.append(Document(text_file.stem, text, tuple(read_quantities(tsv, text))))
    return documents, unannotated


def read_quantities(tsv: Path, text: str) -> list[Annotation]:
    """The Quantity rows of one paragraph's TSV, in text order; offsets checked against the text."""
    found = []
    with tsv.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["annotType"] != "Quantity":
                continue
            start, end = int(row["startOffset"]), int(row["endOffset"])
            if text[start:end] != row["text"]:
                raise ValueError(f"{tsv.name}: {row['text']!r} is not at {start}..{end}")
            other = json.loads(row["other"]) if (row.get("other") or "").strip() else {}
            unit = other.get("unit") or None
            found.append(
                Annotation(start, end, row["text"], unit, frozenset(other.get("mods", ())))
            )
    return sorted(found, key=lambda a: (a.start, -a.end))


# --- what an annotation is ----------------------------------------------------------------


def read_annotation(annotation: Annotation) -> Reading:
    """The kind of ours an annotation is, or why it cannot be compared (one of REASONS)."""
    text = annotation.text
    figures = _FIGURE_RE.findall(text)
    if not figures:
        return Reading(None, NO_FIGURE)
    if _is_date(annotation, figures):
        return Reading(None, DATE)
    if annotation.unit is not None:
        kind, unit, why_not = read_unit(annotation.unit)
        if kind is not None:
            return Reading(kind, unit=unit if kind != "count" else None)
        if "IsCount" not in annotation.mods:
            return Reading(None, why_not)
    if "IsCount" in annotation.mods:
        return Reading("count")
    implied = implied_unit(text)
    if implied is not None:
        # Only a word that is plainly a unit: a word after a figure that MeasEval did not
        # mark as a count is not taken for the thing counted ("15 or less").
        kind, _, why_not = read_unit(implied)
        if kind not in (None, "count"):
            return Reading(kind)  # MeasEval gives no unit, so only the span is compared
        if kind is None and why_not != UNREADABLE:
            return Reading(None, why_not)
    return Reading(None, BARE_VALUE)


def read_unit(unit: str) -> tuple[str | None, str | None, str | None]:
    """A MeasEval unit as (our kind, pint unit to compare, None) or (None, None, reason)."""
    unit = unit.strip()
    if _PERCENT_RE.fullmatch(unit):
        return "percentage", "percent", None
    if unit in SYMBOLS or unit.upper() in CODES:
        return "currency", None, None
    if unit.casefold() in _MULTIPLIERS:
        return None, None, RATIO
    if unit in _TIME_OF_DAY:
        return None, None, DATE
    if unit.startswith("°") and unit not in ("°C", "°F"):
        return None, None, OTHER_MEASURE  # an angle, a latitude: "°", "° latitude", "°N"
    if unit in _COUNTED_NOT_UNITS:
        return "count", None, None
    parsed = _pint_unit(_PINT_NAMES.get(unit, unit))
    if parsed is None:
        if _is_counted_noun(unit):
            return "count", None, None
        return None, None, RATE if re.search(r"/|\bper\b", unit) else UNREADABLE
    kind = _KIND_OF_DIMENSION.get(tuple(sorted(parsed.dimensionality.items())))
    if kind is not None:
        return kind, str(parsed), None
    return None, None, _why_not_measured(parsed)


def _pint_unit(unit: str) -> pint.Unit | None:
    """pint's reading of a unit as science typesets it: "m s−1", "mm3", "mg cm− 2"."""
    spelled = unit.replace("−", "-").replace("–", "-").replace("°C", "degC").replace("°F", "degF")
    spelled = re.sub(r"\s*-\s*(\d)", r"^-\1", spelled)  # "s−1", "g− 1": negative powers
    spelled = re.sub(r"(?<=[A-Za-zμµ])(\d)", r"^\1", spelled)  # "mm3", "W/m2"
    for attempt in (spelled, spelled.lower()):  # "Torr", "mBar"
        try:
            return UREG.Unit(attempt)
        except (pint.errors.PintError, ValueError, TypeError, AttributeError, AssertionError):
            continue
    return None


def _why_not_measured(unit: pint.Unit) -> str:
    if not dict(unit.dimensionality):
        return OTHER_MEASURE if "degree" in str(unit) or "radian" in str(unit) else RATIO
    # pint has no public way to a unit's factors; `_units` has held them since pint 0.6.
    per_time = any(
        power < 0 and dict(UREG.Unit(name).dimensionality) == {"[time]": 1}
        for name, power in unit._units.items()
    )
    # "% per year", "K/min", "kg s−1"; not "Hz" or "s−1", a frequency with nothing per time
    return RATE if per_time and len(unit._units) > 1 else OTHER_MEASURE


def _is_counted_noun(unit: str) -> bool:
    """A word pint does not know, written as a noun (three letters or more, with a vowel):
    the thing counted ("participants", "elderly participants"), not an abbreviation ("byr")."""
    if re.search(r"/|\bper\b", unit) or unit.casefold() in _MULTIPLIERS:
        return False
    words = unit.split()
    last = words[-1]
    plain = all(w.isalpha() for w in words) and last.islower() and len(last) >= 3
    return plain and bool(re.search("[aeiou]", last))


def _is_date(annotation: Annotation, figures: Sequence[str]) -> bool:
    """A month named, or bare four-digit years ("1991", "1985 to 1988", "AD 1850")."""
    words = {w.rstrip(".").casefold() for w in re.findall(r"[A-Za-z.]+", annotation.text)}
    if words & MONTH_WORDS:
        return True
    if annotation.unit is not None:
        return False
    return all(_YEAR_RE.fullmatch(f) and 1000 <= int(f) <= 2100 for f in figures)


def implied_unit(text: str) -> str | None:
    """The word after the last figure when MeasEval gives no unit: "45 days" → "days", "73%"
    → "%". A suffix glued to the figure ("1/100th") is not taken for a unit."""
    ends = [m.end() for m in _FIGURE_RE.finditer(text)]
    rest = text[ends[-1] :] if ends else ""
    word = re.match(r"\s*%|\s+([^\W\d][\w.]*(?:\s+of\s+magnitude)?)", rest)
    if word is None:
        return None
    return word.group(1) or "%"
