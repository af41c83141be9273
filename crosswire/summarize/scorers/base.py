"""What a scorer is: named columns of numbers, one row per candidate sentence."""

from __future__ import annotations

from typing import Protocol

import numpy as np

from crosswire.summarize.features import SentenceTable


class Scorer(Protocol):
    @property
    def names(self) -> tuple[str, ...]:
        """One name per column."""
        ...

    def columns(self, table: SentenceTable) -> np.ndarray:
        """An (n, len(names)) array; higher usually means more summary-worthy."""
        ...


def rank_normalise(values: np.ndarray) -> np.ndarray:
    """Ranks scaled to [0, 1] (1 = best), so scorers on any scale can be mixed."""
    if values.size <= 1:
        return np.ones_like(values, dtype=np.float32)
    order = values.argsort(kind="stable").argsort(kind="stable")
    return (order / (values.size - 1)).astype(np.float32)
