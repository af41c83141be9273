"""PLACEHOLDER (replaced by the cleaning work): identity."""

from __future__ import annotations

from collections.abc import Sequence

from crosswire.model import Article


def clean_articles(articles: Sequence[Article]) -> tuple[Article, ...]:
    return tuple(articles)
