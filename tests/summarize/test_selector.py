from __future__ import annotations

from collections.abc import Callable

import numpy as np

from crosswire.model import Story
from crosswire.summarize.selector import Selector, reading_order


def test_budget_is_never_exceeded_and_is_filled_tightly() -> None:
    scores = np.array([0.9, 0.8, 0.7, 0.6, 0.5])
    lengths = [40, 35, 30, 8, 12]
    similarity = np.eye(5, dtype=np.float32)
    chosen = Selector(words=50).select(scores, lengths, similarity)
    assert sum(lengths[i] for i in chosen) <= 50
    # 40 fits, 35 and 30 do not, then 8 fills to 48 (12 would overflow).
    assert chosen == [0, 3]


def test_budget_is_filled_tightly_then_one_best_sentence_crosses_it() -> None:
    scores = np.array([0.9, 0.8, 0.7, 0.6, 0.5])
    lengths = [40, 35, 30, 8, 12]
    chosen = Selector(words=50, cross_budget=True).select(scores, lengths, np.eye(5, dtype=np.float32))
    # As above, then the best of what is left (35 words) ends the brief past the budget.
    assert chosen == [0, 3, 1]


def test_a_budget_met_exactly_takes_nothing_more() -> None:
    chosen = Selector(words=50, cross_budget=True).select(
        np.array([0.9, 0.8, 0.7]), [40, 10, 5], np.eye(3, dtype=np.float32)
    )
    assert chosen == [0, 1]


def test_near_copies_of_a_chosen_sentence_are_skipped() -> None:
    scores = np.array([1.0, 0.99, 0.5])
    similarity = np.array([[1.0, 0.95, 0.1], [0.95, 1.0, 0.1], [0.1, 0.1, 1.0]], dtype=np.float32)
    chosen = Selector(words=100).select(scores, [10, 10, 10], similarity)
    assert chosen == [0, 2]


def test_redundancy_penalty_prefers_new_content() -> None:
    scores = np.array([1.0, 0.8, 0.7])
    similarity = np.array([[1.0, 0.7, 0.0], [0.7, 1.0, 0.0], [0.0, 0.0, 1.0]], dtype=np.float32)
    chosen = Selector(words=20, redundancy=0.5).select(scores, [10, 10, 10], similarity)
    assert chosen == [0, 2]


def test_excluded_candidates_are_never_chosen() -> None:
    chosen = Selector(words=100).select(
        np.array([1.0, 0.5]), [5, 5], np.eye(2, dtype=np.float32), excluded=np.array([True, False])
    )
    assert chosen == [1]


def test_reading_order_is_by_date_then_article_then_position(story_of: Callable[..., Story]) -> None:
    story = story_of(
        "The later article opens here today. It goes on to a second point.",
        "The earlier article opens here today. It also has a second point.",
        dates=("2024-05-09", "2024-05-08"),
    )
    sentences = list(reversed(story.sentences))
    ordered = [sentences[i] for i in reading_order(sentences, story.articles)]
    assert [(s.article_id, s.index) for s in ordered] == [("a2", 0), ("a2", 1), ("a1", 0), ("a1", 1)]


def test_brief_opens_on_the_best_statement_not_a_quote() -> None:
    from crosswire.summarize.selector import lead_first

    texts = ['"It was chaos," he said.', "The council closed the bridge on Monday.", "It reopened later."]
    assert lead_first([2, 0, 1], texts) == [1, 2, 0]
    assert lead_first([1, 0], ['"Quote one."', "He said so."]) == [1, 0]


def test_brief_opens_on_an_article_lead_when_it_picked_one() -> None:
    from crosswire.summarize.selector import lead_first

    texts = ["The inquiry is under way.", "A fire destroyed the warehouse on Monday.", "Roads reopened."]
    assert lead_first([0, 1, 2], texts, leads=[False, True, False]) == [1, 0, 2]
    assert lead_first([0, 1, 2], texts, leads=[False, False, False]) == [0, 1, 2]
