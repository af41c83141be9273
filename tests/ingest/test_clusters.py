from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.errors import CrosswireError, CrosswireWarning
from crosswire.ingest import read_bytes, read_inputs

STORM = [
    "A storm knocked out power to 4,000 homes in Wendle on Friday, the grid operator said.",
    "Crews restored power to most of Wendle by Saturday morning.",
]
FLOOD = "The Arlen river burst its banks near Pettow.|||||  |||||Sandbags were handed out in Pettow."


def test_clusters_in_both_forms(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "storm-7", "documents": STORM, "summary": "A storm cut power in Wendle."}),
        json.dumps({"document": FLOOD, "summary": "The Arlen flooded."}),
    ]
    path = tmp_path / "clusters.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = read_inputs([path])
    assert [a.cluster for a in articles] == ["storm-7", "storm-7", "line-2", "line-2"]
    assert [a.text for a in articles[:2]] == STORM
    assert articles[2].text == "The Arlen river burst its banks near Pettow."
    assert articles[3].text == "Sandbags were handed out in Pettow."
    assert all(a.title is None for a in articles)
    assert all(a.source == str(path) for a in articles)


def test_numeric_ids_and_empty_documents() -> None:
    data = json.dumps({"id": 12, "documents": ["", "Wendle school reopened on Monday.", None]}).encode()
    (article,) = read_bytes(data, "c.jsonl")
    assert article.cluster == "12"


def test_cluster_line_with_only_empty_documents_is_skipped() -> None:
    lines = [json.dumps({"documents": ["", "  "]}), json.dumps({"documents": STORM})]
    with pytest.warns(CrosswireWarning, match="line 1 skipped: all documents are empty"):
        articles = read_bytes("\n".join(lines).encode(), "c.jsonl")
    assert {a.cluster for a in articles} == {"line-2"}


def test_clusters_file_with_no_usable_line_is_an_error() -> None:
    data = json.dumps({"documents": "not a list"}).encode()
    with pytest.raises(CrosswireError, match="no usable clusters"), pytest.warns(CrosswireWarning):
        read_bytes(data, "c.jsonl")


def test_many_cluster_lines_keep_their_ids() -> None:
    lines = [json.dumps({"id": f"c{i}", "documents": STORM * 3}) for i in range(250)]
    articles = read_bytes("\n".join(lines).encode(), "many.jsonl")
    assert len(articles) == 1500
    assert len({a.cluster for a in articles}) == 250
