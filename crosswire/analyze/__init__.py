"""Stage: cross-source analysis of a story (facts, figures, claims, quotes,
timeline, entities, coverage).

Each section lives in its own module and takes the shared
``AnalysisContext``; this module only wires them together.
"""

from __future__ import annotations

from dataclasses import replace

from crosswire.analyze.claims import extract_claims
from crosswire.analyze.context import AnalysisContext, build_context
from crosswire.analyze.coverage import compare_coverage
from crosswire.analyze.entities import extract_entities
from crosswire.analyze.facts import extract_facts, support_for
from crosswire.analyze.figures import extract_figures
from crosswire.analyze.quotes import extract_quotes
from crosswire.analyze.salience import rank
from crosswire.analyze.timeline import extract_timeline
from crosswire.embed import Embedder
from crosswire.model import (
    ArticleCoverage,
    Brief,
    BriefSentence,
    Claim,
    Entity,
    Fact,
    FigureGroup,
    Quote,
    StoryAnalysis,
    TimelineEvent,
)

__all__ = [
    "AnalysisContext",
    "ArticleCoverage",
    "Claim",
    "Entity",
    "Fact",
    "FigureGroup",
    "Quote",
    "StoryAnalysis",
    "TimelineEvent",
    "analyze_brief",
    "analyze_context",
]


def analyze_context(ctx: AnalysisContext) -> StoryAnalysis:
    """Every section, in dependency order (quotes need entities, claims need both)."""
    entities = extract_entities(ctx)
    quotes = extract_quotes(ctx, entities)
    facts = extract_facts(ctx)
    analysis = StoryAnalysis(
        facts=facts,
        figures=extract_figures(ctx, entities),
        claims=extract_claims(ctx, entities, quotes),
        quotes=quotes,
        timeline=extract_timeline(ctx),
        entities=entities,
        coverage=compare_coverage(ctx, facts),
    )
    return rank(ctx, analysis)


def _with_support(ctx: AnalysisContext, sentence: BriefSentence) -> BriefSentence:
    # Support is a superset of citations: near-duplicates plus paraphrases.
    found = set(support_for(ctx, sentence.text)) | set(sentence.citations)
    order = [a.id for a in ctx.story.articles]
    return replace(sentence, support=tuple(a for a in order if a in found))


def analyze_brief(brief: Brief, embedder: Embedder, figure_embedder: Embedder | None = None) -> Brief:
    """Fill ``brief.analysis`` and each brief sentence's ``support`` (figures with ``figure_embedder``'s
    vectors when given)."""
    ctx = build_context(brief.story, embedder, figure_embedder)
    ctx.encode([s.text for s in brief.sentences])  # one batch for the sentences not in the story verbatim
    sentences = tuple(_with_support(ctx, s) for s in brief.sentences)
    return replace(brief, sentences=sentences, analysis=analyze_context(ctx))
