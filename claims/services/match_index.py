"""The nearest-neighbour index of the stored claim vectors, one per process, kept in step with
the database, which stays the source of truth.

A process loads the index saved on disk (or builds it from the database when the file is
missing, was saved from another database, by another text model, or has fallen behind), then
before each search reads the vectors stored since it last looked: rows written by the other
workers. Every MARGIN_EVERY_SECONDS it reads back from a little before the newest row seen
(CATCH_UP_MARGIN), since a transaction may commit a moment after the time it stamped on its
row; a row that committed later still is found by the count check when the file is next
loaded. The file is saved after
a rebuild and each time the index has grown by a tenth, written whole or not at all.

The index only proposes candidates: claims/services/matching.py scores them from the vectors
in the database, so a key whose claim is gone costs a wasted candidate, never a wrong score.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import connection

from claims.checks.gazetteer_cache import directory, replacing
from claims.matching.index import VectorIndex
from claims.matching.text import DIMENSIONS, MODEL_NAME, from_bytes
from claims.models import ClaimVector, MatchingState

log = logging.getLogger(__name__)

CATCH_UP_MARGIN = timedelta(seconds=30)
# Reading back from before the newest row seen costs a query of every recent row; most
# catch-ups read only the rows after it, and one in this many seconds reads the margin too.
MARGIN_EVERY_SECONDS = 10.0
# An index missing more rows than the database holds, or holding this share more keys than
# there are rows (claims deleted since), is rebuilt when loaded.
STALE_SHARE = 0.1
_CHUNK = 5_000


@dataclass
class _Loaded:
    index: VectorIndex
    epoch: str
    synced: datetime | None  # created_at of the newest row read
    saved_size: int
    margin_read_at: float = 0.0  # time.monotonic() of the last catch-up with the margin


_loaded: _Loaded | None = None
_lock = threading.Lock()


def nearest(vectors: np.ndarray, count: int) -> list[list[tuple[int, float]]]:
    """For each row of `vectors`, up to `count` (claim id, cosine) pairs, nearest first."""
    with _lock:
        return _current().index.search(vectors, count)


def add(keys: list[int], vectors: np.ndarray) -> None:
    """Vectors this process has just stored: searchable at once, without a catch-up."""
    with _lock:
        # Searched a moment ago: the epoch and the other workers' rows were read then.
        loaded = _loaded or _current()
        loaded.index.add(keys, vectors)
        if len(loaded.index) >= loaded.saved_size * 1.1 + 100:
            _save(loaded)


def rebuild() -> int:
    """Build the index afresh from the database and save it; the number of vectors."""
    global _loaded
    with _lock:
        _loaded = _build(_epoch())
        return len(_loaded.index)


def forget() -> None:
    """Drop this process's index (tests; a worker that will read the file again)."""
    global _loaded
    with _lock:
        _loaded = None


def index_path() -> Path:
    base = Path(settings.MATCH_INDEX_DIR) if settings.MATCH_INDEX_DIR else directory()
    name = connection.settings_dict["NAME"]
    safe = "".join(c if c.isalnum() else "-" for c in str(name))[-60:]
    return base / "matching" / f"{safe}-{MODEL_NAME}.hnsw"


def _current() -> _Loaded:
    global _loaded
    epoch = _epoch()
    if _loaded is None or _loaded.epoch != epoch:
        _loaded = _load(epoch) or _build(epoch)
    _catch_up(_loaded)
    return _loaded


def _epoch() -> str:
    state, _ = MatchingState.objects.get_or_create(pk=1)
    return str(state.epoch)


def _load(epoch: str) -> _Loaded | None:
    path = index_path()
    meta_path = path.with_suffix(".json")
    try:
        meta = json.loads(meta_path.read_text())
        if meta["epoch"] != epoch or meta["model"] != MODEL_NAME:
            return None
        index = VectorIndex(DIMENSIONS, path=path)
    except (OSError, ValueError, KeyError, RuntimeError):
        return None
    if len(index) != meta["size"]:
        return None  # the file and its description were written by different saves
    synced = datetime.fromisoformat(meta["synced"]) if meta["synced"] else None
    loaded = _Loaded(index, epoch, synced, len(index))
    _catch_up(loaded)
    stored = ClaimVector.objects.filter(model=MODEL_NAME).count()
    if len(index) < stored or len(index) > stored * (1 + STALE_SHARE) + 100:
        log.info("matching index %s: %d keys for %d rows; rebuilding", path, len(index), stored)
        return None
    return loaded


def _build(epoch: str) -> _Loaded:
    index = VectorIndex(DIMENSIONS)
    synced: datetime | None = None
    rows = ClaimVector.objects.filter(model=MODEL_NAME).order_by("claim_id")
    keys: list[int] = []
    vectors: list[bytes] = []
    for key, vector, created in rows.values_list("claim_id", "vector", "created_at").iterator(
        chunk_size=_CHUNK
    ):
        keys.append(key)
        vectors.append(bytes(vector))
        synced = created if synced is None else max(synced, created)
        if len(keys) == _CHUNK:
            index.add(keys, from_bytes(vectors), threads=0)
            keys, vectors = [], []
    if keys:
        index.add(keys, from_bytes(vectors), threads=0)
    loaded = _Loaded(index, epoch, synced, 0)
    _save(loaded)
    log.info("matching index built from the database: %d vectors", len(index))
    return loaded


def _catch_up(loaded: _Loaded) -> None:
    rows = ClaimVector.objects.filter(model=MODEL_NAME)
    if loaded.synced is not None:
        if time.monotonic() - loaded.margin_read_at >= MARGIN_EVERY_SECONDS:
            loaded.margin_read_at = time.monotonic()
            rows = rows.filter(created_at__gte=loaded.synced - CATCH_UP_MARGIN)
        else:
            rows = rows.filter(created_at__gt=loaded.synced)
    seen = list(rows.values_list("claim_id", "created_at"))
    if not seen:
        return
    fresh = [key for key, _ in seen if key not in loaded.index]
    if fresh:
        found = dict(
            ClaimVector.objects.filter(claim_id__in=fresh).values_list("claim_id", "vector")
        )
        keys = [key for key in fresh if key in found]
        loaded.index.add(keys, from_bytes([found[key] for key in keys]))
    # The newest row read, whoever wrote it: the rows this process added itself are read once,
    # not again at every catch-up.
    newest = max(created for _, created in seen)
    loaded.synced = newest if loaded.synced is None else max(loaded.synced, newest)


def _save(loaded: _Loaded) -> None:
    path = index_path()
    try:
        loaded.index.save(path)
        meta = {
            "epoch": loaded.epoch,
            "model": MODEL_NAME,
            "size": len(loaded.index),
            "synced": loaded.synced.isoformat() if loaded.synced else None,
        }
        with replacing(path.with_suffix(".json")) as temporary:
            temporary.write_text(json.dumps(meta))
        loaded.saved_size = len(loaded.index)
    except OSError:
        log.warning("matching index: could not save %s", path, exc_info=True)
