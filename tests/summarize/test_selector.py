from __future__ import annotations

import numpy as np

from crosswire.summarize.restate import Restatements, restated
from crosswire.summarize.selector import ReaderRules, Selector


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


def test_context_bound_candidate_brings_its_previous_sentence_along() -> None:
    from crosswire.summarize.selector import ReaderRules

    scores = np.array([0.2, 1.0, 0.5])  # candidate 1 leans on candidate 0
    rules = ReaderRules(requires=[-1, 0, -1])
    chosen = Selector(words=10, redundancy=0.0).select(scores, [5, 5, 5], np.eye(3), rules=rules)
    assert chosen == [0, 1]  # the pair is worth (1.0 + 0.2) / 2 per word, more than candidate 2
    never = ReaderRules(requires=[-1, -2, -1])  # leans on a sentence that is no candidate
    assert 1 not in Selector(words=10, redundancy=0.0).select(scores, [5, 5, 5], np.eye(3), rules=never)


def test_one_speaker_takes_at_most_the_cap() -> None:
    from crosswire.summarize.selector import ReaderRules

    rules = ReaderRules(speakers=["ollen"] * 4 + [""], max_per_speaker=2)
    chosen = Selector(words=100, redundancy=0.0).select(
        np.array([1.0, 0.9, 0.8, 0.7, 0.1]), [5] * 5, np.eye(5), rules=rules
    )
    assert sorted(chosen) == [0, 1, 4]


def test_a_speaker_is_quoted_directly_at_most_the_quote_cap() -> None:
    from crosswire.summarize.selector import ReaderRules

    # Four sentences of one spokesman: three direct quotes, then one reported ("Ollen added that ...").
    rules = ReaderRules(
        speakers=["ollen"] * 4 + [""],
        max_per_speaker=3,
        max_quotes_per_speaker=2,
        quote_words=[6, 6, 6, 0, 0],
    )
    chosen = Selector(words=100, redundancy=0.0).select(
        np.array([1.0, 0.9, 0.8, 0.7, 0.1]), [8] * 5, np.eye(5), rules=rules
    )
    assert sorted(chosen) == [0, 1, 3, 4]  # the third quote gives way; his reported statement stays


def test_a_number_another_chosen_sentence_has_is_not_new() -> None:
    texts = [
        "The navy deployed the Bluefin robot submarine on Monday to search the seabed.",
        "Searchers heard 19 new signals on Sunday far out in the ocean.",
        "The navy deployed the Bluefin robot submarine on Monday after 19 signals.",
        "Families of the missing crew met the harbour master in Orvale.",
    ]
    similarity = np.eye(4, dtype=np.float32)
    similarity[0, 2] = similarity[2, 0] = 0.7
    assert not restated(texts, similarity)[0, 2]  # against the first sentence alone, "19" is new
    scores, lengths = np.array([1.0, 0.9, 0.8, 0.5]), [10, 10, 10, 10]
    selector = Selector(words=40, redundancy=0.0)
    plain = selector.select(scores, lengths, similarity, rules=ReaderRules())
    pooled = selector.select(
        scores, lengths, similarity, rules=ReaderRules(restatements=Restatements.of(texts, similarity))
    )
    assert 2 in plain
    assert pooled == [0, 1, 3]
