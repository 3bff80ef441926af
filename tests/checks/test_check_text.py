"""check_text: extraction once, then every check, in text order (the Checks API contract)."""

import ast
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.checks import CHECKS, OUTCOMES, check_text
from claims.extraction import extract_quantities

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "izium-2022-09-14.txt"
CHECKS_DIR = Path(__file__).resolve().parents[2] / "claims" / "checks"
WEDNESDAY = dt.date(2022, 9, 14)
ALARMS = ("five days after", "some 30 miles to the north of Izium")


def overlapping(findings, text, surface):
    at = text.index(surface)
    return [f for f in findings if f.start < at + len(surface) and at < f.end]


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    return text, check_text(text, reference_date=WEDNESDAY)


@pytest.mark.parametrize(
    ("surface", "check", "outcome"),
    [
        ("8,000 square kilometers (3,088 square miles)", "conversion", "consistent"),
        ("some 30 miles to the north of Izium", "geography", "inconsistent"),
        ("five days after", "date_arithmetic", "inconsistent"),
    ],
)
def test_the_seed_article_gives_its_three_findings(seed, surface, check, outcome):
    text, findings = seed
    near = overlapping(findings, text, surface)
    assert any(f.check == check and f.outcome == outcome for f in near), near


def test_the_seed_article_raises_no_other_alarm(seed):
    text, findings = seed
    expected = [(text.index(s), text.index(s) + len(s)) for s in ALARMS]
    for finding in findings:
        if finding.outcome == "inconsistent":
            assert any(finding.start < end and start < finding.end for start, end in expected), (
                text[finding.start : finding.end]
            )


def test_findings_come_in_text_order(seed):
    _, findings = seed
    assert [f.start for f in findings] == sorted(f.start for f in findings)


def test_every_finding_explains_itself(seed):
    _, findings = seed
    for finding in findings:
        assert finding.explanation
        if finding.outcome != "unverifiable":
            assert finding.expected


@pytest.mark.parametrize(
    ("text", "check", "outcome"),
    [
        ("The lake covers 120 square miles (311 square kilometres).", "conversion", "consistent"),
        ("The trail is 50 km (20 miles) long.", "conversion", "inconsistent"),
        ("Bakhmut lies about 65 kilometres north of Donetsk.", "geography", "consistent"),
        ("Marseille is some 100 miles south of Lyon.", "geography", "inconsistent"),
        ("Kraków, roughly 250 km south of Warsaw, hosted the final.", "geography", "consistent"),
        ("Lviv, some 470 km west of Kyiv, took in refugees.", "geography", "consistent"),
        ("Seattle is about 145 miles south of Portland.", "geography", "inconsistent"),
    ],
)
def test_passages_through_the_whole_pipeline(text, check, outcome):
    findings = check_text(text, reference_date=dt.date(2024, 3, 15))
    assert [(f.check, f.outcome) for f in findings] == [(check, outcome)]


def test_a_text_without_figures_has_no_findings():
    assert check_text("Nothing to see here.") == []


def test_the_checks_never_import_django_or_the_database_layer():
    banned = ("django", "celery", "rest_framework", "claims.models", "claims.services")
    for path in CHECKS_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert not name.startswith(banned), f"{path.name} imports {name}"


def test_weekdays_without_a_dateline_are_unverifiable():
    text = "The dam burst on Monday. Water reached the lower town on Wednesday, two days later."
    findings = check_text(text)
    assert [(f.check, f.outcome) for f in findings] == [("date_arithmetic", "unverifiable")]


def test_the_seed_article_without_its_dateline_raises_no_date_alarm():
    text = SEED.read_text(encoding="utf-8")
    findings = check_text(text, reference_date=None)
    near = overlapping(findings, text, "five days after")
    assert not any(f.outcome == "inconsistent" for f in near)
    assert any(f.check == "geography" and f.outcome == "inconsistent" for f in findings)


def test_the_same_distance_is_checked_as_a_conversion_and_as_geography():
    text = "Kupyansk, some 30 miles (48 km) to the north of Izium, is a rail hub."
    findings = check_text(text)
    assert [(f.check, f.outcome) for f in findings] == [
        ("geography", "inconsistent"),
        ("conversion", "consistent"),
    ]


FRAGMENTS = [
    "Kupyansk, some 30 miles to the north of Izium,",
    "8,000 square kilometers (3,088 square miles)",
    "The trail is 50 km (20 miles) long.",
    "On Monday, 30 miles north of Kyiv,",
    "Springfield lies some 200 miles from Denver.",
    "five days after the city fell on Saturday",
    "Zzyzxville, about 10 km west of",
    "(",
    ", or roughly",
    "Odessa, Texas,",
    " apart.",
    "6 feet 2 inches",
]


@settings(deadline=None, max_examples=60)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=6), st.sampled_from([None, WEDNESDAY]))
def test_any_mix_of_phrases_gives_well_formed_findings(parts, dateline):
    text = " ".join(parts)
    for finding in check_text(text, reference_date=dateline):
        assert finding.check in CHECKS and finding.outcome in OUTCOMES
        assert 0 <= finding.start < finding.end <= len(text)


def test_the_texts_own_quantities_give_the_same_findings(seed):
    # The pipeline extracts once and hands the quantities over, instead of reading twice.
    text, findings = seed
    quantities = extract_quantities(text, reference_date=WEDNESDAY)
    assert check_text(text, WEDNESDAY, quantities) == findings
