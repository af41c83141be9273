"""Any input either parses or raises CrosswireError: nothing else escapes."""

from __future__ import annotations

import json
import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosswire.errors import CrosswireError, CrosswireWarning
from crosswire.ingest import FORMATS, read_bytes
from crosswire.model import Article

# Bounded for CI: a few seconds in all; no example database written.
FUZZ = settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

NAMES = st.sampled_from(["x", "a.txt", "a.html", "a.jsonl", "a.json", "a.rss", "a.xml", "a.warc", "a.csv"])
WORDS = st.text(max_size=30)  # any code point but surrogates, so it encodes as UTF-8
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | WORDS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(WORDS, children, max_size=4),
    max_leaves=8,
)
JSON_RECORDS = st.dictionaries(
    st.sampled_from(
        ["text", "title", "url", "outlet", "published", "id", "documents", "document", "cluster"]
    ),
    JSON_VALUES,
    max_size=6,
)


def check(data: bytes, name: str, input_format: str | None = None) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CrosswireWarning)
        try:
            articles = read_bytes(data, name, input_format)
        except CrosswireError as error:
            assert "\n" not in str(error)
            return
    assert articles
    for article in articles:
        assert isinstance(article, Article)
        assert article.text.strip()
        assert article.language


@FUZZ
@given(st.binary(max_size=600), NAMES, st.none() | st.sampled_from(FORMATS))
def test_any_bytes(data: bytes, name: str, input_format: str | None) -> None:
    check(data, name, input_format)


@FUZZ
@given(st.lists(JSON_RECORDS | JSON_VALUES, max_size=5), st.booleans())
def test_json_ish(records: list[object], corrupt: bool) -> None:
    lines = [json.dumps(record) for record in records]
    if corrupt and lines:
        lines[0] = lines[0][: len(lines[0]) // 2]
    check("\n".join(lines).encode(), "fuzz.jsonl")


FEED_PARTS = st.sampled_from(
    [
        '<?xml version="1.0"?>',
        '<rss version="2.0">',
        "<channel>",
        "<title>",
        "</title>",
        "<item>",
        "</item>",
        "<description>",
        "</description>",
        "<pubDate>",
        "</pubDate>",
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        "<entry>",
        '<content type="html">',
        "</content>",
        "&lt;p&gt;",
        "<![CDATA[<p>",
        "]]>",
        "</channel></rss>",
    ]
)
HTML_PARTS = st.sampled_from(
    [
        "<!DOCTYPE html>",
        "<html>",
        "<head><title>",
        "</title>",
        '<meta property="og:site_name" content="',
        '">',
        "<body>",
        "<p>",
        "</p>",
        "<nav>",
        "<script>",
        "<article>",
        "<br>",
        "&amp;",
        "<div",
        "</html>",
    ]
)


@FUZZ
@given(st.lists(FEED_PARTS | WORDS, max_size=30))
def test_feed_ish(parts: list[str]) -> None:
    check("".join(parts).encode(), "fuzz.rss")


@FUZZ
@given(st.lists(HTML_PARTS | WORDS, max_size=40))
def test_html_ish(parts: list[str]) -> None:
    check("".join(parts).encode(), "fuzz.html")
