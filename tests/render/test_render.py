from __future__ import annotations

import json
import re

import pytest
from lxml import html as lxml_html

from crosswire.errors import CrosswireError
from crosswire.model import Brief, BriefSentence, SourceSpan, Story
from crosswire.render import render


@pytest.fixture
def ferry_brief(ferry_story: Story) -> Brief:
    shared = ferry_story.sentences_of("a1")[0]
    exclusive = ferry_story.sentences_of("a2")[1]
    return Brief(
        story=ferry_story,
        sentences=(
            BriefSentence(
                shared.text, ("a1", "a2"), SourceSpan("a1", shared.start, shared.end), ("a1", "a2")
            ),
            BriefSentence(exclusive.text, ("a2",), SourceSpan("a2", exclusive.start, exclusive.end)),
        ),
    )


def test_json_follows_the_documented_schema(ferry_brief: Brief) -> None:
    document = json.loads(render([ferry_brief], "json"))
    assert document["schema"] == "crosswire.brief/2"
    assert document["singletons"] == []
    story = document["stories"][0]
    assert story["id"] == "s1"
    assert story["headline"] == "Ferry runs aground off Lanmore"
    assert [a["id"] for a in story["articles"]] == ["a1", "a2"]
    assert set(story["articles"][0]) >= {"id", "title", "outlet", "url", "published", "source", "removed"}
    first = story["brief"][0]
    assert first["citations"] == ["a1", "a2"]
    assert first["corroborated"] is True
    assert story["brief"][1]["corroborated"] is False
    span = first["from"]
    article_text = story["articles"][0]["text"]
    assert article_text[span["start"] : span["end"]] == first["text"]


def test_markdown_puts_markers_after_every_sentence(ferry_brief: Brief) -> None:
    text = render([ferry_brief], "markdown")
    assert text.startswith("# Ferry runs aground off Lanmore")
    assert "on Tuesday, the harbour authority said. [1][2]" in text
    assert "a steering fault was to blame. [2]" in text
    assert "## Sources" in text
    assert "1. Ferry runs aground off Lanmore — Coast Daily — 2024-05-08" in text


def test_html_markers_link_to_the_cited_sentence(ferry_brief: Brief) -> None:
    page = render([ferry_brief], "html")
    tree = lxml_html.fromstring(page)
    links = tree.xpath('//p[@class="brief"]/a[@class="cite"]')
    assert [a.text for a in links] == ["[1]", "[2]", "[2]"]
    for link in links:
        target = tree.get_element_by_id(link.get("href")[1:])
        assert target is not None
    # the second article's copy of the wire sentence is the one linked for [2]
    wire_target = tree.get_element_by_id(links[1].get("href")[1:])
    assert wire_target.text.startswith("A passenger ferry ran aground")
    assert wire_target.get("id").startswith("s1-a2-")


def test_html_escapes_article_text(ferry_story: Story) -> None:
    from dataclasses import replace

    evil = replace(ferry_story.articles[0], title="<script>alert(1)</script>")
    story = replace(ferry_story, articles=(evil, ferry_story.articles[1]))
    page = render([Brief(story=story, sentences=())], "html")
    assert "<script>alert" not in page
    assert re.search(r"&lt;script&gt;", page)


def test_unknown_format_is_a_crosswire_error(ferry_brief: Brief) -> None:
    with pytest.raises(CrosswireError, match="unknown output format"):
        render([ferry_brief], "pdf")
