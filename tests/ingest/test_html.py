from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.errors import CrosswireError
from crosswire.ingest import read_bytes, read_inputs

from .samples import HTML_PAGE, PARAGRAPHS


def test_html_page_gives_main_text_and_metadata(tmp_path: Path) -> None:
    page = tmp_path / "ferry.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    (article,) = read_inputs([page])
    assert article.title == "Ferry strike ends after nine days"
    assert article.outlet == "Harbour Gazette"
    assert article.url == "https://gazette.example/ferry-strike"
    assert article.published == "2024-03-14"
    assert article.text == "\n\n".join(PARAGRAPHS)
    for junk in ("Subscribe", "Copyright", "Privacy", "Home"):
        assert junk not in article.text
    assert article.source == str(page)


def test_html_without_main_text_is_an_error() -> None:
    page = b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a> <a>News</a></nav></body></html>"
    with pytest.raises(CrosswireError, match="no article text found"):
        read_bytes(page, "menu.html")


def test_html_declared_in_cp1252_decodes() -> None:
    page = HTML_PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    page = page.replace("Ilsa Marrow", "Ilsa Marrów")
    (article,) = read_bytes(page.encode("cp1252"), "cp1252.html")
    assert "Ilsa Marrów" in article.text


def test_html_named_file_with_plain_words_is_not_an_article() -> None:
    with pytest.raises(CrosswireError, match="no article text found"):
        read_bytes(b"just a few words", "short.html")


@pytest.mark.parametrize(
    "paragraph",
    [
        "港口管理局周一批准了新的渡轮时刻表，每天增加三班。",  # Chinese, written for this test
        "港湾局は月曜日、新しいフェリーの時刻表を承認した。",  # Japanese, written for this test
    ],
)
def test_chinese_and_japanese_pages_have_article_text(paragraph: str) -> None:
    page = f"<html><head><title>渡轮</title></head><body><article><p>{paragraph}</p><p>{paragraph}</p></article></body></html>"
    (article,) = read_bytes(page.encode(), "cjk.html")
    assert paragraph in article.text


def test_cjk_words_are_counted_by_characters() -> None:
    from crosswire.ingest.fields import article_words

    assert article_words("港口管理局周一批准") == 4
    assert article_words("The ferry 港口 runs") == 4


def test_a_title_loses_its_site_name() -> None:
    from crosswire.ingest.html import without_site_name

    assert without_site_name("Ferry strike ends after nine days - Harbour Gazette", "Harbour Gazette") == (
        "Ferry strike ends after nine days"
    )
    assert without_site_name("Ferry strike ends | Harbour Gazette", "Harbour Gazette") == "Ferry strike ends"
    assert without_site_name("Harbour Gazette", "Harbour Gazette") == "Harbour Gazette"
    assert without_site_name("About - Harbour Gazette", "Harbour Gazette") == "About - Harbour Gazette"
