"""Stage: cross-source analysis of a story (facts, figures, claims, quotes,
timeline, entities, coverage).

Each section lives in its own module and takes the shared
``AnalysisContext``; this module only wires them together.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

from crosswire.analyze.claims import extract_claims
from crosswire.analyze.context import AnalysisContext, build_context
from crosswire.analyze.coverage import compare_coverage
from crosswire.analyze.entities import extract_entities
from crosswire.analyze.facts import extract_facts, support_for
from crosswire.analyze.figures import extract_figures
from crosswire.analyze.quotes import extract_quotes
from crosswire.analyze.reuse import story_threads
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
    """Every section, in dependency order (quotes need entities, claims need both). The figures run
    in a second thread beside the other sections: most of their cost is encoding the compared
    mentions, which releases the GIL, and no other section reads what they compute."""
    entities = extract_entities(ctx)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="crosswire-figures") as pool:
        figures = pool.submit(extract_figures, ctx, entities) if story_threads() > 1 else None
        quotes = extract_quotes(ctx, entities)
        facts = extract_facts(ctx)
        claims = extract_claims(ctx, entities, quotes)
        timeline = extract_timeline(ctx)
        coverage = compare_coverage(ctx, facts)
        analysis = StoryAnalysis(
            facts=facts,
            figures=figures.result() if figures is not None else extract_figures(ctx, entities),
            claims=claims,
            quotes=quotes,
            timeline=timeline,
            entities=entities,
            coverage=coverage,
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
