"""Query relevance: cosine to the query vector plus shared content words."""

from __future__ import annotations

import numpy as np

from crosswire.embed import Embedder
from crosswire.summarize.features import SentenceTable
from crosswire.summarize.text import content_stems


class QueryScorer:
    """Relevance of each sentence to a question (DUC-style topic or a user query)."""

    names = ("query_cosine", "query_word_overlap")

    def __init__(self, query: str, embedder: Embedder, reencode: bool = False) -> None:
        self.query = query
        self.embedder = embedder
        self.reencode = reencode
        self._stems = set(content_stems(query))

    def columns(self, table: SentenceTable) -> np.ndarray:
        if table.size == 0:
            return np.zeros((0, 2), dtype=np.float32)
        query_vector = np.asarray(self.embedder.encode([self.query]), dtype=np.float32)[0]
        vectors = table.vectors
        if self.reencode:  # the query's embedder differs from the table's scoring vectors
            vectors = np.asarray(self.embedder.encode([s.text for s in table.sentences]), dtype=np.float32)
        cosine = vectors @ query_vector
        overlap = np.array(
            [len(set(stems) & self._stems) / max(len(self._stems), 1) for stems in table.stems],
            dtype=np.float32,
        )
        return np.column_stack([cosine, overlap])

    def relevance(self, table: SentenceTable) -> np.ndarray:
        """One number per sentence in [0, 1]: both columns scaled by their story maximum, mixed 70/30."""
        if table.size == 0:
            return np.zeros(0, dtype=np.float32)
        columns = np.clip(self.columns(table), 0, None)
        scaled = columns / np.maximum(columns.max(axis=0), 1e-9)
        return (0.7 * scaled[:, 0] + 0.3 * scaled[:, 1]).astype(np.float32)
