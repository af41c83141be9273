"""GSDMM: collapsed Gibbs sampling for a Dirichlet multinomial mixture (Yin and Wang, KDD 2014).

Each document belongs to one cluster. Starting from ``n_clusters`` random
clusters, every iteration takes each document out and re-samples its cluster
with probability proportional to

    (m_k + alpha) * prod_w prod_{j<f_w} (n_kw + beta + j) / prod_{i<N_d} (n_k + V beta + i)

(m_k documents, n_k words, n_kw occurrences of w in cluster k; f_w
occurrences of w and N_d words in the document). Clusters empty out, so the
number of stories is found, not given. The products are computed in log
space with log-gamma differences. Published settings, used as defaults:
K = 500 initial clusters, alpha = beta = 0.1, 30 iterations (paper, 4.3).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.special import gammaln
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def tokenize(text: str) -> list[str]:
    """Lower-cased words without English stop words (GoogleNews-TS is already in this form)."""
    return [w for w in TOKEN.findall(text.lower()) if w not in ENGLISH_STOP_WORDS]


@dataclass(frozen=True)
class Tokens:
    """A document for sampling: token word ids with repeat offsets, and its distinct words with counts."""

    ids: np.ndarray
    offsets: np.ndarray
    unique: np.ndarray
    counts: np.ndarray


class GSDMM:
    """Short-text clustering peer; ``fit_predict(texts)`` -> cluster ids (``labels_``)."""

    def __init__(
        self,
        n_clusters: int = 500,
        alpha: float = 0.1,
        beta: float = 0.1,
        n_iterations: int = 30,
        seed: int = 0,
    ) -> None:
        self.n_clusters = n_clusters
        self.alpha = alpha
        self.beta = beta
        self.n_iterations = n_iterations
        self.seed = seed

    def _documents(self, texts: Sequence[str]) -> tuple[list[Tokens], int]:
        """Per document: its tokens as word ids, each with its repeat offset ``j``, and the vocabulary size.

        A word seen f times in a document appears f times, with offsets 0..f-1, so the
        rule's inner product is one ``log(n_kw + beta + j)`` per token.
        """
        vocabulary: dict[str, int] = {}
        documents = []
        for text in texts:
            seen: dict[int, int] = {}
            ids, offsets = [], []
            for word in tokenize(text):
                index = vocabulary.setdefault(word, len(vocabulary))
                ids.append(index)
                offsets.append(seen.get(index, 0))
                seen[index] = offsets[-1] + 1
            documents.append(
                Tokens(
                    ids=np.asarray(ids, dtype=np.int64),
                    offsets=np.asarray(offsets, dtype=np.float64),
                    unique=np.fromiter(seen.keys(), dtype=np.int64, count=len(seen)),
                    counts=np.fromiter(seen.values(), dtype=np.float64, count=len(seen)),
                )
            )
        return documents, max(len(vocabulary), 1)

    def fit(self, texts: Sequence[str]) -> GSDMM:
        rng = np.random.default_rng(self.seed)
        documents, vocabulary_size = self._documents(texts)
        k = self.n_clusters
        docs_in = np.zeros(k, dtype=np.float64)  # m_k
        words_in = np.zeros(k, dtype=np.float64)  # n_k
        word_counts = np.zeros((vocabulary_size, k), dtype=np.float64)  # n_kw, one row per word
        labels = rng.integers(0, k, size=len(documents))
        for doc, z in zip(documents, labels, strict=True):
            docs_in[z] += 1
            words_in[z] += len(doc.ids)
            word_counts[doc.unique, z] += doc.counts
        beta_total = vocabulary_size * self.beta
        for _ in range(self.n_iterations):
            for d, doc in enumerate(documents):
                z = labels[d]
                length = len(doc.ids)
                docs_in[z] -= 1
                words_in[z] -= length
                word_counts[doc.unique, z] -= doc.counts
                log_p = np.log(docs_in + self.alpha)
                if length:
                    log_p += np.log(word_counts[doc.ids] + (self.beta + doc.offsets)[:, None]).sum(axis=0)
                    log_p -= gammaln(words_in + beta_total + length) - gammaln(words_in + beta_total)
                p = np.exp(log_p - log_p.max())
                cumulative = np.cumsum(p)
                z = min(int(np.searchsorted(cumulative, rng.random() * cumulative[-1], side="right")), k - 1)
                labels[d] = z
                docs_in[z] += 1
                words_in[z] += length
                word_counts[doc.unique, z] += doc.counts
        self.labels_ = labels
        return self

    def fit_predict(self, texts: Sequence[str]) -> np.ndarray:
        return self.fit(texts).labels_
