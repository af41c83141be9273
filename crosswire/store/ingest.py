"""Ingest: the pipeline's stages run on new articles, and the results stored.

Re-ingesting an article changes nothing: articles the store already holds
(by id, which comes from the canonical URL, else the content) are left out
before any stage runs, and so are copies of a stored text under a new URL
(by content hash, after cleaning).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crosswire.errors import warn
from crosswire.model import Article, Story
from crosswire.pipeline import Pipeline
from crosswire.store.store import StaleTrackerError, Store
from crosswire.stories import StoryTracker, assemble_stories
from crosswire.stories.ids import content_hash


@dataclass(frozen=True)
class IngestReport:
    added: tuple[str, ...]
    already_stored: tuple[str, ...]
    stories: tuple[str, ...]


def ingest(pipeline: Pipeline, store: Store, articles: Sequence[Article]) -> IngestReport:
    """Clean, embed and track the new ``articles`` (ids set), then store them in one transaction."""
    known = store.known(a.id for a in articles)
    new = [a for a in articles if a.id not in known]
    cleaned, copies = _without_stored_copies(store, pipeline.clean(new))
    loose = [a for a in cleaned if a.cluster is None]
    grouped: tuple[Story, ...] = assemble_stories([a for a in cleaned if a.cluster is not None])
    tracker: StoryTracker | None = None
    if loose:
        tracker = _stored_tracker(pipeline, store) or _new_tracker(pipeline)
        tracker.partial_fit(loose, pipeline.embed(loose))
    changed = store.save_batch(loose, tracker, grouped)
    return IngestReport(
        added=tuple(a.id for a in new if a.id not in copies),
        already_stored=tuple(a.id for a in articles if a.id in known or a.id in copies),
        stories=tuple(changed),
    )


def _stored_tracker(pipeline: Pipeline, store: Store) -> StoryTracker | None:
    """The saved tracker; one of an older format is rebuilt from the stored stories, which stay as they are."""
    try:
        return store.tracker()
    except StaleTrackerError as stale:
        placed = store.tracked_articles()
        warn(f"{stale.message}; rebuilding it from the {len(placed)} stored articles (their stories are kept)",
             source=str(store.path))
        tracker = _new_tracker(pipeline)
        articles = [article for article, _ in placed]
        profiles = tracker.profiles(articles, pipeline.embed(articles) if articles else None)
        return tracker.replay(profiles, {article.id: story for article, story in placed})


def _new_tracker(pipeline: Pipeline) -> StoryTracker:
    return pipeline.tracker if pipeline.tracker is not None else StoryTracker()


def _without_stored_copies(store: Store, cleaned: Sequence[Article]) -> tuple[list[Article], set[str]]:
    """The articles whose cleaned text the store does not hold yet, and the ids of those it does."""
    hashes = {a.id: content_hash(a) for a in cleaned}
    stored = store.known_content(hashes.values())
    kept, copies, seen = [], set(), set(stored)
    for article in cleaned:
        if hashes[article.id] in seen and article.cluster is None:
            copies.add(article.id)
            continue
        seen.add(hashes[article.id])
        kept.append(article)
    return kept, copies


def stored_story(pipeline: Pipeline, store: Store, story_id: str) -> Story | None:
    """A stored story made ready for the summarizer (sentences, dates, developments)."""
    story = store.story(story_id)
    if story is None:
        return None
    return pipeline.prepare(story)
