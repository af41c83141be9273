"""The figures' own model encodes only the sentences grouping compares, with the same groups."""

from __future__ import annotations

from typing import Any

import numpy as np

from crosswire.analyze.context import build_context
from crosswire.analyze.figures import compared_mentions, extract_figures, figure_mentions
from crosswire.embed import TfidfEmbedder
from crosswire.model import Article, Story
from crosswire.segment import segment_story

# Invented for this test: a flood in an invented valley, told by two outlets.
FIRST = (
    "The flood forced 2,000 residents of Marrow Vale to leave their homes, officials said.\n\n"
    "The river rose 3 metres overnight.\n\n"
    "The council spent $4 million on new levees last year."
)
SECOND = (
    "About 2,100 residents of Marrow Vale were forced from their homes by the flood.\n\n"
    "Rescuers used 14 boats to reach farms."
)


class CountingEmbedder:
    """TF-IDF vectors, counting the texts it is asked to encode."""

    name = "counting"

    def __init__(self) -> None:
        self.inner = TfidfEmbedder()
        self.texts: list[str] = []

    def encode(self, texts: Any) -> np.ndarray:
        self.texts.extend(texts)
        return self.inner.encode(texts)


def _story() -> Story:
    articles = (
        Article(id="a1", text=FIRST, published="2024-03-02"),
        Article(id="a2", text=SECOND, published="2024-03-02"),
    )
    return segment_story(Story(id="s", headline="h", articles=articles))


def _groups(figures: Any) -> list[list[tuple[str, str]]]:
    return [[(m.article, m.text) for m in g.mentions] for g in figures]


def test_only_mentions_with_a_possible_partner_are_compared() -> None:
    ctx = build_context(_story(), TfidfEmbedder())
    mentions = [m for m, _ in figure_mentions(ctx)]
    compared = {
        m.text for m, c in zip(mentions, compared_mentions(mentions, TfidfEmbedder()), strict=True) if c
    }
    assert {"2,000", "About 2,100"} <= compared
    assert not compared & {"$4 million", "14"}


def test_the_figures_own_model_gives_the_groups_of_full_vectors() -> None:
    story = _story()
    counting = CountingEmbedder()
    mixed = extract_figures(build_context(story, TfidfEmbedder(), counting))
    full = extract_figures(build_context(story, TfidfEmbedder()))
    assert _groups(mixed) == _groups(full)
    assert any(len(g.mentions) == 2 for g in mixed)
    sentences = [s.text for s in story.sentences]
    encoded = [t for t in counting.texts if t in sentences]
    assert encoded and not any("levees" in t or "boats" in t for t in encoded)
