"""Facts aligned across articles, and the support of a piece of text (invented articles)."""

from __future__ import annotations

import numpy as np
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


def test_near_pairs_by_blocks_are_the_pairs_of_the_whole_matrix(monkeypatch) -> None:
    from crosswire.analyze import facts

    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(11, 6)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    similarity = vectors @ vectors.T
    expected = np.nonzero(np.triu(similarity.astype(np.float64) >= 0.2, k=1))
    monkeypatch.setattr(facts, "NEAR_BLOCK", 3)  # four blocks, the last one short
    found = facts._near_pairs(similarity, 0.2)
    assert len(expected[0]) > 5
    assert all(np.array_equal(a, b) for a, b in zip(expected, found, strict=True))
    assert [len(x) for x in facts._near_pairs(similarity[:0, :0], 0.2)] == [0, 0]
