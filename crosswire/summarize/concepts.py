"""Concept weights: how likely each word bigram of a story is to be in a reference summary.

ROUGE-2 counts shared bigrams, so a brief that covers more of the bigrams a
reference would use scores higher (the concept-based view of Gillick and
Favre 2009; weights learned as in Li, Qian and Liu 2013). Each bigram of
the candidate sentences gets a few cluster statistics (in how many
articles and sentences it occurs, how early, whether its words are stop
words or numbers), and small LightGBM classifiers, trained on which
bigrams the references use, turn them into a probability. The selector
adds the weight of the bigrams a sentence would newly cover to its score,
so two sentences that carry the same facts in different words are not
both taken, and a sentence carrying facts nothing chosen has yet is.

The model is stored beside the sentence scorer's (``*.concepts.txt``) and
written by ``crosswire train``; when it is missing, selection runs on the
sentence scores alone, with a warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from crosswire.errors import warn
from crosswire.summarize.features import SentenceTable
from crosswire.summarize.scorers.supervised import Ensemble, load_ensemble
from crosswire.summarize.text import STOP_WORDS, stems

Bigram = tuple[str, str]

FEATURE_NAMES = (
    "articles",
    "article_share",
    "occurrences",
    "sentences",
    "earliest_rank",
    "lead_sentences",
    "first_is_stop",
    "second_is_stop",
    "both_stop",
    "has_number",
    "article_count",
    "candidate_count",
)
CONCEPT_PARAMS: dict[str, Any] = {
    "objective": "binary",
    "learning_rate": 0.05,
    "num_leaves": 31,
    "min_data_in_leaf": 50,
    "feature_fraction": 0.9,
    "num_threads": 1,
    "deterministic": True,
    "force_row_wise": True,
    "verbose": -1,
}
CONCEPT_ROUNDS = 200
CONCEPT_ENSEMBLE = 3


@lru_cache(maxsize=8192)  # a candidate's text is read for its statistics and again for coverage
def bigrams(text: str) -> tuple[Bigram, ...]:
    """Stemmed word bigrams, as rouge-score's ROUGE-2 counts them."""
    tokens = stems(text)
    return tuple(pairwise(tokens))


@dataclass(frozen=True)
class ConceptTable:
    """The distinct bigrams of a story's candidate sentences and their statistics."""

    concepts: tuple[Bigram, ...]
    features: np.ndarray  # (m, len(FEATURE_NAMES))

    @property
    def index(self) -> dict[Bigram, int]:
        return {concept: k for k, concept in enumerate(self.concepts)}


def concept_table(
    texts: Sequence[str], article_index: np.ndarray, rank_in_article: np.ndarray, article_count: int
) -> ConceptTable:
    """Statistics of every bigram of ``texts`` (one candidate sentence each)."""
    ids: dict[Bigram, int] = {}
    rows: list[int] = []  # (concept id, sentence) per occurrence
    sentence_of: list[int] = []
    for number, text in enumerate(texts):
        for gram in bigrams(text):
            rows.append(ids.setdefault(gram, len(ids)))
            sentence_of.append(number)
    m = len(ids)
    concepts = tuple(ids)
    if m == 0:
        return ConceptTable(concepts, np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32))
    occurrence = np.asarray(rows, dtype=np.int64)
    sentence = np.asarray(sentence_of, dtype=np.int64)
    n = len(texts)
    pairs = np.unique(occurrence * n + sentence)  # each (concept, sentence) once
    concept_of_pair, sentence_of_pair = pairs // n, pairs % n
    articles_of = np.asarray(article_index)[sentence_of_pair]
    article_slots = max(article_count, 1)
    article_pairs = np.unique(concept_of_pair * article_slots + articles_of)
    ranks = np.asarray(rank_in_article)[sentence_of_pair]
    earliest = np.full(m, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(earliest, concept_of_pair, ranks)
    articles = np.bincount(article_pairs // article_slots, minlength=m)
    first_stop = np.array([a in STOP_WORDS for a, _ in concepts])
    second_stop = np.array([b in STOP_WORDS for _, b in concepts])
    features = np.column_stack(
        [
            articles,
            articles / article_slots,
            np.bincount(occurrence, minlength=m),
            np.bincount(concept_of_pair, minlength=m),
            earliest,
            np.bincount(concept_of_pair, weights=(ranks == 0).astype(np.float64), minlength=m),
            first_stop,
            second_stop,
            first_stop & second_stop,
            np.array([a.isdigit() or b.isdigit() for a, b in concepts]),
            np.full(m, article_count),
            np.full(m, n),
        ]
    ).astype(np.float32)
    return ConceptTable(concepts, features)


def story_concepts(table: SentenceTable) -> ConceptTable:
    """The concept table of a story's candidate sentences."""
    return concept_table(
        [s.text for s in table.sentences], table.article_index, table.rank_in_article(), table.article_count
    )


def concept_labels(table: ConceptTable, references: Sequence[str]) -> np.ndarray:
    """1 for each bigram some reference uses, else 0."""
    used = {gram for reference in references for gram in bigrams(reference)}
    return np.array([concept in used for concept in table.concepts], dtype=np.float32)


@dataclass(frozen=True)
class Coverage:
    """Which weighted concepts each candidate would print, for the selector."""

    incidence: sparse.csr_matrix  # (candidates, concepts), 1 where the candidate's text has the concept
    weights: np.ndarray  # (concepts,) probability that a reference uses the concept
    covered: np.ndarray  # (concepts,) bool: already covered before selection starts (update mode)

    def gains(self, covered: np.ndarray) -> np.ndarray:
        """Summed weight of the concepts each candidate would newly cover."""
        return np.asarray(self.incidence @ np.where(covered, 0.0, self.weights)).ravel()

    def union(self, covered: np.ndarray, candidate: int) -> np.ndarray:
        row = self.incidence.indices[self.incidence.indptr[candidate] : self.incidence.indptr[candidate + 1]]
        updated = covered.copy()
        updated[row] = True
        return updated


def coverage(
    table: ConceptTable, weights: np.ndarray, printed: Sequence[str], seen: Sequence[str] = ()
) -> Coverage:
    """Coverage of the concepts of ``table`` by the ``printed`` text of each candidate.

    Bigrams a text gains by compression that the story's sentences never had
    carry no weight; concepts in ``seen`` texts count as covered.
    """
    index = table.index
    indptr, columns = [0], []
    for text in printed:
        columns.extend(sorted({index[g] for g in bigrams(text) if g in index}))
        indptr.append(len(columns))
    data = np.ones(len(columns), dtype=np.float64)
    shape = (len(printed), len(table.concepts))
    incidence = sparse.csr_matrix((data, np.asarray(columns, dtype=np.int64), indptr), shape=shape)
    return Coverage(incidence, np.asarray(weights, dtype=np.float64), seen_concepts(table, seen))


def seen_concepts(table: ConceptTable, seen: Sequence[str]) -> np.ndarray:
    """Which concepts of ``table`` occur in the ``seen`` texts (what the reader already has)."""
    found = np.zeros(len(table.concepts), dtype=bool)
    index = table.index if seen else {}
    for text in seen:
        found[[index[g] for g in bigrams(text) if g in index]] = True
    return found


class ConceptWeigher:
    """The trained bigram classifiers; ``weights`` of a concept table."""

    def __init__(self, model_path: str | Path) -> None:
        self.model_path = str(model_path)

    def weights(self, table: ConceptTable) -> np.ndarray | None:
        """One probability per concept, or None when no model is available."""
        model = load_concept_model(self.model_path)
        if model is None:
            return None
        if not table.concepts:
            return np.zeros(0)
        # The statistics are small counts, so many bigrams share a row: each distinct row is predicted once.
        features = np.ascontiguousarray(table.features)
        as_bytes = features.view(np.dtype((np.void, features.itemsize * features.shape[1]))).ravel()
        _, first, inverse = np.unique(as_bytes, return_index=True, return_inverse=True)
        return np.asarray(model.predict(features[first]), dtype=np.float64)[inverse.ravel()]


def concept_model_path(model_path: str | Path) -> Path:
    """Where the concept model trained with a sentence scorer lives: beside it."""
    return Path(model_path).with_suffix(".concepts.txt")


def load_concept_model(path: str) -> Ensemble | None:
    model = load_ensemble(
        path,
        missing=f"concept model {path} is missing; selection uses sentence scores alone; run `crosswire train`",
        without_lightgbm="lightgbm is not installed; selection uses sentence scores alone",
    )
    if model is not None and model.num_feature() != len(FEATURE_NAMES):
        warn(
            f"concept model {path} does not match the concept features; selection uses sentence scores alone"
        )
        return None
    return model


def fit_concept_model(features: np.ndarray, labels: np.ndarray, seed: int) -> Ensemble:
    """Boosters (seeds ``seed`` .. ``seed + CONCEPT_ENSEMBLE - 1``) averaged as one model."""
    import lightgbm

    train_set = lightgbm.Dataset(features, labels, feature_name=list(FEATURE_NAMES), free_raw_data=False)
    return Ensemble(
        [
            lightgbm.train(
                {**CONCEPT_PARAMS, "seed": seed + member}, train_set, num_boost_round=CONCEPT_ROUNDS
            )
            for member in range(CONCEPT_ENSEMBLE)
        ]
    )
