"""Salience: how widely the story's sources carry an item and how central it is to the story.

Each item gets a score in about [0, 3]: *breadth* (the share of the story's
articles that carry it), *centrality* (cosine of its sentence to the story's
mean sentence vector) and a few section-specific signals (a quote's speaker is
prominent; a figure is disputed; a claim is answered). Sections come back sorted
by salience, strongest first; Markdown and HTML show the first few, JSON all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from crosswire.analyze.context import AnalysisContext
from crosswire.model import Claim, Entity, FigureGroup, Quote, SourceSpan, StoryAnalysis, TimelineEvent

MAX_QUOTE_WORDS_CREDITED = 25


class _Scorer:
    def __init__(self, ctx: AnalysisContext, entities: Sequence[Entity]) -> None:
        self.ctx = ctx
        self.articles = max(1, sum(ctx.on_topic(a.id) for a in ctx.story.articles))
        vectors = ctx.vectors
        self.rows: dict[str, list[tuple[int, int, int]]] = {}
        for n, sentence in enumerate(ctx.story.sentences):
            self.rows.setdefault(sentence.article_id, []).append((sentence.start, sentence.end, n))
        centre = vectors.mean(axis=0) if vectors.ndim == 2 and len(vectors) else None
        norm = float(np.linalg.norm(centre)) if centre is not None else 0.0
        self.centroid = centre / norm if centre is not None and norm > 0 else None
        self.mentions = {e.name: e.mentions for e in entities}
        self.most = max(self.mentions.values(), default=1) or 1

    def breadth(self, articles: Sequence[str]) -> float:
        return min(1.0, len(set(articles)) / self.articles)

    def centrality(self, spans: Sequence[SourceSpan]) -> float:
        if self.centroid is None:
            return 0.0
        best = 0.0
        for span in spans:
            for start, end, row in self.rows.get(span.article, ()):
                if start <= span.start < end:
                    best = max(best, float(self.ctx.vectors[row] @ self.centroid))
                    break
        return max(0.0, best)

    def prominence(self, name: str | None) -> float:
        return self.mentions.get(name or "", 0) / self.most


def _sorted(items: Sequence[object], scores: list[float]) -> list[tuple[float, int]]:
    return sorted(((round(score, 4), n) for n, score in enumerate(scores)), key=lambda p: (-p[0], p[1]))


def _quotes(scorer: _Scorer, quotes: Sequence[Quote]) -> tuple[Quote, ...]:
    scores = [
        scorer.breadth(q.articles)
        + 0.5 * scorer.centrality(q.spans)
        + 0.5 * scorer.prominence(q.speaker)
        + (0.3 if q.kind == "direct" else 0.0)
        + 0.2 * min(len(q.text.split()), MAX_QUOTE_WORDS_CREDITED) / MAX_QUOTE_WORDS_CREDITED
        for q in quotes
    ]
    return tuple(replace(quotes[n], salience=score) for score, n in _sorted(quotes, scores))


def _figures(scorer: _Scorer, groups: Sequence[FigureGroup]) -> tuple[FigureGroup, ...]:
    bonus = {"conflict": 1.0, "periods": 0.3, "vague": 0.3, "agree": 0.2, "single": 0.0}
    scores = [
        scorer.breadth(g.articles)
        + 0.5 * scorer.centrality([SourceSpan(m.article, m.start, m.end) for m in g.mentions])
        + bonus.get(g.status, 0.0)
        for g in groups
    ]
    return tuple(replace(groups[n], salience=score) for score, n in _sorted(groups, scores))


def _claims(scorer: _Scorer, claims: Sequence[Claim]) -> tuple[Claim, ...]:
    scores = [
        scorer.breadth((*c.articles,))
        + 0.5 * scorer.centrality(c.spans)
        + (0.5 if c.counters else 0.0)
        + 0.3 * max(scorer.prominence(c.claimant), scorer.prominence(c.accused))
        for c in claims
    ]
    return tuple(replace(claims[n], salience=score) for score, n in _sorted(claims, scores))


def _timeline(scorer: _Scorer, events: Sequence[TimelineEvent]) -> tuple[TimelineEvent, ...]:
    scores = [
        scorer.breadth(e.articles) + 0.5 * scorer.centrality(e.spans) + (0.0 if e.relative else 0.2)
        for e in events
    ]
    return tuple(replace(events[n], salience=score) for score, n in _sorted(events, scores))


def _entities(scorer: _Scorer, entities: Sequence[Entity]) -> tuple[Entity, ...]:
    scores = [scorer.breadth(e.articles) + scorer.prominence(e.name) for e in entities]
    return tuple(replace(entities[n], salience=score) for score, n in _sorted(entities, scores))


def rank(ctx: AnalysisContext, analysis: StoryAnalysis) -> StoryAnalysis:
    """Every ranked section scored and sorted, strongest first (facts and coverage keep their order)."""
    scorer = _Scorer(ctx, analysis.entities)
    return replace(
        analysis,
        quotes=_quotes(scorer, analysis.quotes),
        figures=_figures(scorer, analysis.figures),
        claims=_claims(scorer, analysis.claims),
        timeline=_timeline(scorer, analysis.timeline),
        entities=_entities(scorer, analysis.entities),
    )
