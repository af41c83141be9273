from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.errors import CrosswireError, CrosswireWarning
from crosswire.ingest import read_bytes, read_inputs

ROWS = [
    {
        "title": "Dam inspection finds cracks",
        "text": "Engineers found hairline cracks in the Tessel dam on Monday.\n\nThe reservoir will be lowered.",
        "url": "https://tessel.example/dam",
        "outlet": "Tessel Times",
        "published": "2024-06-03",
    },
    {"text": "Residents below the Tessel dam were told there is no immediate danger."},
]


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_articles(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "dam.jsonl", [json.dumps(row) for row in ROWS])
    first, second = read_inputs([path])
    assert first.title == "Dam inspection finds cracks"
    assert first.outlet == "Tessel Times"
    assert first.url == "https://tessel.example/dam"
    assert first.published == "2024-06-03"
    assert first.text.endswith("\n\nThe reservoir will be lowered.")
    assert first.cluster is None
    assert second.title is None and second.published is None
    assert second.text.startswith("Residents below")


def test_jsonl_bad_lines_are_warned_by_number_and_skipped(tmp_path: Path) -> None:
    lines = [json.dumps(ROWS[0]), "{not json", json.dumps({"title": "no text"}), "", json.dumps(ROWS[1])]
    path = write_jsonl(tmp_path / "mixed.jsonl", lines)
    with pytest.warns(CrosswireWarning) as caught:
        articles = read_inputs([path])
    assert len(articles) == 2
    messages = [str(w.message) for w in caught]
    assert any("line 2 skipped: invalid JSON" in m for m in messages)
    assert any('line 3 skipped: no "text" string' in m for m in messages)
    assert any("kept 2 of 4 JSON records; skipped 2" in m for m in messages)


def test_jsonl_with_only_bad_lines_is_an_error() -> None:
    data = b'{"text": ""}\n{"text": 5}\n'
    with pytest.raises(CrosswireError, match="no usable articles"), pytest.warns(CrosswireWarning):
        read_bytes(data, "bad.jsonl")


def test_jsonl_dates_are_normalised_to_iso() -> None:
    rows = [
        {"text": "The Tessel dam reopened to walkers.", "published": "Tue, 05 Mar 2024 10:15:00 +0000"},
        {"text": "The Tessel dam path closed again.", "published": "2024-03-06T08:00:00Z"},
    ]
    data = "\n".join(json.dumps(r) for r in rows).encode()
    first, second = read_bytes(data, "dates.jsonl")
    assert first.published == "2024-03-05T10:15:00+00:00"
    assert second.published == "2024-03-06T08:00:00+00:00"


def test_jsonl_unreadable_date_is_dropped_with_a_warning() -> None:
    data = json.dumps({"text": "The Tessel dam path closed.", "published": "last Tuesday"}).encode()
    with pytest.warns(CrosswireWarning, match="unrecognised date"):
        (article,) = read_bytes(data, "date.jsonl")
    assert article.published is None


def test_json_array_of_articles_is_read_too() -> None:
    (article,) = read_bytes(json.dumps([ROWS[1]], indent=2).encode(), "list.json")
    assert article.text.startswith("Residents below")
