from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crosswire.errors import CrosswireError
from crosswire.evaluate.story_data import docno_facts, iso_date, load_story_stream


def _write(tmp_path: Path, lines: list[Any], name: str = "data.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def test_clustering_set_keeps_file_order_and_labels(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            {"text": "river flood town evacuated", "cluster": 4},
            {"text": "bank data breach records", "cluster": 9},
            {"text": "flood water river bridge", "cluster": 4},
        ],
    )
    stream = load_story_stream(path)
    assert [a.text for a in stream.articles] == [
        "river flood town evacuated",
        "bank data breach records",
        "flood water river bridge",
    ]
    assert stream.gold == ("4", "9", "4")
    assert stream.stories == 2
    assert all(a.cluster is None and a.id == "" for a in stream.articles)
    assert len(load_story_stream(path, limit=2).articles) == 2


def test_multinews_documents_are_pooled_and_shuffled_with_a_seed(tmp_path: Path) -> None:
    lines = [
        {"id": f"c{c}", "documents": [f"story {c} article {i}" for i in range(3)], "summary": "s"}
        for c in range(4)
    ]
    path = _write(tmp_path, lines)
    stream = load_story_stream(path, seed=1)
    assert len(stream.articles) == 12 and stream.stories == 4
    for article, gold in zip(stream.articles, stream.gold, strict=True):
        assert article.text.startswith(f"story {gold[1:]} ")  # the gold is each document's own cluster
        assert gold not in article.source  # nothing on the article names its cluster
    order = [a.text for a in stream.articles]
    assert order == [a.text for a in load_story_stream(path, seed=1).articles]
    assert order != [a.text for a in load_story_stream(path, seed=2).articles]
    assert order != sorted(order)
    limited = load_story_stream(path, limit=2)
    assert len(limited.articles) == 6 and limited.stories == 2


def test_multinews_joined_document_and_blank_documents(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [{"id": "m1", "document": "first page ||||| second page |||||   ", "summary": "– s"}],
    )
    stream = load_story_stream(path)
    assert sorted(a.text for a in stream.articles) == ["first page", "second page"]
    assert stream.gold == ("m1", "m1")


def test_duc_dates_headlines_and_outlets_reach_the_articles(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            {
                "id": "D0601A",
                "documents": ["Text one.", "Text two."],
                "summaries": ["r"],
                "meta": {
                    "dates": ["1999-07-07 08:30:27", None],
                    "headlines": ["Headline One", ""],
                    "docnos": ["APW19990707.0181", "XIE19980421.0323"],
                },
            }
        ],
    )
    by_text = {a.text: a for a in load_story_stream(path).articles}
    one, two = by_text["Text one."], by_text["Text two."]
    assert (one.title, one.published, one.outlet) == (
        "Headline One",
        "1999-07-07T08:30:27",
        "Associated Press",
    )
    assert (two.title, two.published, two.outlet) == (None, "1998-04-21", "Xinhua")


def test_update_sets_of_a_topic_are_one_story(tmp_path: Path) -> None:
    lines = [
        {"id": f"D0703A-{letter}", "documents": [f"euro {letter}"], "summaries": ["r"]} for letter in "ABC"
    ] + [{"id": "D0704B-A", "documents": ["other"], "summaries": ["r"]}]
    stream = load_story_stream(_write(tmp_path, lines))
    assert sorted(stream.gold) == ["D0703A", "D0703A", "D0703A", "D0704B"]


def test_date_and_docno_parsing() -> None:
    assert iso_date("2000-01-08 01:42") == "2000-01-08T01:42:00"
    assert iso_date("2015-12-08") == "2015-12-08"
    assert iso_date("yesterday") is None and iso_date(None) is None
    assert docno_facts("NYT19990101.0001") == ("1999-01-01", "New York Times")
    assert docno_facts("not a docno") == (None, None)


@pytest.mark.parametrize(
    "lines, message",
    [
        ([], "no lines"),
        ([{"text": "a", "cluster": 1}, {"id": "x", "documents": ["b"], "summary": "s"}], "mixes"),
        ([{"id": "x", "summary": "s"}], "neither 'documents' nor 'document'"),
        ([{"id": "x", "documents": ["  "], "summary": "s"}], "no documents"),
        ([{"text": "", "cluster": 1}], "non-empty"),
    ],
)
def test_bad_files_give_one_line_errors(tmp_path: Path, lines: list[Any], message: str) -> None:
    with pytest.raises(CrosswireError, match=message):
        load_story_stream(_write(tmp_path, lines))


def test_bad_limit_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CrosswireError, match="--limit"):
        load_story_stream(_write(tmp_path, [{"text": "a", "cluster": 1}]), limit=0)
    with pytest.raises(CrosswireError, match="cannot read"):
        load_story_stream(tmp_path / "missing.jsonl")
