"""The analysis context: sentence vectors and the lookups every section shares (invented articles)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from crosswire.analyze.context import build_context, encode_unique
from crosswire.embed import TfidfEmbedder
from crosswire.model import Article, Sentence, Story
from crosswire.segment import segment_story

LEAK = "The harbour authority closed the Lanmore ferry terminal after a fuel leak."


class CountingEmbedder(TfidfEmbedder):
    """The real TF-IDF embedder, remembering which texts it was asked to encode."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen.extend(texts)
        return super().encode(texts)


def _story() -> Story:
    articles = (
        Article(id="a1", text=f"{LEAK}\n\nDivers inspected the damaged pipeline overnight."),
        Article(id="a2", text=f"{LEAK}\n\nThe terminal handles forty   sailings a day."),
        Article(id="a3", text="Residents complained about the smell of diesel near the quay."),
    )
    return segment_story(Story(id="s", headline="h", articles=articles))


def test_a_repeated_sentence_is_encoded_once() -> None:
    embedder = CountingEmbedder()
    texts = [LEAK, "Divers inspected the pipeline.", LEAK]
    vectors = encode_unique(embedder, texts)
    assert embedder.seen == [LEAK, "Divers inspected the pipeline."]
    assert vectors.shape[0] == 3
    assert np.array_equal(vectors[0], vectors[2])
    assert np.array_equal(vectors, TfidfEmbedder().encode(texts))


def test_build_context_encodes_each_distinct_sentence_once() -> None:
    story = _story()
    embedder = CountingEmbedder()
    ctx = build_context(story, embedder)
    assert sorted(embedder.seen) == sorted({s.text for s in story.sentences})
    assert ctx.vectors.shape[0] == len(story.sentences)
    assert len(ctx.docs) == 3


def test_lookups_agree_with_the_story() -> None:
    story = _story()
    ctx = build_context(story, TfidfEmbedder())
    for n, sentence in enumerate(story.sentences):
        assert ctx.row_of(sentence) == story.sentences.index(sentence)
        assert np.array_equal(ctx.vector_of(sentence), ctx.vectors[n])
    for article in story.articles:
        assert ctx.sentences_of(article.id) == story.sentences_of(article.id)
        assert ctx.article(article.id) is story.article(article.id)
    assert ctx.sentences_of("nowhere") == ()
    assert "forty sailings" in ctx.squeezed_text("a2")
    with pytest.raises(KeyError):
        ctx.article("nowhere")
    with pytest.raises(ValueError):
        ctx.row_of(Sentence("zz", 0, 0, 0, 17, "No such sentence."))


def test_spacy_imports_without_torch_and_torch_still_imports_after() -> None:
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from crosswire.analyze.context import import_spacy_without_torch\n"
        "spacy = import_spacy_without_torch()\n"
        "assert 'spacy' in sys.modules and 'torch' not in sys.modules, sorted(sys.modules)[:5]\n"
        "import torch\n"
        "assert torch.zeros(2).sum().item() == 0\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
