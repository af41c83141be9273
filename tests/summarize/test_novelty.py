from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from crosswire.contracts import check_brief
from crosswire.embed import TfidfEmbedder
from crosswire.model import Story
from crosswire.summarize import Summarizer
from crosswire.summarize.concepts import (
    FEATURE_NAMES,
    ConceptTable,
    Coverage,
    bigrams,
    concept_table,
    coverage,
    seen_concepts,
)
from crosswire.summarize.newswire import NewswireSettings
from crosswire.summarize.novelty import UpdateSettings, discounted, novel_coverage
from crosswire.summarize.selector import Selector

SEEN = "The harbour crane toppled onto the quay on Sunday."
OLD = "The harbour crane toppled onto the quay, officials said."
NEW = "Inspectors found a cracked weld in the crane's base."


def _coverage(texts: list[str]) -> tuple[ConceptTable, Coverage]:
    table = concept_table(texts, np.zeros(len(texts), dtype=np.int64), np.arange(len(texts)), 1)
    return table, coverage(table, np.ones(len(table.concepts)), texts)


def test_seen_concepts_marks_the_bigrams_of_what_the_reader_saw() -> None:
    concepts = ConceptTable((("harbour", "crane"), ("crack", "weld")), np.zeros((2, len(FEATURE_NAMES))))
    assert seen_concepts(concepts, [SEEN]).tolist() == [True, False]
    assert seen_concepts(concepts, []).tolist() == [False, False]


def test_seen_concepts_earn_nothing_at_share_zero_and_part_at_a_share() -> None:
    concepts, found = _coverage([OLD, NEW])
    seen = seen_concepts(concepts, [SEEN])
    none_left = novel_coverage(found, seen, 0.0)
    gains = none_left.gains(none_left.covered)
    new_only = len(set(bigrams(NEW)))
    assert gains[1] == new_only  # every bigram of the new sentence is new
    assert gains[0] == len(set(bigrams(OLD)) - set(bigrams(SEEN)))  # only ", officials said" is new
    half = novel_coverage(found, seen, 0.5)
    half_gains = half.gains(half.covered)
    assert half_gains[1] == new_only
    assert gains[0] < half_gains[0] < len(set(bigrams(OLD)))


def test_the_concept_gain_picks_the_new_fact_over_a_retelling_of_the_old_one() -> None:
    concepts, found = _coverage([OLD, NEW])
    update = novel_coverage(found, seen_concepts(concepts, [SEEN]), 0.0)
    scores = np.array([0.6, 0.5], dtype=np.float32)  # the retelling rates higher on its own
    similarity = np.eye(2, dtype=np.float32)
    selector = Selector(words=9, concept_weight=0.5)
    assert selector.select(scores, [9, 9], similarity, coverage=found) == [0]
    assert selector.select(scores, [9, 9], similarity, coverage=update) == [1]


def test_discount_grows_with_closeness_to_a_seen_sentence_and_drops_repeats() -> None:
    settings = UpdateSettings(penalty=1.0, floor=0.3, seen_cosine=0.75)
    scores, dropped = discounted(np.array([0.5, 0.5, 0.5]), np.array([0.1, 0.5, 0.8]), settings)
    assert scores[0] == 0.5
    assert scores[1] < 0.5
    assert dropped.tolist() == [False, False, True]


def test_update_concept_weight_replaces_the_query_shrunk_one(
    story_of: Callable[..., Story], tfidf: TfidfEmbedder
) -> None:
    query = "What happened to the harbour crane?"
    plain = Summarizer(words=200, embedder=tfidf, query=query)
    assert plain._update_selector().concept_weight == plain.selector.concept_weight
    update = Summarizer(words=200, embedder=tfidf, query=query, update=UpdateSettings(concept_weight=0.3))
    assert update.selector.concept_weight < 0.3  # the query takes its share without ``since``
    assert update._update_selector().concept_weight == 0.3
    seen = story_of(f"{SEEN}\n\nDock workers were sent home for the day.")
    new = story_of(f"{OLD}\n\n{NEW}\n\nThe port reopened two berths on Tuesday.")
    short = Summarizer(words=10, embedder=tfidf, query=query, update=UpdateSettings(concept_weight=0.3))
    brief = check_brief(short.summarize(new, since=seen))
    assert brief.sentences
    assert not any("toppled" in s.text for s in brief.sentences)


def test_newswire_budgets_take_the_newswire_settings_and_longer_briefs_never_do(tfidf: TfidfEmbedder) -> None:
    settings = NewswireSettings(
        concept_program=2.0, query_concept_weight=0.4, query_program=0.7, update=UpdateSettings(penalty=3.0)
    )
    query = "What happened to the harbour crane?"
    generic = Summarizer(words=100, embedder=tfidf, newswire=settings)
    assert generic.selector.ilp_score_weight == 2.0
    assert generic.update.penalty == 3.0
    focused = Summarizer(words=100, embedder=tfidf, newswire=settings, query=query)
    assert focused.selector.ilp_score_weight == 0.7  # query briefs have their own program weight
    greedy = Summarizer(words=100, embedder=tfidf, newswire=replace(settings, query_program=None), query=query)
    assert greedy.selector.ilp_score_weight is None
    assert focused.selector.concept_weight == 0.4
    long = Summarizer(words=250, embedder=tfidf, newswire=settings, query=query)
    assert long.selector.ilp_score_weight is None
    assert (
        long.selector.concept_weight
        == Summarizer(words=250, embedder=tfidf, query=query, newswire=None).selector.concept_weight
    )
    assert long.update == UpdateSettings()
