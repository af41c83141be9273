from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from crosswire.embed import TfidfEmbedder
from crosswire.model import Story
from crosswire.summarize import concepts
from crosswire.summarize.concepts import (
    FEATURE_NAMES,
    bigrams,
    concept_labels,
    concept_model_path,
    concept_table,
    coverage,
    fit_concept_model,
)
from crosswire.summarize.scorers.supervised import MODEL_FILE
from crosswire.summarize.selector import Selector
from crosswire.summarize.summarizer import Summarizer

TEXTS = [
    "The bridge in Orvale collapsed on Monday.",
    "Officials said the bridge in Orvale collapsed after heavy rain.",
    "A bakery stayed open all night.",
]


def _table() -> concepts.ConceptTable:
    return concept_table(TEXTS, np.array([0, 1, 1]), np.array([0, 0, 1]), article_count=2)


def _column(table: concepts.ConceptTable, gram: tuple[str, str], name: str) -> float:
    return float(table.features[table.index[gram], FEATURE_NAMES.index(name)])


def test_bigrams_are_stemmed_as_rouge_counts_them() -> None:
    assert bigrams("Bridges collapsed, twice!") == (("bridg", "collaps"), ("collaps", "twice"))


def test_concept_statistics_count_articles_sentences_and_earliest_rank() -> None:
    table = _table()
    assert table.features.shape == (len(table.concepts), len(FEATURE_NAMES))
    assert len(set(table.concepts)) == len(table.concepts)
    # "bridge in" is in both articles, each time in an article's first candidate.
    assert _column(table, ("bridg", "in"), "articles") == 2
    assert _column(table, ("bridg", "in"), "article_share") == 1.0
    assert _column(table, ("bridg", "in"), "lead_sentences") == 2
    # "bakery stayed" only in the second candidate of one article.
    assert _column(table, ("bakeri", "stay"), "articles") == 1
    assert _column(table, ("bakeri", "stay"), "earliest_rank") == 1
    assert _column(table, ("in", "orval"), "first_is_stop") == 1
    assert _column(table, ("in", "orval"), "second_is_stop") == 0


def test_a_repeated_bigram_counts_each_occurrence_but_one_sentence() -> None:
    table = concept_table(["Rain fell and rain fell again."], np.array([0]), np.array([0]), article_count=1)
    assert _column(table, ("rain", "fell"), "occurrences") == 2
    assert _column(table, ("rain", "fell"), "sentences") == 1


def test_labels_mark_bigrams_a_reference_uses() -> None:
    table = _table()
    labels = concept_labels(table, ["The bridge in Orvale fell down."])
    used = {table.concepts[k] for k in np.flatnonzero(labels)}
    assert used == {("the", "bridg"), ("bridg", "in"), ("in", "orval")}


def test_coverage_gains_count_only_concepts_not_yet_covered() -> None:
    table = _table()
    weights = np.ones(len(table.concepts))
    cover = coverage(table, weights, TEXTS)
    start = cover.gains(cover.covered)
    assert start[1] == len(set(bigrams(TEXTS[1])))
    after_first = cover.union(cover.covered, 0)
    # The second sentence repeats "the bridge in Orvale collapsed": those four no longer count.
    assert cover.gains(after_first)[1] == start[1] - 4
    assert cover.gains(after_first)[2] == start[2]


def test_seen_texts_are_covered_from_the_start() -> None:
    table = _table()
    cover = coverage(table, np.ones(len(table.concepts)), TEXTS, seen=["A bakery stayed open all night."])
    assert cover.gains(cover.covered)[2] == 0


def test_bigrams_made_by_compression_carry_no_weight() -> None:
    table = _table()
    cover = coverage(table, np.ones(len(table.concepts)), ["Orvale bakery Monday."])
    assert cover.gains(cover.covered)[0] == 0


def test_the_selector_prefers_a_sentence_that_adds_new_concepts() -> None:
    table = _table()
    scores = np.array([1.0, 0.62, 0.6])
    lengths = [7, 10, 7]
    similarity = np.eye(3, dtype=np.float32)
    assert Selector(words=17, concept_weight=0.0).select(scores, lengths, similarity) == [0, 1]
    # Sentence 1 repeats sentence 0's weighted bigrams and adds only weightless ones.
    weighted = set(bigrams(TEXTS[0])) | set(bigrams(TEXTS[2]))
    weights = np.array([1.0 if concept in weighted else 0.0 for concept in table.concepts])
    cover = coverage(table, weights, TEXTS)
    assert Selector(words=17, concept_weight=0.5).select(scores, lengths, similarity, coverage=cover) == [
        0,
        2,
    ]
    # The same weights on every bigram: both add five new ones, and the better score wins.
    uniform = coverage(table, np.ones(len(table.concepts)), TEXTS)
    assert Selector(words=17, concept_weight=0.5).select(scores, lengths, similarity, coverage=uniform) == [
        0,
        1,
    ]


def test_a_trained_concept_model_ranks_reference_bigrams_higher() -> None:
    rng = np.random.default_rng(0)
    features = rng.random((2000, len(FEATURE_NAMES))).astype(np.float32)
    labels = (features[:, 0] + 0.1 * rng.random(2000) > 0.6).astype(np.float32)
    model = fit_concept_model(features, labels, seed=3)
    predicted = model.predict(features)
    assert predicted[labels == 1].mean() > predicted[labels == 0].mean() + 0.5
    again = fit_concept_model(features, labels, seed=3)
    assert again.to_text() == model.to_text()


def test_the_shipped_concept_model_sits_beside_the_sentence_scorer() -> None:
    path = concept_model_path(MODEL_FILE)
    assert path.name == "sentence_scorer.concepts.txt"
    assert path.is_file()
    table = _table()
    weights = concepts.ConceptWeigher(path).weights(table)
    assert weights is not None and weights.shape == (len(table.concepts),)
    assert np.all((weights >= 0) & (weights <= 1))


def test_without_a_concept_model_the_brief_still_comes_with_a_warning(
    tmp_path: Path, bridge_story: Story, tfidf: TfidfEmbedder
) -> None:
    model = tmp_path / "sentence_scorer.txt"
    model.write_bytes(MODEL_FILE.read_bytes())
    (tmp_path / "sentence_scorer.priors.json").write_bytes(
        MODEL_FILE.with_suffix(".priors.json").read_bytes()
    )
    with pytest.warns(UserWarning, match="concept model .* is missing"):
        brief = Summarizer(embedder=tfidf, model_path=str(model)).summarize(bridge_story)
    assert brief.sentences
