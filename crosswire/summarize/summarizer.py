"""The extractive summarizer: score sentences, select under a budget, compress, cite."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from crosswire import align  # module import: crosswire.align itself imports summarize.text
from crosswire.embed import Embedder, TfidfEmbedder, default_embedder
from crosswire.model import Brief, BriefSentence, SourceSpan, Story, count_words
from crosswire.summarize.compress import Compressor
from crosswire.summarize.concepts import (
    ConceptWeigher,
    Coverage,
    concept_model_path,
    coverage,
    story_concepts,
)
from crosswire.summarize.features import SentenceTable, build_table, candidate_sentences
from crosswire.summarize.scorers import QueryScorer, SupervisedScorer, rank_normalise
from crosswire.summarize.selector import Selector, lead_first, reading_order
from crosswire.summarize.text import content_stems


@dataclass(frozen=True)
class UpdateSettings:
    """How ``since`` (articles the reader already saw) steers selection."""

    seen_cosine: float = 0.75  # a sentence this close to a seen one is old news: dropped
    penalty: float = 1.0  # score minus penalty * (cosine to the closest seen sentence - floor)
    floor: float = 0.3


class Summarizer:
    """Extractive, cited briefs of a story.

    ``query`` mixes a query-relevance score into the trained score with weight
    ``query_weight``; ``query_centrality`` of that relevance is query-biased
    centrality (similarity to the relevant sentences, weighted by their
    relevance: a sentence the relevant ones agree on); ``since`` in
    ``summarize`` leaves out what the reader has already seen, and its
    bigrams earn no coverage. ``concept_weight`` is the selector's weight
    on newly covered bigrams (``concepts.py``); with a query it shrinks
    with the trained score's share. Settings are
    plain keywords so a Summarizer pickles (the embedding model is per
    process, never pickled).
    """

    def __init__(
        self,
        *,
        words: int = 250,
        query: str | None = None,
        embedder: Embedder | None = None,
        query_weight: float = 0.8,
        query_centrality: float = 0.3,
        redundancy: float = 0.7,
        duplicate_cosine: float = 0.8,
        concept_weight: float = 0.2,
        cross_budget: bool = False,
        compressor: Compressor | None = None,
        update: UpdateSettings | None = None,
        model_path: str | None = None,
        query_embedder: Embedder | None = None,
    ) -> None:
        self.words = words
        self.query = query.strip() if query and query.strip() else None
        self.embedder = embedder
        self.query_weight = query_weight
        self.query_centrality = query_centrality
        self.selector = Selector(
            words=words,
            redundancy=redundancy,
            duplicate_cosine=duplicate_cosine,
            cross_budget=cross_budget,
            # Concept weights rate general importance, as the trained score does: a query takes its share.
            concept_weight=concept_weight * (1 - query_weight) if self.query else concept_weight,
        )
        self.compressor = compressor or Compressor()
        self.update = update or UpdateSettings()
        self.scorer = SupervisedScorer(model_path)
        self.concept_weigher = ConceptWeigher(concept_model_path(self.scorer.model_path))
        self.query_embedder = query_embedder

    def _embedder(self) -> Embedder:
        # Hashed TF-IDF vectors scored as well as all-MiniLM-L6-v2 in
        # cross-validation and are several times faster; the model is trained
        # on them, so they are the default (see BENCHMARKS.md).
        if self.embedder is None:
            self.embedder = TfidfEmbedder()
        return self.embedder

    def summarize(self, story: Story, since: Story | None = None) -> Brief:
        if not story.sentences:
            return Brief(
                story=story, sentences=(), warnings=(f"story {story.id} has no sentences to summarize",)
            )
        table = build_table(story, self._embedder())
        scores = self.score(table)
        excluded = np.zeros(table.size, dtype=bool)
        seen: tuple[str, ...] = ()
        if since is not None and since.sentences:
            scores, excluded = self._discount_seen(table, scores, since)
            seen = tuple(s.text for s in candidate_sentences(since))
        return self.brief_of(table, scores, excluded, seen)

    def brief_of(
        self,
        table: SentenceTable,
        scores: np.ndarray,
        excluded: np.ndarray | None = None,
        seen: tuple[str, ...] = (),
    ) -> Brief:
        """Select, compress and cite, given one score per candidate of ``table``.

        Concepts of the ``seen`` texts (what the reader already has) earn no coverage.
        """
        texts = [self._compressed(s.text) for s in table.sentences]
        lengths = [count_words(t) for t in texts]
        chosen = self.selector.select(
            scores, lengths, table.similarity, excluded=excluded, coverage=self._coverage(table, texts, seen)
        )
        is_lead = table.rank_in_article() == 0
        shown = lead_first(
            reading_order([table.sentences[i] for i in chosen], table.story.articles),
            [texts[i] for i in chosen],
            [bool(is_lead[i]) for i in chosen],
        )
        return Brief(
            story=table.story,
            sentences=self._brief_sentences(table, [chosen[k] for k in shown], texts),
            # Which brief sentence was picked first, second, ...: the evaluation's budget rule needs it.
            meta={"pick_order": sorted(range(len(shown)), key=lambda k: shown[k])},
        )

    def _coverage(self, table: SentenceTable, printed: list[str], seen: tuple[str, ...]) -> Coverage | None:
        if self.selector.concept_weight <= 0 or table.size == 0:
            return None
        concepts = story_concepts(table)
        weights = self.concept_weigher.weights(concepts)
        return None if weights is None else coverage(concepts, weights, printed, seen)

    def score(self, table: SentenceTable) -> np.ndarray:
        """One score per candidate in [0, 1]: the trained score, mixed with query relevance."""
        base = self.scorer.columns(table)[:, 0]
        scores = base / max(float(base.max()), 1e-9) if base.size and base.max() > 0 else rank_normalise(base)
        if self.query is not None and table.size:
            relevance = self._query_scorer().relevance(table)
            if self.query_centrality > 0:
                central = table.similarity @ relevance / max(float(relevance.sum()), 1e-9)
                central = central / max(float(central.max()), 1e-9)
                relevance = (1 - self.query_centrality) * relevance + self.query_centrality * central
            scores = (1 - self.query_weight) * scores + self.query_weight * relevance
        return np.asarray(scores, dtype=np.float32)

    def _query_scorer(self) -> QueryScorer:
        # A question and its answers rarely share words: semantic vectors when
        # the neural model is installed (query mode only; it costs an encoding).
        if self.query_embedder is None:
            self.query_embedder = default_embedder()
        reencode = self.query_embedder is not self._embedder()
        assert self.query is not None
        return QueryScorer(self.query, self.query_embedder, reencode=reencode)

    def _compressed(self, text: str) -> str:
        shorter = self.compressor.compress(text)
        # Too few content words left to be recognisably the same sentence elsewhere.
        return shorter if len(content_stems(shorter)) >= align.MIN_CONTENT_WORDS else text.strip()

    def _discount_seen(
        self, table: SentenceTable, scores: np.ndarray, since: Story
    ) -> tuple[np.ndarray, np.ndarray]:
        seen = candidate_sentences(since)
        seen_vectors = np.asarray(self._embedder().encode([s.text for s in seen]), dtype=np.float32)
        closest = (table.vectors @ seen_vectors.T).max(axis=1) if len(seen) else np.zeros(table.size)
        settings = self.update
        discounted = scores - settings.penalty * np.clip(closest - settings.floor, 0, None)
        return discounted.astype(np.float32), closest >= settings.seen_cosine

    def _brief_sentences(
        self, table: SentenceTable, rows: list[int], texts: list[str]
    ) -> tuple[BriefSentence, ...]:
        """Cited brief sentences of the candidates ``rows``, in that order."""
        article_ids = [s.article_id for s in table.sentences]
        index = align.StoryIndex(table.story)
        brief: list[BriefSentence] = []
        for row in rows:
            sentence = table.sentences[row]
            text = texts[row]
            citations = index.cite(text)
            if sentence.article_id not in citations:  # compression hid the match: cite the full sentence
                text = sentence.text
                citations = index.cite(text)
            if sentence.article_id not in citations:
                citations = (*citations, sentence.article_id)
            supported = align.supporting_articles(table.vectors[row], table.vectors, article_ids) | set(
                citations
            )
            brief.append(
                BriefSentence(
                    text=text,
                    citations=tuple(a.id for a in table.story.articles if a.id in citations),
                    source=SourceSpan(sentence.article_id, sentence.start, sentence.end),
                    support=tuple(a.id for a in table.story.articles if a.id in supported),
                )
            )
        return tuple(brief)
