"""What each article adds, and what it leaves out, against the rest of the story."""

from __future__ import annotations

import math
from collections.abc import Sequence

from crosswire.analyze.context import AnalysisContext
from crosswire.analyze.facts import Fact
from crosswire.model import ArticleCoverage


def majority_of_others(article_count: int) -> int:
    """How many of the other articles must state a fact for its absence to count:
    more than half of them, and at least two."""
    others = article_count - 1
    return max(2, math.floor(others / 2) + 1)


def compare_coverage(ctx: AnalysisContext, facts: Sequence[Fact]) -> tuple[ArticleCoverage, ...]:
    articles = [a.id for a in ctx.story.articles]
    needed = majority_of_others(len(articles))
    # Each fact once: its own articles, and the widely carried facts (few) for what is missing.
    owned: dict[str, list[Fact]] = {a: [] for a in articles}
    for fact in facts:
        for article in dict.fromkeys(fact.support):
            owned.setdefault(article, []).append(fact)
    wide = [f for f in facts if len(f.support) >= needed]
    result = []
    for article in articles:
        own = owned[article]
        exclusive = [f for f in own if f.support == (article,)]
        missing = [f for f in wide if article not in f.support]
        result.append(
            ArticleCoverage(
                article=article,
                facts=len(own),
                shared=len(own) - len(exclusive),
                exclusive=tuple(f.id for f in exclusive),
                missing=tuple(f.id for f in missing),
                exclusive_text=tuple(f.text for f in exclusive),
                missing_text=tuple(f.text for f in missing),
            )
        )
    return tuple(result)
