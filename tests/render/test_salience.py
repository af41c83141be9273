"""Markdown shows the strongest items first and caps them; the JSON keeps every item with its salience."""

from __future__ import annotations

import json

from crosswire.analyze import analyze_context
from crosswire.analyze.context import build_context
from crosswire.embed import default_embedder
from crosswire.model import Article, Brief, Story
from crosswire.render.html import render_html
from crosswire.render.json import render_json
from crosswire.render.markdown import render_markdown
from crosswire.render.sections import MAX_QUOTES
from crosswire.segment import segment_story

SPEAKERS = ["Ana Kovac", "Ben Ortiz", "Cleo Marsh", "Dev Patel", "Eli Stone", "Fay Lund", "Gus Hale",
            "Hana Ito", "Ivo Brandt", "Jo Reyes"]  # fmt: skip


def _story() -> Story:
    lines = ["Flooding closed the river road in Marlow on Monday, officials said."]
    for n, name in enumerate(SPEAKERS):
        lines.append(
            f"\u201cThe water rose faster than anyone in street number {n} expected,\u201d said {name}."
        )
    shared = (
        "\u201cWe will reopen the road only when the engineers say it is safe,\u201d said Mayor Rosa Quint."
    )
    a1 = Article(text="\n\n".join([*lines, shared]), id="a1", source="x:1")
    a2 = Article(text="Marlow's river road stayed shut on Tuesday.\n\n" + shared, id="a2", source="x:2")
    return segment_story(Story(id="s", headline="Marlow floods", articles=(a1, a2)))


def test_json_keeps_every_quote_with_salience_and_markdown_shows_the_strongest() -> None:
    story = _story()
    analysis = analyze_context(build_context(story, default_embedder()))
    assert len(analysis.quotes) > MAX_QUOTES
    saliences = [q.salience for q in analysis.quotes]
    assert saliences == sorted(saliences, reverse=True)
    brief = Brief(story=story, sentences=(), analysis=analysis)
    record = json.loads(render_json([brief]))["stories"][0]
    assert len(record["quotes"]) == len(analysis.quotes)
    assert all("salience" in q for q in record["quotes"])
    markdown = render_markdown([brief])
    section = markdown.split("## Who said what", 1)[1].split("\n## ", 1)[0]
    shown = [line for line in section.splitlines() if line.startswith("- ")]
    assert len(shown) == MAX_QUOTES
    assert "Rosa Quint" in shown[0]  # carried by both articles: the strongest
    assert "carried by 2 articles" in section


def test_html_shows_the_strongest_quotes_first_with_the_count() -> None:
    story = _story()
    analysis = analyze_context(build_context(story, default_embedder()))
    brief = Brief(story=story, sentences=(), analysis=analysis)
    html = render_html([brief])
    section = html.split('<section class="quotes">', 1)[1].split("</section>", 1)[0]
    items = section.split("<ul>", 1)[1].split("<li")[1:]
    assert len(items) >= MAX_QUOTES
    assert "Rosa Quint" in items[0]  # carried by both articles: the strongest
    assert f"{MAX_QUOTES} of {len(analysis.quotes)} quotes shown" in section
    markdown = render_markdown([brief])
    assert f"{MAX_QUOTES} of {len(analysis.quotes)} quotes shown" in markdown


def test_json_keeps_every_entity_and_quote_with_salience() -> None:
    story = _story()
    analysis = analyze_context(build_context(story, default_embedder()))
    record = json.loads(render_json([Brief(story=story, sentences=(), analysis=analysis)]))["stories"][0]
    for key, items in (("entities", analysis.entities), ("quotes", analysis.quotes)):
        assert items and len(record[key]) == len(items)
        assert all("salience" in entry for entry in record[key])
