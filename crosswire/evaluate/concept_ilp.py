"""Concept ILP (Gillick and Favre 2009, as in ICSISumm), a classic generic peer.

Concepts are the cluster's stemmed word bigrams (not both stop words) that
occur in at least ``MIN_DOCUMENTS`` documents, each weighted by its document
frequency. An integer linear program picks the sentences that cover the
most concept weight within the word budget:

    max sum_j w_j c_j   s.t.  sum_i l_i s_i <= L,  s_i <= c_j (j in i),  c_j <= sum_{i ∋ j} s_i

solved exactly by HiGHS (``scipy.optimize.milp``). Its sentences come first
in the pick order; the rest follow by concept weight per word, so the
budget rule can fill the words up to DUC's cut.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from crosswire.evaluate.budget import Selection
from crosswire.summarize.concepts import bigrams
from crosswire.summarize.text import STOP_WORDS

MIN_DOCUMENTS = 3  # a concept must occur in this many documents (ICSISumm's cut for 10-document clusters)
MIN_SENTENCE_WORDS = 8  # shorter sentences are rarely summary sentences, and fragments
BUDGET = 100
FILL_GREEDY = 5  # sentences after the ILP's ordered greedily (the budget rule needs only the first few)
TIME_LIMIT = 20.0  # seconds; HiGHS returns its best solution so far


def sentence_concepts(text: str) -> set[tuple[str, str]]:
    return {gram for gram in bigrams(text) if not (gram[0] in STOP_WORDS and gram[1] in STOP_WORDS)}


def concept_ilp_order(per_document: Sequence[Sequence[str]], words: int = BUDGET) -> Selection:
    """Sentences of the documents, the ILP's choice for ``words`` words first (document order)."""
    sentences = [s for document in per_document for s in document]
    found = [sentence_concepts(s) for s in sentences]
    frequency: dict[tuple[str, str], int] = {}
    start = 0
    for document in per_document:
        for gram in set().union(*found[start : start + len(document)]) if document else set():
            frequency[gram] = frequency.get(gram, 0) + 1
        start += len(document)
    floor = MIN_DOCUMENTS if len(per_document) >= MIN_DOCUMENTS else 1
    concepts = {gram: k for k, gram in enumerate(g for g, f in frequency.items() if f >= floor)}
    weights = np.array([frequency[g] for g in concepts], dtype=np.float64)
    lengths = np.array([len(s.split()) for s in sentences], dtype=np.float64)
    usable = [i for i, s in enumerate(sentences) if lengths[i] >= MIN_SENTENCE_WORDS and lengths[i] <= words]
    chosen = _solve(usable, [found[i] for i in usable], concepts, weights, lengths, words) if concepts else []
    rest = _fill_order(found, chosen, concepts, weights, lengths)
    return Selection(sentences=tuple(sentences), order=(*sorted(chosen), *rest), document_order=True)


def _fill_order(
    found: Sequence[set[tuple[str, str]]],
    chosen: Sequence[int],
    concepts: dict[tuple[str, str], int],
    weights: np.ndarray,
    lengths: np.ndarray,
) -> list[int]:
    """The sentences the ILP left, by the weight of concepts they newly cover per word (greedily, a few)."""
    covered = {g for i in chosen for g in found[i]}
    left = [i for i in range(len(found)) if i not in set(chosen)]
    order: list[int] = []
    for _ in range(min(FILL_GREEDY, len(left))):
        gains = {i: _new_weight(found[i] - covered, concepts, weights) / max(lengths[i], 1) for i in left}
        best = max(left, key=lambda i: (lengths[i] >= MIN_SENTENCE_WORDS, gains[i], -i))
        order.append(best)
        left.remove(best)
        covered |= found[best]
    return order + left


def _new_weight(
    grams: set[tuple[str, str]], concepts: dict[tuple[str, str], int], weights: np.ndarray
) -> float:
    return float(sum(weights[concepts[g]] for g in grams if g in concepts))


def _solve(
    rows: Sequence[int],
    row_concepts: Sequence[set[tuple[str, str]]],
    concepts: dict[tuple[str, str], int],
    weights: np.ndarray,
    lengths: np.ndarray,
    words: int,
) -> list[int]:
    """The sentences (of ``rows``) of an optimal (or time-limited best) solution."""
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import lil_matrix

    n, m = len(rows), len(concepts)
    if n == 0:
        return []
    pairs = [(k, concepts[g]) for k, found in enumerate(row_concepts) for g in found if g in concepts]
    # Variables: s_0..s_{n-1}, c_0..c_{m-1}. Constraints: budget; s_k - c_j <= 0; c_j - sum s_k <= 0.
    matrix = lil_matrix((1 + len(pairs) + m, n + m))
    matrix[0, :n] = lengths[list(rows)]
    for number, (k, j) in enumerate(pairs, 1):
        matrix[number, k] = 1.0
        matrix[number, n + j] = -1.0
    for j in range(m):
        matrix[1 + len(pairs) + j, n + j] = 1.0
    for k, j in pairs:
        matrix[1 + len(pairs) + j, k] -= 1.0
    upper = np.concatenate([[words], np.zeros(len(pairs) + m)])
    result = milp(
        c=np.concatenate([np.zeros(n), -weights]),
        constraints=LinearConstraint(matrix.tocsr(), -np.inf, upper),
        integrality=np.ones(n + m),
        bounds=Bounds(0, 1),
        options={"time_limit": TIME_LIMIT},
    )
    if result.x is None:
        return []
    return [rows[k] for k in range(n) if result.x[k] > 0.5]
