"""Stage: group cleaned articles into stories and give them ids."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from crosswire.model import Article, Story


def assemble_stories(articles: Sequence[Article]) -> tuple[Story, ...]:
    """One story per ``cluster`` value; articles without a cluster form one story.

    Article ids restart at "a1" within each story, in input order.
    """
    groups: dict[str | None, list[Article]] = {}
    for article in articles:
        groups.setdefault(article.cluster, []).append(article)
    stories = []
    for number, members in enumerate(groups.values(), start=1):
        numbered = tuple(replace(a, id=f"a{i}") for i, a in enumerate(members, start=1))
        stories.append(Story(id=f"s{number}", headline=pick_headline(numbered), articles=numbered))
    return tuple(stories)


def pick_headline(articles: Sequence[Article]) -> str:
    """The first article title, else the opening words of the first article."""
    for article in articles:
        if article.title and article.title.strip():
            return article.title.strip()
    first = articles[0].text.strip().split("\n", 1)[0] if articles else ""
    words = first.split()
    return " ".join(words[:12]) + (" ..." if len(words) > 12 else "")
