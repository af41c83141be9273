from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.ingest import read_bytes, read_inputs

from .samples import LIGHTHOUSE, MARKET


@pytest.fixture
def text_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "orrin-bay"
    folder.mkdir()
    (folder / "b_market.txt").write_text(MARKET, encoding="utf-8")
    (folder / "a_lighthouse.txt").write_text(LIGHTHOUSE, encoding="utf-8")
    return folder


def test_text_folder_gives_titled_articles_in_sorted_order(text_folder: Path) -> None:
    articles = read_inputs([text_folder])
    assert [a.title for a in articles] == [
        "Lighthouse keeper rescues stranded kayakers near Orrin Bay",
        "Orrin Bay fish market to close for repairs",
    ]
    first = articles[0]
    assert first.text.startswith("Two kayakers stranded")
    assert first.source == str(text_folder / "a_lighthouse.txt")
    assert first.language == "en"
    assert first.id == "" and first.removed == () and first.cluster is None


def test_body_keeps_line_structure(text_folder: Path) -> None:
    body = read_inputs([text_folder])[0].text
    assert "the coastguard said.\n\nThe keeper, Tomas Fell," in body
    assert "after dusk.\nBoth kayakers" in body
    assert not body.endswith("\n")


def test_crlf_is_normalised_and_leading_blank_lines_skipped() -> None:
    data = ("\r\n\r\n" + LIGHTHOUSE.replace("\n", "\r\n")).encode("utf-8")
    (article,) = read_bytes(data, "crlf.txt")
    assert article.title == "Lighthouse keeper rescues stranded kayakers near Orrin Bay"
    assert "\r" not in article.text
    assert "said.\n\nThe keeper" in article.text


def test_single_line_file_is_text_without_title() -> None:
    (article,) = read_bytes(b"The harbour crane was repaired on Friday.\n", "one.txt")
    assert article.title is None
    assert article.text == "The harbour crane was repaired on Friday."


def test_hidden_files_and_readmes_are_skipped(text_folder: Path) -> None:
    (text_folder / ".notes.txt").write_text("Hidden\n\nnot an article\n", encoding="utf-8")
    (text_folder / "README.md").write_text("# About\n\nThese are test articles.\n", encoding="utf-8")
    hidden = text_folder / ".cache"
    hidden.mkdir()
    (hidden / "c.txt").write_text("Cached\n\ncopy\n", encoding="utf-8")
    nested = text_folder / "more"
    nested.mkdir()
    (nested / "c_more.txt").write_text(MARKET, encoding="utf-8")
    sources = [Path(a.source).name for a in read_inputs([text_folder])]
    assert sources == ["a_lighthouse.txt", "b_market.txt", "c_more.txt"]
