"""Benchmark: nearest-neighbour libraries for "seen before" claim matching.

    .venv/bin/python bench/match_index.py [--sizes 10000,100000,1000000] [--queries 1000]
        [--libs usearch,hnswlib,faiss,numpy] [--ef 64,128,256] [--usearch f32,f16,i8,f16:32:256]
        [--shape spectral|isotropic] [--out results.json]

The product keeps one 256-d, L2-normalised float32 embedding per claim (model2vec static
embeddings) and asks, for each new claim, for its 20 nearest earlier claims by cosine. This
script measures, on synthetic data shaped like sentence embeddings, for each size and each
library setting:

- build: wall time and vectors/s, with 2 threads (all the machine's cores);
- memory: the growth of the process's anonymous RSS (RssAnon) over the build, and the size the
  library reports for itself (usearch memory_usage, hnswlib index_file_size, faiss's
  serialised size, numpy's array bytes);
- queries with 1 thread, as a Celery worker handling one article would run them: mean and
  p99 ms per query one at a time (batch 1, a claim at a time) and mean ms per query in
  batches of 8 (an article's claims); k = 20;
- recall@10 and recall@20 against exact search (numpy, computed in row chunks so 1M x 256
  float32, 1 GB, fits).

Settings: usearch HNSW (f32, f16, i8; connectivity 16, expansion_add 128 = its defaults;
expansion_search 64 = default, and the --ef values; `--usearch f16:32` adds a build with
connectivity 32, the tuned setting that reached recall@10 0.95 at ef 64 on 1M), hnswlib (M 16,
ef_construction 200, ef from --ef), faiss IndexHNSWFlat (M 32, efConstruction 40 = its default,
efSearch from --ef) and IndexFlatIP (exact), numpy exact (matrix product and argpartition). For
usearch it also times save, restore (load into memory) and view (memory-mapped), with their
RSS, in fresh processes.

Data (seeded, deterministic, and each size a prefix of the larger ones): 4,000 cluster centres
that share a common direction (sentence embeddings are anisotropic: unrelated pairs sit near
cosine 0.1-0.2, not 0), cluster sizes skewed like news topics, each vector a centre plus noise
(spectral by default: effective dimension near 50), normalised. Queries: 80 % paraphrases of
stored vectors (cosine 0.80-0.95 to their source), 20 % fresh members of the clusters.

Each setting runs in its own child process that reads the vectors memory-mapped, so the RSS
figures belong to that index alone. A build that passes --build-limit seconds (15 min) is
stopped between chunks and reported as such. Times depend on other work on the machine: each
row shows the build's CPU/wall ratio (2.0 = both cores) and the load average after it. Ends
with the choice rule: the fastest batch-1 setting with recall@10 >= 0.95 at each size. No
database, no network.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

DIM = 256
K = 20
SEED = 20_260_611
CENTRES = 4_000
CHUNK = 50_000  # rows generated, ground-truthed and added per step
THREADS_BUILD = 2
RECALL_NEEDED = 0.95

Search = Callable[[np.ndarray], np.ndarray]  # (b, DIM) queries -> (b, K) ids


# ---------------------------------------------------------------- data


def _unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=-1, keepdims=True)).astype(np.float32)


def _clusters(shape: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Centres, per-cluster noise scale, skewed cluster weights, and the noise's mixing matrix.

    "spectral" noise has variances falling as 1/(i+1)^0.8 along random orthogonal axes (an
    effective dimension near 50, like real sentence embeddings); "isotropic" spreads it over
    all 256 axes alike, a harder case for graph indexes (every neighbour near equally far).
    """
    rng = np.random.default_rng([SEED, 0])
    common = _unit(rng.standard_normal(DIM))
    spread = rng.standard_normal((CENTRES, DIM)) / np.sqrt(DIM)
    centres = _unit(0.5 * common + spread)
    noise = rng.uniform(0.6, 1.2, CENTRES)  # cosine to the centre 0.64-0.86
    weights = 1.0 / (np.arange(CENTRES) + 10.0) ** 0.8
    if shape == "spectral":
        scale = (np.arange(DIM) + 1.0) ** -0.4
        axes = np.linalg.qr(rng.standard_normal((DIM, DIM)))[0]
        mixing = (scale[:, None] / np.sqrt((scale**2).sum())) * axes
    else:
        mixing = np.eye(DIM) / np.sqrt(DIM)
    return centres, noise, weights / weights.sum(), mixing.astype(np.float32)


def _members(rng: np.random.Generator, n: int, clusters: tuple) -> np.ndarray:
    centres, noise, weights, mixing = clusters
    which = rng.choice(CENTRES, size=n, p=weights)
    jitter = rng.standard_normal((n, DIM), dtype=np.float32) @ mixing
    return _unit(centres[which] + noise[which, None] * jitter)


def make_vectors(path: Path, n: int, shape: str) -> np.ndarray:
    """n stored vectors written to a .npy; chunk i is seeded by i alone, so sizes nest."""
    clusters = _clusters(shape)
    out = np.lib.format.open_memmap(path, mode="w+", dtype=np.float32, shape=(n, DIM))
    for start in range(0, n, CHUNK):
        rng = np.random.default_rng([SEED, 1, start // CHUNK])
        out[start : start + CHUNK] = _members(rng, CHUNK, clusters)[: n - start]
    out.flush()
    return out


def make_queries(data: np.ndarray, count: int, shape: str) -> tuple[np.ndarray, np.ndarray]:
    """Paraphrase-like queries (and their source cosine), then fresh ones."""
    clusters = _clusters(shape)
    rng = np.random.default_rng([SEED, 2, len(data)])
    para = round(count * 0.8)
    sources = data[np.sort(rng.choice(len(data), size=para, replace=False))]
    target = rng.uniform(0.80, 0.95, para)
    step = np.sqrt(1.0 / target**2 - 1.0)[:, None]  # |noise| for that cosine
    noise = _unit(rng.standard_normal((para, DIM), dtype=np.float32) @ clusters[3])
    noise = _unit(noise - (noise * sources).sum(1, keepdims=True) * sources)  # orthogonal
    paraphrases = _unit(sources + step * noise)
    fresh = _members(rng, count - para, clusters)
    cosines = (paraphrases * sources).sum(1)
    return np.vstack([paraphrases, fresh]), cosines


def exact_top(data: np.ndarray, queries: np.ndarray, k: int = K) -> np.ndarray:
    """Exact top-k by inner product, streaming over row chunks of data."""
    best_s = np.full((len(queries), k), -np.inf, dtype=np.float32)
    best_i = np.zeros((len(queries), k), dtype=np.int64)
    for start in range(0, len(data), CHUNK):
        scores = queries @ np.asarray(data[start : start + CHUNK]).T
        part = np.argpartition(-scores, min(k, scores.shape[1] - 1), axis=1)[:, :k]
        cand_s = np.hstack([best_s, np.take_along_axis(scores, part, 1)])
        cand_i = np.hstack([best_i, part + start])
        keep = np.argsort(-cand_s, axis=1)[:, :k]
        best_s = np.take_along_axis(cand_s, keep, 1)
        best_i = np.take_along_axis(cand_i, keep, 1)
    return best_i


def describe(data: np.ndarray, queries: np.ndarray, cosines: np.ndarray, gt: np.ndarray) -> str:
    rng = np.random.default_rng(1)
    a, b = rng.choice(len(data), (2, 2000))
    random_cos = (data[np.sort(a)] * data[np.sort(b)]).sum(1)
    top = (queries * data[gt[:, 0]]).sum(1)
    tenth = (queries * data[gt[:, 9]]).sum(1)
    return (
        f"cos of random pairs median {np.median(random_cos):.2f}; "
        f"paraphrase to source {cosines.min():.2f}-{cosines.max():.2f}; "
        f"query to its 1st neighbour median {np.median(top):.2f}, "
        f"to its 10th {np.median(tenth):.2f}"
    )


# ---------------------------------------------------------------- measuring


def rss_mb() -> dict[str, float]:
    """The process's resident memory by kind, in MB (Linux /proc)."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "RssAnon", "RssFile", "RssShmem"):
            fields[key] = int(value.split()[0]) / 1024
    return fields


def recall(found: np.ndarray, truth: np.ndarray, k: int) -> float:
    hits = sum(len(set(f[:k]) & set(t[:k])) for f, t in zip(found, truth, strict=True))
    return hits / (k * len(truth))


def time_queries(search: Search, queries: np.ndarray) -> dict[str, Any]:
    """Batch-1 times (and ids for recall), then per-query time in batches of 8."""
    search(queries[:8])
    for q in queries[:10]:
        search(q[None])  # warm-up
    times, found = [], []
    for q in queries:
        started = time.perf_counter()
        found.append(search(q[None])[0])
        times.append(time.perf_counter() - started)
    started = time.perf_counter()
    for start in range(0, len(queries), 8):
        search(queries[start : start + 8])
    batch8 = (time.perf_counter() - started) / len(queries)
    ms = np.array(times) * 1000
    return {
        "q1_ms": float(ms.mean()),
        "q1_p99_ms": float(np.percentile(ms, 99)),
        "q8_ms": batch8 * 1000,
        "found": np.array(found),
    }


# ---------------------------------------------------------------- libraries
# Each builder adds `data` in chunks (so a build can be stopped) and returns
# (set_ef, search, own_bytes); set_ef is None for exact searches.


class BuildTooSlow(Exception):
    pass


def _chunks(data: np.ndarray, deadline: float) -> Iterator[tuple[int, np.ndarray]]:
    for start in range(0, len(data), CHUNK):
        if time.perf_counter() > deadline:
            raise BuildTooSlow(f"stopped after {start} vectors")
        yield start, np.ascontiguousarray(data[start : start + CHUNK])


def build_usearch(data: np.ndarray, spec: dict, deadline: float) -> tuple:
    from usearch.index import Index

    index = Index(
        ndim=DIM,
        metric="cos",
        dtype=spec["dtype"],
        connectivity=spec.get("connectivity"),  # None: the library's default (16)
        expansion_add=spec.get("expansion_add"),  # None: the library's default (128)
    )
    for start, rows in _chunks(data, deadline):
        index.add(np.arange(start, start + len(rows)), rows, threads=THREADS_BUILD)

    def set_ef(ef: int) -> None:
        index.expansion_search = ef

    def search(q: np.ndarray) -> np.ndarray:
        return index.search(q, K, threads=1).keys.reshape(len(q), K)

    return set_ef, search, index.memory_usage, index


def build_hnswlib(data: np.ndarray, spec: dict, deadline: float) -> tuple:
    import hnswlib

    index = hnswlib.Index(space="ip", dim=DIM)
    index.init_index(max_elements=len(data), ef_construction=200, M=16, random_seed=1)
    for start, rows in _chunks(data, deadline):
        ids = np.arange(start, start + len(rows))
        index.add_items(rows, ids, num_threads=THREADS_BUILD)

    def search(q: np.ndarray) -> np.ndarray:
        return index.knn_query(q, k=K, num_threads=1)[0]

    return index.set_ef, search, index.index_file_size(), index


def build_faiss(data: np.ndarray, spec: dict, deadline: float) -> tuple:
    import faiss

    faiss.omp_set_num_threads(THREADS_BUILD)
    if spec["kind"] == "flat":
        index = faiss.IndexFlatIP(DIM)
    else:
        index = faiss.IndexHNSWFlat(DIM, 32, faiss.METRIC_INNER_PRODUCT)
    for _, rows in _chunks(data, deadline):
        index.add(rows)
    faiss.omp_set_num_threads(1)

    def set_ef(ef: int) -> None:
        index.hnsw.efSearch = ef

    def search(q: np.ndarray) -> np.ndarray:
        return index.search(q, K)[1]

    own = len(data) * DIM * 4 if spec["kind"] == "flat" else None
    return (None if spec["kind"] == "flat" else set_ef), search, own, index


def build_numpy(data: np.ndarray, spec: dict, deadline: float) -> tuple:
    matrix = np.array(data)  # the "index" is the matrix itself, in memory

    def search(q: np.ndarray) -> np.ndarray:
        scores = q @ matrix.T
        part = np.argpartition(-scores, K, axis=1)[:, :K]
        order = np.argsort(-np.take_along_axis(scores, part, 1), axis=1)
        return np.take_along_axis(part, order, 1)

    return None, search, matrix.nbytes, matrix


BUILDERS = {
    "usearch": build_usearch,
    "hnswlib": build_hnswlib,
    "faiss": build_faiss,
    "numpy": build_numpy,
}


def usearch_spec(text: str) -> dict:
    """ "f16" (library defaults) or "f16:32:256" (dtype:connectivity:expansion_add)."""
    dtype, *build = text.split(":")
    spec = {"lib": "usearch", "dtype": dtype, "tag": " ".join([dtype, *build])}
    if build:
        spec["connectivity"] = int(build[0])
        spec["tag"] = f"{dtype} c{build[0]}"
    if len(build) > 1:
        spec["expansion_add"] = int(build[1])
        spec["tag"] += f" a{build[1]}"
    spec["name"] = f"usearch HNSW {spec['tag']}"
    return spec


def specs_for(libs: list[str], usearch_builds: list[str]) -> list[dict]:
    specs = []
    if "usearch" in libs:
        specs += [usearch_spec(text) for text in usearch_builds]
    if "hnswlib" in libs:
        specs.append({"lib": "hnswlib", "name": "hnswlib HNSW M16 efC200"})
    if "faiss" in libs:
        specs.append({"lib": "faiss", "name": "faiss HNSWFlat M32 efC40", "kind": "hnsw"})
        specs.append({"lib": "faiss", "name": "faiss FlatIP (exact)", "kind": "flat"})
    if "numpy" in libs:
        specs.append({"lib": "numpy", "name": "numpy exact f32"})
    return specs


# ---------------------------------------------------------------- child processes


def serialised_size(index: Any, spec: dict, own: int | None) -> int | None:
    if own is not None:
        return own
    import faiss

    return int(faiss.serialize_index(index).nbytes)


def child_build(job: dict) -> dict:
    """Build one setting, time its queries at each ef, and (usearch) save it."""
    data = np.load(job["data"], mmap_mode="r")
    queries, truth = np.load(job["queries"]), np.load(job["truth"])
    spec = job["spec"]
    before = rss_mb()["RssAnon"]
    started, cpu = time.perf_counter(), time.process_time()
    try:
        set_ef, search, own, index = BUILDERS[spec["lib"]](data, spec, started + job["build_limit"])
    except BuildTooSlow as stop:
        load = os.getloadavg()[0]
        return {"status": f"build > {job['build_limit']:.0f} s, {stop} (load {load:.1f})"}
    build_s = time.perf_counter() - started
    result = {
        "status": "ok",
        "build_s": build_s,
        "cpu_ratio": (time.process_time() - cpu) / build_s if build_s else 0.0,
        "load": os.getloadavg()[0],  # other work on the machine slows builds and queries
        "rss_mb": rss_mb()["RssAnon"] - before,
        "runs": [],
    }
    for ef in job["efs"] if set_ef else [None]:
        if set_ef:
            set_ef(ef)
        timed = time_queries(search, queries)
        found = timed.pop("found")
        timed.update(ef=ef, r10=recall(found, truth, 10), r20=recall(found, truth, K))
        result["runs"].append(timed)
    result["own_mb"] = serialised_size(index, spec, own) / 1e6
    if spec["lib"] == "usearch" and job.get("save"):
        started = time.perf_counter()
        index.save(job["save"])
        result["save_s"] = time.perf_counter() - started
        result["file_mb"] = os.path.getsize(job["save"]) / 1e6
    return result


def child_open(job: dict) -> dict:
    """Restore or view a saved usearch index; time it, its RSS and its queries."""
    from usearch.index import Index

    queries, truth = np.load(job["queries"]), np.load(job["truth"])
    before = rss_mb()
    started = time.perf_counter()
    index = Index.restore(job["path"], view=job["view"])
    open_s = time.perf_counter() - started
    opened = rss_mb()
    started = time.perf_counter()
    index.search(queries[0], K, threads=1)
    first_ms = (time.perf_counter() - started) * 1000

    def search(q: np.ndarray) -> np.ndarray:
        return index.search(q, K, threads=1).keys.reshape(len(q), K)

    timed = time_queries(search, queries)
    after = rss_mb()
    return {
        "open_s": open_s,
        "anon_open_mb": opened["RssAnon"] - before["RssAnon"],
        "anon_after_mb": after["RssAnon"] - before["RssAnon"],
        "file_after_mb": (after["RssFile"] + after["RssShmem"])
        - (before["RssFile"] + before["RssShmem"]),
        "first_ms": first_ms,
        "q1_ms": timed["q1_ms"],
        "r10": recall(timed["found"], truth, 10),
    }


def run_child(kind: str, job: dict, timeout: float) -> dict:
    """Run a job in a fresh interpreter: clean RSS, and BLAS held to 1 thread."""
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    cmd = [sys.executable, __file__, "--child", kind, json.dumps(job)]
    try:
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"status": f"killed after {timeout:.0f} s"}
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    return {"status": f"child failed: {done.stderr.strip()[-300:]}"}


# ---------------------------------------------------------------- reporting

HEAD = (
    f"{'size':>9} {'setting':<28} {'ef':>4} {'build s':>8} {'vec/s':>8} {'cpu':>4} {'load':>4} "
    f"{'RSS MB':>7} {'own MB':>7} {'q1 ms':>7} {'q1 p99':>7} {'q8 ms/q':>8} {'r@10':>6} {'r@20':>6}"
)


def rows_of(size: int, spec: dict, result: dict) -> list[dict]:
    if result.get("status") != "ok":
        return [{"size": size, "name": spec["name"], "status": result.get("status")}]
    common = {k: result[k] for k in ("build_s", "cpu_ratio", "load", "rss_mb", "own_mb")}
    return [{"size": size, "name": spec["name"], **common, **run} for run in result["runs"]]


def format_row(row: dict) -> str:
    if "status" in row:
        return f"{row['size']:>9} {row['name']:<28} {row['status']}"
    ef = "-" if row["ef"] is None else str(row["ef"])
    rate = row["size"] / row["build_s"] if row["build_s"] > 0 else float("inf")
    return (
        f"{row['size']:>9} {row['name']:<28} {ef:>4} {row['build_s']:>8.1f} {rate:>8.0f} "
        f"{row['cpu_ratio']:>4.1f} {row['load']:>4.1f} "
        f"{row['rss_mb']:>7.0f} {row['own_mb']:>7.0f} {row['q1_ms']:>7.3f} "
        f"{row['q1_p99_ms']:>7.3f} {row['q8_ms']:>8.3f} {row['r10']:>6.3f} {row['r20']:>6.3f}"
    )


def choose(rows: list[dict], sizes: list[int]) -> list[str]:
    lines = [f"Choice rule: fastest batch-1 query with recall@10 >= {RECALL_NEEDED}"]
    for size in sizes:
        good = [r for r in rows if r["size"] == size and r.get("r10", 0) >= RECALL_NEEDED]
        good.sort(key=lambda r: r["q1_ms"])
        if not good:
            lines.append(f"  {size:>9}: no setting reaches it")
            continue
        best = good[0]
        ef = f" ef {best['ef']}" if best["ef"] else ""
        runner = ", then " + ", ".join(
            f"{r['name']}{' ef ' + str(r['ef']) if r['ef'] else ''} {r['q1_ms']:.3f} ms"
            for r in good[1:3]
        )
        lines.append(
            f"  {size:>9}: {best['name']}{ef}: {best['q1_ms']:.3f} ms/query, "
            f"recall@10 {best['r10']:.3f}{runner if len(good) > 1 else ''}"
        )
    return lines


def format_open(size: int, dtype: str, mode: str, r: dict) -> str:
    if "status" in r:
        return f"{size:>9} usearch {dtype} {mode:<8} {r['status']}"
    return (
        f"{size:>9} usearch {dtype} {mode:<8} {r['open_s']:>7.2f} s  "
        f"anon RSS +{r['anon_open_mb']:.0f} MB (after queries +{r['anon_after_mb']:.0f}), "
        f"mapped pages +{r['file_after_mb']:.0f} MB, "
        f"first query {r['first_ms']:.2f} ms, then {r['q1_ms']:.3f} ms/q, r@10 {r['r10']:.3f}"
    )


# ---------------------------------------------------------------- main


def bench_size(size: int, args: argparse.Namespace, work: Path) -> tuple[list[dict], list[str]]:
    started = time.perf_counter()
    data = make_vectors(work / "data.npy", size, args.shape)
    queries, cosines = make_queries(data, args.queries, args.shape)
    truth = exact_top(data, queries)
    np.save(work / "queries.npy", queries)
    np.save(work / "truth.npy", truth)
    print(f"\n== {size} vectors: data and ground truth in {time.perf_counter() - started:.1f} s")
    print("   " + describe(data, queries, cosines, truth), flush=True)
    del data
    job = {
        "data": str(work / "data.npy"),
        "queries": str(work / "queries.npy"),
        "truth": str(work / "truth.npy"),
        "efs": args.ef,
        "build_limit": args.build_limit,
    }
    rows, saved = [], []
    for spec in specs_for(args.libs, args.usearch):
        extra = {}
        if spec["lib"] == "usearch" and spec["dtype"] in ("f32", "f16"):
            extra["save"] = str(work / f"usearch-{spec['tag'].replace(' ', '-')}.usearch")
        result = run_child("build", {**job, "spec": spec, **extra}, args.build_limit * 3)
        if "save_s" in result:
            saved.append((spec["tag"], extra["save"], result))
        for row in rows_of(size, spec, result):
            rows.append(row)
            print(format_row(row), flush=True)
    persist = []
    for dtype, path, built in saved:
        persist.append(
            f"{size:>9} usearch {dtype} save     {built['save_s']:>7.2f} s  "
            f"file {built['file_mb']:.0f} MB"
        )
        for mode, view in (("restore", False), ("view", True)):
            opened = run_child("open", {**job, "path": path, "view": view}, 1800)
            persist.append(format_open(size, dtype, mode, opened))
        print("\n".join(persist[-3:]), flush=True)
        os.remove(path)
    return rows, persist


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ints = lambda s: [int(x) for x in s.split(",")]  # noqa: E731
    parser.add_argument("--sizes", type=ints, default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--libs", type=lambda s: s.split(","), default=list(BUILDERS))
    parser.add_argument("--ef", type=ints, default=[64, 128, 256])
    parser.add_argument(
        "--usearch",
        type=lambda s: s.split(","),
        default=["f32", "f16", "i8"],
        help="usearch builds: dtype, or dtype:connectivity:expansion_add (f16:32:256)",
    )
    parser.add_argument("--shape", choices=("spectral", "isotropic"), default="spectral")
    parser.add_argument("--build-limit", type=float, default=900.0, help="seconds per build")
    parser.add_argument("--workdir", type=Path, default=None, help="for the data (1 GB at 1M)")
    parser.add_argument("--out", type=Path, default=None, help="write the rows as JSON")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    if args.child:
        kind, job = args.child
        result = (child_build if kind == "build" else child_open)(json.loads(job))
        print("RESULT " + json.dumps(result))
        return
    print(
        f"{os.cpu_count()} cores; builds use {THREADS_BUILD} threads, queries 1 thread "
        f"(usearch threads=1, hnswlib num_threads=1, faiss omp 1, OpenBLAS 1); k = {K}; "
        f"{args.queries} queries; {args.shape} noise; RSS MB = growth of RssAnon over the build;"
        f" cpu = process CPU time / wall time of the build; load = 1-min load average after "
        f"the build; at start "
        f"{os.getloadavg()[0]:.1f}"
    )
    rows, persist = [], []
    with tempfile.TemporaryDirectory(dir=args.workdir, prefix="annbench-") as tmp:
        for size in args.sizes:
            size_rows, size_persist = bench_size(size, args, Path(tmp))
            rows += size_rows
            persist += size_persist
    print("\n" + HEAD)
    for row in rows:
        print(format_row(row))
    if persist:
        print("\nusearch save / restore / view (fresh process each; the file was just written,")
        print("so its pages are in the page cache: view is timed warm)")
        print("\n".join(persist))
    print("\n" + "\n".join(choose(rows, args.sizes)))
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
