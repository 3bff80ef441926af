"""The API sits beside the web UI, not on it: what both use lives below both (claims/http)."""

from __future__ import annotations

import ast
from pathlib import Path

import claims.api

API = Path(claims.api.__file__).parent


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_module_of_the_api_imports_the_web_package():
    offenders = {
        f"{path.relative_to(API.parent.parent)}: {name}"
        for path in sorted(API.rglob("*.py"))
        for name in _imported_modules(path)
        if name == "claims.web" or name.startswith("claims.web.")
    }
    assert offenders == set()
