"""Centrality: how much of the story a sentence shares (LexRank-style degree)."""

from __future__ import annotations

import numpy as np

from crosswire.summarize.features import SentenceTable

EDGE_THRESHOLD = 0.5  # cosine above which two sentences "say the same thing" for the graph


class CentralityScorer:
    names = ("degree", "mean_similarity", "lexrank")

    def columns(self, table: SentenceTable) -> np.ndarray:
        n = table.size
        if n == 0:
            return np.zeros((0, 3), dtype=np.float32)
        off_diagonal = np.array(table.similarity, dtype=np.float32)  # a copy: the table's own stays whole
        np.fill_diagonal(off_diagonal, 0.0)
        # Counted, not summed as floats: the same whole numbers without an n x n float matrix of edges.
        edges = np.count_nonzero(off_diagonal >= EDGE_THRESHOLD, axis=1).astype(np.float32)
        degree = edges / max(n - 1, 1)
        mean_similarity = off_diagonal.sum(axis=1) / max(n - 1, 1)
        return np.column_stack(
            [degree, mean_similarity, lexrank(np.clip(off_diagonal, 0, None, out=off_diagonal))]
        )


def lexrank(weights: np.ndarray, damping: float = 0.85, iterations: int = 30) -> np.ndarray:
    """Stationary distribution of a random walk on the weighted similarity graph, scaled by n."""
    n = weights.shape[0]
    sums = weights.sum(axis=1, keepdims=True)
    transition = weights / np.where(sums > 0, sums, 1)
    transition[~(sums > 0).ravel()] = 1.0 / n  # a sentence like no other: every step equally likely
    # Cast once: float32 @ float64 would copy the whole n x n matrix to float64 at every step.
    walk = transition.T.astype(np.float64)
    rank = np.full(n, 1.0 / n, dtype=np.float64)
    for _ in range(iterations):
        rank = (1 - damping) / n + damping * (walk @ rank)
    return (rank * n).astype(np.float32)
