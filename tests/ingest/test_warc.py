from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.errors import CrosswireError, CrosswireWarning
from crosswire.ingest import read_bytes, read_inputs

from .samples import HTML_PAGE, PARAGRAPHS, warc_bytes

PAGE = ("https://mirror.example/ferry", "text/html; charset=utf-8", HTML_PAGE.encode())
IMAGE = ("https://mirror.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00")


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_html_response_becomes_an_article(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(warc_bytes([IMAGE, PAGE], gzip=gzip))
    (article,) = read_inputs([path])
    assert article.url == "https://mirror.example/ferry"  # the WARC target, not the canonical link
    assert article.title == "Ferry strike ends after nine days"
    assert article.outlet == "Harbour Gazette"
    assert article.text == "\n\n".join(PARAGRAPHS)


def test_warc_without_html_responses_is_an_error() -> None:
    with pytest.raises(CrosswireError, match="no HTML responses"):
        read_bytes(warc_bytes([IMAGE]), "images.warc.gz")


def test_warc_html_without_text_is_skipped_with_a_warning() -> None:
    menu = ("https://mirror.example/menu", "text/html", b"<html><body><nav>Home</nav></body></html>")
    with pytest.warns(CrosswireWarning, match="no article text found"):
        articles = read_bytes(warc_bytes([menu, PAGE]), "mixed.warc.gz")
    assert [a.url for a in articles] == ["https://mirror.example/ferry"]


def test_malformed_warc_is_an_error() -> None:
    data = warc_bytes([PAGE], gzip=True)
    with pytest.raises(CrosswireError):
        read_bytes(data[: len(data) // 2], "cut.warc.gz")
    with pytest.raises(CrosswireError, match="malformed WARC"):
        read_bytes(b"this is not an archive", "fake.warc", input_format="warc")
