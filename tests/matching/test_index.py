"""The nearest-neighbour index: keys are claim ids, scores are cosines, it grows past its
first capacity, and a saved file loads back with the same answers."""

from __future__ import annotations

import numpy as np
import pytest

from claims.matching.index import VectorIndex


def unit_rows(count: int, seed: int = 1) -> np.ndarray:
    rows = np.random.default_rng(seed).normal(size=(count, 32)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_a_stored_vector_is_its_own_nearest_neighbour_with_cosine_one():
    index = VectorIndex(32)
    rows = unit_rows(50)
    index.add(list(range(100, 150)), rows)

    [found] = index.search(rows[7:8], 3)

    assert found[0][0] == 107
    assert abs(found[0][1] - 1.0) < 1e-5
    assert [score for _, score in found] == sorted((score for _, score in found), reverse=True)


def test_keys_already_present_are_skipped_and_an_empty_index_finds_nothing():
    index = VectorIndex(32)
    assert index.search(unit_rows(2), 5) == [[], []]
    rows = unit_rows(3)
    index.add([1, 2, 3], rows)
    index.add([3, 4], unit_rows(2, seed=2))
    assert len(index) == 4 and 3 in index and 5 not in index
    # Asking for more than it holds gives what it holds.
    assert len(index.search(rows[:1], 10)[0]) == 4


def test_it_grows_past_its_first_capacity_and_loads_back_from_its_file(tmp_path):
    index = VectorIndex(32)
    rows = unit_rows(3000)
    index.add(list(range(3000)), rows, threads=0)
    path = tmp_path / "index.hnsw"
    index.save(path)

    loaded = VectorIndex(32, path=path)

    assert len(loaded) == 3000 and 2999 in loaded
    assert [key for key, _ in loaded.search(rows[1234:1235], 1)[0]] == [1234]
    assert not list(tmp_path.glob("*.tmp"))


def test_keys_of_one_vector_share_a_node_and_come_back_together_earliest_first(tmp_path):
    index = VectorIndex(32)
    rows = unit_rows(5)
    # Wire copy: the sentence of row 0 in three articles, twice within one call.
    index.add([10, 11, 12], np.stack([rows[0], rows[1], rows[0]]))
    index.add([5, 13, 14], np.stack([rows[0], rows[2], rows[3]]))
    index.add([20], rows[4:5])

    assert len(index) == 7 and all(key in index for key in (5, 10, 12))
    assert index._index.get_current_count() == 5  # one node a distinct vector
    [found] = index.search(rows[0:1], 4)
    assert [key for key, _ in found[:3]] == [5, 10, 12]
    assert all(abs(score - 1.0) < 1e-5 for _, score in found[:3])
    assert len(found) == 4 and found[3][1] < 0.999
    # Asked for fewer keys than a group holds: the earliest.
    assert [key for key, _ in index.search(rows[0:1], 2)[0]] == [5, 10]

    path = tmp_path / "index.hnsw"
    index.save(path)
    loaded = VectorIndex(32, path=path)
    assert len(loaded) == 7
    assert loaded.search(rows[0:1], 4) == index.search(rows[0:1], 4)
    loaded.add([30], rows[0:1])  # joins the group it loaded
    assert [key for key, _ in loaded.search(rows[0:1], 4)[0]] == [5, 10, 12, 30]


def test_a_graph_saved_without_its_groups_does_not_load(tmp_path):
    index = VectorIndex(32)
    index.add([1, 2], np.stack([unit_rows(1)[0]] * 2))
    path = tmp_path / "index.hnsw"
    index.save(path)
    path.with_name(path.name + ".groups.npy").unlink()

    with pytest.raises(OSError):
        VectorIndex(32, path=path)
