"""Every public name that the word lists and the unit and geography checks define is read
somewhere: a table or pattern with no reader drifts from the ones in use and misleads."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = {p: p.read_text(encoding="utf-8") for d in ("claims", "tests", "bench")
           for p in (ROOT / d).rglob("*.py")}  # fmt: skip
MODULES = sorted(
    {*(ROOT / "claims/extraction/lexicon").glob("*.py"), ROOT / "claims/extraction/short_units.py",
     *(ROOT / "claims/checks").glob("geo*.py"), *(ROOT / "claims/checks").glob("conversion*.py"),
     ROOT / "claims/checks/units.py", ROOT / "claims/checks/wording.py"}
)  # fmt: skip


def _public_names(source: str) -> list[str]:
    names: list[str] = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
    return [n for n in names if not n.startswith("_")]


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_public_name_of_the_word_lists_and_checks_has_a_reader(module):
    own = SOURCES[module]
    unread = []
    for name in _public_names(own):
        word = re.compile(rf"\b{re.escape(name)}\b")
        read_elsewhere = any(word.search(text) for path, text in SOURCES.items() if path != module)
        if not read_elsewhere and len(word.findall(own)) == 1:
            unread.append(name)
    assert unread == []
