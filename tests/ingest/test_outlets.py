"""Outlets of plain-text articles: from the dateline, sign-off, boilerplate or file name (invented texts)."""

from __future__ import annotations

import pytest

from crosswire.ingest import read_bytes
from crosswire.ingest.outlets import outlet_of_file_name, outlet_of_text

BODY = "The Velmora ferry strike ended on Wednesday after crews accepted a pay deal, their union said."


@pytest.mark.parametrize(
    ("text", "outlet", "source"),
    [
        (f"VELMORA, April 16 (NPA) - {BODY}", "NPA", "dateline"),
        (f"VELMORA (AP) — {BODY}", "AP", "dateline"),
        (
            f"{BODY}\n\n(c) 2025 Northern Press Agency. All rights reserved.",
            "Northern Press Agency",
            "sign-off",
        ),
        (f"{BODY}\n\n© 2025 Harbour Gazette", "Harbour Gazette", "sign-off"),
        (f"{BODY}\n\nMore from the Islander", "Islander", "boilerplate"),
        (
            f"{BODY}\n\nHarbour Freight Weekly delivers independent coverage of ports and shipping.",
            "Harbour Freight Weekly",
            "boilerplate",
        ),
    ],
)
def test_outlet_from_the_text(text: str, outlet: str, source: str) -> None:
    assert outlet_of_text(text, "story.txt") == (outlet, source)


def test_outlet_from_the_file_name_and_none_without_one() -> None:
    assert outlet_of_text(BODY, "articles/02-northline-news.txt") == ("Northline News", "file name")
    assert outlet_of_text(BODY, "article-1.txt") == (None, "")
    assert outlet_of_file_name("story.txt") is None
    assert outlet_of_file_name("03_orsa_islander.txt") == "Orsa Islander"


def test_a_text_file_records_where_its_outlet_came_from() -> None:
    data = f"Ferry strike ends\n\nVELMORA, April 16 (NPA) - {BODY}\n".encode()
    (article,) = read_bytes(data, "notes.txt")
    assert (article.outlet, article.outlet_source) == ("NPA", "dateline")


def test_html_outlets_come_from_metadata() -> None:
    from .samples import HTML_PAGE

    (article,) = read_bytes(HTML_PAGE.encode(), "page.html")
    assert article.outlet == "Harbour Gazette" and article.outlet_source == "metadata"


def test_the_json_output_says_where_the_outlet_came_from() -> None:
    import json

    from crosswire.render.json import article_record

    (article,) = read_bytes(f"Ferry strike ends\n\nVELMORA, April 16 (NPA) - {BODY}\n".encode(), "notes.txt")
    record = json.loads(json.dumps(article_record(article)))
    assert record["outlet"] == "NPA" and record["outlet_source"] == "dateline"
