"""Ingest: the pipeline's stages run on new articles, and the results stored.

Re-ingesting an article changes nothing: articles the store already holds
are left out before any stage runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crosswire.model import Article, Story
from crosswire.pipeline import Pipeline
from crosswire.store.store import Store
from crosswire.stories import StoryTracker, assemble_stories


@dataclass(frozen=True)
class IngestReport:
    added: tuple[str, ...]
    already_stored: tuple[str, ...]
    stories: tuple[str, ...]


def ingest(pipeline: Pipeline, store: Store, articles: Sequence[Article]) -> IngestReport:
    """Clean, embed and track the new ``articles`` (ids set), then store them in one transaction."""
    known = store.known(a.id for a in articles)
    new = [a for a in articles if a.id not in known]
    cleaned = pipeline.clean(new)
    loose = [a for a in cleaned if a.cluster is None]
    grouped: tuple[Story, ...] = assemble_stories([a for a in cleaned if a.cluster is not None])
    tracker: StoryTracker | None = None
    if loose:
        tracker = store.tracker() or (pipeline.tracker if pipeline.tracker is not None else StoryTracker())
        tracker.partial_fit(loose, pipeline.embed(loose))
    changed = store.save_batch(loose, tracker, grouped)
    return IngestReport(
        added=tuple(a.id for a in new),
        already_stored=tuple(a.id for a in articles if a.id in known),
        stories=tuple(changed),
    )


def stored_story(pipeline: Pipeline, store: Store, story_id: str) -> Story | None:
    """A stored story made ready for the summarizer (sentences, dates, developments)."""
    story = store.story(story_id)
    if story is None:
        return None
    return pipeline.prepare(story)
