"""The extractor and the checks read hedges and words of change from one lexicon
(claims.extraction.lexicon), so a word added there is read the same way everywhere."""

import ast
import re
from pathlib import Path

import pytest

from claims.checks import check_text
from claims.extraction import extract_quantities
from claims.extraction.lexicon import wordset
from claims.extraction.lexicon.qualifiers import PREFIXES
from claims.extraction.lexicon.words import CHANGE_NOUNS


@pytest.mark.parametrize("phrase", sorted(PREFIXES))
def test_a_short_symbol_is_a_unit_when_its_conversion_opens_with_any_hedge(phrase):
    text = f"The pipe is 8 in ({phrase} 20 cm) wide."
    assert ("8 in", "inch") in [(q.text, q.unit) for q in extract_quantities(text)]
    assert [f.check for f in check_text(text)] == ["conversion"]


@pytest.mark.parametrize("noun", sorted(CHANGE_NOUNS))
def test_every_change_noun_lets_a_level_word_read_the_pair_as_a_difference(noun):
    text = f"The {noun} reached 3 °C (5.4 °F) that year."
    [finding] = check_text(text)
    assert finding.outcome == "consistent", finding.explanation
    assert "Δ" in finding.expected


# Words that only a table of number words, months, weekdays or hedges would spell out.
_TABLE_WORDS = wordset(
    "january february april july august september october november december monday tuesday"
    " wednesday thursday friday saturday sunday eleven twelve thirteen fourteen fifteen"
    " sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty"
    " ninety approximately roughly"
)


def _second_tables(root: Path) -> list[str]:
    """String literals outside the lexicon that list such words: an element of a list, tuple,
    set or dict, or an alternation ("a|b") naming two of them. Prose (a docstring, a
    sentence of an explanation) is not a table."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if "lexicon" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_collections = {
            id(element)
            for node in ast.walk(tree)
            if isinstance(node, ast.List | ast.Tuple | ast.Set | ast.Dict)
            for element in (node.keys if isinstance(node, ast.Dict) else node.elts)
            if element is not None
        }
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            words = set(re.findall(r"[a-z]+", node.value.lower())) & _TABLE_WORDS
            listed = id(node) in in_collections and words
            alternation = "|" in node.value and len(words) >= 2
            if listed or alternation:
                found.append(f"{path}:{node.lineno} {sorted(words)}")
    return found


@pytest.mark.parametrize("package", ["extraction", "checks"])
def test_no_second_table_of_number_words_months_weekdays_or_hedges(package):
    root = Path(__file__).resolve().parents[2] / "claims" / package
    assert _second_tables(root) == []
