"""A standalone HTML page; each citation marker links to the cited sentence."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from crosswire.model import Article, Brief, BriefSentence, Story
from crosswire.render.anchors import article_anchor, cited_sentence, sentence_anchor
from crosswire.render.view import Item, StoryView, brief_paragraphs, build_view, source_line

STYLE = """
body{font:16px/1.55 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.7rem;line-height:1.25}h2{font:600 1.05rem system-ui,sans-serif;margin-top:2rem;
border-bottom:1px solid #ddd}.meta{color:#666;font:.85rem system-ui,sans-serif}
a.cite{font:.75rem system-ui,sans-serif;text-decoration:none;vertical-align:super;margin-left:1px}
.flag{background:#ffe9a8;border-radius:3px;padding:0 .3rem;font:600 .75rem system-ui,sans-serif}
.article{border-top:1px solid #eee;margin-top:1.5rem}.article p{margin:.4rem 0}
span.s:target{background:#fff3b0}details{color:#666;font-size:.85rem}ul.details{color:#444}
"""


def _marker_links(story: Story, view: StoryView, sentence: BriefSentence) -> str:
    links = []
    for article_id in sentence.citations:
        target = cited_sentence(story, sentence, article_id)
        anchor = sentence_anchor(story, target) if target else article_anchor(story, article_id)
        links.append(f'<a class="cite" href="#{escape(anchor)}">{view.marker(article_id)}</a>')
    return "".join(links)


def _item_html(story: Story, view: StoryView, item: Item) -> str:
    flag = f'<span class="flag">{escape(item.flag)}</span> ' if item.flag else ""
    cites = "".join(
        f'<a class="cite" href="#{article_anchor(story, c)}">{view.marker(c)}</a>' for c in item.citations
    )
    details = ""
    if item.details:
        details = '<ul class="details">' + "".join(f"<li>{escape(d)}</li>" for d in item.details) + "</ul>"
    return f"<li>{flag}{escape(item.text)}{cites}{details}</li>"


def _article_html(story: Story, view: StoryView, article: Article) -> str:
    """The cleaned text with each sentence wrapped in an anchor."""
    text = article.text
    parts: list[str] = []
    cursor = 0
    for sentence in story.sentences_of(article.id):
        parts.append(escape(text[cursor : sentence.start]))
        parts.append(
            f'<span class="s" id="{sentence_anchor(story, sentence)}">{escape(sentence.text)}</span>'
        )
        cursor = sentence.end
    parts.append(escape(text[cursor:]))
    paragraphs = "".join(f"<p>{p}</p>" for p in "".join(parts).split("\n") if p.strip())
    removed = ""
    if article.removed:
        lines = "".join(f"<li>{escape(line)}</li>" for line in article.removed)
        removed = f"<details><summary>{len(article.removed)} lines removed as boilerplate</summary><ul>{lines}</ul></details>"
    number = view.numbers[article.id]
    return (
        f'<section class="article" id="{article_anchor(story, article.id)}"><h3>[{number}] {escape(article.title or "(untitled)")}</h3>'
        f'<p class="meta">{escape(source_line(article))}</p>{paragraphs}{removed}</section>'
    )


def render_story(brief: Brief) -> str:
    view = build_view(brief)
    story = brief.story
    body = "".join(
        '<p class="brief">'
        + " ".join(f"{escape(s.text)}{_marker_links(story, view, s)}" for s in paragraph)
        + "</p>"
        for paragraph in brief_paragraphs(brief)
    )
    out = [f'<article class="story" id="{story.id}"><h1>{escape(brief.headline)}</h1>']
    out.append(f'<p class="meta">{len(story.articles)} articles · {brief.word_count}-word brief</p>')
    out.append(body or '<p class="brief"></p>')
    if len(story.developments) > 1:
        out.append('<section class="developments"><h2>Developments</h2><ul>')
        out.extend(
            f"<li>{escape(d.date or '')}: {escape(d.headline)}"
            f"{''.join(view.marker(a) for a in d.article_ids)}</li>"
            for d in story.developments
        )
        out.append("</ul></section>")
    for section in view.sections:
        out.append(f'<section class="{section.key}"><h2>{escape(section.title)}</h2>')
        if section.note:
            out.append(f'<p class="meta">{escape(section.note)}</p>')
        out.append(
            "<ul>" + "".join(_item_html(story, view, item) for item in section.items) + "</ul></section>"
        )
    out.append("<h2>Sources</h2><ol>")
    out.extend(
        f'<li><a href="#{article_anchor(story, a.id)}">{escape(source_line(a))}</a></li>'
        for a in story.articles
    )
    out.append("</ol><h2>Articles</h2>")
    out.extend(_article_html(story, view, a) for a in story.articles)
    out.extend(f'<p class="meta">warning: {escape(w)}</p>' for w in brief.warnings)
    out.append("</article>")
    return "\n".join(out)


def render_html(briefs: Sequence[Brief], singletons: Sequence[Article] = ()) -> str:
    title = escape(briefs[0].headline) if briefs else "crosswire"
    parts = [render_story(b) for b in briefs]
    if singletons:
        items = "".join(f"<li>{escape(source_line(a))}</li>" for a in singletons)
        parts.append(f'<section class="singletons"><h1>Articles in no story</h1><ul>{items}</ul></section>')
    stories = "\n<hr>\n".join(parts)
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta name="viewport" content="width=device-width,initial-scale=1"><style>{STYLE}</style></head>'
        f"<body>\n{stories}\n</body></html>\n"
    )
