"""MiniLM thresholds read on another embedder's cosine scale (invented tables and stories)."""

from __future__ import annotations

from typing import ClassVar

import pytest

from crosswire.analyze.context import build_context, offtopic_articles
from crosswire.analyze.cosine_scale import on_scale
from crosswire.analyze.facts import similarity_threshold
from crosswire.embed import TfidfEmbedder
from crosswire.embed_static import WordLlamaEmbedder, available
from crosswire.model import Article, Story
from crosswire.segment import segment_story


class Scaled:
    name = "invented"
    cosine_scale: ClassVar[dict[str, tuple[tuple[float, float], ...]]] = {
        "sentence": ((0.0, 0.0), (0.5, 0.3), (1.0, 1.0)),
        "centroid": ((0.0, 0.2), (1.0, 1.0)),
    }


def test_a_threshold_is_read_off_the_table_by_kind() -> None:
    assert on_scale(0.5, Scaled()) == pytest.approx(0.3)
    assert on_scale(0.75, Scaled()) == pytest.approx(0.65)
    assert on_scale(0.5, Scaled(), "centroid") == pytest.approx(0.6)
    assert on_scale(0.5, Scaled(), "label") == 0.5  # no table for this kind: unchanged


def test_an_embedder_without_a_table_keeps_minilm_thresholds() -> None:
    assert on_scale(0.74, TfidfEmbedder()) == 0.74
    assert on_scale(0.74, None) == 0.74
    assert similarity_threshold(TfidfEmbedder()) == 0.45  # its own threshold wins
    assert similarity_threshold(Scaled()) == pytest.approx(on_scale(0.74, Scaled()))


def story_of(*texts: str) -> Story:
    articles = tuple(Article(id=f"a{n}", text=text) for n, text in enumerate(texts, 1))
    return segment_story(Story(id="s", headline="h", articles=articles))


BRIDGE = (
    "The council closed the old river bridge on Tuesday after engineers found deep cracks in its pillars.",
    "Engineers found deep cracks in the pillars of the old river bridge, and the council closed it on Tuesday.",
    "The old river bridge was closed by the council on Tuesday when engineers found cracks in its pillars.",
)
RECIPE = "Whisk two eggs with sugar and butter, then bake the sponge cake for forty minutes at a low heat."


@pytest.mark.skipif(not available(), reason="wordllama is not installed")
def test_static_vectors_find_the_off_topic_article_on_their_scale() -> None:
    story = story_of(*BRIDGE, RECIPE)
    embedder = WordLlamaEmbedder()
    vectors = embedder.encode([s.text for s in story.sentences])
    assert offtopic_articles(story, vectors, embedder) == frozenset({"a4"})
    ctx = build_context(story, embedder)
    assert ctx.offtopic == frozenset({"a4"})
