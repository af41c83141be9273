from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.errors import CrosswireError
from crosswire.evaluate.datasets import (
    load_clusters,
    load_duc2006,
    load_duc2007_update,
    split_update_id,
    topic_query,
)


def write_jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_multinews_lines(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "mn.jsonl",
        [
            {"id": "mn-1", "documents": ["Doc one.", "  ", "Doc two."], "summary": "– The summary."},
            {"id": "mn-2", "documents": ["Only doc."], "summary": "Plain summary."},
        ],
    )
    clusters = load_clusters(path)
    assert [c.id for c in clusters] == ["mn-1", "mn-2"]
    assert clusters[0].documents == ("Doc one.", "Doc two.")  # blank documents dropped
    assert clusters[0].references == ("The summary.",)
    assert clusters[0].query is None and clusters[0].since_documents == ()
    assert len(load_clusters(path, limit=1)) == 1


def test_duc2006_lines(tmp_path: Path) -> None:
    record = {
        "id": "D0999Z",
        "documents": ["A.", "B."],
        "summaries": ["Ref one.\nSecond line.", "Ref two."],
        "meta": {
            "topic": {"title": "Harbour fires", "narrative": "Describe the causes of harbour fires."},
            "dates": ["1999-07-07 08:30:27", None],
        },
    }
    (cluster,) = load_duc2006(write_jsonl(tmp_path / "duc.jsonl", [record]))
    assert cluster.references == ("Ref one.\nSecond line.", "Ref two.")
    assert cluster.query == "Harbour fires. Describe the causes of harbour fires."
    assert cluster.dates == ("1999-07-07 08:30:27", None)


def test_duc2007_update_sets_see_earlier_sets(tmp_path: Path) -> None:
    def line(set_letter: str) -> dict[str, object]:
        return {
            "id": f"D0700X-{set_letter}",
            "documents": [f"{set_letter} doc 1.", f"{set_letter} doc 2."],
            "summaries": [f"{set_letter} ref."],
            "meta": {"topic": {"title": "Topic", "narrative": "Say what happened."}},
        }

    path = write_jsonl(tmp_path / "upd.jsonl", [line("A"), line("B"), line("C")])
    a, b, c = load_duc2007_update(path)
    assert (a.topic, a.update_set, a.since_documents) == ("D0700X", "A", ())
    assert b.since_documents == ("A doc 1.", "A doc 2.")
    assert c.since_documents == ("A doc 1.", "A doc 2.", "B doc 1.", "B doc 2.")
    assert c.documents == ("C doc 1.", "C doc 2.")
    # --limit keeps the context built from the whole file
    assert load_duc2007_update(path, limit=2)[1].since_documents == b.since_documents


def test_split_update_id() -> None:
    assert split_update_id("D0703A-B") == ("D0703A", "B")
    assert split_update_id("multinews-test-4830") is None


def test_topic_query_forms() -> None:
    assert topic_query({"topic": "What happened?"}) == "What happened?"
    assert topic_query({}) is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json\n", "not JSON"),
        ('{"id": "x", "documents": ["a"]}\n', "neither"),
        ('{"id": "x", "documents": [], "summary": "s"}\n', "no documents"),
        ("", "no clusters"),
    ],
)
def test_bad_files_are_user_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CrosswireError, match=message):
        load_clusters(path)


def test_missing_file_and_bad_limit(tmp_path: Path) -> None:
    with pytest.raises(CrosswireError, match="cannot read"):
        load_clusters(tmp_path / "absent.jsonl")
    with pytest.raises(CrosswireError, match="limit"):
        load_clusters(tmp_path / "absent.jsonl", limit=0)
