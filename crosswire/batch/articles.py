"""Stage 1 of the batch job, one task per shard: read, stable ids, clean, segment, embed, profile.

The task calls the pipeline's own stages (``Pipeline.clean``, ``.segment``,
``.embed``); cleaning compares the pages of one site within the shard (the
repeated-line rule), where the single-process run compares them across all
its input. The profile the tracker reads is built here too: it is pure data.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from crosswire.batch.models import worker_models
from crosswire.batch.shards import Shard, ShardReport, read_shard
from crosswire.errors import CrosswireWarning
from crosswire.model import Article, Sentence
from crosswire.pipeline import Pipeline
from crosswire.stories import StoryTracker, with_stable_ids
from crosswire.stories.profile import ArticleProfile, day_of


@dataclass(frozen=True)
class ArticleMeta:
    """What the client needs of an article to plan the tracking: no text."""

    key: str
    day: float | None
    cluster: str | None
    shard: int


@dataclass(frozen=True)
class ShardResult:
    """One shard after stage 1."""

    number: int
    articles: tuple[Article, ...]
    sentences: dict[str, tuple[Sentence, ...]]
    profiles: tuple[ArticleProfile, ...]  # of the articles without a cluster
    report: ShardReport
    warnings: tuple[str, ...]

    def meta(self) -> list[ArticleMeta]:
        return [ArticleMeta(a.id, day_of(a.published), a.cluster, self.number) for a in self.articles]


def article_stage(
    shard: Shard, number: int, pipeline: Pipeline, since: str | None = None, until: str | None = None
) -> ShardResult:
    """Stage 1 on one shard; warnings are kept in the result (a worker's stderr is nobody's)."""
    worker_models(pipeline.analyze)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CrosswireWarning)
        read, report = read_shard(shard)
        articles = with_stable_ids(read)
        kept = [a for a in articles if within_dates(a, since, until)]
        if len(kept) < len(articles):
            report.skip(f"{len(articles) - len(kept)} articles outside --since/--until (or undated)")
            report.kept -= len(articles) - len(kept)
        cleaned = pipeline.clean(kept)
        sentences = pipeline.segment(cleaned)
        loose = [a for a in cleaned if a.cluster is None]
        vectors = pipeline.embed(loose)
        profiles = StoryTracker().profiles(loose, _or_none(vectors))
    messages = tuple(str(w.message) for w in caught if issubclass(w.category, CrosswireWarning))
    return ShardResult(number, tuple(cleaned), sentences, tuple(profiles), report, messages)


def _or_none(vectors: np.ndarray | None) -> np.ndarray | None:
    return vectors if vectors is not None and len(vectors) else None


def within_dates(article: Article, since: str | None, until: str | None) -> bool:
    """Whether the article's publication date is in [since, until] (dates compare as ISO text)."""
    if since is None and until is None:
        return True
    if not article.published:
        return False
    day = article.published[:10]
    return (since is None or day >= since[:10]) and (until is None or day <= until[:10])


def profiles_of(result: ShardResult) -> tuple[ArticleProfile, ...]:
    """The part of a shard result the tracking tasks need (small to move between workers)."""
    return result.profiles


def meta_of(result: ShardResult) -> tuple[list[ArticleMeta], ShardReport, tuple[str, ...]]:
    return result.meta(), result.report, result.warnings
