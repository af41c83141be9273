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


def _three_pages() -> list[tuple[str, str, bytes]]:
    return [
        (f"https://mirror.example/ferry-{n}", "text/html; charset=utf-8", HTML_PAGE.encode())
        for n in (1, 2, 3)
    ]


def _record_ends(data: bytes, gzip: bool) -> list[int]:
    """Byte offsets where each record ends (gzip members, or WARC/ headers in a plain file)."""
    if not gzip:
        starts = [i for i in range(len(data)) if data.startswith(b"WARC/1.", i)]
        return [*starts[1:], len(data)]
    import zlib

    ends, position = [], 0
    while position < len(data):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        inflater.decompress(data[position:])
        position = len(data) - len(inflater.unused_data)
        ends.append(position)
    return ends


@pytest.mark.parametrize("gzip", [True, False])
def test_a_truncated_warc_says_what_it_kept_and_what_it_lost(gzip: bool) -> None:
    data = warc_bytes(_three_pages(), gzip=gzip)
    ends = _record_ends(data, gzip)  # a request record, then the three pages
    assert len(ends) == 4
    # cut inside a page, just after one, 40 bytes short of one, and 40 bytes short of the end
    for cut, kept in [
        (ends[1] + (ends[2] - ends[1]) // 2, 1),
        (ends[2] + 5, 2),
        (ends[2] - 40, 1),
        (ends[3] - 40, 2),
    ]:
        with pytest.warns(CrosswireWarning) as caught:
            articles = read_bytes(data[:cut], "cut.warc.gz" if gzip else "cut.warc")
        assert len(articles) == kept
        messages = " ".join(str(w.message) for w in caught)
        assert f"kept {kept} of" in messages
        assert "cut off in record" in messages
        assert "NoneType" not in messages and "attribute" not in messages


def test_a_warc_cut_inside_its_first_record_is_an_error_about_the_file() -> None:
    data = warc_bytes(_three_pages(), gzip=True)
    ends = _record_ends(data, True)
    for cut, record in [(80, 1), (ends[0] - 40, 1), (ends[0] + 200, 2)]:
        with pytest.raises(CrosswireError, match=f"cut off in record {record}") as caught:
            read_bytes(data[:cut], "cut.warc.gz")
        assert "NoneType" not in str(caught.value)


def test_a_whole_warc_reads_without_warnings() -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", CrosswireWarning)
        assert len(read_bytes(warc_bytes(_three_pages()), "whole.warc.gz")) == 3
