"""What ``crosswire stories`` prints: one line per story, as a table or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from crosswire.model import Development, Story
from crosswire.render.json import development_record
from crosswire.stories.ids import story_id

if TYPE_CHECKING:
    from crosswire.pipeline import StorySet


@dataclass(frozen=True)
class StorySummary:
    """A story without its text: id, headline, size, time span and developments."""

    id: str
    headline: str
    articles: int
    outlets: int
    first: str | None
    last: str | None
    version: int
    developments: tuple[Development, ...]


def summary_of(story: Story, version: int = 1) -> StorySummary:
    dates = sorted(a.published for a in story.articles if a.published)
    outlets = {a.outlet or a.url or a.id for a in story.articles}
    return StorySummary(
        id=story.id,
        headline=story.headline,
        articles=len(story.articles),
        outlets=len(outlets),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
        version=version,
        developments=story.developments,
    )


def summaries_of(found: StorySet) -> list[StorySummary]:
    """The stories of one run, then each singleton as a one-article story."""
    summaries = [summary_of(s) for s in found.stories]
    for article in found.singletons:
        headline = article.title or " ".join(article.text.split()[:12])
        summaries.append(summary_of(Story(id=story_id(article.id), headline=headline, articles=(article,))))
    return summaries


def summary_record(summary: StorySummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "headline": summary.headline,
        "articles": summary.articles,
        "outlets": summary.outlets,
        "first": summary.first,
        "last": summary.last,
        "version": summary.version,
        "developments": [development_record(d) for d in summary.developments],
    }


def listing_json(summaries: Sequence[StorySummary]) -> str:
    document = {"schema": "crosswire.stories/1", "stories": [summary_record(s) for s in summaries]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _span(summary: StorySummary) -> str:
    if not summary.first:
        return "undated"
    first, last = (summary.first or "")[:10], (summary.last or "")[:10]
    return first if first == last else f"{first} to {last}"


def listing_table(summaries: Sequence[StorySummary]) -> str:
    lines = []
    for s in summaries:
        lines.append(f"{s.id}  {s.articles} article{'s' if s.articles != 1 else ''}, {s.outlets} outlet"
                     f"{'s' if s.outlets != 1 else ''}, {_span(s)}  {s.headline}")
        for d in s.developments if len(s.developments) > 1 else ():
            lines.append(f"    {d.date}: {d.headline} ({len(d.article_ids)} article{'s' if len(d.article_ids) != 1 else ''})")
    return "\n".join(lines) + ("\n" if lines else "no stories\n")
