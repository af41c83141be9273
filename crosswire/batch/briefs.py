"""Stage 3 of the batch job: stories to briefs, one task per batch of stories.

Between stages 2 and 3, each shard's task writes its ``articles`` and
``sentences`` parts (now that every article has its story) and splits its
articles by story batch: a shuffle, so a story task receives only its own
articles. The story task builds each story as ``Pipeline.stories`` does
(members by publication time, then id; the first title as headline), then
calls ``Pipeline.prepare`` and ``Pipeline.brief_story``.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from crosswire.batch.articles import ShardResult
from crosswire.batch.models import worker_models
from crosswire.batch.tables import (
    article_rows,
    brief_row,
    sentence_rows,
    story_row,
    write_brief_json,
    write_part,
)
from crosswire.contracts import ContractError
from crosswire.errors import CrosswireError, CrosswireWarning
from crosswire.model import Article, Story
from crosswire.pipeline import Pipeline
from crosswire.stories import pick_headline


@dataclass(frozen=True)
class StoryBatch:
    """Stage 3's unit of work: stories, each with its member keys, and whether to brief them."""

    number: int
    stories: tuple[tuple[str, tuple[str, ...], bool], ...]  # (story id, member keys, brief it)


def shard_pieces(
    result: ShardResult, labels: dict[str, str], batch_of: dict[str, int], root: str, url: str
) -> dict[int, list[Article]]:
    """Write the shard's ``articles`` and ``sentences`` parts; its articles grouped by story batch.

    ``labels`` holds the story of each article this shard owns (a page also
    in an earlier shard is not owned here and is left out).
    """
    owned = [a for a in result.articles if a.id in labels]
    write_part(root, "articles", result.number, article_rows(owned, labels, url))
    rows = [row for a in owned for row in sentence_rows(result.sentences[a.id], labels[a.id])]
    write_part(root, "sentences", result.number, rows)
    pieces: dict[int, list[Article]] = {}
    for article in owned:
        pieces.setdefault(batch_of[labels[article.id]], []).append(article)
    return pieces


def story_stage(batch: StoryBatch, pipeline: Pipeline, root: str, *pieces: Sequence[Article]) -> list[str]:
    """Brief a batch of stories; write their ``stories`` and ``briefs`` parts and JSON records.

    Returns the warnings the briefs raised (a story that cannot be briefed is one of them).
    """
    worker_models(pipeline.analyze)
    articles = {a.id: a for piece in pieces for a in piece}
    story_rows, brief_rows, notes = [], [], []
    for sid, keys, brief_it in batch.stories:
        members = tuple(sorted((articles[k] for k in keys), key=lambda a: (a.published or "", a.id)))
        story = Story(id=sid, headline=pick_headline(members), articles=members)
        if not brief_it:
            story_rows.append(story_row(story, briefed=False))
            continue
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", CrosswireWarning)
            try:
                brief = pipeline.brief_story(pipeline.prepare(story))
            except (CrosswireError, ContractError) as error:  # one story must not sink the whole job
                reason = error.message if isinstance(error, CrosswireError) else f"a pipeline check failed ({error})"
                notes.append(f"story {sid}: not briefed: {reason}")
                story_rows.append(story_row(story, briefed=False))
                continue
        notes.extend(f"story {sid}: {w.message}" for w in caught if issubclass(w.category, CrosswireWarning))
        story_rows.append(story_row(brief.story, briefed=True))
        brief_rows.append(brief_row(brief, write_brief_json(root, brief)))
    write_part(root, "stories", batch.number, story_rows)
    write_part(root, "briefs", batch.number, brief_rows)
    return notes


def piece(pieces: dict[int, list[Article]], number: int) -> list[Article]:
    """One shard's articles of one story batch (what moves to that batch's task)."""
    return pieces.get(number, [])


def plan_batches(labels: dict[str, str], order: Sequence[str], per_batch: int) -> list[StoryBatch]:
    """Stories in id order, cut into batches of about ``per_batch`` articles.

    Stories of two or more articles are briefed; when there are none, the
    first story in arrival order is, as ``Pipeline.stories`` does.
    """
    members: dict[str, list[str]] = {}
    for key in order:
        if key in labels:
            members.setdefault(labels[key], []).append(key)
    briefed = {sid for sid, keys in members.items() if len(keys) > 1}
    if not briefed and members:
        briefed = {labels[next(k for k in order if k in labels)]}
    batches: list[StoryBatch] = []
    current: list[tuple[str, tuple[str, ...], bool]] = []
    size = 0
    for sid in sorted(members):
        current.append((sid, tuple(members[sid]), sid in briefed))
        size += len(members[sid])
        if size >= per_batch:
            batches.append(StoryBatch(len(batches), tuple(current)))
            current, size = [], 0
    if current:
        batches.append(StoryBatch(len(batches), tuple(current)))
    return batches

