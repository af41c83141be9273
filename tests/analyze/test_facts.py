"""Facts aligned across articles, and the support of a piece of text (invented articles)."""

from __future__ import annotations

import pytest

from crosswire.analyze.context import AnalysisContext, build_context
from crosswire.analyze.facts import Fact, aligned, extract_facts, support_for
from crosswire.embed import TfidfEmbedder
from crosswire.model import Article, Story
from crosswire.segment import segment_story


@pytest.fixture(scope="module")
def ctx() -> AnalysisContext:
    articles = (
        Article(
            id="a1",
            outlet="Coast Daily",
            text=(
                "The harbour authority closed the Lanmore ferry terminal on Tuesday after a fuel leak.\n\n"
                "The terminal handles forty sailings a day in summer."
            ),
        ),
        Article(
            id="a2",
            outlet="Northern Wire",
            text=(
                "After a fuel leak, the Lanmore ferry terminal was closed by the harbour authority on Tuesday.\n\n"
                "Divers from the coast guard inspected the damaged pipeline overnight."
            ),
        ),
        Article(
            id="a3",
            outlet="Coast Daily",
            text="Lanmore residents complained about the smell of diesel near the quay.",
        ),
    )
    story = segment_story(Story(id="s", headline="h", articles=articles))
    return build_context(story, TfidfEmbedder())


def fact_with(facts: tuple[Fact, ...], words: str) -> Fact:
    return next(f for f in facts if any(words in s for s in [f.text]))


def test_paraphrase_across_articles_is_corroborated(ctx: AnalysisContext) -> None:
    facts = extract_facts(ctx)
    closure = fact_with(facts, "ferry terminal")
    assert closure.support == ("a1", "a2")
    assert closure.corroborated
    assert len(closure.spans) == 2
    assert facts[0] is closure  # the most widely reported first
    assert closure.id == "f1"


def test_exclusive_fact_is_single_source(ctx: AnalysisContext) -> None:
    facts = extract_facts(ctx)
    sailings = fact_with(facts, "forty sailings")
    assert sailings.support == ("a1",)
    assert not sailings.corroborated


def test_same_outlet_does_not_corroborate(ctx: AnalysisContext) -> None:
    # a1 and a3 share an outlet: even if they agreed, that would be one source
    facts = extract_facts(ctx, threshold=0.0)
    merged = [f for f in facts if set(f.support) == {"a1", "a3"}]
    assert all(not f.corroborated for f in merged)


def test_support_for_text_and_vector(ctx: AnalysisContext) -> None:
    text = "The Lanmore ferry terminal was closed by the harbour authority after a fuel leak."
    assert support_for(ctx, text) == ("a1", "a2")
    assert support_for(ctx, "Divers from the coast guard inspected the damaged pipeline overnight.") == (
        "a2",
    )
    vector = ctx.embedder.encode(["Lanmore residents complained about the smell of diesel near the quay."])[0]
    assert support_for(ctx, vector) == ("a3",)
    assert support_for(ctx, "Parliament passed a budget for the fishing fleet.") == ()


def test_aligned_rescues_close_pairs_that_share_a_number() -> None:
    a = "The campaign uprooted some 130,000 people in October."
    b = "More than 130,000 people had been forced to flee in October, he said."
    assert aligned(a, b, 0.70, 0.74)
    assert not aligned(a, "Talks resume in October.", 0.70, 0.74)
    assert not aligned(a, b, 0.50, 0.74)
