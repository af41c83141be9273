from __future__ import annotations

import pytest

from crosswire.errors import CrosswireError
from crosswire.ingest import FORMATS, detect_format, read_bytes

from .samples import ATOM_FEED, HTML_PAGE, RSS_FEED, warc_bytes


def test_formats() -> None:
    assert FORMATS == ("text", "html", "jsonl", "clusters", "feed", "warc")


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (HTML_PAGE.encode(), "page", "html"),
        (b"<p>Some text</p>", "fragment.txt", "html"),
        (RSS_FEED.encode(), "page.html", "feed"),
        (ATOM_FEED.encode(), "", "feed"),
        (b'{"text": "A story."}\n', "x", "jsonl"),
        (b'[{"text": "A story."}]', "x", "jsonl"),
        (b'{"id": "1", "documents": ["A story."]}\n', "x.jsonl", "clusters"),
        (b'{"document": "One ||||| Two"}\n', "x.txt", "clusters"),
        (b'{\n  "title": "T",\n  "text": "A story."\n}\n', "pretty", "jsonl"),
        (b"{Bracketed} opening line\n\nof a plain text article.", "a.txt", "text"),
        (b"Plain headline\n\nBody.", "story", "text"),
        (b"Plain headline\n\nBody.", "story.html", "html"),
        (b"not json", "data.jsonl", "jsonl"),
        (b'{"broken": \n{"text": "A story."}\n', "x", "jsonl"),
        (b'{"title": "first record lacks text"}\n{"text": "A story."}\n', "x", "jsonl"),
        (b"{broken json", "data.jsonl", "jsonl"),
        (warc_bytes([]), "x.bin", "warc"),
        (warc_bytes([], gzip=False), "x", "warc"),
    ],
)
def test_detect_format_cascade(data: bytes, name: str, expected: str) -> None:
    assert detect_format(data, name) == expected


def test_input_format_overrides_detection() -> None:
    assert detect_format(HTML_PAGE.encode(), "page.html", input_format="text") == "text"
    (article,) = read_bytes(b"<b>Headline</b>\nBody text here.", "x.html", input_format="text")
    assert article.title == "<b>Headline</b>"


def test_unknown_input_format_names_the_known_ones() -> None:
    with pytest.raises(CrosswireError, match="known formats: text, html, jsonl, clusters, feed, warc"):
        read_bytes(b"Headline\n\nBody.", "x.txt", input_format="pdf")


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"title,text\nStorm,A storm hit.\n", "table.csv"),
        (b'{"headline": "no text field"}\n', "x.jsonl"),
        (b'{"headline": "no text field"}\n', "untitled"),
        (b"[1, 2, 3]", "numbers.json"),
        (b'<?xml version="1.0"?><inventory><item>bolt</item></inventory>', "stock.xml"),
    ],
)
def test_unknown_format_is_an_error_naming_the_formats(data: bytes, name: str) -> None:
    with pytest.raises(CrosswireError, match=r"unknown format.*known formats: text, html, jsonl"):
        read_bytes(data, name)
