from __future__ import annotations

import numpy as np
from scipy import sparse

from crosswire.summarize.concept_select import ilp_select
from crosswire.summarize.concepts import Coverage
from crosswire.summarize.selector import ReaderRules, Selector

# Four candidates over five concepts of weight 1: candidate 0 alone covers three (and scores best),
# candidates 1 and 2 together cover four, candidate 3 repeats candidate 1.
INCIDENCE = np.array(
    [
        [1, 1, 1, 0, 0],
        [1, 1, 0, 0, 0],
        [0, 0, 1, 1, 0],
        [1, 1, 0, 0, 0],
    ],
    dtype=np.float64,
)
LENGTHS = [10, 5, 5, 5]
SCORES = np.array([0.9, 0.5, 0.5, 0.5], dtype=np.float32)


def _coverage(covered: np.ndarray | None = None) -> Coverage:
    seen = np.zeros(5, dtype=bool) if covered is None else covered
    return Coverage(sparse.csr_matrix(INCIDENCE), np.ones(5), seen)


def _similarity() -> np.ndarray:
    similarity = np.eye(4, dtype=np.float32)
    similarity[1, 3] = similarity[3, 1] = 0.95
    return similarity


def _select(rules: ReaderRules | None = None, covered: np.ndarray | None = None) -> list[int]:
    return ilp_select(
        SCORES,
        LENGTHS,
        _similarity(),
        _coverage(covered),
        words=10,
        score_weight=0.0,
        available=np.ones(4, dtype=bool),
        duplicate_cosine=0.8,
        rules=rules,
    )


def test_the_program_covers_more_concepts_than_the_best_single_sentence() -> None:
    assert sorted(_select()) == [1, 2]


def test_concepts_the_reader_has_seen_earn_nothing() -> None:
    seen = np.array([True, True, False, False, False])  # candidate 1's concepts are old news
    chosen = _select(covered=seen)
    assert 1 not in chosen
    assert 2 in chosen


def test_a_leaning_sentence_comes_only_with_its_context_and_near_copies_never_together() -> None:
    # Candidate 2 leans on candidate 0, which cannot fit beside it; 1 and 3 are near-copies.
    rules = ReaderRules(requires=[-1, -1, 0, -1])
    chosen = _select(rules)
    assert 2 not in chosen
    assert not {1, 3} <= set(chosen)


def test_the_selector_fills_past_the_program_when_crossing_the_budget() -> None:
    selector = Selector(words=12, concept_weight=0.2, ilp_score_weight=0.0, cross_budget=True)
    chosen = selector.select(SCORES, LENGTHS, _similarity(), coverage=_coverage())
    assert sorted(chosen[:2]) == [1, 2]  # 10 words; candidate 3 repeats 1, and 0 does not fit the 2 left
    assert len(chosen) == 3 and chosen[2] == 0  # one more, past the budget, for scoring that cuts there


def test_the_opener_is_taken_first_and_each_development_covered_while_the_budget_allows() -> None:
    assert _select(ReaderRules(opener=2))[0] == 2
    # Two developments: candidate 3 is the only sentence of the second, so it displaces candidate 1.
    chosen = _select(ReaderRules(groups=[0, 0, 0, 1]))
    assert 3 in chosen and 1 not in chosen
