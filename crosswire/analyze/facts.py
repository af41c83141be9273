"""The story's facts: sentences aligned across articles by meaning.

Two sentences state the same fact when their vectors are close: cosine >=
``threshold`` (0.74 for all-MiniLM-L6-v2: on the sample story every pair at
or above it was a paraphrase or a copy, while at 0.70-0.73 unrelated
sentences about the same actors begin to pair), or cosine >= ``threshold -
0.09`` when they also share a specific number ("130,000") or most of their
content words. Aligned sentences are merged greedily, strongest pair first,
while the merged groups stay similar on average (average linkage, so no
long chains of pairwise-similar but unrelated sentences).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from crosswire.analyze.context import AnalysisContext
from crosswire.analyze.cosine_scale import on_scale
from crosswire.model import Fact, Sentence, SourceSpan

# cosine thresholds per embedder name; TF-IDF vectors score paraphrases lower
FACT_SIMILARITY = {"all-MiniLM-L6-v2": 0.74, "tfidf-hashing": 0.45}
DEFAULT_SIMILARITY = 0.74
RELAXED_MARGIN = 0.09  # how far below the threshold shared numbers/words may rescue a pair
MERGE_MARGIN = 0.15  # two groups merge while their average cosine stays within this of the threshold
MIN_FACT_WORDS = 5
_NUMBER = re.compile(r"\b\d[\d,.]*\d\b|\b\d{2,}\b")
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_STOP = frozenset(
    [
        "that",
        "this",
        "with",
        "from",
        "have",
        "has",
        "had",
        "were",
        "was",
        "been",
        "would",
        "could",
        "should",
        "will",
        "they",
        "them",
        "their",
        "there",
        "about",
        "which",
        "what",
        "when",
        "where",
        "while",
        "said",
        "says",
        "also",
        "into",
        "than",
        "then",
        "more",
        "most",
        "such",
        "other",
        "some",
        "over",
        "after",
        "before",
    ]
)


def similarity_threshold(embedder: object) -> float:
    """The facts' cosine threshold for ``embedder``: its own when set, else MiniLM's on its scale."""
    own = FACT_SIMILARITY.get(str(getattr(embedder, "name", "")))
    return own if own is not None else on_scale(DEFAULT_SIMILARITY, embedder)


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def aligned(a: str, b: str, cosine: float, threshold: float) -> bool:
    """Whether two sentences state the same thing (see the module docstring)."""
    if cosine >= threshold:
        return True
    if cosine < threshold - RELAXED_MARGIN:
        return False
    numbers_a, numbers_b = set(_NUMBER.findall(a)), set(_NUMBER.findall(b))
    if numbers_a & numbers_b:
        return True
    words_a, words_b = _content_words(a), _content_words(b)
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / min(len(words_a), len(words_b)) >= 0.6


NEAR_BLOCK = 1024  # rows of the similarity matrix compared at a time


def _near_pairs(similarity: np.ndarray, floor: float) -> tuple[np.ndarray, np.ndarray]:
    """``np.nonzero(np.triu(similarity.astype(float64) >= floor, k=1))``, a block of rows at a time:
    the float64 copy of a 13,000-sentence story's matrix alone took 1.35 GB."""
    rows, columns = [], []
    for start in range(0, len(similarity), NEAR_BLOCK):
        block = similarity[start : start + NEAR_BLOCK].astype(np.float64) >= floor
        i, j = np.nonzero(np.triu(block, k=start + 1))
        rows.append(i + start)
        columns.append(j)
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(rows), np.concatenate(columns)


def _cluster(sentences: Sequence[Sentence], vectors: np.ndarray, threshold: float) -> list[list[int]]:
    similarity = vectors @ vectors.T
    count = len(sentences)
    # Only pairs that ``aligned`` could accept; it rejects the rest on cosine alone.
    near_i, near_j = _near_pairs(similarity, threshold - RELAXED_MARGIN)
    edges = [
        (float(similarity[i, j]), i, j)
        for i, j in zip(near_i.tolist(), near_j.tolist(), strict=True)
        if aligned(sentences[i].text, sentences[j].text, float(similarity[i, j]), threshold)
    ]
    edges.sort(reverse=True)
    member: dict[int, list[int]] = {i: [i] for i in range(count)}
    for _, i, j in edges:
        left, right = member[i], member[j]
        if left is right:
            continue
        average = float(similarity[np.ix_(left, right)].mean())
        if average < threshold - MERGE_MARGIN:
            continue  # joining would chain two different statements
        left.extend(right)
        for k in right:
            member[k] = left
    clusters = {id(group): group for group in member.values()}
    return [sorted(group) for group in clusters.values()]


def _outlet_key(ctx: AnalysisContext, article_id: str) -> str:
    outlet = ctx.article(article_id).outlet
    return outlet.lower().strip() if outlet else article_id


def extract_facts(ctx: AnalysisContext, threshold: float | None = None) -> tuple[Fact, ...]:
    """Facts of the story, the most widely reported first."""
    threshold = similarity_threshold(ctx.embedder) if threshold is None else threshold
    indices = [i for i, s in enumerate(ctx.story.sentences) if len(s.text.split()) >= MIN_FACT_WORDS]
    sentences = [ctx.story.sentences[i] for i in indices]
    if not sentences:
        return ()
    vectors = ctx.vectors[indices]
    order = {a.id: n for n, a in enumerate(ctx.story.articles)}
    facts = []
    for cluster in _cluster(sentences, vectors, threshold):
        members = [sentences[i] for i in cluster]
        if len(cluster) > 1:
            inner = vectors[cluster] @ vectors[cluster].T
            centre = max(
                range(len(cluster)), key=lambda k: (float(inner[k].mean()), -order[members[k].article_id])
            )
        else:
            centre = 0
        lead = members[centre]
        support = tuple(sorted({s.article_id for s in members}, key=order.__getitem__))
        outlets = tuple(dict.fromkeys(_outlet_key(ctx, a) for a in support))
        facts.append(
            Fact(
                id="",
                text=lead.text,
                source=SourceSpan(lead.article_id, lead.start, lead.end),
                support=support,
                corroborated=len(outlets) >= 2,
                outlets=outlets,
                spans=tuple(SourceSpan(s.article_id, s.start, s.end) for s in members),
            )
        )
    facts.sort(key=lambda f: (-len(f.support), order[f.source.article], f.source.start))
    return tuple(
        Fact(f"f{n}", f.text, f.source, f.support, f.corroborated, f.outlets, f.spans)
        for n, f in enumerate(facts, 1)
    )


def support_for(
    ctx: AnalysisContext, text_or_vector: str | np.ndarray, threshold: float | None = None
) -> tuple[str, ...]:
    """Articles with a sentence that states ``text_or_vector`` (or contain it verbatim)."""
    threshold = similarity_threshold(ctx.embedder) if threshold is None else threshold
    if isinstance(text_or_vector, str):
        text = text_or_vector
        vector = ctx.encode([text])[0]
    else:
        text, vector = "", np.asarray(text_or_vector)
    found: set[str] = set()
    if text:
        squeezed = " ".join(text.split())
        found.update(a.id for a in ctx.story.articles if squeezed and squeezed in ctx.squeezed_text(a.id))
    if len(ctx.story.sentences):
        scores = ctx.vectors @ vector
        for sentence, score in zip(ctx.story.sentences, scores, strict=True):
            if sentence.article_id in found:
                continue
            if aligned(text, sentence.text, float(score), threshold) if text else float(score) >= threshold:
                found.add(sentence.article_id)
    order = [a.id for a in ctx.story.articles]
    return tuple(a for a in order if a in found)
