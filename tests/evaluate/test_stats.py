"""Bootstrap intervals: they hold the mean, shrink with more clusters, and pair by cluster."""

from __future__ import annotations

import numpy as np
import pytest

from crosswire.evaluate.stats import bootstrap_interval, paired_interval


def _scores(n: int, seed: int) -> list[float]:
    return np.random.default_rng(seed).normal(17.0, 7.0, size=n).tolist()


def test_interval_holds_the_mean_and_repeats_under_its_seed() -> None:
    values = _scores(250, 1)
    interval = bootstrap_interval(values)
    assert interval.low < interval.mean < interval.high
    assert interval.mean == pytest.approx(float(np.mean(values)))
    assert bootstrap_interval(values) == interval
    assert bootstrap_interval(values, seed=1) != interval


def test_interval_is_about_two_standard_errors_and_shrinks_with_more_clusters() -> None:
    small, large = bootstrap_interval(_scores(50, 2)), bootstrap_interval(_scores(2000, 2))
    assert (small.high - small.low) > 4 * (large.high - large.low)
    standard_error = 7.0 / np.sqrt(2000)
    assert (large.high - large.low) == pytest.approx(2 * 1.96 * standard_error, rel=0.15)


def test_intervals_cover_the_true_mean_about_as_often_as_their_level() -> None:
    covered = [bootstrap_interval(_scores(100, seed), resamples=1000).contains(17.0) for seed in range(200)]
    assert 0.88 <= np.mean(covered) <= 0.99


def test_constant_values_give_a_point_and_a_lower_level_a_narrower_interval() -> None:
    point = bootstrap_interval([0.5] * 30)
    assert point.low == point.high == point.mean == 0.5
    values = _scores(100, 3)
    wide, narrow = bootstrap_interval(values, level=0.95), bootstrap_interval(values, level=0.5)
    assert wide.low < narrow.low < narrow.high < wide.high


def test_paired_difference_is_tighter_than_the_two_systems_apart() -> None:
    # Two systems that share each cluster's difficulty: one is 0.5 better everywhere, with a little noise.
    difficulty = _scores(250, 4)
    noise = np.random.default_rng(5).normal(0.0, 0.3, size=250)
    better = (np.asarray(difficulty) + 0.5 + noise).tolist()
    paired = paired_interval(better, difficulty)
    assert paired.mean == pytest.approx(0.5, abs=0.05)
    assert paired.low > 0  # the paired gain is clear ...
    assert (
        bootstrap_interval(better).low < bootstrap_interval(difficulty).high
    )  # ... the separate intervals overlap
    assert paired_interval(difficulty, difficulty).high == 0.0


def test_bad_samples_are_errors() -> None:
    with pytest.raises(ValueError, match="no values"):
        bootstrap_interval([])
    with pytest.raises(ValueError, match="level"):
        bootstrap_interval([1.0, 2.0], level=1.0)
    with pytest.raises(ValueError, match="differ in size"):
        paired_interval([1.0, 2.0], [1.0])
