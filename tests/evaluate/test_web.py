"""The web-page cleaning benchmark on a tiny annotated set of invented pages (its own format)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.errors import CrosswireError
from crosswire.evaluate.web import load_pages, run_web, score_pages

LEDE = "The harbour board of Velmora approved a new ferry timetable on Monday after a long public debate."
BODY = "The timetable adds three crossings a day between the two harbours and starts in May, officials said."
PROMO = "Sign up for our newsletter and never miss a story from the harbour."


def _page(extra: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in (LEDE, BODY, BODY.replace("three", "four"), extra))
    return f"<html><head><title>Timetable approved</title></head><body><article>{paragraphs}</article></body></html>"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    tests = tmp_path / "tests"
    (tests / "eval").mkdir(parents=True)
    (tests / "eval" / "harbour.html").write_text(_page(PROMO), encoding="utf-8")
    (tests / "eval" / "0123456789abcdef0123456789abcdef.html").write_text(_page(PROMO), encoding="utf-8")
    annotations = {
        "https://harbour.example/a": {
            "file": "harbour.html",
            "with": [LEDE, "starts in May"],
            "without": [PROMO],
        },
        "https://other.example/b": {
            "file": "0123456789abcdef0123456789abcdef.html",
            "with": [LEDE],
            "without": [PROMO],
        },
    }
    (tests / "evaldata.json").write_text(json.dumps(annotations), encoding="utf-8")
    return tmp_path


def test_pages_with_hashed_names_are_left_out(folder: Path) -> None:
    assert [page.name for page in load_pages(folder)] == ["harbour.html"]


def test_cleaning_drops_the_promo_and_keeps_the_text(folder: Path) -> None:
    scores = score_pages(load_pages(folder))["scores"]
    assert scores["after"].keep_share == 1.0
    assert scores["after"].drop_share == 1.0
    assert scores["before"].drop_share == 0.0  # trafilatura keeps the promo; crosswire's cleaning drops it
    assert "crosswire, after its cleaning | 1.000 | 1.000" in run_web(folder)


def test_a_missing_set_says_where_to_get_it(tmp_path: Path) -> None:
    with pytest.raises(CrosswireError, match=r"git clone https://github\.com/adbar/trafilatura"):
        load_pages(tmp_path)
