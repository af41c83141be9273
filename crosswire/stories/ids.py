"""Stable ids: an article's from its canonical URL, else from its content.

The same page read again, from any file or feed, gets the same id, so a
citation made today still points at the same article tomorrow. A story is
named after the article that founded it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace

from crosswire.errors import warn
from crosswire.model import Article

ID_LENGTH = 12
_SPACE = re.compile(r"\s+")


def canonical_url(url: str | None) -> str | None:
    """The URL without tracking parameters, fragment or case differences in the host (courlan)."""
    if not url or not url.strip():
        return None
    from courlan import normalize_url

    try:
        normal = normalize_url(url.strip(), strict=True)
    except (ValueError, AttributeError):  # courlan refuses what it cannot parse
        return None
    return normal.split("#", 1)[0].rstrip("/") or None


def content_hash(article: Article) -> str:
    """A hash of the title and text with case and spacing folded."""
    folded = _SPACE.sub(" ", f"{article.title or ''}\n{article.text}").strip().lower()
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()


def article_key(article: Article) -> str:
    url = canonical_url(article.url)
    digest = hashlib.sha1(f"url:{url}".encode()).hexdigest() if url else content_hash(article)
    return "a" + digest[:ID_LENGTH]


def with_stable_ids(articles: Sequence[Article]) -> tuple[Article, ...]:
    """Every article with its stable id; a second copy of one article is skipped with a warning.

    Grouped input (a Multi-News line) is deduplicated within its group, since
    each group is a story of its own.
    """
    seen: dict[tuple[str | None, str], Article] = {}
    kept = []
    for article in articles:
        key = article_key(article)
        if (article.cluster, key) in seen:
            first = seen[article.cluster, key]
            warn(f"skipped: the same article as {first.source or key}", source=article.source or None)
            continue
        seen[article.cluster, key] = article
        kept.append(replace(article, id=key))
    return tuple(kept)


def story_id(founding_key: str) -> str:
    return "s" + founding_key.removeprefix("a")
