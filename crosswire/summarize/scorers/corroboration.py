"""Corroboration: how many other articles report the same content."""

from __future__ import annotations

import numpy as np

from crosswire.summarize.features import SentenceTable

SAME_CONTENT_COSINE = 0.7  # embedding cosine at which two sentences state the same fact


class CorroborationScorer:
    names = (
        "corroborating_articles",
        "corroborating_share",
        "best_other_article_cosine",
        "shared_word_articles",
    )

    def columns(self, table: SentenceTable) -> np.ndarray:
        n = table.size
        articles = np.unique(table.article_index)
        if n == 0:
            return np.zeros((0, 4), dtype=np.float32)
        # best[i, k]: the best cosine between sentence i and any sentence of article k.
        best = table.article_best.copy()
        own = table.article_index[:, None] == articles[None, :]
        best[own] = 0.0
        others = max(len(articles) - 1, 1)
        corroborating = (best >= SAME_CONTENT_COSINE).sum(axis=1).astype(np.float32)
        frequency = table.document_frequency()
        shared = np.array(
            [np.mean([frequency[s] - 1 for s in stems]) / others if stems else 0.0 for stems in table.stems],
            dtype=np.float32,
        )
        return np.column_stack([corroborating, corroborating / others, best.max(axis=1), shared])
