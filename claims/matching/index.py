"""The nearest-neighbour index over claim vectors: usearch's HNSW graph, cosine metric. Pure
Python, no Django.

The index only proposes candidates: whoever asks re-reads the candidates' vectors from the
database and scores them there, so a key that the database no longer has, or a stale index,
costs a wasted candidate, never a wrong score. Keys are claim ids.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from usearch.index import Index

# Wider than the default search beam (64): the recall of the true 20 nearest at 1M vectors
# stays above 0.95 (bench/match_index.py) for well under a millisecond a query.
EXPANSION_SEARCH = 128


class VectorIndex:
    def __init__(self, dimensions: int, *, path: Path | None = None) -> None:
        self.dimensions = dimensions
        self._index = Index(
            ndim=dimensions, metric="cos", dtype="f16", expansion_search=EXPANSION_SEARCH
        )
        if path is not None:
            self._index.load(str(path))
            if self._index.ndim != dimensions:
                raise ValueError(f"{path} holds {self._index.ndim}-wide vectors, not {dimensions}")

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, key: int) -> bool:
        return key in self._index

    def add(self, keys: Sequence[int], vectors: np.ndarray, *, threads: int = 1) -> None:
        """Add the rows of `vectors` under `keys`; keys already present are skipped.
        `threads` 0 uses every core (a rebuild); a worker adding its own rows uses one."""
        fresh = [i for i, key in enumerate(keys) if key not in self._index]
        if fresh:
            ids = np.asarray([keys[i] for i in fresh], dtype=np.uint64)
            self._index.add(ids, vectors[fresh], threads=threads)

    def search(self, vectors: np.ndarray, count: int) -> list[list[tuple[int, float]]]:
        """For each row, up to `count` (key, cosine) pairs, nearest first."""
        if len(vectors) == 0 or len(self._index) == 0:
            return [[] for _ in range(len(vectors))]
        found = self._index.search(vectors, count, threads=1)
        keys = np.atleast_2d(found.keys)
        distances = np.atleast_2d(found.distances)
        # One row comes back as a Matches (no `counts`), several as BatchMatches.
        counts = np.atleast_1d(getattr(found, "counts", len(found.keys)))
        return [
            [(int(k), 1.0 - float(d)) for k, d in zip(row_keys[:n], row_d[:n], strict=True)]
            for row_keys, row_d, n in zip(keys, distances, counts, strict=True)
        ]

    def save(self, path: Path) -> None:
        """Written whole or not at all (a rename), so a reader never sees half a file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(handle)
        try:
            self._index.save(temporary)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
