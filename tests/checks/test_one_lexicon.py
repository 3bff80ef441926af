"""The extractor and the checks read hedges and words of change from one lexicon
(claims.extraction.lexicon), so a word added there is read the same way everywhere."""

import pytest

from claims.checks import check_text
from claims.extraction import extract_quantities
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
