"""One view of a brief, rendered by both the Markdown and the HTML writers.

Building the view once (after datasette: one view, several renderings) keeps
the two outputs saying the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crosswire.model import Article, Brief, BriefSentence


@dataclass(frozen=True)
class Item:
    """One line of a section: text, the articles behind it, an optional flag."""

    text: str
    citations: tuple[str, ...] = ()
    flag: str | None = None
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    items: tuple[Item, ...]
    note: str = ""


@dataclass(frozen=True)
class StoryView:
    brief: Brief
    numbers: dict[str, int] = field(default_factory=dict)
    sections: tuple[Section, ...] = ()

    def marker(self, article_id: str) -> str:
        return f"[{self.numbers.get(article_id, '?')}]"


def source_line(article: Article) -> str:
    parts = [article.title or "(untitled)"]
    if article.outlet:
        parts.append(article.outlet)
    if article.published:
        parts.append(article.published[:10] + (" (inferred)" if article.published_inferred else ""))
    parts.append(article.url or article.source)
    return " — ".join(p for p in parts if p)


def build_view(brief: Brief) -> StoryView:
    numbers = {a.id: i for i, a in enumerate(brief.story.articles, start=1)}
    sections: tuple[Section, ...] = ()
    if brief.analysis is not None:
        from crosswire.render.sections import analysis_sections

        sections = analysis_sections(brief)
    return StoryView(brief=brief, numbers=numbers, sections=sections)


def brief_paragraphs(brief: Brief) -> list[list[BriefSentence]]:
    """The brief's sentences grouped into its paragraphs, in order."""
    groups: list[list[BriefSentence]] = []
    for sentence in brief.sentences:
        if not groups or groups[-1][-1].paragraph != sentence.paragraph:
            groups.append([])
        groups[-1].append(sentence)
    return groups
