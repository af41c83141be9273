"""The frozen, picklable records that flow between pipeline stages.

Offsets are character offsets into ``Article.text`` (the cleaned text), so a
citation always points at an exact span of an exact article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crosswire.analyze import StoryAnalysis


@dataclass(frozen=True)
class Article:
    """One news article.

    ``id`` is empty until the story is assembled ("a1", "a2", ...).
    ``cluster`` groups articles that arrived together (a Multi-News line);
    articles without one form a single story.
    ``published`` is an ISO 8601 date or datetime string when known.
    """

    text: str
    id: str = ""
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_inferred: bool = False
    source: str = ""
    cluster: str | None = None
    language: str | None = None
    removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: ``article.text[start:end] == text``."""

    article_id: str
    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Development:
    """A dated development (sub-event) within a story: the articles that report it.

    ``date`` is an ISO date (the development's median publication date) or
    None when its articles carry no date. Developments are in date order.
    """

    id: str
    date: str | None
    headline: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True)
class Story:
    """Articles about one event, and (after segmentation) their sentences.

    ``developments`` are the story's dated sub-events, in date order (empty
    until the story tracker fills them).
    """

    id: str
    headline: str
    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...] = ()
    developments: tuple[Development, ...] = ()

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def sentences_of(self, article_id: str) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if s.article_id == article_id)


@dataclass(frozen=True)
class SourceSpan:
    """Where a brief sentence was taken from (rendered as ``"from"``)."""

    article: str
    start: int
    end: int


@dataclass(frozen=True)
class BriefSentence:
    """A sentence of the brief.

    ``citations``: articles carrying the same sentence, exactly or as a
    near-duplicate (see ``crosswire.align``). ``support``: articles that state
    the same content in other words too (semantic alignment), a superset.
    ``paragraph``: the brief's paragraph (0, 1, ...; one per development).
    """

    text: str
    citations: tuple[str, ...]
    source: SourceSpan
    support: tuple[str, ...] = ()
    paragraph: int = 0


@dataclass(frozen=True)
class Brief:
    """The summary of one story, with its cross-source analysis when made."""

    story: Story
    sentences: tuple[BriefSentence, ...]
    analysis: StoryAnalysis | None = None
    warnings: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def headline(self) -> str:
        return self.story.headline

    @property
    def word_count(self) -> int:
        return sum(count_words(s.text) for s in self.sentences)


_WORD = re.compile(r"\S+")


def count_words(text: str) -> int:
    """Whitespace-delimited words, the unit of every word budget."""
    return len(_WORD.findall(text))
