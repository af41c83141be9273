"""Story-finding peers: whole-batch clusterers that crosswire's online tracker is compared with.

Every peer has ``fit_predict(texts) -> labels`` (one label per text, in
order; ``labels_`` after fitting), explicit constructor keywords, a seed
where randomness enters, and pickles. Each sees an article as its title line
(when the data gives one) and raw text, uncleaned.

- ``tfidf-agglomerative``: TF-IDF, average-link agglomerative clustering cut
  at one cosine distance, tuned once on the Multi-News validation mix
  (``crosswire.evaluate.story_tuning``; sweep in docs/story-tuning.md).
- ``minilm-hdbscan``: all-MiniLM-L6-v2 vectors (``crosswire.embed``) and
  scikit-learn's HDBSCAN; its noise points are singletons.
- ``gsdmm``: GSDMM at its published settings (``crosswire.evaluate.story_gsdmm``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np

from crosswire.evaluate.story_gsdmm import GSDMM
from crosswire.model import Article

# Best B-cubed F1 on the Multi-News validation mix (docs/story-tuning.md); used on every set.
TUNED_DISTANCE_THRESHOLD = 0.85


class StoryPeer(Protocol):
    def fit_predict(self, texts: Sequence[str]) -> Any: ...


def peer_text(article: Article) -> str:
    """What a peer reads of an article: the title line, when known, then the text."""
    return f"{article.title}\n{article.text}" if article.title else article.text


class TfidfAgglomerative:
    """TF-IDF rows, cosine distance, average linkage, one distance threshold."""

    def __init__(
        self,
        distance_threshold: float = TUNED_DISTANCE_THRESHOLD,
        sublinear_tf: bool = True,
        stop_words: str | None = "english",
        min_df: int = 1,
    ) -> None:
        self.distance_threshold = distance_threshold
        self.sublinear_tf = sublinear_tf
        self.stop_words = stop_words
        self.min_df = min_df

    def distances(self, texts: Sequence[str]) -> np.ndarray:
        """Pairwise cosine distances of the TF-IDF rows (dense, ``n x n``)."""
        from sklearn.feature_extraction.text import TfidfVectorizer

        vectorizer = TfidfVectorizer(
            sublinear_tf=self.sublinear_tf, stop_words=self.stop_words, min_df=self.min_df
        )
        try:
            rows = vectorizer.fit_transform(list(texts))
        except ValueError:  # no word left in any text: nothing is similar
            return 1.0 - np.eye(len(texts))
        similarity = np.asarray((rows @ rows.T).todense(), dtype=np.float64)
        distance = np.clip(1.0 - similarity, 0.0, 2.0)
        np.fill_diagonal(distance, 0.0)
        return distance

    def fit_predict(self, texts: Sequence[str]) -> np.ndarray:
        self.labels_ = cut_average_link(self.distances(texts), self.distance_threshold)
        return self.labels_


def cut_average_link(distance: np.ndarray, threshold: float) -> np.ndarray:
    """Average-link clusters of a precomputed distance matrix, merged while below ``threshold``."""
    from sklearn.cluster import AgglomerativeClustering

    if len(distance) < 2:
        return np.zeros(len(distance), dtype=np.int64)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    )
    return np.asarray(model.fit_predict(distance), dtype=np.int64)


class MinilmHdbscan:
    """Sentence-embedding rows (L2-normalised, so Euclidean ranks as cosine) and HDBSCAN.

    ``embedder`` is ``"minilm"`` (the packaged model) or ``"tfidf"`` (crosswire's
    hashing fallback, for quick runs).
    """

    def __init__(
        self,
        min_cluster_size: int = 2,
        min_samples: int | None = 1,
        cluster_selection_epsilon: float = 0.0,
        embedder: str = "minilm",
    ) -> None:
        self.min_cluster_size = min_cluster_size
        self.min_samples = min_samples
        self.cluster_selection_epsilon = cluster_selection_epsilon
        self.embedder = embedder

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        from crosswire.embed import SentenceTransformerEmbedder, TfidfEmbedder

        if self.embedder == "tfidf":
            return TfidfEmbedder().encode(list(texts))
        return SentenceTransformerEmbedder().encode(list(texts))

    def fit_predict(self, texts: Sequence[str]) -> np.ndarray:
        from sklearn.cluster import HDBSCAN

        n = len(texts)
        if n < max(2, self.min_cluster_size):
            self.labels_ = np.arange(n, dtype=np.int64)
            return self.labels_
        model = HDBSCAN(
            min_cluster_size=self.min_cluster_size,
            min_samples=self.min_samples,
            cluster_selection_epsilon=self.cluster_selection_epsilon,
            copy=True,
        )
        labels = np.asarray(model.fit_predict(self.vectors(texts)), dtype=np.int64)
        noise = labels < 0
        # Noise points are stories of their own, numbered after the clusters.
        labels[noise] = labels.max(initial=-1) + 1 + np.arange(int(noise.sum()))
        self.labels_ = labels
        return labels


PEERS: dict[str, Callable[[int], StoryPeer]] = {
    "tfidf-agglomerative": lambda seed: TfidfAgglomerative(),
    "minilm-hdbscan": lambda seed: MinilmHdbscan(),
    "gsdmm": lambda seed: GSDMM(seed=seed),
}
DEFAULT_STORY_PEERS: tuple[str, ...] = tuple(PEERS)


def make_peer(name: str, seed: int = 0) -> StoryPeer:
    from crosswire.errors import CrosswireError

    if name not in PEERS:
        raise CrosswireError(f"unknown story peer {name!r}; choose from {', '.join(PEERS)}")
    return PEERS[name](seed)
