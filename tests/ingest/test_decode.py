from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.errors import CrosswireError
from crosswire.ingest import MAX_INPUT_BYTES, read_bytes, read_inputs
from crosswire.ingest.decode import decode_text

CAFE = (
    "Café reopens on the quay\n\nThe café on Velmora quay reopened on Monday, its owner Renée Dufort said.\n"
)


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_western_single_byte_text_decodes(encoding: str) -> None:
    (article,) = read_bytes(CAFE.encode(encoding), "cafe.txt")
    assert article.title == "Café reopens on the quay"
    assert "Renée Dufort" in article.text


def test_cp1252_punctuation_decodes() -> None:
    text = "Quay \u201cclosed\u201d \u2014 for now\n\nThe owner said the caf\u00e9 would be back.\n"
    assert decode_text(text.encode("cp1252"), "q.txt") == text


def test_utf16_with_bom_decodes() -> None:
    (article,) = read_bytes(CAFE.encode("utf-16"), "cafe16.txt")
    assert article.title == "Café reopens on the quay"


def test_utf8_bom_is_dropped() -> None:
    (article,) = read_bytes(b"\xef\xbb\xbf" + CAFE.encode("utf-8"), "bom.txt")
    assert article.title == "Café reopens on the quay"


def test_bad_utf16_is_undecodable() -> None:
    with pytest.raises(CrosswireError, match="undecodable"):
        read_bytes(b"\xff\xfeA\x00\x00\xd8", "bad16.txt")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(40), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "gzip"),
        (b"text\x00with\x00many\x00NUL\x00bytes\x00", "NUL"),
        (bytes(range(1, 32)) * 10, "control"),
    ],
)
def test_binary_input_is_an_error(data: bytes, kind: str) -> None:
    with pytest.raises(CrosswireError, match="not a text file") as caught:
        read_bytes(data, "blob.txt")
    assert kind in str(caught.value)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "])
def test_empty_input_is_an_error(data: bytes) -> None:
    with pytest.raises(CrosswireError, match="empty file"):
        read_bytes(data, "empty.txt")


def test_unicode_whitespace_only_is_empty() -> None:
    with pytest.raises(CrosswireError, match="empty file"):
        read_bytes("\u3000\u00a0\n".encode(), "blank.txt")


def test_oversized_file_names_the_cap(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: large on paper, nothing written
        handle.truncate(MAX_INPUT_BYTES + 1)
    with pytest.raises(CrosswireError, match=r"over the 50 MiB cap \(MAX_INPUT_BYTES\)"):
        read_inputs([big])


def test_oversized_bytes_name_the_cap() -> None:
    with pytest.raises(CrosswireError, match="MAX_INPUT_BYTES"):
        read_bytes(b"a" * (MAX_INPUT_BYTES + 1), "big.txt")


def test_an_html_page_with_one_nul_byte_is_read() -> None:
    paragraph = "<p>The harbour board approved the new ferry timetable on Monday after a long debate.</p>"
    page = f"<html><head><title>Timetable approved</title></head><body><article>{paragraph * 4}</article></body></html>"
    data = page.encode().replace(b"<article>", b"<article>\x00", 1)
    (article,) = read_bytes(data, "page.html")
    assert "\x00" not in article.text
    assert "new ferry timetable" in article.text
