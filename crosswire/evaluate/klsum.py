"""KLSum (Haghighi and Vanderwende 2009), a classic generic peer: greedy KL-divergence selection.

Sentences are added one at a time, each time the one that makes the summary's
unigram distribution closest to the cluster's (smallest KL(P_cluster || P_summary),
the summary smoothed), until the word budget is reached. Words are stemmed
content words, as the other peers count them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from crosswire.evaluate.budget import Selection
from crosswire.summarize.text import content_stems

SMOOTHING = 0.01  # added to every summary count so KL stays finite
MAX_WORDS = 400  # enough ranked sentences for any budget the benchmarks use


def klsum_order(sentences: Sequence[str], max_words: int = MAX_WORDS) -> Selection:
    """Sentences in KLSum's pick order (best first), until ``max_words`` words are picked."""
    stems = [content_stems(s) for s in sentences]
    vocabulary: dict[str, int] = {}
    for sentence_stems in stems:
        for word in sentence_stems:
            vocabulary.setdefault(word, len(vocabulary))
    if not vocabulary:
        return Selection(sentences=tuple(sentences), order=tuple(range(len(sentences))), document_order=True)
    rows, cols = [], []
    for row, sentence_stems in enumerate(stems):
        for word in sentence_stems:
            rows.append(row)
            cols.append(vocabulary[word])
    from scipy.sparse import csr_matrix

    counts = csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(sentences), len(vocabulary)), dtype=np.float64
    )
    counts.sum_duplicates()
    cluster = np.asarray(counts.sum(axis=0)).ravel()
    target = cluster / cluster.sum()
    lengths = np.asarray(counts.sum(axis=1)).ravel()
    starts = counts.indptr[:-1]
    has_words = np.diff(counts.indptr) > 0
    summary = np.zeros(len(vocabulary))
    order: list[int] = []
    left = (
        np.array([len(s.split()) >= 5 for s in sentences]) & has_words
    )  # fragments are no summary sentences
    picked = 0
    size = len(vocabulary)
    while picked < max_words and left.any():
        # KL(target || smoothed summary + sentence) = const - sum_w target_w log(summary_w + c_w + a) + log(total)
        base = np.log(summary + SMOOTHING)
        gained = target[counts.indices] * (
            np.log(summary[counts.indices] + counts.data + SMOOTHING) - base[counts.indices]
        )
        per_row = np.add.reduceat(gained, starts[has_words]) if gained.size else np.zeros(0)
        change = np.zeros(len(sentences))
        change[has_words] = per_row
        total = summary.sum() + lengths + SMOOTHING * size
        divergence = -(float(target @ base) + change) + np.log(total)
        divergence[~left] = np.inf
        best = int(np.argmin(divergence))
        order.append(best)
        left[best] = False
        summary[counts.indices[counts.indptr[best] : counts.indptr[best + 1]]] += counts.data[
            counts.indptr[best] : counts.indptr[best + 1]
        ]
        picked += len(sentences[best].split())
    return Selection(sentences=tuple(sentences), order=tuple(order), document_order=True)
