"""Text the main extractor misses: a standfirst shown in the header, a body held only in JSON-LD.

Every page here is invented for these tests.
"""

from __future__ import annotations

import json

import pytest

from crosswire.errors import CrosswireError
from crosswire.ingest import read_bytes
from crosswire.ingest.recover import jsonld_body, recover_text

from .samples import PARAGRAPHS

STANDFIRST = "The operator agreed a six percent pay rise after talks that lasted through the night."


def _page(head: str = "", header: str = "", body: str = "", scripts: str = "", masthead: str = "") -> bytes:
    paragraphs = body or "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry strike ends after nine days</title>{head}{scripts}</head><body>
<div class="masthead">{masthead}</div>
<header class="article-header"><h1>Ferry strike ends after nine days</h1>{header}</header>
<div class="article-body">{paragraphs}</div>
<footer><p>Copyright 2024 Harbour Gazette.</p></footer></body></html>""".encode()


def _described(text: str) -> str:
    return f'<meta name="description" content="{text}"><meta property="og:description" content="{text}">'


def test_standfirst_shown_under_the_headline_is_kept_first() -> None:
    page = _page(head=_described(STANDFIRST), header=f'<p class="dek">{STANDFIRST}</p>')
    (article,) = read_bytes(page, "dek.html")
    assert article.text.split("\n\n") == [STANDFIRST, *PARAGRAPHS]


def test_description_only_in_the_metadata_is_not_article_text() -> None:
    (article,) = read_bytes(_page(head=_described(STANDFIRST)), "meta-only.html")
    assert STANDFIRST not in article.text
    assert article.text.split("\n\n") == list(PARAGRAPHS)


def test_hidden_standfirst_is_not_article_text() -> None:
    header = f'<div style="display: none"><p>{STANDFIRST}</p></div>'
    (article,) = read_bytes(_page(head=_described(STANDFIRST), header=header), "hidden.html")
    assert STANDFIRST not in article.text


def test_site_tag_line_above_the_headline_is_not_a_standfirst() -> None:
    tagline = "News from the harbour, the islands and the ferry lines since 1887."
    (article,) = read_bytes(_page(head=_described(tagline), masthead=f"<p>{tagline}</p>"), "tagline-site.html")
    assert tagline not in article.text


def test_standfirst_already_in_the_text_is_not_repeated() -> None:
    lede = PARAGRAPHS[0]
    (article,) = read_bytes(_page(head=_described(lede), header=f"<p>{lede}</p>"), "lede.html")
    assert article.text.count("nine-day strike") == 1


def test_short_description_is_a_tag_line_not_a_standfirst() -> None:
    page = _page(head=_described("Ferry news"), header="<p>Ferry news</p>")
    (article,) = read_bytes(page, "tagline.html")
    assert not article.text.startswith("Ferry news")


def _ld(body: object) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferry strike ends after nine days", "articleBody": body}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


# What a page rendered by JavaScript leaves in its markup: a caption-like teaser and a sign-up box
# (long enough that trafilatura keeps it rather than trying its own fallbacks).
_STUB = (
    "<p>Ferries wait at the Velmora quay on Thursday, the ninth day of the strike, as union members "
    "gathered in the terminal hall to vote on the operator's latest offer.</p>"
    "<p>Sign up to the Harbour Gazette morning newsletter for the top stories from the port and the "
    "islands, delivered every weekday at seven.</p>"
)
_LONG_PARAGRAPHS = [f"{p} {p}" for p in PARAGRAPHS]


def test_body_rendered_by_javascript_is_read_from_json_ld() -> None:
    page = _page(body=_STUB, scripts=_ld("\n".join(_LONG_PARAGRAPHS)))
    (article,) = read_bytes(page, "app.html")
    assert article.text.split("\n\n") == _LONG_PARAGRAPHS
    assert article.title == "Ferry strike ends after nine days"


def test_json_ld_body_opening_with_the_headline_does_not_repeat_it() -> None:
    body = "\n".join(["Ferry strike ends after nine days", *_LONG_PARAGRAPHS])
    (article,) = read_bytes(_page(body=_STUB, scripts=_ld(body)), "app-headline.html")
    assert article.text.split("\n\n") == _LONG_PARAGRAPHS


def test_json_ld_body_is_read_when_the_markup_has_no_text_at_all() -> None:
    page = _page(body="<div id='app'></div>", scripts=_ld("\n".join(_LONG_PARAGRAPHS)))
    (article,) = read_bytes(page, "empty-app.html")
    text = " ".join(article.text.split())  # trafilatura itself may find it, as one paragraph
    assert all(paragraph in text for paragraph in _LONG_PARAGRAPHS)


def test_markup_body_is_kept_when_json_ld_holds_no_more() -> None:
    teaser = "Ferry workers in Velmora voted to end a nine-day strike on Thursday, the union said."
    (article,) = read_bytes(_page(scripts=_ld(teaser)), "teaser.html")
    assert article.text.split("\n\n") == list(PARAGRAPHS)


def test_json_ld_body_in_html_markup_becomes_paragraphs() -> None:
    page = "<html><head></head><body></body></html>"
    tree_page = page.replace("<head>", "<head>" + _ld("".join(f"<p>{p}</p>" for p in _LONG_PARAGRAPHS)))
    from lxml import html as lxml_html

    assert jsonld_body(lxml_html.document_fromstring(tree_page)).split("\n\n") == _LONG_PARAGRAPHS


def test_json_ld_nested_in_a_graph_is_found() -> None:
    graph = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {"@type": "Article", "articleBody": "A b c."}]}
    page = f'<html><head><script type="application/ld+json">{json.dumps(graph)}</script></head><body></body></html>'
    from lxml import html as lxml_html

    assert jsonld_body(lxml_html.document_fromstring(page)) == "A b c."


def test_broken_json_ld_is_ignored() -> None:
    page = _page(body="<div id='app'></div>", scripts='<script type="application/ld+json">{"articleBody": "x</script>')
    with pytest.raises(CrosswireError, match="no article text found"):
        read_bytes(page, "broken-ld.html")


def test_recover_text_leaves_text_alone_without_description_or_json_ld() -> None:
    text = "\n\n".join(PARAGRAPHS)
    assert recover_text("<html><body><p>x</p></body></html>", text, "Title", None) == text


def test_xhtml_page_declaring_its_encoding_is_still_searched() -> None:
    page = _page(head=_described(STANDFIRST), header=f'<p class="dek">{STANDFIRST}</p>')
    page = b'<?xml version="1.0" encoding="utf-8"?>\n' + page.replace(b"<!DOCTYPE html>", b"")
    (article,) = read_bytes(page, "xhtml.html")
    assert article.text.startswith(STANDFIRST)
