"""Markdown, the default output: headline, cited brief, analysis, sources."""

from __future__ import annotations

from collections.abc import Sequence

from crosswire.model import Article, Brief
from crosswire.render.view import Item, StoryView, brief_paragraphs, build_view, source_line


def _markers(view: StoryView, citations: Sequence[str]) -> str:
    return "".join(view.marker(c) for c in citations)


def _item_line(view: StoryView, item: Item) -> list[str]:
    flag = f"**{item.flag}** " if item.flag else ""
    lines = [f"- {flag}{item.text} {_markers(view, item.citations)}".rstrip()]
    lines.extend(f"  - {detail}" for detail in item.details)
    return lines


def render_story(brief: Brief) -> str:
    view = build_view(brief)
    count = len(brief.story.articles)
    lines = [f"# {brief.headline}", ""]
    lines.append(f"_{count} article{'s' if count != 1 else ''} · {brief.word_count}-word brief_")
    lines.append("")
    for paragraph in brief_paragraphs(brief):
        lines.extend([" ".join(f"{s.text} {_markers(view, s.citations)}" for s in paragraph), ""])
    if not brief.sentences:
        lines.extend(["_No sentence could be extracted._", ""])
    if len(brief.story.developments) > 1:
        lines.extend(["## Developments", ""])
        for development in brief.story.developments:
            lines.append(f"- {development.date}: {development.headline} {_markers(view, development.article_ids)}")
        lines.append("")
    for section in view.sections:
        lines.extend([f"## {section.title}", ""])
        if section.note:
            lines.extend([f"_{section.note}_", ""])
        for item in section.items:
            lines.extend(_item_line(view, item))
        lines.append("")
    lines.extend(["## Sources", ""])
    for article in brief.story.articles:
        lines.append(f"{view.numbers[article.id]}. {source_line(article)}")
    for warning in brief.warnings:
        lines.append(f"\n> warning: {warning}")
    return "\n".join(lines).rstrip() + "\n"


def render_singletons(singletons: Sequence[Article]) -> str:
    lines = ["# Articles in no story", ""]
    lines.extend(f"- {source_line(a)}" for a in singletons)
    return "\n".join(lines) + "\n"


def render_markdown(briefs: Sequence[Brief], singletons: Sequence[Article] = ()) -> str:
    parts = [render_story(b) for b in briefs]
    if singletons:
        parts.append(render_singletons(singletons))
    return "\n---\n\n".join(parts)
