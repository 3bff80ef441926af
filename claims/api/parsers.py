"""The API's JSON parser: a body nested deeper than any of ours is refused before parsing.

Python's json module recurses once per level, so 1,000 brackets in a 2 KB body end in a
RecursionError (a 500). Our bodies are flat objects; anything deeper than MAX_JSON_DEPTH is a
400 that says so. The body's size is bounded before this runs: DRF reads it through
`request.body`, which Django refuses past DATA_UPLOAD_MAX_MEMORY_SIZE (a 413, claims.api.errors).
"""

from __future__ import annotations

import json
import re

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser, get_encoding  # type: ignore[attr-defined]
from rest_framework.utils.json import strict_constant

MAX_JSON_DEPTH = 32

# A JSON string, written so that the regex engine runs through it without backtracking.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def nesting_exceeds(text: str, limit: int) -> bool:
    """Whether the brackets outside strings open more than `limit` levels at some point."""
    depth = 0
    for bracket in _BRACKET.finditer(_STRING.sub("", text)):
        depth += 1 if bracket.group() in "[{" else -1
        if depth > limit:
            return True
    return False


class BoundedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        encoding = get_encoding(parser_context or {})  # refuses bz2_codec and the like
        try:
            text = stream.read().decode(encoding)
        except UnicodeError as exc:
            raise ParseError(f"JSON parse error - the body is not valid {encoding}.") from exc
        if nesting_exceeds(text, MAX_JSON_DEPTH):
            raise ParseError(
                f"JSON parse error - the body is nested more than {MAX_JSON_DEPTH} levels deep; "
                "send a flat object as the schema shows."
            )
        parse_constant = strict_constant if self.strict else None
        try:
            return json.loads(text, parse_constant=parse_constant)
        except (ValueError, RecursionError) as exc:
            raise ParseError(f"JSON parse error - {exc}") from exc
