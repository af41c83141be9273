"""Concept-coverage selection by integer linear program, for short newswire briefs.

Greedy selection (``selector.py``) adds a concept gain to each sentence's
score one pick at a time. At 100 words a brief holds four or five sentences,
and the best set covers the most reference-likely bigrams together, which a
greedy pick can miss (Gillick and Favre 2009, ICSISumm). This solves

    max  sum_j w_j c_j + score_weight * sum_i v_i s_i
    s.t. sum_i l_i s_i <= words,  c_j <= sum_{i covers j} s_i

where ``w_j`` are the learned concept weights (``concepts.py``; concepts the
reader has seen carry none), ``v_i`` each candidate's score times its length
and the candidates' mean concept weight per word (so the score term is per
word, as the concept term is, and on its scale), and
``l_i`` its printed length. The reader rules that can be written as linear
constraints hold too: a sentence that leans on its article's previous one
comes only with it, two near-copies or restatements are never both taken,
a speaker has at most ``max_per_speaker`` sentences and direct quotes stay
under ``max_quote_words``. HiGHS (``scipy.optimize.milp``) solves it,
within a time limit; the chosen sentences come in score order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from crosswire.summarize.concepts import Coverage

if TYPE_CHECKING:
    from crosswire.summarize.selector import ReaderRules

MAX_CANDIDATES = 120  # the best-scored candidates the program may choose from
MIN_CONCEPT_WEIGHT = 0.02  # lighter concepts are left out of the program (they barely move it)
TIME_LIMIT = 10.0  # seconds; HiGHS returns its best solution so far


def ilp_select(
    scores: np.ndarray,
    lengths: Sequence[int],
    similarity: np.ndarray,
    coverage: Coverage,
    *,
    words: int,
    score_weight: float,
    available: np.ndarray,
    duplicate_cosine: float,
    rules: ReaderRules | None = None,
) -> list[int]:
    """The candidates of the best program solution, best-scored first; [] when none is found."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    sizes = np.asarray(lengths, dtype=np.float64)
    usable = available & (sizes > 0) & (sizes <= words)
    requires = np.asarray(rules.requires) if rules is not None and rules.requires is not None else None
    if requires is not None:
        usable &= requires != -2
    rows = np.flatnonzero(usable)
    rows = _with_context(
        rows[np.argsort(-np.asarray(scores)[rows], kind="stable")][:MAX_CANDIDATES], requires
    )
    if rows.size == 0:
        return []
    weights = np.where(coverage.covered, 0.0, coverage.weights)
    incidence = coverage.incidence[rows]
    kept = np.flatnonzero((weights >= MIN_CONCEPT_WEIGHT) & (np.asarray(incidence.sum(axis=0)).ravel() > 0))
    incidence = incidence[:, kept].tocsc()
    n, m = rows.size, kept.size
    position = {int(row): k for k, row in enumerate(rows)}
    blocks: list[sparse.csr_matrix] = []
    upper: list[float] = []
    # The budget; then c_j - sum_{i covers j} s_i <= 0.
    blocks.append(sparse.hstack([sparse.csr_matrix(sizes[rows][None, :]), sparse.csr_matrix((1, m))]))
    upper.append(float(words))
    if m:
        blocks.append(sparse.hstack([-incidence.T, sparse.identity(m)]).tocsr())
        upper.extend([0.0] * m)
    pairs = _pair_constraints(rows, position, similarity, duplicate_cosine, rules, requires)
    for row_a, row_b, coefficient_b in pairs:  # s_a + coefficient_b * s_b <= 0 (a needs b) or 1 (not both)
        line = sparse.lil_matrix((1, n + m))
        line[0, row_a] = 1.0
        line[0, row_b] = coefficient_b
        blocks.append(line.tocsr())
        upper.append(0.0 if coefficient_b < 0 else 1.0)
    for members, cap in _group_caps(rows, rules):
        line = sparse.lil_matrix((1, n + m))
        for k, coefficient in members:
            line[0, k] = coefficient
        blocks.append(line.tocsr())
        upper.append(float(cap))
    # The score term per word, on the concepts' scale: a candidate of score 1 is worth as much again as
    # the concept weight an average candidate's words carry.
    per_word = float(np.asarray(incidence @ weights[kept]).sum()) / max(float(sizes[rows].sum()), 1.0)
    value = np.asarray(scores, dtype=np.float64)[rows] * sizes[rows] * per_word
    objective = -np.concatenate([score_weight * value, weights[kept]])
    result = milp(
        c=objective,
        constraints=LinearConstraint(sparse.vstack(blocks).tocsr(), -np.inf, np.asarray(upper)),
        integrality=np.concatenate([np.ones(n), np.zeros(m)]),  # c_j is integral at the optimum anyway
        bounds=Bounds(0, 1),
        options={"time_limit": TIME_LIMIT},
    )
    if result.x is None:
        return []
    chosen = [int(rows[k]) for k in range(n) if result.x[k] > 0.5]
    return sorted(chosen, key=lambda row: -float(scores[row]))


def _pair_constraints(
    rows: np.ndarray,
    position: dict[int, int],
    similarity: np.ndarray,
    duplicate_cosine: float,
    rules: ReaderRules | None,
    requires: np.ndarray | None,
) -> list[tuple[int, int, float]]:
    """(a, b, coefficient): ``s_a - s_b <= 0`` (a needs b) or ``s_a + s_b <= 1`` (not both)."""
    pairs: list[tuple[int, int, float]] = []
    block = similarity[np.ix_(rows, rows)]
    same = rules.same_fact if rules is not None else None
    for a in range(rows.size):
        if requires is not None and requires[rows[a]] >= 0:
            pairs.append((a, position[int(requires[rows[a]])], -1.0))
        for b in range(a + 1, rows.size):
            restates = same is not None and (same[rows[a], rows[b]] or same[rows[b], rows[a]])
            if block[a, b] >= duplicate_cosine or restates:
                pairs.append((a, b, 1.0))
    return pairs


def _with_context(rows: np.ndarray, requires: np.ndarray | None) -> np.ndarray:
    """``rows`` without the candidates whose previous sentence (or its own) is not among them."""
    if requires is None:
        return rows
    kept = set(rows.tolist())
    while True:
        gone = {row for row in kept if requires[row] >= 0 and int(requires[row]) not in kept}
        if not gone:
            return np.array([row for row in rows.tolist() if row in kept], dtype=np.int64)
        kept -= gone


def _group_caps(rows: np.ndarray, rules: ReaderRules | None) -> list[tuple[list[tuple[int, float]], float]]:
    """Speaker caps and the quote-word cap as (members with coefficients, upper bound)."""
    if rules is None:
        return []
    caps: list[tuple[list[tuple[int, float]], float]] = []
    if rules.speakers is not None:
        by_speaker: dict[str, list[tuple[int, float]]] = {}
        for k, row in enumerate(rows):
            if rules.speakers[row]:
                by_speaker.setdefault(rules.speakers[row], []).append((k, 1.0))
        caps.extend((members, rules.max_per_speaker) for members in by_speaker.values())
    if rules.quote_words is not None and rules.max_quote_words is not None:
        members = [(k, float(rules.quote_words[row])) for k, row in enumerate(rows) if rules.quote_words[row]]
        if members:
            caps.append((members, rules.max_quote_words))
    return caps
