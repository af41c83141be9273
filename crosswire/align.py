"""Which articles carry a brief sentence: citations and semantic support.

Citation rule (checkable without a model). A brief sentence cites every
article that carries the same sentence:

* **exact**: the sentence, whitespace-normalised and case-folded, occurs in
  the article's whitespace-normalised, case-folded text; or
* **near-duplicate**: some sentence of the article is a near-duplicate of it.
  Two sentences are near-duplicates when their sets of content words
  (lower-cased, Porter-stemmed, stop words removed) have an overlap
  coefficient ``|A & B| / min(|A|, |B|) >= NEAR_DUPLICATE_THRESHOLD`` (0.8),
  the smaller set has at least ``MIN_CONTENT_WORDS`` (4) words, and it is at
  least ``MIN_SIZE_RATIO`` (0.5) of the larger one; shorter sentences must
  match exactly (after normalisation). Wire copy reprinted with light edits,
  and a compressed sentence against its full form, pass; two sentences that
  merely share a topic, or a short fragment of a long sentence, do not.

Support (needs vectors): an article supports a sentence when one of its
sentences has embedding cosine ``>= SUPPORT_THRESHOLD`` (0.75) with it, i.e.
it states the same content in other words. Support is a superset of the
citations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from crosswire.embed import Embedder
from crosswire.model import Story
from crosswire.text import content_stems

NEAR_DUPLICATE_THRESHOLD = 0.8
MIN_CONTENT_WORDS = 4
MIN_SIZE_RATIO = 0.5
SUPPORT_THRESHOLD = 0.75

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Whitespace collapsed to single spaces, case folded, ends stripped."""
    return _SPACE.sub(" ", text).strip().casefold()


def overlap_coefficient(a: str, b: str) -> float:
    """|A & B| / min(|A|, |B|) over content-word stem sets; 0 when either is empty."""
    first, second = set(content_stems(a)), set(content_stems(b))
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def near_duplicate(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are the same sentence, exactly or nearly (see module doc)."""
    if normalise(a) == normalise(b):
        return True
    return _near_duplicate_stems(set(content_stems(a)), set(content_stems(b)))


def _near_duplicate_stems(first: set[str], second: set[str]) -> bool:
    smaller, larger = sorted((len(first), len(second)))
    if smaller < MIN_CONTENT_WORDS or smaller < MIN_SIZE_RATIO * larger:
        return False
    return len(first & second) / smaller >= NEAR_DUPLICATE_THRESHOLD


class StoryIndex:
    """A story's normalised texts and sentence stems, computed once for many ``cite`` calls."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self._texts = {a.id: normalise(a.text) for a in story.articles}
        self._sentences: dict[str, list[tuple[str, set[str]]]] = {a.id: [] for a in story.articles}
        for sentence in story.sentences:
            self._sentences[sentence.article_id].append(
                (normalise(sentence.text), set(content_stems(sentence.text)))
            )

    def carries(self, sentence_text: str, article_id: str) -> bool:
        """Whether the article carries the sentence, exactly or as a near-duplicate."""
        needle = normalise(sentence_text)
        if needle and needle in self._texts[article_id]:
            return True
        stems = set(content_stems(sentence_text))
        return any(
            needle == text or _near_duplicate_stems(stems, other)
            for text, other in self._sentences[article_id]
        )

    def cite(self, sentence_text: str) -> tuple[str, ...]:
        return tuple(a.id for a in self.story.articles if self.carries(sentence_text, a.id))


def carries(sentence_text: str, story: Story, article_id: str) -> bool:
    """Whether the article carries the sentence, exactly or as a near-duplicate."""
    return StoryIndex(story).carries(sentence_text, article_id)


def cite(sentence_text: str, story: Story) -> tuple[str, ...]:
    """Every article of ``story`` that carries ``sentence_text``, in story order."""
    return StoryIndex(story).cite(sentence_text)


def support(
    sentence_text: str,
    story: Story,
    embedder: Embedder,
    *,
    threshold: float = SUPPORT_THRESHOLD,
    sentence_vectors: np.ndarray | None = None,
    sentence_vector: np.ndarray | None = None,
) -> tuple[str, ...]:
    """Articles stating the same content: citations plus embedding cosine >= ``threshold``.

    ``sentence_vectors`` (one row per ``story.sentences``) and
    ``sentence_vector`` avoid re-encoding when the caller has them.
    """
    cited = set(cite(sentence_text, story))
    if story.sentences:
        vectors = sentence_vectors
        if vectors is None:
            vectors = embedder.encode([s.text for s in story.sentences])
        query = sentence_vector if sentence_vector is not None else embedder.encode([sentence_text])[0]
        cosine = np.asarray(vectors) @ np.asarray(query)
        cited.update(
            s.article_id for s, c in zip(story.sentences, cosine.tolist(), strict=True) if c >= threshold
        )
    return tuple(a.id for a in story.articles if a.id in cited)


def supporting_articles(
    vector: np.ndarray,
    vectors: np.ndarray,
    article_ids: Sequence[str],
    *,
    threshold: float = SUPPORT_THRESHOLD,
) -> set[str]:
    """Article ids whose rows in ``vectors`` have cosine >= ``threshold`` with ``vector``."""
    cosine = np.asarray(vectors) @ np.asarray(vector)
    return {article for article, c in zip(article_ids, cosine.tolist(), strict=True) if c >= threshold}
