"""``distinct`` answers as ``np.unique`` does, for the arrays the painters give it."""

import numpy as np
import pytest

from timeline_app.geometry.distinct import distinct


@pytest.mark.parametrize("seed", range(20))
def test_same_as_np_unique_on_integers_and_rounded_floats(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(0, 300))
    ints = rng.integers(-50, 50, size=n).astype(np.int64)
    floats = np.round(rng.uniform(0, 900, size=n) * 4) / 4
    for a in (ints, floats, ints.reshape(-1, 1) if n else ints):
        got, want = distinct(a), np.unique(a)
        assert got.dtype == want.dtype
        np.testing.assert_array_equal(got, want)


def test_empty_and_single() -> None:
    assert distinct(np.array([], dtype=np.int64)).tolist() == []
    assert distinct([7]).tolist() == [7]
    assert distinct([3, 3, 1, 3]).tolist() == [1, 3]
