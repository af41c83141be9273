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
constraints hold too: the opener (the main news) is taken, each development
is covered while the budget allows (a bonus larger than any one sentence's
value per development covered), a sentence that leans on its article's previous one
comes only with it, two near-copies or restatements are never both taken,
a speaker has at most ``max_per_speaker`` sentences and direct quotes stay
under ``max_quote_words``. HiGHS (``scipy.optimize.milp``) solves it,
within a time limit; the chosen sentences come in score order, the opener first.
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
    rows = rows[np.argsort(-np.asarray(scores)[rows], kind="stable")][:MAX_CANDIDATES]
    opener = rules.opener if rules is not None else None
    if opener is not None and usable[opener] and opener not in rows:
        rows = np.append(rows, opener)
    rows = _with_context(rows, requires)
    if rows.size == 0:
        return []
    weights = np.where(coverage.covered, 0.0, coverage.weights)
    incidence = coverage.incidence[rows]
    kept = np.flatnonzero((weights >= MIN_CONCEPT_WEIGHT) & (np.asarray(incidence.sum(axis=0)).ravel() > 0))
    incidence = incidence[:, kept].tocsc()
    groups = _groups(rows, rules)
    n, m, g = rows.size, kept.size, len(groups)
    width = n + m + g
    position = {int(row): k for k, row in enumerate(rows)}
    lines: list[sparse.csr_matrix] = []
    upper: list[float] = []

    def line(entries: list[tuple[int, float]], bound: float) -> None:
        row = sparse.lil_matrix((1, width))
        for column, coefficient in entries:
            row[0, column] += coefficient
        lines.append(row.tocsr())
        upper.append(bound)

    line([(k, float(sizes[row])) for k, row in enumerate(rows)], float(words))  # the budget
    if m:  # c_j - sum_{i covers j} s_i <= 0
        lines.append(sparse.hstack([-incidence.T, sparse.identity(m), sparse.csr_matrix((m, g))]).tocsr())
        upper.extend([0.0] * m)
    for row_a, row_b, coefficient_b in _pair_constraints(
        rows, position, similarity, duplicate_cosine, rules, requires
    ):
        line([(row_a, 1.0), (row_b, coefficient_b)], 0.0 if coefficient_b < 0 else 1.0)
    for members, cap in _group_caps(rows, rules):
        line(members, float(cap))
    for number, development in enumerate(groups):  # d_k - sum_{i in development k} s_i <= 0
        line([(n + m + number, 1.0), *((k, -1.0) for k in development)], 0.0)
    if opener is not None and opener in position:  # the main news opens the brief: s_opener >= 1
        line([(position[opener], -1.0)], -1.0)
    # The score term per word, on the concepts' scale: a candidate of score 1 is worth as much again as
    # the concept weight an average candidate's words carry.
    concept_sum = np.asarray(incidence @ weights[kept]).ravel()
    per_word = float(concept_sum.sum()) / max(float(sizes[rows].sum()), 1.0)
    value = np.asarray(scores, dtype=np.float64)[rows] * sizes[rows] * per_word
    # Covering a development outweighs any one sentence's value, as the greedy takes one of each first.
    bonus = float((score_weight * value + concept_sum).max(initial=0.0)) + 1.0
    objective = -np.concatenate([score_weight * value, weights[kept], np.full(g, bonus)])
    result = milp(
        c=objective,
        constraints=LinearConstraint(sparse.vstack(lines).tocsr(), -np.inf, np.asarray(upper)),
        integrality=np.concatenate([np.ones(n), np.zeros(m + g)]),  # c_j, d_k are integral at the optimum
        bounds=Bounds(0, 1),
        options={"time_limit": TIME_LIMIT},
    )
    if result.x is None:
        return []
    chosen = [int(rows[k]) for k in range(n) if result.x[k] > 0.5]
    return sorted(chosen, key=lambda row: (row != opener, -float(scores[row])))


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


def _groups(rows: np.ndarray, rules: ReaderRules | None) -> list[list[int]]:
    """The positions in ``rows`` of each development's candidates, when there is more than one development."""
    if rules is None or rules.groups is None:
        return []
    found: dict[int, list[int]] = {}
    for k, row in enumerate(rows):
        found.setdefault(int(rules.groups[row]), []).append(k)
    return list(found.values()) if len(found) > 1 else []


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
