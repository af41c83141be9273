"""How far a mean over a sample of clusters can be trusted: bootstrap intervals.

A benchmark averages ROUGE over a few hundred clusters, so its mean moves
with the sample. ``bootstrap_interval`` resamples clusters with replacement
(percentile bootstrap, a fixed seed so a rerun prints the same interval);
``paired_interval`` does the same for per-cluster differences between two
systems run on the same clusters, which is far tighter than comparing two
separate intervals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

RESAMPLES = 2000
LEVEL = 0.95


@dataclass(frozen=True)
class Interval:
    """A sample mean and its bootstrap interval, in the values' own unit."""

    mean: float
    low: float
    high: float

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high


def bootstrap_interval(
    values: Sequence[float], *, resamples: int = RESAMPLES, level: float = LEVEL, seed: int = 0
) -> Interval:
    """The mean of ``values`` and a percentile-bootstrap interval at ``level``."""
    sample = np.asarray(values, dtype=np.float64)
    if sample.size == 0:
        raise ValueError("no values to bootstrap")
    if not 0.0 < level < 1.0:
        raise ValueError(f"level must lie strictly between 0 and 1, not {level}")
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, sample.size, size=(resamples, sample.size))
    means = sample[picks].mean(axis=1)
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(means, [tail, 1.0 - tail])
    return Interval(mean=float(sample.mean()), low=float(low), high=float(high))


def paired_interval(
    first: Sequence[float],
    second: Sequence[float],
    *,
    resamples: int = RESAMPLES,
    level: float = LEVEL,
    seed: int = 0,
) -> Interval:
    """Interval of the mean of ``first - second``, cluster by cluster (same clusters, same order)."""
    if len(first) != len(second):
        raise ValueError(f"paired samples differ in size: {len(first)} and {len(second)}")
    difference = np.asarray(first, dtype=np.float64) - np.asarray(second, dtype=np.float64)
    return bootstrap_interval(difference.tolist(), resamples=resamples, level=level, seed=seed)
