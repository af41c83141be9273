"""Similarity to the story's centroid, in vector space and in content words."""

from __future__ import annotations

import numpy as np

from crosswire.summarize.features import SentenceTable


class CentroidScorer:
    names = ("centroid_cosine", "article_centroid_cosine", "word_frequency", "word_frequency_sum")

    def columns(self, table: SentenceTable) -> np.ndarray:
        n = table.size
        if n == 0:
            return np.zeros((0, 4), dtype=np.float32)
        centroid = table.vectors.mean(axis=0)
        centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
        article_cosine = np.zeros(n, dtype=np.float32)
        for article in np.unique(table.article_index):
            rows = table.article_index == article
            own = table.vectors[rows].mean(axis=0)
            own /= max(float(np.linalg.norm(own)), 1e-9)
            article_cosine[rows] = table.vectors[rows] @ own
        # SumBasic-style: how frequent a sentence's content words are in the story.
        counts: dict[str, int] = {}
        for stems in table.stems:
            for stem in stems:
                counts[stem] = counts.get(stem, 0) + 1
        total = max(sum(counts.values()), 1)
        mean_frequency = np.array(
            [np.mean([counts[s] / total for s in stems]) * 100 if stems else 0.0 for stems in table.stems],
            dtype=np.float32,
        )
        top = set(sorted(counts, key=lambda s: -counts[s])[:30])
        top_share = np.array(
            [len(set(stems) & top) / 30 for stems in table.stems],
            dtype=np.float32,
        )
        return np.column_stack([table.vectors @ centroid, article_cosine, mean_frequency, top_share])
