"""A story's dated developments (sub-events).

A story is one affair: the tracker keeps an article in it when the article
is about the same actors and the same dispute, however many days apart.
Within a story, the articles fall into developments by their dates: a run of
articles whose dates lie within ``GAP_DAYS`` of each other is one
development, and a longer silence starts the next. So a story told over
weeks is one story with several developments, while unrelated events that
share words are kept apart by the tracker, not here. Undated articles belong
to no development.
"""

from __future__ import annotations

from datetime import date

from crosswire.model import Article, Development, Story

GAP_DAYS = 3


def _day(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published.strip()[:10])
    except ValueError:
        return None


def find_developments(story: Story) -> tuple[Development, ...]:
    """The story's developments in date order (empty when no article is dated)."""
    dated = sorted(((d, a) for a in story.articles if (d := _day(a)) is not None), key=lambda p: (p[0], p[1].id))
    runs: list[list[tuple[date, Article]]] = []
    for day, article in dated:
        if runs and (day - runs[-1][-1][0]).days <= GAP_DAYS:
            runs[-1].append((day, article))
        else:
            runs.append([(day, article)])
    developments = []
    for number, run in enumerate(runs, start=1):
        days = [d for d, _ in run]
        middle = days[(len(days) - 1) // 2]
        titled = next((a.title.strip() for _, a in run if a.title and a.title.strip()), None)
        headline = titled or " ".join(run[0][1].text.split()[:12])
        developments.append(
            Development(
                id=f"{story.id}-d{number}",
                date=middle.isoformat(),
                headline=headline,
                article_ids=tuple(a.id for _, a in run),
            )
        )
    return tuple(developments)
