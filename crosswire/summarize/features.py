"""The sentence table every scorer reads, and the feature matrix built from it.

A ``SentenceTable`` holds the candidate sentences of one story (junk
removed), their vectors (each sentence encoded once per story), their
content-word stems and their place in the story. Scorers turn it into
columns; ``feature_matrix`` concatenates the columns the trained model uses
(the learned word priors last: they come with the model).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np

from crosswire.embed import Embedder
from crosswire.ingest.language import read_as_english
from crosswire.model import Sentence, Story
from crosswire.summarize.junk import is_junk
from crosswire.summarize.text import content_stems

if TYPE_CHECKING:
    from crosswire.summarize.scorers.base import Scorer
    from crosswire.summarize.scorers.word_prior import WordPriors


@dataclass(frozen=True)
class SentenceTable:
    """Candidate sentences of one story and what scorers need about them."""

    story: Story
    sentences: tuple[Sentence, ...]
    vectors: np.ndarray  # (n, d), L2-normalised rows
    stems: tuple[tuple[str, ...], ...]  # content-word stems per sentence
    article_index: np.ndarray  # (n,) index of the sentence's article in story.articles
    position: np.ndarray  # (n,) index of the sentence within its article (all sentences counted)
    article_length: np.ndarray  # (n,) number of sentences of that article
    similarity: np.ndarray  # (n, n) cosine similarity between candidates

    @property
    def size(self) -> int:
        return len(self.sentences)

    @property
    def article_count(self) -> int:
        return len(self.story.articles)

    def rank_in_article(self) -> np.ndarray:
        """Each candidate's place among its article's candidates: 0 is the article's lead once junk is gone."""
        rank = np.zeros(self.size, dtype=np.int64)
        seen: Counter[int] = Counter()
        for row, article in enumerate(self.article_index.tolist()):
            rank[row] = seen[article]
            seen[article] += 1
        return rank

    @cached_property
    def article_best(self) -> np.ndarray:
        """``[i, k]``: candidate i's highest similarity to a candidate of the k-th article that has any
        (``np.unique(article_index)`` order); kept, as corroboration and the opener both read it.

        Candidates come article by article, so one pass over the matrix finds every article's maximum
        (a maximum is the same whatever the order it is taken in).
        """
        articles = self.article_index
        if self.size and bool(np.all(articles[1:] >= articles[:-1])):
            starts = np.flatnonzero(np.r_[True, articles[1:] != articles[:-1]])
            return np.asarray(np.maximum.reduceat(self.similarity, starts, axis=1), dtype=np.float32)
        columns = [self.similarity[:, articles == article].max(axis=1) for article in np.unique(articles)]
        return np.column_stack(columns).astype(np.float32) if columns else np.zeros((0, 0), dtype=np.float32)

    def document_frequency(self) -> Counter[str]:
        """In how many articles each content stem occurs."""
        frequency: Counter[str] = Counter()
        by_article: dict[int, set[str]] = {}
        for index, stems in zip(self.article_index.tolist(), self.stems, strict=True):
            by_article.setdefault(index, set()).update(stems)
        for stems_of_article in by_article.values():
            frequency.update(stems_of_article)
        return frequency


def candidate_sentences(story: Story) -> tuple[Sentence, ...]:
    """Non-junk sentences; all sentences when every one of them is junk.

    Sentences of articles read as another language skip the English word rules (``junk_reason``).
    """
    other_language = {a.id for a in story.articles if not read_as_english(a.language)}
    kept = tuple(s for s in story.sentences if not is_junk(s.text, s.article_id not in other_language))
    return kept or story.sentences


def build_table(
    story: Story, embedder: Embedder, sentences: Sequence[Sentence] | None = None
) -> SentenceTable:
    chosen = tuple(candidate_sentences(story) if sentences is None else sentences)
    order = {a.id: i for i, a in enumerate(story.articles)}
    lengths = Counter(s.article_id for s in story.sentences)
    vectors = np.zeros((0, 1), dtype=np.float32)
    if chosen:
        vectors = np.asarray(embedder.encode([s.text for s in chosen]), dtype=np.float32)
    return SentenceTable(
        story=story,
        sentences=chosen,
        vectors=vectors,
        stems=tuple(tuple(content_stems(s.text)) for s in chosen),
        article_index=np.array([order[s.article_id] for s in chosen], dtype=np.int64),
        position=np.array([s.index for s in chosen], dtype=np.int64),
        article_length=np.array([lengths[s.article_id] for s in chosen], dtype=np.int64),
        similarity=cosine_matrix(vectors),
    )


SPARSE_SHARE = 0.05  # at most this share of non-zero entries: the product goes through scipy.sparse
SPARSE_BLOCK = 2048  # rows of the product made dense at a time


def cosine_matrix(vectors: np.ndarray) -> np.ndarray:
    """``vectors @ vectors.T`` (float32). The TF-IDF embedder's hashed rows fill about 23 of their
    4,096 columns, so a sparse product costs the shared terms instead of n * n * 4,096 multiplications:
    1.9 s against 9.4 s CPU for 12,500 sentences (400 DUC articles), same values to 1e-6."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim != 2 or not vectors.size or np.count_nonzero(vectors) > SPARSE_SHARE * vectors.size:
        return np.asarray(vectors @ vectors.T, dtype=np.float32)
    from scipy import sparse

    rows = sparse.csr_matrix(vectors)
    columns = rows.T.tocsc()
    out = np.empty((len(vectors), len(vectors)), dtype=np.float32)
    for start in range(0, len(vectors), SPARSE_BLOCK):
        out[start : start + SPARSE_BLOCK] = (rows[start : start + SPARSE_BLOCK] @ columns).toarray()
    return out


def scorer_columns(table: SentenceTable, scorers: Sequence[Scorer]) -> tuple[np.ndarray, tuple[str, ...]]:
    """The given scorers' columns side by side, and their names."""
    columns = [scorer.columns(table).reshape(table.size, -1) for scorer in scorers]
    names = tuple(name for scorer in scorers for name in scorer.names)
    if not columns:
        return np.zeros((table.size, 0), dtype=np.float32), names
    return np.hstack(columns).astype(np.float32), names


def feature_matrix(table: SentenceTable, word_priors: WordPriors) -> tuple[np.ndarray, tuple[str, ...]]:
    """Columns of every feature scorer, then the learned word priors' (they come with the model)."""
    from crosswire.summarize.scorers import FEATURE_SCORERS
    from crosswire.summarize.scorers.word_prior import WordPriorScorer

    return scorer_columns(table, (*FEATURE_SCORERS, WordPriorScorer(word_priors)))
