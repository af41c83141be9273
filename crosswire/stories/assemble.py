"""Stories as records: grouped input kept as it came, tracked input from the tracker."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from crosswire.model import Article, Story
from crosswire.stories.ids import story_id
from crosswire.stories.tracker import StoryTracker


def assemble_stories(articles: Sequence[Article]) -> tuple[Story, ...]:
    """One story per ``cluster`` value (articles without one form one story).

    Articles keep their ids; articles without one are numbered "a1", "a2", ...
    within their story, in input order (the evaluation path, which has no files).
    """
    groups: dict[str | None, list[Article]] = {}
    for article in articles:
        groups.setdefault(article.cluster, []).append(article)
    stories = []
    for number, members in enumerate(groups.values(), start=1):
        stable = all(a.id for a in members)
        numbered = tuple(a if a.id else replace(a, id=f"a{i}") for i, a in enumerate(members, start=1))
        sid = story_id(numbered[0].id) if stable else f"s{number}"
        stories.append(Story(id=sid, headline=pick_headline(numbered), articles=numbered))
    return tuple(stories)


def build_stories(articles: Sequence[Article], tracker: StoryTracker) -> tuple[list[Story], list[Article]]:
    """The tracker's stories of ``articles`` (each in arrival order) and the singletons.

    A story holds only articles of this batch; with a store, the store adds
    the ones it already holds.
    """
    members: dict[str, list[Article]] = {}
    for article in articles:
        members.setdefault(tracker.story_of(article.id), []).append(article)
    stories: list[Story] = []
    singletons: list[Article] = []
    for sid, group in members.items():
        if len(group) == 1 and tracker.size(sid) == 1:
            singletons.append(group[0])
            continue
        ordered = tuple(sorted(group, key=lambda a: (a.published or "", a.id)))
        stories.append(Story(id=sid, headline=pick_headline(ordered), articles=ordered))
    return stories, singletons


def pick_headline(articles: Sequence[Article]) -> str:
    """The first article title, else the opening words of the first article."""
    for article in articles:
        if article.title and article.title.strip():
            return article.title.strip()
    first = articles[0].text.strip().split("\n", 1)[0] if articles else ""
    words = first.split()
    return " ".join(words[:12]) + (" ..." if len(words) > 12 else "")
